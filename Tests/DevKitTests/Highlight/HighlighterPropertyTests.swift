@testable import DevKit
import Testing

/// Random code from pieces every lexer cares about (seeded, so a failure repeats): in every language
/// the HTML strips back to exactly `HTML.escapeText(code)` and its spans are well formed.
@Suite struct HighlighterPropertyTests {
    static let pieces = [
        "\"", "'", "`", "\\", "${", "}", "{", "(", ")", "[", "]", "\\(", "#\"", "\"#", "\"\"\"", "'''", "r#\"", "b'",
        "/", "//", "/*", "*/", "#", "#!", "#[", "@", "$", "$(", "$'", "<<EOF", "EOF", "<<-'X'", "X", "<", ">", "</", "/>",
        "<!--", "-->", "<script>", "</script>", "<style>", "</style>", "<![CDATA[", "]]>", "&amp;", "&", "=", ":", ": ",
        ";", ",", ".", "..", "-", "+", "- ", "|", ">-", "---", "@@ -1,2 +1,3 @@", "+++", "--- ", "$ ", "# ", "> ",
        "HTTP/1.1 200 OK", "GET / HTTP/1.1", "Content-Type: application/json", "\n", "\n\n", "\r\n", " ", "\t", "  ",
        "let", "fn", "func", "const", "if", "for", "in", "do", "done", "true", "null", "nil", "Type", "name", "x1",
        "0", "42", "0x1F", "1.5e-3", "10n", "1_000", "'a'", "'a", "é", "👩🏽‍💻", "e\u{301}", "\u{0}", "\u{7}", "\u{FEFF}",
        "日本語", "\u{200D}", "¡", "𝄞",
    ]

    static func code(seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var code = ""
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            code += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            if Bool.random(using: &random) { code += " " }
        }
        return code
    }

    @Test(arguments: Highlighter.Language.allCases)
    func randomCodeKeepsThePromises(_ language: Highlighter.Language) {
        var failures = 0
        for seed in 0..<600 {
            let code = Self.code(seed: UInt64(seed) &* 7919 &+ UInt64(language.rawValue.utf8.count))
            let problems = HighlightMarkup.check(code, language: language.rawValue)
            if !problems.isEmpty {
                failures += 1
                if failures <= 3 { Issue.record("\(language.rawValue), seed \(seed): \(problems)\n\(code.debugDescription)") }
            }
        }
        #expect(failures == 0)
    }

    /// Random Unicode scalars of every plane (no pieces), in every language.
    @Test(arguments: Highlighter.Language.allCases)
    func randomScalarsKeepThePromises(_ language: Highlighter.Language) {
        var random = SeededRandom(seed: 0xC0DE)
        for _ in 0..<200 {
            var code = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...64, using: &random) {
                let value: UInt32 = switch Int.random(in: 0..<4, using: &random) {
                case 0: UInt32.random(in: 0...0x7F, using: &random)
                case 1: UInt32.random(in: 0x80...0x7FF, using: &random)
                case 2: UInt32.random(in: 0x800...0xD7FF, using: &random)
                default: UInt32.random(in: 0x10000...0x10FFFF, using: &random)
                }
                if let scalar = Unicode.Scalar(value) { code.append(scalar) }
            }
            let text = String(code)
            let problems = HighlightMarkup.check(text, language: language.rawValue)
            #expect(problems.isEmpty, "\(language.rawValue): \(problems) \(text.debugDescription)")
        }
    }
}
