/// One row of a GFM table split into cells as cmark-gfm's table extension splits it:
/// an optional leading and trailing pipe, `\|` kept inside a cell (and unescaped), cells trimmed.
struct TableRow {
    /// A cell's Markdown, pipes unescaped and trimmed, and the byte where it starts in the line.
    struct Cell {
        var markdown: [UInt8]
        var offset: Int
    }

    var cells: [Cell]

    /// Splits `line` (from its first non-space byte to its end, no line ending); nil when it has no cell.
    init?(_ line: ArraySlice<UInt8>) {
        var cells: [Cell] = []
        var offset = Self.pipeEnd(line, line.startIndex)
        var expectsMore = true
        while offset < line.endIndex, expectsMore {
            let cellEnd = Self.cellEnd(line, offset)
            let afterPipe = Self.pipeEnd(line, cellEnd)
            if cellEnd > offset || afterPipe > cellEnd {
                cells.append(Cell(markdown: Self.unescapedTrimmed(line[offset..<cellEnd]), offset: offset))
            }
            expectsMore = afterPipe > cellEnd
            offset = afterPipe
            if !expectsMore {
                while offset < line.endIndex, ASCII.isTableSpace(line[offset]) { offset += 1 }
            }
        }
        guard offset == line.endIndex, !cells.isEmpty else { return nil }
        self.cells = cells
    }

    /// Past a `|` and the spaces after it, or `index` when there is no pipe.
    private static func pipeEnd(_ line: ArraySlice<UInt8>, _ index: Int) -> Int {
        guard index < line.endIndex, line[index] == ASCII.pipe else { return index }
        var end = index + 1
        while end < line.endIndex, ASCII.isTableSpace(line[end]) { end += 1 }
        return end
    }

    /// The end of a cell's text: the next pipe not directly after a backslash.
    private static func cellEnd(_ line: ArraySlice<UInt8>, _ index: Int) -> Int {
        var end = index
        while end < line.endIndex {
            if line[end] == ASCII.pipe, end == index || line[end - 1] != ASCII.backslash { break }
            end += 1
        }
        return end
    }

    private static func unescapedTrimmed(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ASCII.backslash, index + 1 < text.endIndex, text[index + 1] == ASCII.pipe { index += 1 }
            result.append(text[index])
            index += 1
        }
        let isSpace: (UInt8) -> Bool = { ASCII.isTableSpace($0) || $0 == 0x0A || $0 == 0x0D }
        guard let first = result.firstIndex(where: { !isSpace($0) }), let last = result.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(result[first...last])
    }
}

/// How a column's cells are aligned, from its delimiter cell (`:--`, `:-:`, `--:`).
enum TableAlignment: Equatable {
    case none, left, center, right

    /// The attribute cmark-gfm writes on `<th>` and `<td>`.
    var attribute: String {
        switch self {
        case .none: ""
        case .left: " align=\"left\""
        case .center: " align=\"center\""
        case .right: " align=\"right\""
        }
    }

    /// The attribute cmark-gfm writes with `CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES`.
    var styleAttribute: String {
        switch self {
        case .none: ""
        case .left: " style=\"text-align: left\""
        case .center: " style=\"text-align: center\""
        case .right: " style=\"text-align: right\""
        }
    }

    /// The alignments of a delimiter row, or nil when `line` is not one.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [TableAlignment]? {
        var index = line.startIndex
        var result: [TableAlignment] = []
        var sawPipe = false
        if index < line.endIndex, line[index] == ASCII.pipe { index += 1; sawPipe = true }
        while true {
            while index < line.endIndex, ASCII.isTableSpace(line[index]) { index += 1 }
            if index == line.endIndex { break }
            let left = line[index] == ASCII.colon
            if left { index += 1 }
            let dashes = index
            while index < line.endIndex, line[index] == ASCII.dash { index += 1 }
            guard index > dashes else { return nil }
            let right = index < line.endIndex && line[index] == ASCII.colon
            if right { index += 1 }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            while index < line.endIndex, ASCII.isTableSpace(line[index]) { index += 1 }
            guard index < line.endIndex else { break }
            guard line[index] == ASCII.pipe else { return nil }
            sawPipe = true
            index += 1
        }
        _ = sawPipe
        return result.isEmpty ? nil : result
    }
}
