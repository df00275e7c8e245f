/// The scenarios every `devkit check` runs unless `--scenario` picks others: they need nothing from
/// the widget's own interface, only that it speaks the protocol.
public enum BuiltInScenarios {
    /// How long `dial-number` gives the widget to start its call before the liveness probe, in milliseconds.
    static let settle = 1000
    /// The unknown type `unknown-message` sends, as HubSpot may add one day.
    static let unknownType = "DEVKIT_CHECK_UNKNOWN_TYPE"
    /// The unknown type the liveness probe after each scenario's steps sends.
    static let livenessType = "DEVKIT_CHECK_LIVENESS"

    /// The built-in scenarios, in the order they run. None ends with a fixed pause: each waits for an
    /// answer the widget must give (a widget that throws and goes silent fails `widget-stopped-answering`).
    public static let all: [CheckScenario] = [
        scenario("handshake", "SYNC_ACK keeps SYNC's messageId and names the widget's own origin; INITIALIZED follows in time",
                 [.waitFor(type: "SYNC_ACK", count: 1, source: .widget, timeout: nil),
                  .waitFor(type: "INITIALIZED", count: 1, source: .widget, timeout: nil)]),
        scenario("origin-discipline", "the widget ignores a message posted to it from another origin than HubSpot's",
                 [.foreignOriginProbe]),
        scenario("unknown-message", "a message type HubSpot may add one day gets the SDK's ERROR UNKNOWN_MESSAGE_TYPE",
                 [.livenessProbe(type: unknownType, after: nil)]),
        scenario("visibility", "VISIBILITY_CHANGED: minimised, hidden, shown again; the widget still answers",
                 [.setVisibility(isMinimized: true, isHidden: false), .setVisibility(isMinimized: false, isHidden: true),
                  .setVisibility(isMinimized: false, isHidden: false), stillAnswers(after: "VISIBILITY_CHANGED")]),
        scenario("reload", "a reload of the widget's frame gets a fresh SYNC, and the widget answers it and HubSpot again",
                 [stillAnswers(after: "the handshake"), .reload, stillAnswers(after: "the reload")]),
        scenario("end-call-without-call", "END_CALL while no call is in progress is taken calmly; the widget still answers",
                 [.endCall, stillAnswers(after: "END_CALL")]),
        scenario("dial-number", "DIAL_NUMBER as HubSpot sends it, with startCall: true; the widget still answers",
                 [.dial(number: "+1 617 555 0123", options: ["startCall": .bool(true)]), .pause(milliseconds: settle),
                  stillAnswers(after: "DIAL_NUMBER")]),
    ]

    private static func stillAnswers(after: String) -> CheckStep {
        .livenessProbe(type: livenessType, after: after)
    }

    private static func scenario(_ name: String, _ summary: String, _ steps: [CheckStep]) -> CheckScenario {
        CheckScenario(name: name, summary: summary, steps: steps.map { ScenarioStep($0) }, source: "built-in")
    }
}
