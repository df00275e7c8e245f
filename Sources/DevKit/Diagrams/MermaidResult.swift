/// What `MermaidDiagram.render` made of one ```mermaid block.
enum MermaidResult: Equatable, Sendable {
    /// The diagram as an inline `<svg>` element (no XML declaration), to be placed in `<figure class="diagram">`.
    case svg(String)
    /// Valid Mermaid that is not drawn at build time (another diagram type, or a sequence-diagram statement
    /// such as `box`): the block stays a code block and the build warns. `kind` is the diagram type or the
    /// statement keyword; `line` is a file line.
    case unsupported(kind: String, line: Int, message: String)
    /// A syntax error, at file line and column (1-based), in words a user can act on.
    case failure(line: Int, column: Int, message: String)

    /// The warning or error to report for `path`, or nil for a drawn diagram.
    func diagnostic(path: String) -> Diagnostic? {
        switch self {
        case .svg:
            return nil
        case let .unsupported(_, line, message):
            return Diagnostic(path: path, line: line, column: 1, severity: .warning, message: message)
        case let .failure(line, column, message):
            return Diagnostic(path: path, line: line, column: column, severity: .error, message: message)
        }
    }
}
