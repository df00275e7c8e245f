/// The scenarios every `devkit check` runs unless `--scenario` picks others: they need nothing from
/// the widget's own interface, only that it speaks the protocol.
public enum BuiltInScenarios {
    /// How long the scenarios below wait for late answers and problems, in milliseconds.
    static let settle = 500

    /// The built-in scenarios, in the order they run.
    public static let all: [CheckScenario] = [
        scenario("handshake", "SYNC_ACK keeps SYNC's messageId and names the widget's own origin; INITIALIZED follows in time",
                 [.waitFor(type: "SYNC_ACK", count: 1, source: .widget, timeout: nil),
                  .waitFor(type: "INITIALIZED", count: 1, source: .widget, timeout: nil)]),
        scenario("origin-discipline", "the widget ignores a message posted to it from another origin than HubSpot's",
                 [.foreignOriginProbe]),
        scenario("unknown-message", "a message type HubSpot may add one day does not break the widget",
                 [.send(type: "DEVKIT_CHECK_UNKNOWN_TYPE", data: .object(["probe": .bool(true)])), .pause(milliseconds: settle)]),
        scenario("visibility", "VISIBILITY_CHANGED: minimised, hidden, shown again",
                 [.setVisibility(isMinimized: true, isHidden: false), .setVisibility(isMinimized: false, isHidden: true),
                  .setVisibility(isMinimized: false, isHidden: false), .pause(milliseconds: settle)]),
        scenario("reload", "a reload of the widget's frame gets a fresh SYNC, and the widget answers it again",
                 // A pause, not a wait for INITIALIZED: a widget that never sends it fails the handshake scenario already.
                 [.pause(milliseconds: settle), .reload, .pause(milliseconds: settle)]),
        scenario("end-call-without-call", "END_CALL while no call is in progress is taken calmly",
                 [.endCall, .pause(milliseconds: settle)]),
        scenario("dial-number", "DIAL_NUMBER as HubSpot sends it, with startCall: true",
                 [.dial(number: "+1 617 555 0123", options: ["startCall": .bool(true)]), .pause(milliseconds: 2 * settle)]),
    ]

    private static func scenario(_ name: String, _ summary: String, _ steps: [CheckStep]) -> CheckScenario {
        CheckScenario(name: name, summary: summary, steps: steps.map { ScenarioStep($0) }, source: "built-in")
    }
}
