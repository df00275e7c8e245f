@testable import DevKit
import Testing

/// What the GFM passes add on top of the cmark-gfm oracle: devkit's safe mode, link rewriting and
/// positions, anchors and the decorations inside the new constructs.
@Suite struct GFMRendererTests {
    let renderer = MarkdownRenderer()

    @Test func linksInTableCellsAreReportedAtTheirSourcePositionAndRewritten() {
        let source = "Intro\n\n| Page | Where |\n|------|-------|\n| [guide](guide.md#ready) | ![pic](img/p.png) |\n"
        let result = renderer.render(source) { $0.destination == "guide.md#ready" ? "/guide/#ready" : $0.destination }
        #expect(result.links == [
            MarkdownLink(destination: "guide.md#ready", line: 5, column: 3, isImage: false),
            MarkdownLink(destination: "img/p.png", line: 5, column: 29, isImage: true),
        ])
        #expect(result.html.contains("<td><a href=\"/guide/#ready\">guide</a></td>"))
        #expect(result.html.contains("<td><img src=\"img/p.png\" alt=\"pic\" /></td>"))
    }

    @Test func linksAfterATableKeepTheirLines() {
        let result = renderer.render("| a |\n|---|\n| b |\n\nSee [x](x.md).\n")
        #expect(result.links == [MarkdownLink(destination: "x.md", line: 5, column: 5, isImage: false)])
    }

    @Test func safeModeEscapesRawHTMLAndDropsDangerousURLsInsideTables() {
        let source = "| a | b |\n|---|---|\n| <script>x</script> | [c](javascript:alert(1)) |\n| <img src=x onerror=y> | ![d](data:text/html,x) |\n"
        let html = renderer.render(source).html
        #expect(html.contains("<td>&lt;script&gt;x&lt;/script&gt;</td>"))
        #expect(html.contains("<td><a href=\"\">c</a></td>"))
        #expect(html.contains("<td>&lt;img src=x onerror=y&gt;</td>"))
        #expect(html.contains("<img src=\"\" alt=\"d\" />"))
        #expect(!html.contains("<script") && !html.contains("javascript:"))
    }

    @Test func safeModeEscapesRawHTMLWhereCmarkGFMOmitsIt() {
        let html = renderer.render("Text <b>bold</b> ~~gone~~\n").html
        #expect(html == "<p>Text &lt;b&gt;bold&lt;/b&gt; <del>gone</del></p>\n")
    }

    @Test func autolinksAreRewrittenAndCheckedLikeOtherLinks() {
        var seen: [String] = []
        let result = renderer.render("Intro\n\nGo to www.example.com or mail me@example.com.\n") { link in
            seen.append(link.destination)
            return link.destination
        }
        #expect(seen == ["http://www.example.com", "mailto:me@example.com"])
        #expect(result.links.map(\.line) == [3, 3])
    }

    /// The footnote pass cuts a text node in two around `[^1]`; libcmark gives the new pieces no
    /// position, so the autolink pass has to be told where they start.
    @Test func autolinksInTextTheFootnotePassCutKeepTheirPlace() {
        let source = "Intro\n\nSee[^1] www.example.com and https://a.example/x.\n\n[^1]: Note, see www.note.example.\n"
        let result = renderer.render(source)
        #expect(result.links == [
            MarkdownLink(destination: "http://www.example.com", line: 3, column: 9, isImage: false),
            MarkdownLink(destination: "https://a.example/x", line: 3, column: 29, isImage: false),
            MarkdownLink(destination: "http://www.note.example", line: 5, column: 17, isImage: false),
        ])
        #expect(result.html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        // The fuzzer's case: the text after the reference is cut out of a footnote's own text.
        let fuzzed = renderer.render("[^h]:\nwww..[^h]")
        #expect(!fuzzed.links.isEmpty && fuzzed.links.allSatisfy { $0.line == 2 && $0.column >= 1 }, "\(fuzzed.links)")
    }

    @Test func headingsInsideAlertsGetAnchorsAndTheAlertIsGitHubs() {
        let result = renderer.render("> [!WARNING]\n> Do not call *twice*.\n>\n> ## Why\n")
        #expect(result.headings.map(\.anchor) == ["why"])
        #expect(result.html.hasPrefix("""
            <div class="markdown-alert markdown-alert-warning">
            <p class="markdown-alert-title">Warning</p>
            <p>Do not call <em>twice</em>.</p>
            <h2 id="why">
            """))
        #expect(result.html.hasSuffix("</div>\n"))
    }

    @Test func codeBlocksInsideFootnotesKeepTheirCopyButton() {
        let result = renderer.render("Note[^n].\n\n[^n]: Run:\n\n    ```sh\n    devkit build\n    ```\n")
        #expect(result.html.contains("<li id=\"fn-n\">\n<p>Run:</p>\n<div class=\"code-block\">"))
        #expect(result.html.contains("<a href=\"#fnref-n\" class=\"footnote-backref\""))
    }

    @Test func footnoteAnchorsCountAsAnchorsOfThePage() {
        let result = renderer.render("One[^a], two[^a].\n\n[^a]: Note.\n")
        #expect(result.anchors == ["fn-a", "fnref-a", "fnref-a-2"])
    }

    @Test func taskListsKeepTheirCheckboxesWithDecoratedRendering() {
        let html = renderer.render("- [x] done\n- [ ] open\n").html
        #expect(html == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n<li><input type=\"checkbox\" disabled=\"\" /> open</li>\n</ul>\n")
    }

    @Test func tableCellsKeepEscapedPipesAndCodeSpans() {
        let html = renderer.render("| a |\n|---|\n| `x \\| y` \\| z |\n").html
        #expect(html.contains("<td><code>x | y</code> | z</td>"))
    }

    @Test func escapedTildesAndBracketsStayLiteral() {
        let html = renderer.render("\\~\\~not struck\\~\\~ and \\[^1] and `\\~`\n\n[^1]: One.\n").html
        #expect(html == "<p>~~not struck~~ and [^1] and <code>\\~</code></p>\n")
    }
}

extension GFMRendererTests {
    @Test func headingsAndDefinitionLinksKeepTheirSourcePositions() {
        let source = "| a |\n|---|\n| b |\n\n## After the table\n\nText[^n].\n\n[^long-label]: x\n[^n]: See [here](h.md).\n"
        let result = renderer.render(source)
        #expect(result.headings.map(\.line) == [5])
        #expect(result.links == [MarkdownLink(destination: "h.md", line: 10, column: 11, isImage: false)])
    }
}
