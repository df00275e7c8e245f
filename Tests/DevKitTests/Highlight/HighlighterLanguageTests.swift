@testable import DevKit
import Testing

/// Which fence names the highlighter knows, and small behaviours every language shares.
@Suite struct HighlighterLanguageTests {
    static let aliases: [(String, String)] = [
        ("javascript", "javascript"), ("js", "javascript"), ("mjs", "javascript"), ("cjs", "javascript"), ("jsx", "javascript"),
        ("typescript", "typescript"), ("ts", "typescript"), ("tsx", "typescript"),
        ("json", "json"), ("jsonc", "json"), ("json5", "json"),
        ("html", "html"), ("xhtml", "html"), ("xml", "xml"), ("svg", "xml"),
        ("css", "css"),
        ("shell", "shell"), ("sh", "shell"), ("bash", "shell"), ("zsh", "shell"),
        ("console", "console"), ("shell-session", "console"), ("terminal", "console"),
        ("swift", "swift"), ("rust", "rust"), ("rs", "rust"), ("yaml", "yaml"), ("yml", "yaml"), ("toml", "toml"),
        ("http", "http"), ("diff", "diff"), ("patch", "diff"),
    ]

    @Test(arguments: aliases)
    func aliasNamesItsCanonicalLanguage(_ alias: String, _ canonical: String) throws {
        #expect(try #require(Highlighter.highlight("x", language: alias)).language == canonical)
        #expect(try #require(Highlighter.highlight("x", language: alias.uppercased())).language == canonical)
    }

    @Test func everyLanguageNameLeadsBackToIt() {
        for language in Highlighter.Language.allCases {
            #expect(language.names.first == language.rawValue)
            for name in language.names { #expect(Highlighter.Language(fenceName: name) == language, "\(name)") }
        }
    }

    @Test func namesAreCaseInsensitiveAndMdBookAttributesAreIgnored() {
        #expect(Highlighter.highlight("x", language: "JavaScript")?.language == "javascript")
        #expect(Highlighter.highlight("x", language: "rust,ignore")?.language == "rust")
        #expect(Highlighter.highlight("x", language: "rust,should_panic,noplayground")?.language == "rust")
    }

    @Test(arguments: ["", "text", "plaintext", "mermaid", "powershell", "cmd", "javascriptx", "j s", ",rust", "python"])
    func unknownLanguageIsNil(_ name: String) {
        #expect(Highlighter.highlight("let x = 1\n", language: name) == nil)
    }

    @Test func emptyCodeIsEmptyHTML() {
        for language in Highlighter.Language.allCases {
            #expect(Highlighter.highlight("", language: language.rawValue)?.html == "")
        }
    }

    /// The five characters HTML.escapeText replaces come out the same way, inside spans and out.
    @Test func escapesAsHTMLEscapeTextDoes() throws {
        let code = "a < b && c > d; s = \"q\" + 'r' // <&\"'>\n"
        let html = try #require(Highlighter.highlight(code, language: "js")).html
        #expect(html.contains("a &lt; b &amp;&amp; c &gt; d"))
        #expect(html.contains("<span class=\"hl-str\">&quot;q&quot;</span>"))
        #expect(html.contains("<span class=\"hl-str\">&#39;r&#39;</span>"))
        #expect(html.contains("<span class=\"hl-com\">// &lt;&amp;&quot;&#39;&gt;</span>"))
        #expect(HighlightMarkup.strippingTags(html) == Array(HTML.escapeText(code).utf8))
    }

    /// A comment over three lines is three spans, one a line, with no empty span for a blank line.
    @Test func aSpanIsClosedAndReopenedAtEachLineBreak() throws {
        let html = try #require(Highlighter.highlight("/* one\n\ntwo */ x", language: "css")).html
        #expect(html == "<span class=\"hl-com\">/* one</span>\n\n<span class=\"hl-com\">two */</span> <span class=\"hl-tag\">x</span>")
    }

    @Test func consoleToldPromptsFromOutput() throws {
        let html = try #require(Highlighter.highlight("$ npm test\nok 1\n# whoami\nroot\n", language: "console")).html
        #expect(html == """
            <span class="hl-prompt">$ </span><span class="hl-fn">npm</span> test
            <span class="hl-out">ok 1</span>
            <span class="hl-prompt"># </span><span class="hl-fn">whoami</span>
            <span class="hl-out">root</span>

            """)
    }

    /// `> ` is a continuation prompt only after a command line; elsewhere it is output.
    @Test func greaterThanIsAPromptOnlyAfterACommand() throws {
        let html = try #require(Highlighter.highlight("> quoted output\n$ if true; then\n> echo yes; fi\n", language: "console")).html
        #expect(html.hasPrefix("<span class=\"hl-out\">&gt; quoted output</span>\n"))
        #expect(html.hasSuffix("<span class=\"hl-prompt\">&gt; </span><span class=\"hl-fn\">echo</span> yes; <span class=\"hl-kw\">fi</span>\n"))
    }

    @Test func nonASCIITextStaysWhole() throws {
        let code = "let naïve = \"café 👩🏽‍💻\" // ünïcode\n"
        for language in ["js", "swift", "rust"] {
            let html = try #require(Highlighter.highlight(code, language: language)).html
            #expect(html.contains("café 👩🏽‍💻"), "\(language)")
            #expect(HighlightMarkup.check(code, language: language).isEmpty, "\(language)")
        }
    }

    /// The writer's tags and entities, kept as integer literals, spell what they say.
    @Test func writerWordsSpellTheirTags() {
        typealias Words = Highlighter.Output.Words
        #expect(Words.openPrefix.0 == Highlighter.Output.word("<span cl") && Words.openPrefix.1 == Highlighter.Output.word("ass=\"hl-"))
        #expect(Words.closeTag == Highlighter.Output.word("</span>"))
        #expect([Words.amp, Words.lt, Words.gt, Words.quot, Words.apos] == ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map(Highlighter.Output.word))
        for style in Highlighter.Style.allCases {
            let tail = String(style.openTag.description.dropFirst(16))
            #expect(style.openTagTail.word == Highlighter.Output.word(tail) && style.openTagTail.count == tail.utf8.count, "\(style)")
            #expect(style.openTag.description == "<span class=\"\(style.className)\">")
        }
    }

    /// The checker itself finds what it looks for, so the property tests can fail.
    @Test func markupCheckerCatchesBrokenSpans() {
        #expect(!HighlightMarkup.problems("<span class=\"hl-kw\">a\nb</span>").isEmpty)
        #expect(!HighlightMarkup.problems("<span class=\"hl-kw\">a<span class=\"hl-str\">b</span></span>").isEmpty)
        #expect(!HighlightMarkup.problems("<span class=\"hl-nope\">a</span>").isEmpty)
        #expect(!HighlightMarkup.problems("<span class=\"hl-kw\"></span>").isEmpty)
        #expect(!HighlightMarkup.problems("<span class=\"hl-kw\">a").isEmpty)
        #expect(!HighlightMarkup.problems("<b>a</b>").isEmpty)
        #expect(HighlightMarkup.problems("<span class=\"hl-kw\">a</span>\n<span class=\"hl-str\">b</span>").isEmpty)
    }
}
