import DevKit
import Foundation
import Testing

/// `devkit check` for real: its own simulator in process, headless Chromium, and widgets served by
/// another `devkit serve` (another origin, another CA) — the demo widget and the misbehaving fixture.
@Suite(.serialized) struct CheckBrowserTests {
    let widgets: WidgetServer

    init() throws {
        widgets = try WidgetServer()
    }

    @Test func theDemoWidgetPassesEveryBuiltInScenario() throws {
        let result = try CheckProcess.run([widgets.url("/widget/"), "--report", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONValue.parse(Data(result.standardOutput.utf8))
        let scenarios = try #require(report["scenarios"]?.array)
        #expect(scenarios.map { $0["name"]?.string } == BuiltInScenarios.all.map(\.name))
        #expect(scenarios.allSatisfy { $0["status"] == .string("passed") && $0["problems"] == .array([]) }, "\(result.standardOutput)")
        #expect(report["passed"] == .bool(true))
        for scenario in BuiltInScenarios.all {
            #expect(result.standardError.contains("\(scenario.name): passed ("), "\(result.standardError)")
        }
        #expect(result.standardError.contains("the browser accepts the certificate it presented"))
    }

    @Test func theMisbehavingWidgetFailsNamingItsRules() throws {
        let result = try CheckProcess.run([widgets.url("/bad-widget/"), "--timeout", "2",
                                           "--scenario", "handshake", "--scenario", "end-call-without-call"])
        #expect(result.status == 1, "\(result.standardError)")
        let expected = ["message-before-handshake", "missing-message-id", "unknown-message-type", "call-not-started",
                        "missing-external-call-id", "unknown-external-call-id", "completed-before-ended",
                        "unknown-call-end-status", "engagement-id-mismatch", "non-numeric-resize", "no-initialized"]
        let report = result.standardOutput
        #expect(report.contains("FAILED handshake ("), "\(report)")
        #expect(report.contains("no INITIALIZED from the widget within 2 s"), "\(report)")
        for rule in expected {
            #expect(report.contains("  \(rule): "), "\(rule) missing from:\n\(report)")
            #expect(result.standardError.contains(rule), "\(rule) missing from standard error")
        }
        #expect(report.contains("FAILED end-call-without-call ("))
        #expect(report.contains("    fix: Call initialized({ isLoggedIn, isAvailable }) from onReady."))
        #expect(report.hasSuffix("2 scenarios: 0 passed, 2 failed in ") || report.contains("2 scenarios: 0 passed, 2 failed in "))
    }

    @Test func aWidgetThatActsOnMessagesFromAnyOriginFailsOriginDiscipline() throws {
        let result = try CheckProcess.run([widgets.url("/sloppy-widget/"), "--scenario", "handshake", "--scenario", "origin-discipline",
                                           "--report", "json"])
        #expect(result.status == 1, "\(result.standardError)")
        let scenarios = try #require(try JSONValue.parse(Data(result.standardOutput.utf8))["scenarios"]?.array)
        #expect(scenarios.map { $0["status"]?.string } == ["passed", "failed"], "\(result.standardOutput)")
        let problems = scenarios[1]["problems"]?.array ?? []
        #expect(problems.map { $0["rule"]?.string } == ["foreign-origin-accepted"])
        #expect(problems.first?["message"]?.string?.contains("from https://localhost:") == true)
    }

    @Test(arguments: [("VISIBILITY_CHANGED", "visibility"), ("END_CALL", "end-call-without-call")])
    func aWidgetThatGoesSilentFailsWidgetStoppedAnswering(silentAfter: String, failing: String) throws {
        // unknown-message first: the widget answers while it works; each scenario gets a fresh frame.
        let names = ["unknown-message", failing, "reload"]
        let result = try CheckProcess.run([widgets.url("/fragile-widget/?silentAfter=\(silentAfter)"), "--timeout", "2", "--report", "json"]
                                          + names.flatMap { ["--scenario", $0] })
        #expect(result.status == 1, "\(result.standardError)")
        let scenarios = try #require(try JSONValue.parse(Data(result.standardOutput.utf8))["scenarios"]?.array)
        #expect(scenarios.map { $0["status"]?.string } == ["passed", "failed", "passed"], "\(result.standardOutput)")
        let problems = scenarios[1]["problems"]?.array ?? []
        #expect(problems.map { $0["rule"]?.string } == ["widget-stopped-answering"], "\(result.standardOutput)")
        #expect(problems.first?["message"]?.string?.hasPrefix("After \(silentAfter), HubSpot sent DEVKIT_CHECK_LIVENESS (messageId ") == true,
                "\(result.standardOutput)")
        #expect(problems.first?["message"]?.string?.contains("within 2 s: the widget stopped answering.") == true)
        #expect(result.standardError.contains("\(failing): failed (") && result.standardError.contains("widget-stopped-answering"))
    }

    @Test func aSilentWidgetFailsTheHandshakeAndSkipsTheRest() throws {
        let result = try CheckProcess.run([widgets.url("/bad-widget/?mode=silent"), "--timeout", "1", "--report", "junit"])
        #expect(result.status == 1)
        let document = try JUnitDocument(result.standardOutput)
        #expect(document.totals["tests"] == String(BuiltInScenarios.all.count))
        #expect(document.totals["failures"] == "1")
        #expect(document.totals["skipped"] == String(BuiltInScenarios.all.count - 1))
        #expect(document.testCases[0].outcome == "failed")
        #expect(document.testCases[0].type == "no-sync-ack")
        #expect(document.testCases[0].message?.hasPrefix("the widget did not answer SYNC within 1 s (no SYNC_ACK)") == true)
        #expect(document.testCases.dropFirst().allSatisfy { $0.outcome == "skipped" })
    }

    @Test func aWidgetServerThatIsNotRunningIsReportedAtOnce() throws {
        let port = try ListeningSocket.closedPort()
        let result = try CheckProcess.run(["https://localhost:\(port)/", "--scenario", "handshake"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("SKIPPED handshake"))
        #expect(result.standardOutput.contains("the widget's server does not answer: cannot connect to localhost:\(port) (connection refused)"),
                "\(result.standardOutput)")
    }

    @Test func aStepsFileDrivesWholeCallsThroughTheDemoWidgetsButtons() throws {
        let steps = Fixtures.url("check/demo-calls.yml").path
        let json = Fixtures.url("check/demo-outbound.json").path
        var outputs: [String] = []
        for (file, names) in [(steps, ["outbound call", "inbound call ended by HubSpot", "engagement create fails"]), (json, ["outbound call (JSON)"])] {
            let result = try CheckProcess.run([widgets.url("/widget/"), "--steps", file, "--report", "junit"]
                                              + names.flatMap { ["--scenario", $0] })
            #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
            let document = try JUnitDocument(result.standardOutput)
            #expect(document.totals["tests"] == String(names.count))
            #expect(document.totals["failures"] == "0")
            #expect(document.testCases.map(\.name) == names)
            #expect(document.testCases.allSatisfy { $0.outcome == "passed" })
            outputs.append(result.standardError)
        }
        #expect(outputs[0].contains("outbound call: passed ("))
    }

    @Test func aStepThatCannotBeDoneFailsAtItsPlaceInTheFile() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("steps.yml", """
            scenarios:
              - name: missing button
                steps:
                  - click: "#log-in"
                  - click: "#no-such-button"
            """)
        let result = try CheckProcess.run([widgets.url("/widget/"), "--steps", file.path, "--scenario", "missing button", "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("\(file.path):5:9: no element matches #no-such-button in the widget after 1 s"),
                "\(result.standardOutput)")
    }
}
