import Foundation

/// A problem the run found: one of the simulator's (from `devkitHost.problems`, with the title and fix
/// of `devkitHost.rules`), or one of `devkit check`'s own (`CheckRules`).
public struct ReportedProblem: Equatable, Sendable {
    /// The stable rule id, e.g. `no-initialized`.
    public var rule: String
    /// The rule's title.
    public var title: String
    /// How to fix it.
    public var fix: String
    /// What happened this time.
    public var message: String
    /// The type of the message it is about, when there is one.
    public var type: String?
    /// The `messageId` of that message, when there is one.
    public var messageId: String?

    /// A problem.
    public init(rule: String, title: String, fix: String, message: String, type: String? = nil, messageId: String? = nil) {
        self.rule = rule
        self.title = title
        self.fix = fix
        self.message = message
        self.type = type
        self.messageId = messageId
    }
}

/// How one scenario went.
public struct ScenarioResult: Equatable, Sendable {
    /// Passed, failed or not run.
    public enum Status: String, Equatable, Sendable {
        case passed, failed, skipped
    }

    /// The scenario's name.
    public var name: String
    /// `built-in` or the steps file.
    public var source: String
    /// The outcome.
    public var status: Status
    /// Wall-clock seconds.
    public var duration: TimeInterval
    /// Why it failed or was skipped, besides its problems (a step that could not be done, a timeout).
    public var reason: String?
    /// The problems found while it ran.
    public var problems: [ReportedProblem]

    /// A result.
    public init(name: String, source: String, status: Status, duration: TimeInterval, reason: String? = nil,
                problems: [ReportedProblem] = []) {
        self.name = name
        self.source = source
        self.status = status
        self.duration = duration
        self.reason = reason
        self.problems = problems
    }

    /// The rule ids of its problems, each once, in the order they first appeared.
    public var ruleIds: [String] {
        var seen = Set<String>()
        return problems.map(\.rule).filter { seen.insert($0).inserted }
    }
}

/// Everything one `devkit check` run found.
public struct CheckReport: Equatable, Sendable {
    /// The widget checked.
    public var widgetURL: String
    /// The simulator page used (without the query).
    public var simulatorURL: String
    /// When the run started.
    public var startedAt: Date
    /// Wall-clock seconds of the whole run.
    public var duration: TimeInterval
    /// One result per scenario, in the order they ran.
    public var results: [ScenarioResult]

    /// A report.
    public init(widgetURL: String, simulatorURL: String, startedAt: Date, duration: TimeInterval, results: [ScenarioResult]) {
        self.widgetURL = widgetURL
        self.simulatorURL = simulatorURL
        self.startedAt = startedAt
        self.duration = duration
        self.results = results
    }

    /// True when every scenario ran and passed.
    public var passed: Bool { !results.isEmpty && results.allSatisfy { $0.status == .passed } }

    /// How many scenarios ended with this status.
    public func count(_ status: ScenarioResult.Status) -> Int { results.filter { $0.status == status }.count }

    /// The exit status: 0 when everything passed, else 1.
    public var exitCode: Int32 { passed ? 0 : 1 }
}

/// The rules `devkit check` itself applies, beside the simulator's.
public enum CheckRules {
    /// The widget acted on a message from a frame of another origin.
    public static func foreignOriginAccepted(origin: String, answer: String) -> ReportedProblem {
        ReportedProblem(
            rule: "foreign-origin-accepted", title: "The widget acted on a message from another origin",
            fix: "Drop every message whose event.origin is not the hostUrl of SYNC (the SDK and the DevKit bridge do); " +
                "never act on messages from other frames or windows.",
            message: "A message posted to the widget from \(origin), which is not HubSpot's origin, got an answer: \(answer).")
    }

    /// The widget did not answer a message type it does not know with `ERROR` `UNKNOWN_MESSAGE_TYPE`
    /// within `--timeout`; `after` names what the scenario did before (nil: nothing but the handshake).
    public static func widgetStoppedAnswering(type: String, messageId: String?, after: String?, timeout: String) -> ReportedProblem {
        let sent = "HubSpot sent \(type)\(messageId.map { " (messageId \($0))" } ?? ""), a type the widget does not handle, " +
            "and got no ERROR UNKNOWN_MESSAGE_TYPE about it within \(timeout)"
        return ReportedProblem(
            rule: "widget-stopped-answering", title: "The widget stopped answering HubSpot",
            fix: "Keep the widget's message handling alive: catch and log errors in every event handler instead of letting " +
                "one escape, and never remove the message listener. A widget without the SDK must answer a type it does not " +
                "handle with ERROR { type: \"UNKNOWN_MESSAGE_TYPE\", data: { originalMessage } }, as the SDK and the DevKit bridge do.",
            message: after.map { "After \($0), \(sent): the widget stopped answering." } ?? "\(sent)." ,
            type: type, messageId: messageId)
    }
}

extension TimeInterval {
    /// Seconds with two decimals, as reports show durations.
    var reportSeconds: String { String(format: "%.2f", self) }
}
