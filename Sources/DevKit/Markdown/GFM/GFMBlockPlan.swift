import CCmark

/// What the block-level GFM pass found in a first libcmark parse, and the source it rewrites for the
/// second: each table line becomes a one-line HTML comment placeholder (so libcmark ends the table's
/// neighbours exactly where cmark-gfm does), each table cell becomes a paragraph of its own ahead of
/// the document (so its inlines are parsed by libcmark with the page's link references), and each
/// footnote definition line becomes an ordered-list item whose content column is the definition's.
struct GFMBlockPlan {
    /// A table's place in the source and its cells.
    struct Table {
        var firstLine: Int
        var lineCount: Int
        var alignments: [TableAlignment]
        /// Header first; every row has one entry per column, nil for a cell the row leaves out.
        var rows: [[Int?]]
    }

    /// Where a cell's Markdown stands in the original source.
    struct CellOrigin {
        var line: Int
        var column: Int
    }

    static let tablePlaceholder = "<!--\u{1F}gfm-table\u{1F}-->"
    static let emptyFootnotePlaceholder = "<!--\u{1F}gfm-footnote\u{1F}-->"

    private(set) var tables: [Table] = []
    private(set) var cells: [(markdown: [UInt8], origin: CellOrigin)] = []
    /// Footnote definition lines (original numbering) and their labels.
    private(set) var footnoteLines: [Int: String] = [:]
    /// For rewritten footnote lines: bytes removed (positive) before the content column.
    private(set) var columnShifts: [Int: Int] = [:]
    private var replacements: [Int: (from: Int, with: [UInt8])] = [:]

    var isEmpty: Bool { tables.isEmpty && footnoteLines.isEmpty }

    /// Looks for tables in paragraphs that hold a delimiter-row candidate, and for top-level footnote
    /// definitions, in the first parse `document` of `lines`.
    init(document: OpaquePointer, lines: SourceLines, candidates: GFMCandidates) {
        if !candidates.delimiterLines.isEmpty { findTables(document: document, lines: lines, candidates: candidates.delimiterLines) }
        if candidates.hasFootnoteDefinitions { findFootnoteDefinitions(document: document, lines: lines) }
    }

    // MARK: Tables

    private mutating func findTables(document: OpaquePointer, lines: SourceLines, candidates: [Int]) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var blocks: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { continue }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            guard end > start, Self.contains(candidates, from: start + 1, through: end) else { continue }
            blocks.append(node)
        }
        var claimed = 0
        for block in blocks {
            let start = Int(cmark_node_get_start_line(block))
            var end = Int(cmark_node_get_end_line(block))
            if cmark_node_get_type(block) == CMARK_NODE_HEADING { end -= 1 }
            guard start > claimed else { continue }
            var chain = ContainerChain(around: block)
            for line in (start + 1)...max(start + 1, end) where line <= end && Self.contains(candidates, from: line, through: line) {
                if let table = table(delimiterLine: line, chain: &chain, lines: lines) {
                    claimed = table.firstLine + table.lineCount - 1
                    tables.append(table)
                    break
                }
            }
        }
    }

    private mutating func table(delimiterLine: Int, chain: inout ContainerChain, lines: SourceLines) -> Table? {
        guard var delimiter = chain.enter(line: delimiterLine, of: lines), delimiter.indent < 4 else { return nil }
        delimiter.skipToNonspace()
        guard let alignments = TableAlignment.delimiterRow(delimiter.bytes[delimiter.position...]),
              var header = chain.enter(line: delimiterLine - 1, of: lines), header.indent < 4 else { return nil }
        header.skipToNonspace()
        guard let headerRow = TableRow(header.bytes[header.position...]), headerRow.cells.count == alignments.count else { return nil }

        var rows: [[Int?]] = [register(headerRow, line: delimiterLine - 1, columns: alignments.count, lines: lines)]
        var starts = [delimiterLine - 1: header.position, delimiterLine: delimiter.position]
        var line = delimiterLine + 1
        while line <= lines.count, var cursor = chain.enter(line: line, of: lines), !cursor.isBlank, cursor.indent < 4 {
            cursor.skipToNonspace()
            let content = cursor.bytes[cursor.position...]
            guard !BlockStart.endsTable(content), let row = TableRow(content) else { break }
            rows.append(register(row, line: line, columns: alignments.count, lines: lines))
            starts[line] = cursor.position
            line += 1
        }
        for (number, from) in starts { replacements[number] = (from, Array(Self.tablePlaceholder.utf8)) }
        return Table(firstLine: delimiterLine - 1, lineCount: line - delimiterLine + 1, alignments: alignments, rows: rows)
    }

    private mutating func register(_ row: TableRow, line: Int, columns: Int, lines: SourceLines) -> [Int?] {
        let lineStart = lines.ranges[line - 1].lowerBound
        var result: [Int?] = []
        for index in 0..<columns {
            guard index < row.cells.count else { result.append(nil); continue }
            let cell = row.cells[index]
            result.append(cells.count)
            cells.append((cell.markdown, CellOrigin(line: line, column: cell.offset - lineStart + 1)))
        }
        return result
    }

    private static func contains(_ sorted: [Int], from: Int, through: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < from { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] <= through
    }

    // MARK: Footnote definitions

    private mutating func findFootnoteDefinitions(document: OpaquePointer, lines: SourceLines) {
        var excluded: [ClosedRange<Int>] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING {
                excluded.append(Int(cmark_node_get_start_line(node))...max(Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node))))
            }
            child = cmark_node_next(node)
        }
        var next = 0
        for number in 1...max(1, lines.count) where number <= lines.count {
            while next < excluded.count, excluded[next].upperBound < number { next += 1 }
            if next < excluded.count, excluded[next].contains(number) { continue }
            let bytes = lines.line(number)
            var cursor = LineCursor(bytes)
            guard cursor.indent < 4 else { continue }
            cursor.skipToNonspace()
            guard let definition = FootnoteDefinitionLine(bytes[cursor.position...]) else { continue }
            footnoteLines[number] = definition.label
            var marker = Array("1)  ".utf8)
            if definition.contentStart == bytes.endIndex { marker += Array(Self.emptyFootnotePlaceholder.utf8) }
            let content = Array(bytes[definition.contentStart...])
            replacements[number] = (cursor.position, marker + content)
            columnShifts[number] = definition.contentStart - cursor.position - 4
        }
    }

    // MARK: Output

    /// The cell paragraphs followed by the rewritten source, and the number of lines the cells take.
    func rewrittenSource(_ lines: SourceLines) -> (bytes: [UInt8], preludeLines: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(lines.bytes.count + cells.reduce(0) { $0 + $1.markdown.count + 4 })
        for cell in cells {
            output += [0xC2, 0xA0]
            output += cell.markdown
            output += [0x0A, 0x0A]
        }
        for number in 1...max(1, lines.count) where number <= lines.count {
            let range = lines.ranges[number - 1]
            if let replacement = replacements[number] {
                output += lines.bytes[range.lowerBound..<replacement.from]
                output += replacement.with
            } else {
                output += lines.bytes[range]
            }
            output.append(0x0A)
        }
        return (output, cells.count * 2)
    }
}
