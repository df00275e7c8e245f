/// Turns the text of a message, note, label or title into display lines: `#35;`-style character codes
/// decoded, `<br>` (and `<br/>`, `<br />`) as line breaks, a leading `wrap:`/`nowrap:` dropped.
enum SequenceText {
    /// The longest text, in characters, one label may have.
    static let maximumLength = 1_000

    /// Decodes `start..<end` of `source` on `line`.
    static func lines(_ source: MermaidSource, _ start: Int, _ end: Int, on line: MermaidSource.Line) throws(MermaidStop) -> [String] {
        var (start, end) = source.trimmed(start, end)
        let length = source.characters(start, end)
        if length > maximumLength {
            throw .syntax(line: line.number, column: source.column(start, on: line),
                          message: "this text is \(length) characters long; the limit is \(maximumLength): shorten it or move the detail into the prose")
        }
        for prefix in [":wrap:", ":nowrap:", "wrap:", "nowrap:"] where source.hasPrefix(prefix, at: start, end) {
            (start, end) = source.trimmed(start + prefix.utf8.count, end)
            break
        }
        var lines: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = source.bytes[index]
            if byte == 35 {
                let (character, next) = try entity(source, at: index, end, on: line)
                current.append(contentsOf: character.utf8)
                index = next
                continue
            }
            if byte == 60, let next = lineBreakEnd(source, at: index, end) {
                lines.append(trimmedLine(current))
                current.removeAll(keepingCapacity: true)
                index = next
                continue
            }
            current.append(byte)
            index += 1
        }
        lines.append(trimmedLine(current))
        return lines == [""] ? [] : lines
    }

    /// The decoded character of the `#code;` at `index`, and the index after its `;`.
    private static func entity(_ source: MermaidSource, at index: Int, _ end: Int, on line: MermaidSource.Line) throws(MermaidStop) -> (String, Int) {
        var close = index + 1
        while close < end, MermaidSource.isWordCharacter(source[close]) { close += 1 }
        let column = source.column(index, on: line)
        guard close < end, close > index + 1, source[close] == ";" else {
            throw .syntax(line: line.number, column: column, message: "'#' starts a comment in Mermaid and hides the rest of the line; write #35; for a '#' character")
        }
        let code = source.text(index + 1, close)
        guard let character = SequenceEntities.character(for: code) else {
            throw .syntax(line: line.number, column: column, message: "unknown character code '#\(code);'; write the character's decimal code point, such as #35; for '#' or #59; for ';'")
        }
        return (character, close + 1)
    }

    /// The index after a `<br>`, `<br/>` or `<br />` (any case) at `index`, or nil.
    private static func lineBreakEnd(_ source: MermaidSource, at index: Int, _ end: Int) -> Int? {
        guard index + 3 < end, MermaidSource.lowered(source[index + 1]) == "b",
              MermaidSource.lowered(source[index + 2]) == "r" else { return nil }
        var next = source.skipSpaces(index + 3, end)
        if next < end, source[next] == "/" { next += 1 }
        guard next < end, source[next] == ">" else { return nil }
        return next + 1
    }

    private static func trimmedLine(_ bytes: [UInt8]) -> String {
        var low = 0
        var high = bytes.count
        while low < high, bytes[low] == 32 || bytes[low] == 9 { low += 1 }
        while high > low, bytes[high - 1] == 32 || bytes[high - 1] == 9 { high -= 1 }
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }
}
