import Foundation

/// One problem found in the user's input, located by path, line and column.
public struct Diagnostic: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// The file, relative to the project root where possible.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Makes a diagnostic; line and column default to the start of the file.
    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: error: message`, as compilers print it.
    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: LocalizedError {
    /// The printed form, so `localizedDescription` tells the whole story.
    public var errorDescription: String? { description }
}
