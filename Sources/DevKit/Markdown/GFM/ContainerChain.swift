import CCmark

/// The block quotes and list items around a block, outermost first, and how each line of the
/// source gets past them: the container prefixes cmark strips before a paragraph sees a line.
struct ContainerChain {
    private enum Container {
        case blockQuote
        case item(startLine: Int)
    }

    private let containers: [Container]
    private var contentOffsets: [Int?]

    /// The chain of the containers that hold `node` (lists are transparent).
    init(around node: OpaquePointer) {
        var found: [Container] = []
        var parent = cmark_node_parent(node)
        while let current = parent {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_BLOCK_QUOTE: found.append(.blockQuote)
            case CMARK_NODE_ITEM: found.append(.item(startLine: Int(cmark_node_get_start_line(current))))
            default: break
            }
            parent = cmark_node_parent(current)
        }
        containers = found.reversed()
        contentOffsets = Array(repeating: nil, count: containers.count)
    }

    /// True when the block sits directly in the document.
    var isEmpty: Bool { containers.isEmpty }

    /// A cursor past the container prefixes of line `number`, or nil when a container does not
    /// continue there (a lazy line or the end of the container).
    mutating func enter(line number: Int, of lines: SourceLines) -> LineCursor? {
        var cursor = LineCursor(lines.line(number))
        for index in containers.indices {
            switch containers[index] {
            case .blockQuote:
                guard Self.skipQuoteMarker(&cursor) else { return nil }
            case .item(let startLine):
                if number == startLine {
                    guard let offset = Self.skipItemMarker(&cursor) else { return nil }
                    contentOffsets[index] = offset
                } else {
                    if cursor.isBlank { cursor.skipToNonspace(); continue }
                    guard let offset = contentOffset(of: index, lines: lines), cursor.indent >= offset else { return nil }
                    cursor.skipColumns(offset)
                }
            }
        }
        return cursor
    }

    private mutating func contentOffset(of index: Int, lines: SourceLines) -> Int? {
        if let known = contentOffsets[index] { return known }
        guard case .item(let startLine) = containers[index] else { return nil }
        var cursor = LineCursor(lines.line(startLine))
        for outer in 0..<index {
            switch containers[outer] {
            case .blockQuote:
                guard Self.skipQuoteMarker(&cursor) else { return nil }
            case .item:
                guard let offset = contentOffset(of: outer, lines: lines) else { return nil }
                if case .item(let outerStart) = containers[outer], outerStart == startLine {
                    guard Self.skipItemMarker(&cursor) != nil else { return nil }
                } else {
                    cursor.skipColumns(offset)
                }
            }
        }
        let offset = Self.skipItemMarker(&cursor)
        contentOffsets[index] = offset
        return offset
    }

    /// `>` after up to three columns of indentation, and one optional space.
    private static func skipQuoteMarker(_ cursor: inout LineCursor) -> Bool {
        guard cursor.indent <= 3 else { return false }
        cursor.skipToNonspace()
        guard cursor.position < cursor.bytes.endIndex, cursor.bytes[cursor.position] == ASCII.greater else { return false }
        cursor.skipBytes(1)
        if cursor.position < cursor.bytes.endIndex,
           cursor.bytes[cursor.position] == ASCII.space || cursor.bytes[cursor.position] == ASCII.tab {
            cursor.skipColumns(1)
        }
        return true
    }

    /// A list marker and its padding; returns the item's content offset in columns.
    private static func skipItemMarker(_ cursor: inout LineCursor) -> Int? {
        let markerIndent = cursor.indent
        cursor.skipToNonspace()
        let bytes = cursor.bytes
        var index = cursor.position
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == 0x2D || bytes[index] == 0x2B || bytes[index] == 0x2A {
            index += 1
        } else {
            while index < bytes.endIndex, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > cursor.position, index < bytes.endIndex, bytes[index] == 0x2E || bytes[index] == 0x29 else { return nil }
            index += 1
        }
        let width = index - cursor.position
        cursor.skipBytes(width)
        let spaces = cursor.indent
        let padding: Int
        if cursor.isBlank || spaces >= 5 || spaces == 0 {
            padding = width + 1
            cursor.skipColumns(min(1, spaces))
        } else {
            padding = width + spaces
            cursor.skipColumns(spaces)
        }
        return markerIndent + padding
    }
}
