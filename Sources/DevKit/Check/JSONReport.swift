import Foundation

/// The report as JSON (`--report json`): the run, then one object per scenario with its problems.
public enum JSONReport {
    /// Pretty-printed JSON with sorted keys.
    public static func render(_ report: CheckReport) -> String {
        let scenarios: [JSONValue] = report.results.map { result in
            var fields: [String: JSONValue] = [
                "name": .string(result.name),
                "source": .string(result.source),
                "status": .string(result.status.rawValue),
                "durationSeconds": .number((result.duration * 1000).rounded() / 1000),
                "problems": .array(result.problems.map(problem)),
            ]
            if let reason = result.reason { fields["reason"] = .string(reason) }
            return .object(fields)
        }
        let value = JSONValue.object([
            "tool": .string("devkit check"),
            "widget": .string(report.widgetURL),
            "simulator": .string(report.simulatorURL),
            "startedAt": .string(ISO8601DateFormatter().string(from: report.startedAt)),
            "durationSeconds": .number((report.duration * 1000).rounded() / 1000),
            "passed": .bool(report.passed),
            "counts": .object(["total": .number(Double(report.results.count)), "passed": .number(Double(report.count(.passed))),
                               "failed": .number(Double(report.count(.failed))), "skipped": .number(Double(report.count(.skipped)))]),
            "scenarios": .array(scenarios),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    private static func problem(_ problem: ReportedProblem) -> JSONValue {
        var fields: [String: JSONValue] = [
            "rule": .string(problem.rule), "title": .string(problem.title), "fix": .string(problem.fix), "message": .string(problem.message),
        ]
        if let type = problem.type { fields["type"] = .string(type) }
        if let id = problem.messageId { fields["messageId"] = .string(id) }
        return .object(fields)
    }
}
