/// The plain-text report (the default on standard output), and the progress lines printed on
/// standard error while scenarios run.
public enum TextReport {
    /// The whole report.
    public static func render(_ report: CheckReport) -> String {
        var lines = ["devkit check \(report.widgetURL)", ""]
        for result in report.results {
            lines.append("\(result.status.rawValue.uppercased()) \(result.name) (\(result.duration.reportSeconds) s)")
            lines += details(result).map { "  " + $0 }
        }
        lines.append("")
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line: how many scenarios passed, failed, were skipped, and how long it took.
    public static func summary(_ report: CheckReport) -> String {
        let total = report.results.count
        var parts = ["\(report.count(.passed)) passed", "\(report.count(.failed)) failed"]
        if report.count(.skipped) > 0 { parts.append("\(report.count(.skipped)) skipped") }
        return "\(total) scenario\(total == 1 ? "" : "s"): \(parts.joined(separator: ", ")) in \(report.duration.reportSeconds) s"
    }

    /// The progress line of a finished scenario, with its problems below it.
    public static func progress(_ result: ScenarioResult) -> String {
        var head = "\(result.name): \(result.status.rawValue) (\(result.duration.reportSeconds) s)"
        if !result.ruleIds.isEmpty { head += " — " + result.ruleIds.joined(separator: ", ") }
        return ([head] + details(result).map { "  " + $0 }).joined(separator: "\n")
    }

    /// The reason and each problem, with its fix.
    static func details(_ result: ScenarioResult) -> [String] {
        var lines: [String] = []
        if let reason = result.reason { lines.append(reason) }
        for problem in result.problems {
            lines.append("\(problem.rule): \(problem.title). \(problem.message)")
            if !problem.fix.isEmpty { lines.append("  fix: \(problem.fix)") }
        }
        return lines
    }
}
