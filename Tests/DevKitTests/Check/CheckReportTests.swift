import DevKit
import Foundation
import Testing

@Suite struct CheckReportTests {
    static let problem = ReportedProblem(rule: "no-initialized", title: "No INITIALIZED", fix: "Call initialized() from onReady.",
                                         message: "The widget answered SYNC but sent no INITIALIZED within 2 s <&\"'>.",
                                         type: nil, messageId: nil)
    static let report = CheckReport(
        widgetURL: "https://localhost:3000/?a=1&b=2", simulatorURL: "https://127.0.0.1:4000/host/",
        startedAt: Date(timeIntervalSince1970: 1_800_000_000), duration: 3.456,
        results: [
            ScenarioResult(name: "handshake", source: "built-in", status: .failed, duration: 2.5, reason: "no INITIALIZED from the widget within 2 s",
                           problems: [problem, ReportedProblem(rule: "wrong-origin", title: "Message from an unexpected origin", fix: "Keep it.",
                                                               message: "CALL_DATA came from elsewhere.", type: "CALL_DATA", messageId: "9_1")]),
            ScenarioResult(name: "visibility", source: "built-in", status: .passed, duration: 0.51),
            ScenarioResult(name: "outbound call", source: "steps.yml", status: .skipped, duration: 0, reason: "skipped: no handshake"),
        ])

    @Test func junitReadsBackWithTheCountsAndTheRuleIds() throws {
        let document = try JUnitDocument(JUnitReport.render(Self.report))
        #expect(document.totals["tests"] == "3")
        #expect(document.totals["failures"] == "1")
        #expect(document.totals["skipped"] == "1")
        #expect(document.totals["errors"] == "0")
        #expect(document.suites.count == 1)
        #expect(document.suites.first?["name"] == "devkit check https://localhost:3000/?a=1&b=2")
        #expect(document.testCases.map(\.name) == ["handshake", "visibility", "outbound call"])
        #expect(document.testCases.map(\.outcome) == ["failed", "passed", "skipped"])
        #expect(document.testCases.map(\.classname) == ["devkit.check.built-in", "devkit.check.built-in", "devkit.check.steps.yml"])
        let failure = document.testCases[0]
        #expect(failure.type == "no-initialized wrong-origin")
        #expect(failure.message == "no INITIALIZED from the widget within 2 s; rules: no-initialized wrong-origin")
        #expect(failure.details.contains("within 2 s <&\"'>."))
        #expect(failure.details.contains("fix: Call initialized() from onReady."))
        #expect(document.testCases[2].message == "skipped: no handshake")
    }

    @Test func jsonHasEveryScenarioAndProblem() throws {
        let value = try JSONValue.parse(Data(JSONReport.render(Self.report).utf8))
        #expect(value["passed"] == .bool(false))
        #expect(value["counts"] == .object(["total": .number(3), "passed": .number(1), "failed": .number(1), "skipped": .number(1)]))
        #expect(value["widget"] == .string("https://localhost:3000/?a=1&b=2"))
        #expect(value["startedAt"] == .string("2027-01-15T08:00:00Z"))
        let scenarios = try #require(value["scenarios"]?.array)
        #expect(scenarios.map { $0["status"]?.string } == ["failed", "passed", "skipped"])
        #expect(scenarios[0]["problems"]?.array?.map { $0["rule"]?.string } == ["no-initialized", "wrong-origin"])
        #expect(scenarios[0]["problems"]?.array?[1]["messageId"] == .string("9_1"))
        #expect(scenarios[0]["problems"]?.array?[0]["fix"] == .string("Call initialized() from onReady."))
        #expect(scenarios[1]["reason"] == nil)
    }

    @Test func textNamesEachScenarioItsRulesAndTheirFixes() {
        let text = TextReport.render(Self.report)
        #expect(text.contains("FAILED handshake (2.50 s)\n  no INITIALIZED from the widget within 2 s\n  no-initialized: No INITIALIZED. "))
        #expect(text.contains("    fix: Call initialized() from onReady.\n"))
        #expect(text.contains("PASSED visibility (0.51 s)\n"))
        #expect(text.hasSuffix("3 scenarios: 1 passed, 1 failed, 1 skipped in 3.46 s\n"))
        #expect(TextReport.progress(Self.report.results[0]).hasPrefix("handshake: failed (2.50 s) — no-initialized, wrong-origin\n"))
        #expect(Self.report.exitCode == 1)
        #expect(CheckReport(widgetURL: "w", simulatorURL: "s", startedAt: Date(), duration: 1,
                            results: [Self.report.results[1]]).exitCode == 0)
    }
}
