import Foundation
import Synchronization

/// Runs one scenario: a clean simulator page framing the widget, the handshake, then each step.
/// A scenario passes when every step could be done and `devkitHost.problems` stays empty. Later
/// scenarios reuse the page through `devkitHost.reset()` (a fresh widget frame, no messages, problems,
/// calls or switches) while it still frames the same widget URL; otherwise the page is loaded again.
struct ScenarioRunner: Sendable {
    /// Whether the widget has answered an unknown type yet in this run (nil: not asked yet). A widget
    /// that never does cannot be probed for liveness: after the first verdict, probes do not wait for it.
    final class UnknownTypeAnswers: Sendable {
        private let state = Mutex<Bool?>(nil)
        var known: Bool? { state.withLock { $0 } }
        func record(_ answered: Bool) { state.withLock { $0 = ($0 ?? false) || answered } }
    }

    let unknownTypeAnswers = UnknownTypeAnswers()
    /// The page to drive.
    let page: SimulatorPage
    /// The simulator's URL with the widget and the timeouts in its query.
    let simulatorURL: String
    /// The run's `--timeout`, in seconds.
    let timeout: TimeInterval
    /// The widget's URL as the simulator holds it.
    let widgetURL: String
    /// A page on another origin than the simulator's and the widget's, for the origin probe.
    let foreignPageURL: String

    /// Extra time given to the simulator's own timers (set to `timeout`) to report their problem first.
    static let grace: TimeInterval = 0.5
    static let probeType = "DEVKIT_CHECK_FOREIGN_ORIGIN"
    static let probeFrameId = "devkit-check-foreign-origin"

    /// The result, and whether the widget never answered the handshake (later scenarios are then skipped).
    func run(_ scenario: CheckScenario, reusePage: Bool) async -> (result: ScenarioResult, handshakeFailed: Bool) {
        let started = Date()
        func finish(_ reason: String?, _ problems: [ReportedProblem], handshakeFailed: Bool = false) -> (ScenarioResult, Bool) {
            let status: ScenarioResult.Status = reason == nil && problems.isEmpty ? .passed : .failed
            return (ScenarioResult(name: scenario.name, source: scenario.source, status: status,
                                   duration: Date().timeIntervalSince(started), reason: reason, problems: problems), handshakeFailed)
        }
        do {
            var opened = false
            if reusePage { opened = try await page.reset(expecting: widgetURL) }
            if !opened { opened = try await page.open(simulatorURL) }
            guard opened else {
                return finish("the simulator page did not load (no window.devkitHost at \(simulatorURL))", [])
            }
            guard try await page.waitUntilReady(timeout: timeout + Self.grace) else {
                let reason = "the widget did not answer SYNC within \(WidgetProbe.seconds(timeout)) (no SYNC_ACK)"
                return finish(reason, (try? await page.problems()) ?? [], handshakeFailed: true)
            }
            var own: [ReportedProblem] = []
            for step in scenario.steps {
                do {
                    own += try await perform(step.action)
                } catch {
                    let problems = (try? await page.problems()) ?? []
                    return finish([step.location, error.message].compactMap { $0 }.joined(separator: ": "), own + problems)
                }
            }
            return finish(nil, own + (try await page.problems()))
        } catch {
            return finish("the browser failed: \(error)", [])
        }
    }

    /// Does one step; returns problems `devkit check` itself found.
    private func perform(_ step: CheckStep) async throws(StepFailure) -> [ReportedProblem] {
        do {
            return try await performInBrowser(step)
        } catch let error as StepFailure {
            throw error
        } catch {
            throw StepFailure("the browser failed: \(error)")
        }
    }

    private func performInBrowser(_ step: CheckStep) async throws -> [ReportedProblem] {
        let driver = page.driver
        switch step {
        case let .click(selector):
            try await page.inWidget { () async throws(StepFailure) in
                let element = try await page.element(selector, timeout: timeout)
                do throws(WebDriverError) { try await driver.click(element) } catch { throw StepFailure("cannot click \(selector): \(error.message.firstLine)") }
            }
        case let .type(selector, text, clear):
            try await page.inWidget { () async throws(StepFailure) in
                let element = try await page.element(selector, timeout: timeout)
                do throws(WebDriverError) {
                    if clear { try await driver.clear(element) }
                    try await driver.sendKeys(element, text)
                } catch {
                    throw StepFailure("cannot type into \(selector): \(error.message.firstLine)")
                }
            }
        case let .dial(number, options):
            try await page.call("dial", [.string(number), .object(options)])
        case let .waitFor(type, count, source, stepTimeout):
            let limit = stepTimeout ?? timeout
            guard try await page.waitForMessages(type: type, direction: source?.direction, count: count, timeout: limit + Self.grace) else {
                let seen = try await page.count(type: type, direction: source?.direction ?? "toHost")
                    + (source == nil ? try await page.count(type: type, direction: "toWidget") : 0)
                let from = source.map { $0 == .widget ? " from the widget" : " from HubSpot" } ?? ""
                let what = count == 1 ? "no \(type)\(from)" : "\(seen) of \(count) \(type)\(from)"
                throw StepFailure("\(what) within \(WidgetProbe.seconds(limit))")
            }
        case let .failNext(failure, on):
            try await page.call(failure.method, [.bool(on)])
        case .expectNoProblems:
            let problems = try await page.problems()
            if !problems.isEmpty {
                throw StepFailure("expected no problems, found \(problems.count): \(problems.map(\.rule).joined(separator: ", "))")
            }
        case .endCall:
            try await page.call("endCall")
        case let .setVisibility(isMinimized, isHidden):
            try await page.call("setVisibility", [.object(["isMinimized": .bool(isMinimized), "isHidden": .bool(isHidden)])])
        case let .send(type, data):
            try await page.call("send", [.string(type)] + (data.map { [$0] } ?? []))
        case .reload:
            let mark = try await page.now()
            try await page.call("reload")
            let answered = try await page.wait("""
                const [mark] = arguments;
                const host = window.devkitHost;
                return host.ready === true && host.messages.some((m) => m.type === "SYNC_ACK" && m.direction === "toHost" && m.time >= mark);
                """, [.number(mark)], timeout: timeout + Self.grace)
            if !answered { throw StepFailure("the widget did not answer the SYNC after the reload within \(WidgetProbe.seconds(timeout))") }
        case .endSession:
            try await page.call("endSession")
        case let .pause(milliseconds):
            try await Task.sleep(for: .milliseconds(milliseconds))
        case .foreignOriginProbe:
            return try await probeForeignOrigin()
        case let .livenessProbe(type, after):
            return try await probeLiveness(type: type, after: after)
        }
        return []
    }

