/// What comes before a diagram's statements: optional `---` front matter, `%%{init}%%` directives and
/// `%%` comments (all skipped, apart from a front-matter `title:`), then the line naming the diagram type.
struct MermaidPreamble: Equatable {
    /// `title:` from the front matter, if any.
    var frontMatterTitle: String?
    /// Index in `source.lines` of the line naming the type.
    var headerLine: Int
    /// The diagram type as written, such as `sequenceDiagram` or `flowchart`.
    var kind: String
    /// Scalar index just past the type word, where the first statement may begin.
    var kindEnd: Int

    /// Mermaid's other diagram types: left as code blocks, with a warning.
    static let otherKinds: Set<String> = [
        "graph", "flowchart", "flowchart-elk", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
        "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "requirement", "gitGraph",
        "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "mindmap", "timeline", "zenuml",
        "sankey", "sankey-beta", "xychart", "xychart-beta", "block", "block-beta", "packet", "packet-beta",
        "architecture", "architecture-beta", "kanban", "radar-beta", "treemap", "treemap-beta", "info",
    ]

    /// Finds the header of `source`, skipping front matter, directives, comments and blank lines.
    static func read(_ source: MermaidSource, firstLine: Int) throws(MermaidStop) -> MermaidPreamble {
        let lines = source.lines
        var index = 0
        var title: String?
        while index < lines.count, isBlank(source, lines[index]) { index += 1 }
        if index < lines.count, isFence(source, lines[index]) {
            let opening = lines[index]
            index += 1
            while index < lines.count, !isFence(source, lines[index]) {
                if let value = frontMatterTitle(source, lines[index]) { title = value }
                index += 1
            }
            guard index < lines.count else {
                throw .syntax(line: opening.number, column: 1, message: "front matter opened here is not closed; end it with a line '---'")
            }
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            let start = source.skipSpaces(line.start, line.end)
            if start == line.end { index += 1; continue }
            if source.hasPrefix("%%{", at: start, line.end) {
                index = try directiveEnd(source, from: index)
                continue
            }
            if source.hasPrefix("%%", at: start, line.end) { index += 1; continue }
            let end = source.wordEnd(start, line.end)
            let word = source.text(start, end)
            if word == "sequenceDiagram" {
                return MermaidPreamble(frontMatterTitle: title, headerLine: index, kind: word, kindEnd: end)
            }
            if otherKinds.contains(word) {
                throw .unsupported(kind: word, line: line.number, message: "Mermaid '\(word)' diagrams are not drawn at build time (only sequenceDiagram is); the block stays a code block")
            }
            let column = source.column(start, on: line)
            if word.lowercased() == "sequencediagram" {
                throw .syntax(line: line.number, column: column, message: "write 'sequenceDiagram' with this capitalisation: Mermaid's diagram types are case-sensitive")
            }
            var wordEnd = end
            while word.isEmpty, wordEnd < line.end, !MermaidSource.isSpace(source[wordEnd]) { wordEnd += 1 }
            let shown = MermaidStop.shown(source.text(start, wordEnd))
            throw .syntax(line: line.number, column: column, message: "'\(shown)' is not a Mermaid diagram type; a sequence diagram starts with the line 'sequenceDiagram'")
        }
        throw .syntax(line: firstLine, column: 1, message: "empty Mermaid diagram; start it with the line 'sequenceDiagram'")
    }

    /// The index of the line after a `%%{ … }%%` directive that starts on line `index`.
    private static func directiveEnd(_ source: MermaidSource, from index: Int) throws(MermaidStop) -> Int {
        var current = index
        while current < source.lines.count {
            let line = source.lines[current]
            if contains("}%%", source, line) { return current + 1 }
            current += 1
        }
        let opening = source.lines[index]
        let column = source.column(source.skipSpaces(opening.start, opening.end), on: opening)
        throw .syntax(line: opening.number, column: column, message: "directive '%%{' is not closed; end it with '}%%'")
    }

    private static func isBlank(_ source: MermaidSource, _ line: MermaidSource.Line) -> Bool {
        source.skipSpaces(line.start, line.end) == line.end
    }

    private static func isFence(_ source: MermaidSource, _ line: MermaidSource.Line) -> Bool {
        let (start, end) = source.trimmed(line.start, line.end)
        return end - start == 3 && source.hasPrefix("---", at: start, end)
    }

    private static func contains(_ needle: String, _ source: MermaidSource, _ line: MermaidSource.Line) -> Bool {
        var index = line.start
        while index < line.end {
            if source.hasPrefix(needle, at: index, line.end) { return true }
            index += 1
        }
        return false
    }

    /// The value of a top-level `title:` line of front matter, without quotes.
    private static func frontMatterTitle(_ source: MermaidSource, _ line: MermaidSource.Line) -> String? {
        guard source.hasPrefix("title:", at: line.start, line.end) else { return nil }
        var (start, end) = source.trimmed(line.start + 6, line.end)
        if end - start >= 2, source[start] == "\"" || source[start] == "'",
           source[end - 1] == source[start] {
            start += 1
            end -= 1
        }
        return start < end ? source.text(start, end) : nil
    }
}
