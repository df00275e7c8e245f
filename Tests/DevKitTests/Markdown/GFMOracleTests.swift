@testable import DevKit
import Foundation
import Testing

/// Our GFM against cmark-gfm's, case by case (see `Fixtures/gfm/README.md`). The renderer runs
/// without its block decorations (heading anchors, code-block copy buttons), which cmark-gfm does
/// not write and which `MarkdownRendererTests` covers.
///
/// Documented differences, on purpose:
/// - Safe mode: cmark-gfm writes `<!-- raw HTML omitted -->` for raw HTML; devkit shows it as
///   escaped text (`GFMRendererTests.safeModeEscapesRawHTMLWhereCmarkGFMOmitsIt`, and inside
///   tables `safeModeEscapesRawHTMLAndDropsDangerousURLsInsideTables`). Dangerous URLs: both drop.
/// - Alerts: cmark-gfm has none; `GitHubAlertsTests` checks github.com's markup instead.
///
/// Known differences, left out of the corpus (rare in practice; the passes work on libcmark's tree,
/// where the raw characters are gone):
/// - An extended autolink ends where libcmark's text node ends: cmark-gfm reads raw text up to the
///   next space, so in `_www.example.com_` it sees the closing `_` (and links nothing), in
///   `www.example.com/*a*` it links the asterisks too, and in `https://x.org/a\[` or `…/a&amp;` it
///   keeps the escape or entity as written.
/// - Strikethrough pairs `~` only among siblings of libcmark's emphasis tree, so `~~a **b~~ c**`
///   (delimiters crossing) differs.
/// - Footnote definitions are recognised at the top level only (not inside quotes or lists), and a
///   table's header row must not be a lazy continuation line.
/// - cmark-gfm 0.29.0.gfm.6 follows CommonMark 0.29, libcmark 0.30: where the two specs differ (for
///   one, a lone tag on a lazy continuation line starts an HTML block in 0.29 only), so do we.
/// The seeded `GFMFuzzTests` with `DEVKIT_GFM_FUZZ_ORACLE=1` finds these on random documents
/// (68 of 1,500 differ, all of the kinds above); `GFMCorpusOracleTests` with `DEVKIT_GFM_CORPUS`
/// runs the oracle over whole corpora (the rust-book's 112 pages and tldr's 6,643 all match).
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

    /// Pages align table cells with `style` (the validator rejects `align`), as cmark-gfm's option does.
    @Test(arguments: cases.filter { $0.markdown.contains(":-") || $0.markdown.contains("-:") })
    func decoratedTablesAlignWithStyleAsCmarkGFMsOption(_ input: GFMCorpus.Case) throws {
        let ours = MarkdownRenderer(allowsRawHTML: true).render(input.markdown).html
        let theirs = try GFMCorpus.oracle(input.markdown, unsafe: true, styleAlignment: true)
        let cells = #/<t[hd][^>]*>/#
        #expect(ours.matches(of: cells).map(\.output) == theirs.matches(of: cells).map(\.output), "\(input.name)\n\(input.markdown)")
        #expect(!ours.contains(" align=\""))
    }
}
