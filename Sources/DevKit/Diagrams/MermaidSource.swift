/// A diagram's text as UTF-8 bytes, cut into lines, with file positions (columns in characters) for any
/// index. Every character the syntax uses is ASCII, so statements are cut between whole characters.
struct MermaidSource {
    /// One line: `start..<end` in `bytes`, without its line break.
    struct Line {
        var start: Int
        var end: Int
        /// 1-based file line.
        var number: Int
    }

    /// The whole block.
    let bytes: [UInt8]
    /// Its lines, in order.
    let lines: [Line]

    /// Reads `text`, whose first line is file line `startLine`.
    init(_ text: String, startLine: Int) {
        let scalars = Array(text.utf8)
        var lines: [Line] = []
        var start = 0
        var number = startLine
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == 10 || scalar == 13 {
                lines.append(Line(start: start, end: index, number: number))
                if scalar == 13, index + 1 < scalars.count, scalars[index + 1] == 10 { index += 1 }
                number += 1
                start = index + 1
            }
            index += 1
        }
        if start < scalars.count { lines.append(Line(start: start, end: scalars.count, number: number)) }
        self.bytes = scalars
        self.lines = lines
    }

    /// The character at `index` when it is ASCII; a byte of a longer character reads as a non-ASCII scalar.
    subscript(index: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[index]) }

    /// The 1-based column of `index` on `line`, in characters (Unicode scalars).
    func column(_ index: Int, on line: Line) -> Int {
        characters(line.start, min(index, line.end)) + 1 + max(0, index - line.end)
    }

    /// How many characters `start..<end` holds.
    func characters(_ start: Int, _ end: Int) -> Int {
        var count = 0
        for index in start..<max(start, end) where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text of `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `start..<end` without the spaces and tabs at either end.
    func trimmed(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var low = start
        var high = end
        while low < high, Self.isSpace(self[low]) { low += 1 }
        while high > low, Self.isSpace(self[high - 1]) { high -= 1 }
        return (low, high)
    }

    /// The first index at or after `index` that is not a space or tab (at most `end`).
    func skipSpaces(_ index: Int, _ end: Int) -> Int {
        var index = index
        while index < end, Self.isSpace(self[index]) { index += 1 }
        return index
    }

    /// Whether `start..<end` begins with `word` (ASCII, any case) followed by a non-word character.
    func hasKeyword(_ word: String, at start: Int, _ end: Int) -> Bool {
        var index = start
        for expected in word.unicodeScalars {
            guard index < end, Self.lowered(self[index]) == expected else { return false }
            index += 1
        }
        return index == end || !Self.isWordCharacter(self[index])
    }

    /// Whether `start..<end` begins with `prefix`, exactly.
    func hasPrefix(_ prefix: String, at start: Int, _ end: Int) -> Bool {
        var index = start
        for expected in prefix.unicodeScalars {
            guard index < end, self[index] == expected else { return false }
            index += 1
        }
        return true
    }

    /// The index just past the leading run of word characters (letters, digits, `_`, `-`).
    func wordEnd(_ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, Self.isWordCharacter(self[index]) || self[index] == "-" { index += 1 }
        return index
    }

    /// Space or tab.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// ASCII letter, digit or underscore.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": true
        default: false
        }
    }

    /// ASCII lower case of one scalar.
    static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("A"..."Z").contains(scalar) else { return scalar }
        return Unicode.Scalar(scalar.value + 32) ?? scalar
    }
}
