@testable import DevKit
import Foundation
import Testing

/// Random documents from GFM-ish pieces (seeded, so a failure repeats): the passes never crash and
/// never leave a placeholder or sentinel of theirs in the HTML. With `DEVKIT_GFM_FUZZ_ORACLE=1`
/// the same documents are also compared with cmark-gfm and the differences printed (not asserted:
/// random crossings of delimiters hit the documented differences).
@Suite struct GFMFuzzTests {
    static let pieces = [
        "| a | b |", "|---|:-:|", "| `x\\|y` | [l](u.md) |", "a | b", "--|--", "> ", "- ", "1. ", "  ", "    ",
        "~~", "~", "*", "_", "**", "[", "]", "(", ")", "www.example.com", "https://x.org/a_(b)", "me@ex.com",
        "[^1]", "[^1]: note", "[ ]", "[x]", "[!NOTE]", "`", "\\|", "\\~", "\\[", "<b>", "&amp;", "text", "word",
        ".", ",", "!", "?", ":", "\t", "# ", "```", "---", "===", "|", "-", ":",
    ]

    static func document(seed: UInt64) -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines: [String] = []
        for _ in 0..<(2 + next(8)) {
            var line = ""
            for _ in 0..<(1 + next(6)) { line += pieces[next(pieces.count)] + (next(3) == 0 ? "" : " ") }
            lines.append(next(5) == 0 ? "" : line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func randomDocumentsLeaveNoPlaceholders() throws {
        let compare = ProcessInfo.processInfo.environment["DEVKIT_GFM_FUZZ_ORACLE"] == "1"
        var plain = MarkdownRenderer(allowsRawHTML: true)
        plain.decoratesBlocks = false
        var differences = 0
        for seed in 0..<1500 {
            let markdown = Self.document(seed: UInt64(seed))
            for renderer in [MarkdownRenderer(), plain] {
                let html = renderer.render(markdown).html
                #expect(!html.contains("\u{1F}"), "seed \(seed): \(markdown)")
                #expect(!html.contains("\u{A1}") && !html.contains("\u{BF}"), "seed \(seed): \(markdown)")
            }
            if compare {
                let ours = GFMCorpus.normalized(plain.render(markdown).html)
                let theirs = GFMCorpus.normalized(try GFMCorpus.oracle(markdown, unsafe: true))
                if ours != theirs {
                    differences += 1
                    if differences <= 30 { print("FUZZ seed \(seed)\n\(markdown)--- ours\n\(ours)\n--- cmark-gfm\n\(theirs)\n") }
                }
            }
        }
        if compare { print("FUZZ differences: \(differences) of 1500") }
    }
}
