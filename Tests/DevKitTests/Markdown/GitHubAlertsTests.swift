@testable import DevKit
import Testing

/// GitHub's alerts, which cmark-gfm does not have: the markup github.com writes.
@Suite struct GitHubAlertsTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Important", "important", "Important"),
                      ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution")])
    func everyKindGetsItsClassAndTitle(marker: String, kind: String, title: String) {
        let html = renderer.render("> [!\(marker)]\n> Body text.\n").html
        #expect(html == "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(title)</p>\n<p>Body text.</p>\n</div>\n")
    }

    @Test(arguments: ["> [!NOTE] same line\n", "> [!NOTE]\n", "> [!OTHER]\n> text\n", "> text\n> [!NOTE]\n", "- > [!NOTE]\n  > nested\n"])
    func otherQuotesStayQuotes(source: String) {
        let html = renderer.render(source).html
        #expect(!html.contains("markdown-alert"))
        #expect(html.contains("<blockquote>"))
    }

    @Test func alertMayStartWithABlankQuoteLineAndHoldBlocks() {
        let html = renderer.render("> [!TIP]\n>\n> - one\n> - two\n").html
        #expect(html == "<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\">Tip</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>\n")
    }
}
