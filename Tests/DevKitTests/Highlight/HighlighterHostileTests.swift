@testable import DevKit
import Testing

/// Input written to break a lexer: unterminated everything, nesting 100,000 deep, control bytes,
/// stacked combining marks, long single lines. Every language finishes (the time limit is only
/// a guard against a hang) and keeps its promises.
@Suite(.timeLimit(.minutes(2))) struct HighlighterHostileTests {
    static let languages = Highlighter.Language.allCases.map(\.rawValue)

    static let unterminated = [
        "\"abc", "'abc", "`abc ${ x", "`abc ${ `def ${", "/* abc", "/* a /* b */", "// abc", "<!-- abc", "<![CDATA[ abc",
        "<?xml abc", "<!DOCTYPE", "<a href=\"abc", "<a href='abc", "<a b=", "<script>let x = `", "<style>a { color: ",
        "r#\"abc", "r##\"abc\"#", "br\"abc", "b'", "'\\u{1F600", "'\\", "\"\"\"abc", "#\"abc\"", "##\"abc\"#", "\"\\(a",
        "\"\\(\"\\(", "#\"\\#(", "$'abc", "${abc", "$(abc", "<<EOF\nabc", "<<-'EOF'\n\tabc", "<<\"", "key: |\n  abc",
        "key: >-", "[a, {b: ", "\"abc\\", "'it''s", "[table", "a = \"\"\"abc", "a = '''abc", "{\"a\": \"b", "/re[/",
        "@@ -1,", "@@ -1,2 +1", "--- a", "$ ", "$ echo \\", "> ", "GET", "HTTP/1.1", "Content-Type: json\n\n{\"a\":",
        "\\", "#", "@", "&", "&#", "&amp", "<", "</", "0x", "1e", "1.", ".5e+", "#[", "#![", "'a", "'",
    ]

    @Test(arguments: languages)
    func unterminatedEverythingKeepsThePromises(_ language: String) {
        for opener in Self.unterminated {
            for code in [opener, opener + "\n", opener + "\nnext line\n", "x " + opener + " y"] {
                let problems = HighlightMarkup.check(code, language: language)
                #expect(problems.isEmpty, "\(language): \(problems) for \(code.debugDescription)")
            }
        }
    }

    /// 100,000 nested `${`: the lexer keeps its own stack, no recursion to overflow the thread's.
    @Test(arguments: ["javascript", "typescript"])
    func hundredThousandNestedTemplateInterpolations(_ language: String) {
        let depth = 100_000
        for code in [String(repeating: "`${", count: depth), String(repeating: "`${", count: depth) + String(repeating: "}`", count: depth)] {
            let problems = HighlightMarkup.check(code, language: language)
            #expect(problems.isEmpty, "\(language): \(problems.prefix(3)) for \(code.prefix(12))…")
        }
    }

    /// Every kind of opener nested 10,000 deep, then as many closers, in every language.
    @Test(arguments: languages)
    func deepNestingFinishes(_ language: String) {
        let depth = 10_000
        let nests = [
            String(repeating: "`${", count: depth) + String(repeating: "}`", count: depth),
            String(repeating: "\"\\(", count: depth) + String(repeating: ")\"", count: depth),
            String(repeating: "/*", count: depth) + String(repeating: "*/", count: depth),
            String(repeating: "{", count: depth) + String(repeating: "}", count: depth),
            String(repeating: "[", count: depth), String(repeating: "$(", count: depth),
            String(repeating: "<", count: depth), String(repeating: "${", count: depth),
        ]
        for code in nests {
            let problems = HighlightMarkup.check(code, language: language)
            #expect(problems.isEmpty, "\(language): \(problems.prefix(3)) for \(code.prefix(12))…")
        }
    }

    @Test(arguments: languages)
    func controlBytesAndEveryASCIICharacter(_ language: String) {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let latin = String(String.UnicodeScalarView((0..<256).compactMap { Unicode.Scalar($0) }))
        for code in [ascii, latin, ascii + "\n" + ascii, "\u{0}\"\u{0}'\u{0}`\u{0}/*\u{0}", String(repeating: "\u{0}", count: 1000)] {
            let problems = HighlightMarkup.check(code, language: language)
            #expect(problems.isEmpty, "\(language): \(problems)")
        }
    }

    /// Combining marks stacked on quotes and operators, emoji sequences, and text in other scripts.
    @Test(arguments: languages)
    func combiningMarksAndEmojiStayWhole(_ language: String) {
        let marks = String(repeating: "\u{301}", count: 1000)
        for code in ["\"" + marks + "\"", "'" + marks, "<" + marks + ">", "$" + marks, "#" + marks, "a:" + marks + " b",
                     "`${👩🏽‍💻}` // 🇫🇷", "let 名前 = \"日本語\"", "x = 'é' + 'e\u{301}'", "-\u{301}- \u{301}\n$\u{301} x"] {
            let highlighted = Highlighter.highlight(code, language: language)
            let problems = HighlightMarkup.check(code, language: language)
            #expect(problems.isEmpty, "\(language): \(problems) for \(code.prefix(20).debugDescription)")
            #expect(highlighted.map { !$0.html.contains("\u{FFFD}") } == true, "\(language): a scalar was split")
        }
    }

    /// Inputs that would be quadratic for a lexer that rescans: regex literals that never close,
    /// strings that never close, 64 KB on one line; and non-ASCII text long enough that the HTML is
    /// made into a String in pieces.
    @Test(arguments: languages)
    func longLinesStayLinear(_ language: String) {
        let size = 1 << 16
        let inputs = [
            String(repeating: "(/[", count: size / 3),
            String(repeating: "a", count: size),
            String(repeating: "\"\\", count: size / 2),
            String(repeating: "x: ", count: size / 3),
            String(repeating: "<a ", count: size / 3),
            String(repeating: "@@ -", count: size / 4),
            // Scalars of two, three and four bytes: the writer's 4 KB pieces must end between scalars.
            String(repeating: "é€𝄞 \"x\" <", count: size / 16),
        ]
        for code in inputs {
            let problems = HighlightMarkup.check(code, language: language)
            #expect(problems.isEmpty, "\(language): \(problems.prefix(3)) for \(code.prefix(8))…")
        }
    }
}
