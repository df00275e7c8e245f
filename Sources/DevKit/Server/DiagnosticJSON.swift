import Foundation

/// The JSON the reload channel sends about the build: its generation and its errors.
enum DiagnosticJSON {
    static func encode(generation: Int, errors: [Diagnostic]) -> String {
        let list = errors.map { error -> [String: Any] in
            ["path": error.path, "line": error.line, "column": error.column, "severity": error.severity.rawValue,
             "message": error.message, "text": error.description]
        }
        let object: [String: Any] = ["generation": generation, "errors": list]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
