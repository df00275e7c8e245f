import Foundation

/// Prints diagnostics to standard error, in colour only when it is a terminal.
public struct DiagnosticPrinter: Sendable {
    private let useColour: Bool

    /// Colour is decided from the stream unless given.
    public init(useColour: Bool? = nil) {
        self.useColour = useColour ?? (isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    /// The text for one diagnostic.
    public func format(_ diagnostic: Diagnostic) -> String {
        guard useColour else { return diagnostic.description }
        let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        let location = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column):"
        return "\u{1B}[1m\(location)\u{1B}[0m \(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }

    /// Writes each diagnostic on its own line to standard error.
    public func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(format).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
