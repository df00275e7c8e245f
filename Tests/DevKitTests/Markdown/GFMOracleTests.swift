@testable import DevKit
import Foundation
import Testing

/// Our GFM against cmark-gfm's, case by case (see `Fixtures/gfm/README.md`). The renderer runs
/// without its block decorations (heading anchors, code-block copy buttons), which cmark-gfm does
/// not write and which `MarkdownRendererTests` covers.
///
/// Documented differences, on purpose:
/// - Safe mode: cmark-gfm writes `<!-- raw HTML omitted -->` for raw HTML; devkit shows it as
///   escaped text (`safeModeEscapesRawHTMLWhereCmarkGFMOmitsIt`). Dangerous URLs are dropped by both.
/// - Alerts: cmark-gfm has none; `GitHubAlertsTests` checks GitHub's markup instead.
@Suite struct GFMOracleTests {
    static let cases = GFMCorpus.load()

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 150)
        #expect(FileManager.default.isExecutableFile(atPath: GFMCorpus.executable.path), "cmark-gfm is missing: apt-get install cmark-gfm")
    }

    @Test(arguments: cases)
    func rawHTMLAllowedMatchesCmarkGFMUnsafe(_ input: GFMCorpus.Case) throws {
        var renderer = MarkdownRenderer(allowsRawHTML: true)
        renderer.decoratesBlocks = false
        let ours = renderer.render(input.markdown).html
        let theirs = try GFMCorpus.oracle(input.markdown, unsafe: true)
        #expect(GFMCorpus.normalized(ours) == GFMCorpus.normalized(theirs), "\(input.name)\n\(input.markdown)")
    }

    @Test(arguments: cases)
    func safeModeMatchesCmarkGFMSafe(_ input: GFMCorpus.Case) throws {
        var renderer = MarkdownRenderer()
        renderer.decoratesBlocks = false
        let ours = renderer.render(input.markdown).html
        let theirs = try GFMCorpus.oracle(input.markdown, unsafe: false)
        if theirs.contains("<!-- raw HTML omitted -->") {
            #expect(!ours.contains("<!-- raw HTML omitted -->"))
            return
        }
        #expect(GFMCorpus.normalized(ours) == GFMCorpus.normalized(theirs), "\(input.name)\n\(input.markdown)")
    }
}
