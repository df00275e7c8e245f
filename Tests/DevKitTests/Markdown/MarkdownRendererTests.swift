@testable import DevKit
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersCommonMark() {
        let result = renderer.render("Some *emphasis* and `code`.\n\n- one\n- two\n")
        #expect(result.html == "<p>Some <em>emphasis</em> and <code>code</code>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func headingsGetUniqueAnchorsAndSelfLinks() {
        let result = renderer.render("# Title\n\n## Set up `devkit`\n\n## Set up `devkit`\n")
        #expect(result.headings == [
            Heading(level: 1, text: "Title", anchor: "title", line: 1),
            Heading(level: 2, text: "Set up devkit", anchor: "set-up-devkit", line: 3),
            Heading(level: 2, text: "Set up devkit", anchor: "set-up-devkit-1", line: 5),
        ])
        #expect(result.html.contains(##"<h2 id="set-up-devkit-1">Set up <code>devkit</code><a class="anchor" href="#set-up-devkit-1""##))
        #expect(result.firstTitle == "Title")
    }

    @Test func codeBlocksGetLanguageClassAndCopyButton() {
        let result = renderer.render("```js title=x\nconst a = \"<b>\";\n```\n")
        #expect(result.html == """
            <div class="code-block"><button type="button" class="copy" aria-label="Copy code">Copy</button>\
            <pre><code class="language-javascript"><span class="hl-kw">const</span> a = <span class="hl-str">&quot;&lt;b&gt;&quot;</span>;
            </code></pre></div>\n
            """)
    }

    @Test func unknownLanguagesStayPlainAndEscaped() {
        let result = renderer.render("```brainfuck\n<+>\n```\n")
        #expect(result.html.contains(#"<pre><code class="language-brainfuck">&lt;+&gt;\#n</code></pre>"#))
        #expect(!result.html.contains("hl-"))
    }

    @Test func mermaidSequenceDiagramsBecomeFiguresAndOtherTypesStayCode() {
        let drawn = renderer.render("Intro\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n")
        #expect(drawn.html.contains(#"<figure class="diagram" tabindex="0"><svg"#))
        #expect(drawn.problems.isEmpty)
        let other = renderer.render("```mermaid\nflowchart LR\n  A --> B\n```\n")
        #expect(other.html.contains(#"<code class="language-mermaid">flowchart LR"#))
        #expect(other.problems.map(\.severity) == [.warning])
        #expect(other.problems.first?.line == 2)
        let broken = renderer.render("Text\n\n```mermaid\nsequenceDiagram\n  A->>>B: hi\n```\n")
        #expect(broken.problems.map(\.severity) == [.error])
        #expect(broken.problems.first?.line == 5)
        #expect(broken.problems.first?.column == 4)
    }

    @Test func rawHTMLIsEscapedByDefault() {
        let result = renderer.render("<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> here.\n")
        #expect(!result.html.contains("<script>"))
        #expect(!result.html.contains("<img"))
        #expect(result.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(result.html.contains("Inline &lt;img src=x onerror=alert(1)&gt; here."))
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        let result = MarkdownRenderer(allowsRawHTML: true).render("<div class=\"note\">Hi</div>\n")
        #expect(result.html == "<div class=\"note\">Hi</div>\n")
    }

    @Test func emptyAnchorsSurviveSafeModeAndCount() {
        let result = renderer.render("<a id=\"old-name\"></a>\n\n## New name\n\nText <a name='inline'></a> here.\n")
        #expect(result.anchors == ["old-name", "new-name", "inline"])
        #expect(result.html.contains("<a id=\"old-name\"></a>"))
        #expect(result.html.contains("Text <a id=\"inline\"></a> here."))
    }

    @Test(arguments: ["javascript:alert(1)", " JavaScript:alert(1)", "vbscript:x", "file:///etc/passwd", "data:text/html,hello"])
    func dangerousURLsAreDropped(url: String) {
        let result = renderer.render("[click](<\(url)>)\n")
        #expect(result.html == "<p><a href=\"\">click</a></p>\n")
    }

    @Test func imagesMayUseDataURLsOfImageTypes() {
        let result = renderer.render("![dot](data:image/png;base64,AAAA)\n")
        #expect(result.html.contains("src=\"data:image/png;base64,AAAA\""))
    }

    @Test func linksAreReportedWithPositionsAndRewritten() {
        let source = "Intro\n\nSee [a](a.md#x) and\n![pic](img/p.png) [b](https://example.com).\n"
        let result = renderer.render(source) { link in link.destination.hasSuffix(".md#x") ? "/a/#x" : link.destination }
        #expect(result.links == [
            MarkdownLink(destination: "a.md#x", line: 3, column: 5, isImage: false),
            MarkdownLink(destination: "img/p.png", line: 4, column: 1, isImage: true),
            MarkdownLink(destination: "https://example.com", line: 4, column: 19, isImage: false),
        ])
        #expect(result.html.contains("<a href=\"/a/#x\">a</a>"))
        #expect(result.html.contains("<img src=\"img/p.png\" alt=\"pic\" />"))
    }

    @Test func includeDirectivesStayLiteral() {
        let result = renderer.render("{{#include ../listings/ch01/main.rs}}\n")
        #expect(result.html == "<p>{{#include ../listings/ch01/main.rs}}</p>\n")
    }
}
