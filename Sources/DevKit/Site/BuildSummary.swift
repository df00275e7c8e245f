import Foundation

/// What a finished build reports on its last line.
public struct BuildSummary: Sendable, CustomStringConvertible {
    /// Pages rendered.
    public var pages: Int
    /// Files copied as they are.
    public var staticFiles: Int
    /// Problems that did not fail the build.
    public var warnings: [Diagnostic]
    /// Wall-clock time of the whole build.
    public var duration: TimeInterval
    /// The output folder as the user sees it.
    public var output: String

    /// `Built 14 pages and 9 static files in 0.12 s → dist`
    public var description: String {
        let warningText = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        return "Built \(pages) page\(pages == 1 ? "" : "s") and \(staticFiles) static file\(staticFiles == 1 ? "" : "s")"
            + " in \(String(format: "%.2f", duration)) s\(warningText) → \(output)"
    }
}
