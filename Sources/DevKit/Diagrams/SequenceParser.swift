import Foundation

/// Reads the statements of a Mermaid `sequenceDiagram` into a `SequenceDiagram`, one line at a time,
/// with no recursion: blocks are kept on an explicit stack whose depth is capped.
struct SequenceParser {
    /// A block that has been opened and not yet closed.
    struct OpenBlock {
        var kind: SequenceBlockKind
        var keyword: String
        var line: Int
        var column: Int
    }

    let source: MermaidSource
    var diagram = SequenceDiagram()
    var participantIndex: [String: Int] = [:]
    var blocks: [OpenBlock] = []
    var activations: [Int] = []
    var numbering = false
    var nextNumber = 1.0
    var numberStep = 1.0
    var itemCount = 0

    /// Parses the statements after the header the preamble found.
    static func parse(_ source: MermaidSource, after preamble: MermaidPreamble) throws(MermaidStop) -> SequenceDiagram {
        var parser = SequenceParser(source: source)
        if let title = preamble.frontMatterTitle { parser.diagram.title = [title] }
        try parser.run(from: preamble.headerLine, headerEnd: preamble.kindEnd)
        return parser.diagram
    }

    private mutating func run(from headerLine: Int, headerEnd: Int) throws(MermaidStop) {
        let lines = source.lines
        var description: (line: MermaidSource.Line, start: Int, text: [String])?
        for lineIndex in headerLine..<lines.count {
            let line = lines[lineIndex]
            if let open = description {
                if let close = firstIndex(of: "}", from: line.start, line.end) {
                    let text = open.text + [source.text(line.start, close)]
                    diagram.accessibleDescription = Self.joined(text)
                    description = nil
                    let after = source.skipSpaces(close + 1, line.end)
                    if after < line.end { try statements(line, from: after) }
                } else {
                    description?.text.append(source.text(line.start, line.end))
                }
                continue
            }
            let start = lineIndex == headerLine ? headerEnd : line.start
            let first = source.skipSpaces(start, line.end)
            if first == line.end || source.hasPrefix("%%", at: first, line.end) || isHashComment(first, line.end) { continue }
            if source.hasKeyword("accdescr", at: first, line.end) {
                let after = source.skipSpaces(first + 8, line.end)
                if after < line.end, source[after] == "{" {
                    if let close = firstIndex(of: "}", from: after + 1, line.end) {
                        diagram.accessibleDescription = Self.joined([source.text(after + 1, close)])
                    } else {
                        description = (line, first, [source.text(after + 1, line.end)])
                    }
                    continue
                }
            }
            try statements(line, from: first)
        }
        if let open = description {
            throw .syntax(line: open.line.number, column: source.column(open.start, on: open.line), message: "'accDescr {' is not closed; end the description with '}'")
        }
        if let block = blocks.last {
            throw .syntax(line: block.line, column: block.column, message: "'\(block.keyword)' opened here is not closed; add 'end' after its last line")
        }
        if diagram.participants.isEmpty {
            let header = lines[headerLine]
            throw .syntax(line: header.number, column: source.column(source.skipSpaces(header.start, header.end), on: header),
                          message: "the sequence diagram is empty; add a message such as 'Alice->>Bob: Hello'")
        }
    }

    /// Parses the `;`-separated statements of `line` from `start` on.
    private mutating func statements(_ line: MermaidSource.Line, from start: Int) throws(MermaidStop) {
        var position = start
        while position < line.end {
            position = source.skipSpaces(position, line.end)
            guard position < line.end else { return }
            if source.hasKeyword("acctitle", at: position, line.end) || source.hasKeyword("accdescr", at: position, line.end) {
                try accessibility(line, position)
                return
            }
            let end = try statementEnd(line, from: position)
            try statement(line, position, end)
            position = end + 1
        }
    }

    /// The index of the `;` that ends the statement at `start` (or the line's end). Character codes
    /// such as `#59;` are not ends; a bare `#` is an error, since Mermaid would hide the rest of the line.
    private func statementEnd(_ line: MermaidSource.Line, from start: Int) throws(MermaidStop) -> Int {
        var index = start
        while index < line.end {
            switch source[index] {
            case ";":
                return index
            case "#":
                var close = index + 1
                while close < line.end, MermaidSource.isWordCharacter(source[close]) { close += 1 }
                guard close > index + 1, close < line.end, source[close] == ";" else {
                    throw .syntax(line: line.number, column: source.column(index, on: line),
                                  message: "'#' starts a comment in Mermaid and hides the rest of the line; write #35; for a '#' character")
                }
                index = close + 1
            default:
                index += 1
            }
        }
        return line.end
    }

    /// `accTitle: text` or `accDescr: text`, which run to the end of the line.
    private mutating func accessibility(_ line: MermaidSource.Line, _ start: Int) throws(MermaidStop) {
        let isTitle = source.hasKeyword("acctitle", at: start, line.end)
        let colon = source.skipSpaces(start + 8, line.end)
        guard colon < line.end, source[colon] == ":" else {
            throw .syntax(line: line.number, column: source.column(colon, on: line),
                          message: isTitle ? "write 'accTitle: text'" : "write 'accDescr: text', or 'accDescr {' with the text on the lines after it, then '}'")
        }
        let (low, high) = source.trimmed(colon + 1, line.end)
        let text = source.text(low, high)
        if isTitle { diagram.accessibleTitle = text } else { diagram.accessibleDescription = text }
    }

    /// A line that starts with a `#` that is not a character code: Mermaid skips it as a comment.
    private func isHashComment(_ start: Int, _ end: Int) -> Bool {
        guard source[start] == "#" else { return false }
        var close = start + 1
        while close < end, MermaidSource.isWordCharacter(source[close]) { close += 1 }
        return !(close > start + 1 && close < end && source[close] == ";")
    }

    private func firstIndex(of scalar: Unicode.Scalar, from start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            if source[index] == scalar { return index }
            index += 1
        }
        return nil
    }

    private static func joined(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
