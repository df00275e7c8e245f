import DevKit
import Foundation
import Testing

@Suite struct StepsFileTests {
    @Test func theFixtureFileReadsAsScenariosOfSteps() throws {
        let url = Fixtures.url("check/demo-calls.yml")
        let scenarios = try StepsFile.load(url, displayPath: "demo-calls.yml")
        #expect(scenarios.map(\.name) == ["outbound call", "inbound call ended by HubSpot", "engagement create fails"])
        #expect(scenarios.allSatisfy { $0.source == "demo-calls.yml" })
        let outbound = scenarios[0]
        #expect(outbound.summary == "HubSpot dials Ada Lovelace; the widget places, answers, ends and saves the call")
        #expect(outbound.steps.first == ScenarioStep(.dial(number: "+1 617 555 0123", options: [:]), location: "demo-calls.yml:6:9"))
        #expect(outbound.steps.map(\.action) == [
            .dial(number: "+1 617 555 0123", options: [:]),
            .waitFor(type: "DIAL_NUMBER", count: 1, source: nil, timeout: nil),
            .click(selector: "#log-in"), .click(selector: "#available"), .click(selector: "#outgoing-call"),
            .waitFor(type: "CREATE_ENGAGEMENT_SUCCEEDED", count: 1, source: .hubspot, timeout: nil),
            .click(selector: "#call-answered"),
            .waitFor(type: "CALL_ANSWERED", count: 1, source: .widget, timeout: nil),
            .click(selector: "#call-ended"), .click(selector: "#call-completed"),
            .waitFor(type: "UPDATE_ENGAGEMENT_SUCCEEDED", count: 1, source: nil, timeout: nil),
            .expectNoProblems,
        ])
        #expect(scenarios[1].steps[2].action == .type(selector: "#phone-number", text: "+1 617 555 0142", clear: true))
        #expect(scenarios[1].steps[7].action == .endCall)
        #expect(scenarios[2].steps[0].action == .failNext(.engagementCreate, on: true))
    }

    @Test func jsonWithTabsReadsTheSameWay() throws {
        let scenarios = try StepsFile.load(Fixtures.url("check/demo-outbound.json"), displayPath: "demo-outbound.json")
        #expect(scenarios.map(\.name) == ["outbound call (JSON)"])
        let steps = scenarios[0].steps
        #expect(steps[0] == ScenarioStep(.dial(number: "+1 617 555 0123", options: ["startCall": .bool(false)]), location: "demo-outbound.json:6:5"))
        #expect(steps[4].action == .waitFor(type: "CREATE_ENGAGEMENT_SUCCEEDED", count: 1, source: .hubspot, timeout: 5))
        #expect(steps.last?.action == .expectNoProblems)
    }

    @Test func everyStepHasAWrittenForm() throws {
        let yaml = """
            scenarios:
              - name: all
                steps:
                  - click: "button.call"
                  - type: { selector: "#n", text: "12", clear: false }
                  - dial: { number: "+44 20 7946 0958", startCall: true, objectId: 903, calleeInfo: { calleeId: 903 } }
                  - waitFor: { type: CALL_ENDED, count: 2, from: widget, timeout: 1.5 }
                  - failNext: { switch: callerIdMatch, on: false }
                  - failNext: engagementUpdate
                  - expectNoProblems: true
                  - endCall
                  - setVisibility: { isHidden: true }
                  - send: { type: SET_CALL_STATE, data: { state: "ringing", n: [1, null] } }
                  - send: END_CALL
                  - reload
                  - endSession
                  - pause: 250
            """
        let steps = try StepsFile.parse(yaml, path: "s.yml")[0].steps.map(\.action)
        #expect(steps == [
            .click(selector: "button.call"),
            .type(selector: "#n", text: "12", clear: false),
            .dial(number: "+44 20 7946 0958", options: ["startCall": .bool(true), "objectId": .number(903),
                                                        "calleeInfo": .object(["calleeId": .number(903)])]),
            .waitFor(type: "CALL_ENDED", count: 2, source: .widget, timeout: 1.5),
            .failNext(.callerIdMatch, on: false),
            .failNext(.engagementUpdate, on: true),
            .expectNoProblems, .endCall,
            .setVisibility(isMinimized: false, isHidden: true),
            .send(type: "SET_CALL_STATE", data: .object(["state": .string("ringing"), "n": .array([.number(1), .null])])),
            .send(type: "END_CALL", data: nil),
            .reload, .endSession, .pause(milliseconds: 250),
        ])
    }

    @Test func aNumberTooLargeForJSONInAJSONFileIsADiagnostic() {
        let text = "{ \"scenarios\": [ { \"name\": \"a\", \"steps\": [ { \"send\": { \"type\": \"X\", \"data\": 1e999 } } ] } ] }"
        #expect(throws: CheckError.stepsFile([
            Diagnostic(path: "s.json", line: 1, column: 77, message: "'1e999' is not a finite number, and JSON has no NaN or infinity; " +
                           "write a number such as 1.5, or quote it to send it as a string"),
        ])) { try StepsFile.parse(text, path: "s.json") }
    }

    @Test func everyStepNameIsReadAndSuggested() throws {
        // The names come from one table; each must parse (bare or with a value) and be suggested for a near miss.
        #expect(StepsFile.stepNames.count == Set(StepsFile.stepNames).count)
        for name in StepsFile.stepNames {
            let message = try #require(diagnostics("scenarios:\n  - name: a\n    steps:\n      - \(name)x: 1\n").first?.message)
            #expect(message == "unknown step '\(name)x'; did you mean '\(name)'?")
            let written = diagnostics("scenarios:\n  - name: a\n    steps:\n      - \(name): 1\n")
            #expect(!written.contains { $0.message.hasPrefix("unknown step") }, "\(name): \(written)")
        }
    }

    private func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try StepsFile.parse(text, path: "s.yml")
            return []
        } catch let CheckError.stepsFile(diagnostics) {
            return diagnostics
        } catch {
            return []
        }
    }

    @Test(arguments: [
        ("scenarios: []", [Diagnostic(path: "s.yml", line: 1, column: 12, message: "'scenarios' must be a non-empty list of scenarios")]),
        ("- name: x", [Diagnostic(path: "s.yml", line: 1, column: 1,
                                  message: "a steps file is a mapping with a 'scenarios' list, e.g. scenarios: [{ name: ..., steps: [...] }]")]),
        ("scenarios:\n  - name: a\n    steps:\n      - clik: \"#x\"\n", [Diagnostic(path: "s.yml", line: 4, column: 9,
                                                                                   message: "unknown step 'clik'; did you mean 'click'?")]),
        ("scenarios:\n  - name: a\n    steps:\n      - waitFor: { type: call_ended, cont: 2 }\n", [
            Diagnostic(path: "s.yml", line: 4, column: 38, message: "unknown key 'cont' in 'waitFor'; use type, count, from, timeout"),
        ]),
        ("scenarios:\n  - name: a\n    steps:\n      - waitFor: call_ended\n      - pause: soon\n      - failNext: create\n", [
            Diagnostic(path: "s.yml", line: 4, column: 18, message: "'call_ended' is not a message type; types are upper case, e.g. CREATE_ENGAGEMENT_SUCCEEDED"),
            Diagnostic(path: "s.yml", line: 5, column: 16, message: "'pause' is a number of milliseconds between 0 and 60000"),
            Diagnostic(path: "s.yml", line: 6, column: 19, message: "unknown failure switch 'create'; use one of engagementCreate, engagementUpdate, callerIdMatch"),
        ]),
        ("scenarios:\n  - name: handshake\n    steps: [endCall]\n  - steps: [reload]\n", [
            Diagnostic(path: "s.yml", line: 2, column: 5,
                       message: "a scenario named 'handshake' already exists (scenario names are unique, built-in ones included)"),
            Diagnostic(path: "s.yml", line: 4, column: 5, message: "this scenario has no 'name'"),
        ]),
        ("scenarios:\n  - name: a\n    steps:\n      - click\n      - type: { selector: \"#a\" }\n", [
            Diagnostic(path: "s.yml", line: 4, column: 9, message: "'click' needs a value, e.g. click: ..."),
            Diagnostic(path: "s.yml", line: 5, column: 15, message: "'type' needs 'text'"),
        ]),
        ("scenarios:\n  - name: a\n    steps: [endCall\n", [
            Diagnostic(path: "s.yml", line: 4, column: 1,
                       message: "malformed YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        ]),
        ("scenarios:\n  - name: a\n    steps:\n      - send: { type: SET_CALL_STATE, data: { n: .nan, list: [1, -.inf] } }\n" +
         "      - dial: { number: \"+1 617 555 0123\", objectId: .inf }\n", [
            Diagnostic(path: "s.yml", line: 4, column: 50, message: "'.nan' is not a finite number, and JSON has no NaN or infinity; " +
                           "write a number such as 1.5, or quote it to send it as a string"),
            Diagnostic(path: "s.yml", line: 4, column: 66, message: "'-.inf' is not a finite number, and JSON has no NaN or infinity; " +
                           "write a number such as 1.5, or quote it to send it as a string"),
            Diagnostic(path: "s.yml", line: 5, column: 54, message: "'.inf' is not a finite number, and JSON has no NaN or infinity; " +
                           "write a number such as 1.5, or quote it to send it as a string"),
        ]),
    ] as [(String, [Diagnostic])])
    func mistakesAreDiagnosticsAtTheirPlace(text: String, expected: [Diagnostic]) {
        #expect(throws: CheckError.stepsFile(expected)) { try StepsFile.parse(text, path: "s.yml") }
    }
}
