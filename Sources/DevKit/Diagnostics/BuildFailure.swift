import Foundation

/// The error a build throws when its input has problems: every diagnostic of the run, in order.
public struct BuildFailure: Error, Equatable, Sendable, LocalizedError {
    /// All problems found, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Wraps the diagnostics of a failed build.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic a line.
    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
