@testable import DevKit
import Testing
import CCmark

/// The pieces of the block-level pass alone: row splitting, delimiter rows, container prefixes and
/// the quick scan that keeps pages without candidates on the single parse.
@Suite struct GFMBlockScanTests {
    private func cells(_ line: String) -> [String]? {
        TableRow(ArraySlice(Array(line.utf8)))?.cells.map { String(decoding: $0.markdown, as: UTF8.self) }
    }

    @Test func rowsSplitOnUnescapedPipesAndTrimCells() {
        #expect(cells("| a | b |") == ["a", "b"])
        #expect(cells("a|b") == ["a", "b"])
        #expect(cells("| a \\| b | `c\\|d` |") == ["a | b", "`c|d`"])
        #expect(cells("| `a|b` |") == ["`a", "b`"])
        #expect(cells("|  |  |") == ["", ""])
        #expect(cells("one cell") == ["one cell"])
        #expect(cells("|") == nil)
    }

    @Test func delimiterRowsGiveAlignments() {
        let row = { (text: String) in TableAlignment.delimiterRow(ArraySlice(Array(text.utf8))) }
        #expect(row("|:--|:-:|--:|---|") == [.left, .center, .right, .none])
        #expect(row("-- | :--") == [.none, .left])
        #expect(row(":-:") == [.center])
        #expect(row("| -- || -- |") == nil)
        #expect(row("| :: |") == nil)
        #expect(row("| -x- |") == nil)
    }

    @Test func containerPrefixesAreStrippedAndLazyLinesRefused() throws {
        let source = "> - item\n>   | a |\n  | lazy |\n"
        let bytes = Array(source.utf8)
        let lines = SourceLines(bytes)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, 0) }
        }
        let document = try #require(parsed)
        defer { cmark_node_free(document) }
        let paragraph = try #require(findParagraph(in: document))
        var chain = ContainerChain(around: paragraph)
        let entered = chain.enter(line: 2, of: lines)
        var second = try #require(entered)
        second.skipToNonspace()
        #expect(String(decoding: second.bytes[second.position...], as: UTF8.self) == "| a |")
        let lazy = chain.enter(line: 3, of: lines)
        #expect(lazy == nil)
    }

    private func findParagraph(in node: OpaquePointer) -> OpaquePointer? {
        if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { return node }
        var child = cmark_node_first_child(node)
        while let current = child {
            if let found = findParagraph(in: current) { return found }
            child = cmark_node_next(current)
        }
        return nil
    }

    @Test func plainPagesNeedNoGFMPass() {
        let page = GFMCandidates(Array("# Title\n\n- Description: x.\n\n`tar -xf {{a}} | less`\n\nMore: <https://x.org>, [y](https://y.org).\n".utf8))
        #expect(!page.needsBlockPass)
        #expect(!page.needsTreePass)
    }

    @Test func candidatesAreFound() {
        let page = GFMCandidates(Array("| a |\n> |---|\n[^1]: n\nwww.x.org ~a~ [ ] x\n".utf8))
        #expect(page.delimiterLines == [2])
        #expect(page.hasFootnoteDefinitions && page.hasTilde && page.hasAutolinks && page.hasTasksOrAlerts)
        #expect(GFMCandidates(Array("mail me@example.com\n".utf8)).hasAutolinks)
        #expect(GFMCandidates(Array("see \"https://x.org\"\n".utf8)).hasAutolinks)
        #expect(!GFMCandidates(Array("<a href=\"https://x.org\">x</a> user@host <https://www.x.org>\n".utf8)).hasAutolinks)
        #expect(GFMCandidates(Array("(www.x.org)\n".utf8)).hasAutolinks)
    }
}
