/// A Markdown source as bytes split into lines, numbered from 1 like libcmark's positions.
struct SourceLines {
    /// The whole source.
    let bytes: [UInt8]
    /// For each line, the range of its bytes without the line ending.
    let ranges: [Range<Int>]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                ranges.append(start..<index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        self.ranges = ranges
    }

    /// Number of lines.
    var count: Int { ranges.count }

    /// The bytes of line `number` (1-based), or an empty slice past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= ranges.count else { return [] }
        return bytes[ranges[number - 1]]
    }
}

/// Bytes that Markdown's block rules care about.
enum ASCII {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, pipe: UInt8 = 0x7C, dash: UInt8 = 0x2D, colon: UInt8 = 0x3A
    static let greater: UInt8 = 0x3E, backslash: UInt8 = 0x5C, less: UInt8 = 0x3C

    /// Space, tab, vertical tab or form feed (cmark-gfm's `spacechar` in table rows).
    static func isTableSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isAlpha(byte) }
}
