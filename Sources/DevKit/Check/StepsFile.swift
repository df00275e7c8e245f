import Foundation

/// A steps file (YAML, or JSON, which YAML reads too): scenarios a partner writes to drive their own
/// widget through a call without browser code. Every mistake is a diagnostic at its line and column.
///
///     scenarios:
///       - name: outbound call
///         steps:
///           - dial: "+1 617 555 0123"
///           - click: "#call"
///           - waitFor: CREATE_ENGAGEMENT_SUCCEEDED
///           - expectNoProblems
public enum StepsFile {
    /// Every step name, in the order messages list them (from `StepsFileReader.stepForms`).
    public static let stepNames = StepsFileReader.stepForms.map(\.name)

    /// Reads the file at `url`; diagnostics name it `displayPath`.
    public static func load(_ url: URL, displayPath: String) throws(CheckError) -> [CheckScenario] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .stepsFile([Diagnostic(path: displayPath, message: "cannot read the steps file: \(error.localizedDescription)")])
        }
        return try parse(text, path: displayPath)
    }

    /// Parses steps-file text; `path` names it in diagnostics and in each scenario's `source`.
    public static func parse(_ text: String, path: String) throws(CheckError) -> [CheckScenario] {
        var reader = StepsFileReader(path: path)
        let scenarios = reader.document(text)
        if !reader.diagnostics.isEmpty { throw .stepsFile(reader.diagnostics) }
        return scenarios
    }
}
