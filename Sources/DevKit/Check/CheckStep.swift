/// One thing a scenario does to the simulator or the widget. Scenarios are lists of these, built in
/// (`BuiltInScenarios`) or read from a steps file (`StepsFile`).
public enum CheckStep: Equatable, Sendable {
    /// Clicks the first element matching a CSS selector inside the widget's frame.
    case click(selector: String)
    /// Types text into the element matching a CSS selector inside the widget's frame (emptying it first unless `clear` is false).
    case type(selector: String, text: String, clear: Bool)
    /// `devkitHost.dial(number, options)`: HubSpot's `DIAL_NUMBER`.
    case dial(number: String, options: [String: JSONValue])
    /// Waits until `count` messages of `type` (from `source`, or either side) are in `devkitHost.messages`;
    /// `timeout` in seconds, else the run's `--timeout`.
    case waitFor(type: String, count: Int, source: MessageSource?, timeout: Double?)
    /// Turns one of the simulator's failure switches on or off.
    case failNext(FailureSwitch, on: Bool)
    /// Fails the scenario now if `devkitHost.problems` is not empty.
    case expectNoProblems
    /// `devkitHost.endCall()`: HubSpot's `END_CALL`.
    case endCall
    /// `devkitHost.setVisibility(...)`: HubSpot's `VISIBILITY_CHANGED`.
    case setVisibility(isMinimized: Bool, isHidden: Bool)
    /// `devkitHost.send(type, data)`: any message from HubSpot.
    case send(type: String, data: JSONValue?)
    /// `devkitHost.reload()`, then waits for the widget to answer the new `SYNC`.
    case reload
    /// `devkitHost.endSession()`: the user leaves HubSpot's page.
    case endSession
    /// Waits this many milliseconds, so late answers and problems arrive.
    case pause(milliseconds: Int)
    /// Posts a message to the widget from a frame of another origin and fails if the widget acts on it,
    /// or if it no longer answers HubSpot afterwards.
    case foreignOriginProbe
    /// Sends `type`, a message type no widget handles, and waits up to `--timeout` for the widget's
    /// `ERROR` `UNKNOWN_MESSAGE_TYPE` about it (the SDK always sends one): proof that the widget still
    /// answers. Without it, the problem `widget-stopped-answering`; `after` names what came before.
    case livenessProbe(type: String, after: String?)

    /// Which side sent a message, as `devkitHost.messages` records it.
    public enum MessageSource: String, Sendable, CaseIterable {
        /// The widget (`direction: "toHost"`).
        case widget
        /// HubSpot, that is the simulator (`direction: "toWidget"`).
        case hubspot

        /// The simulator's name for this direction.
        public var direction: String { self == .widget ? "toHost" : "toWidget" }
    }

    /// The simulator's failure switches.
    public enum FailureSwitch: String, Sendable, CaseIterable {
        /// The next `createEngagement` gets `CREATE_ENGAGEMENT_FAILED`.
        case engagementCreate
        /// The next `CALL_COMPLETED` gets `UPDATE_ENGAGEMENT_FAILED`.
        case engagementUpdate
        /// The next `INCOMING_CALL` gets `CALLER_ID_MATCH_FAILED`.
        case callerIdMatch

        /// The `devkitHost` method that flips it.
        public var method: String {
            switch self {
            case .engagementCreate: "failNextEngagementCreate"
            case .engagementUpdate: "failNextEngagementUpdate"
            case .callerIdMatch: "failNextCallerIdMatch"
            }
        }
    }
}

/// A step and where it was written (`path:line:col`), for messages about it.
public struct ScenarioStep: Equatable, Sendable {
    /// What to do.
    public var action: CheckStep
    /// `path:line:col` in the steps file, nil for built-in steps.
    public var location: String?

    /// A step, optionally with its place in a steps file.
    public init(_ action: CheckStep, location: String? = nil) {
        self.action = action
        self.location = location
    }
}

/// A named list of steps run against a freshly loaded simulator page whose widget has answered `SYNC`.
public struct CheckScenario: Equatable, Sendable {
    /// The name `--scenario` selects and reports show.
    public var name: String
    /// One line on what it checks.
    public var summary: String
    /// What it does, in order.
    public var steps: [ScenarioStep]
    /// `built-in`, or the steps file it came from.
    public var source: String

    /// A scenario.
    public init(name: String, summary: String, steps: [ScenarioStep], source: String) {
        self.name = name
        self.summary = summary
        self.steps = steps
        self.source = source
    }
}