    /// Sends `type` as HubSpot; returns its messageId.
    private func sendProbe(_ type: String) async throws -> JSONValue {
        try await page.call("send", [.string(type), .object(["probe": .bool(true)])])["messageId"] ?? .null
    }

    /// Sends a type no widget handles and waits for the widget's ERROR UNKNOWN_MESSAGE_TYPE about it.
    private func probeLiveness(type: String, after: String?) async throws -> [ReportedProblem] {
        let id = try await sendProbe(type)
        let neverAnswers = unknownTypeAnswers.known == false
        let answered = try await page.wait("const [id, type] = arguments; return \(SimulatorPage.unknownTypeAnswered);",
                                           [id, .string(type)], timeout: neverAnswers ? Self.grace : timeout)
        if neverAnswers && !answered { return [] } // already reported: this widget answers no unknown type
        unknownTypeAnswers.record(answered)
        return answered ? [] : [stoppedAnswering(type: type, id: id, after: after)]
    }

    private func stoppedAnswering(type: String, id: JSONValue, after: String?) -> ReportedProblem {
        let messageId = id.string ?? id.number.map { String(Int($0)) }
        return CheckRules.widgetStoppedAnswering(type: type, messageId: messageId, after: after, timeout: WidgetProbe.seconds(timeout))
    }

    /// Posts an unknown message type to the widget, at its exact origin, from a hidden frame of another
    /// origin; then HubSpot sends one of its own. A widget that checks `event.origin` answers only
    /// HubSpot's (the verdict is known with that answer); one that does not also answers the foreign
    /// one (the SDK's UNKNOWN_MESSAGE_TYPE); one that answers neither within `--timeout` stopped answering.
    private func probeForeignOrigin() async throws -> [ReportedProblem] {
        let driver = page.driver
        try await driver.execute("""
            const [src, id] = arguments;
            const probe = document.createElement("iframe");
            probe.id = id;
            probe.title = "devkit check: a frame of another origin";
            probe.style.display = "none";
            probe.addEventListener("load", () => (probe.dataset.loaded = "true"));
            probe.src = src;
            document.body.append(probe);
            """, [.string(foreignPageURL), .string(Self.probeFrameId)])
        guard try await page.wait("return document.getElementById(arguments[0]).dataset.loaded === 'true';",
                                  [.string(Self.probeFrameId)], timeout: timeout) else {
            throw StepFailure("the probe frame at \(foreignPageURL) did not load")
        }
        let widget = try await driver.execute("""
            const widget = document.querySelector(arguments[0]).contentWindow;
            const host = window.devkitHost;
            let index = -1;
            for (let i = 0; i < window.length; i++) if (window[i] === widget) index = i;
            return { index, origin: host.widget.origin || new URL(host.config.widgetUrl, location.href).origin };
            """, [.string(SimulatorPage.frameSelector)])
        guard let target = widget["origin"]?.string, target.hasPrefix("http") else {
            throw StepFailure("the widget's origin is not known (devkitHost.widget.origin is empty)")
        }
        try await driver.switchToFrame(try await driver.find("#" + Self.probeFrameId))
        let origin = try await driver.execute("""
            const [index, type, target] = arguments;
            window.parent[index].postMessage({ type, messageId: "devkit-check_" + Date.now(), data: { probe: true } }, target);
            return location.origin;
            """, [widget["index"] ?? .number(-1), .string(Self.probeType), .string(target)]).string ?? foreignPageURL
        try await driver.switchToFrame(nil)
        let type = BuiltInScenarios.livenessType
        let id = try await sendProbe(type)
        let neverAnswers = unknownTypeAnswers.known == false
        let verdict = try await page.poll("""
            const [foreign, id, type] = arguments;
            const answers = window.devkitHost.messages.filter((m) => m.direction === "toHost" && JSON.stringify(m).includes(foreign));
            if (answers.length) return { accepted: answers.map((m) => m.type) };
            return \(SimulatorPage.unknownTypeAnswered) ? { ignored: true } : null;
            """, [.string(Self.probeType), id, .string(type)], timeout: neverAnswers ? Self.grace : timeout)
        try await driver.execute("document.getElementById(arguments[0]).remove();", [.string(Self.probeFrameId)])
        if let accepted = verdict?["accepted"]?.array {
            return [CheckRules.foreignOriginAccepted(origin: origin, answer: accepted.compactMap(\.string).joined(separator: ", "))]
        }
        if verdict == nil && neverAnswers { return [] } // no answer to judge by: already reported
        unknownTypeAnswers.record(verdict != nil)
        return verdict == nil ? [stoppedAnswering(type: type, id: id, after: "a message from another origin")] : []
    }
}

extension String {
    /// The first line (chromedriver's messages go on with stack traces).
    var firstLine: String { split(separator: "\n", maxSplits: 1).first.map(String.init) ?? self }
}
