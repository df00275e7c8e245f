/// Why reading a diagram stopped: thrown inside the Diagrams module, turned into a `MermaidResult` at its entry.
enum MermaidStop: Error, Equatable {
    /// A syntax error at a file position.
    case syntax(line: Int, column: Int, message: String)
    /// Valid Mermaid the renderer does not draw.
    case unsupported(kind: String, line: Int, message: String)

    /// The result the entry point returns for this stop.
    var result: MermaidResult {
        switch self {
        case let .syntax(line, column, message): .failure(line: line, column: column, message: message)
        case let .unsupported(kind, line, message): .unsupported(kind: kind, line: line, message: message)
        }
    }
}

extension MermaidStop {
    /// `text` as quoted in a message: at most 40 characters, so hostile input cannot make huge errors.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }
}
