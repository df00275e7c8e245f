import Foundation

/// The host simulator's page in the browser, through its scripting interface `window.devkitHost`
/// (see content/simulator.md). Every call here is a WebDriver script; nothing else knows the scripts.
struct SimulatorPage: Sendable {
    /// The id HubSpot (and the simulator) gives the widget's iframe.
    static let frameSelector = "#hubspot-calling-extension-iframe"

    let driver: WebDriverClient
    /// How often waits ask the page again.
    var pollInterval: Duration = .milliseconds(50)

    /// Polls `script` until it returns true; false when `timeout` seconds pass first.
    func wait(_ script: String, _ args: [JSONValue] = [], timeout: TimeInterval) async throws(WebDriverError) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try await driver.execute(script, args).bool == true { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// Polls `script` until it returns something other than null; nil when `timeout` seconds pass first.
    func poll(_ script: String, _ args: [JSONValue] = [], timeout: TimeInterval) async throws(WebDriverError) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let value = try await driver.execute(script, args)
            if value != .null { return value }
            if Date() >= deadline { return nil }
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// A script body that is true once the widget has answered the message `id` (of type `type`) with
    /// `ERROR` `UNKNOWN_MESSAGE_TYPE`; it expects `id` and `type` in the variables of those names.
    static let unknownTypeAnswered = """
        window.devkitHost.messages.some((m) => {
          if (m.direction !== "toHost" || m.type !== "ERROR" || !m.data || m.data.type !== "UNKNOWN_MESSAGE_TYPE") return false;
          const original = m.data.data && m.data.data.originalMessage;
          return Boolean(original) && (original.messageId === id || (original.messageId === undefined && original.type === type));
        })
        """

    /// Opens the simulator on `url` (with the widget in its query) and waits until `devkitHost` exists.
    func open(_ url: String) async throws(WebDriverError) -> Bool {
        try await driver.switchToFrame(nil)
        try await driver.navigate(url)
        return try await wait("return Boolean(window.devkitHost);", timeout: 5)
    }

    /// Starts over on the page already open (`devkitHost.reset()`), if it still frames `widgetURL`;
    /// false when it cannot (then open the page again).
    func reset(expecting widgetURL: String) async throws(WebDriverError) -> Bool {
        try await driver.switchToFrame(nil)
        return try await driver.execute("""
            const [url] = arguments;
            const host = window.devkitHost;
            if (!host || typeof host.reset !== "function" || !host.config || host.config.widgetUrl !== url) return false;
            host.reset();
            return host.ready === false && host.problems.length === 0;
            """, [.string(widgetURL)]).bool == true
    }

    /// True once the widget has answered `SYNC`.
    func waitUntilReady(timeout: TimeInterval) async throws(WebDriverError) -> Bool {
        try await wait("return window.devkitHost.ready === true;", timeout: timeout)
    }

    /// Waits for `count` messages of `type` (in `direction`, or either); false on timeout.
    func waitForMessages(type: String, direction: String?, count: Int, timeout: TimeInterval) async throws(WebDriverError) -> Bool {
        try await wait("""
            const [type, direction, count] = arguments;
            return window.devkitHost.messages.filter((m) => m.type === type && (!direction || m.direction === direction)).length >= count;
            """, [.string(type), direction.map(JSONValue.string) ?? .null, .number(Double(count))], timeout: timeout)
    }

    /// How many messages of `type` went in `direction` so far.
    func count(type: String, direction: String) async throws(WebDriverError) -> Int {
        let value = try await driver.execute("""
            const [type, direction] = arguments;
            return window.devkitHost.messages.filter((m) => m.type === type && m.direction === direction).length;
            """, [.string(type), .string(direction)])
        return Int(value.number ?? 0)
    }

    /// The page's clock (ms since 1970), to tell later messages from earlier ones.
    func now() async throws(WebDriverError) -> Double {
        try await driver.execute("return Date.now();").number ?? 0
    }

    /// Every problem so far, with its rule's title and fix (rules may be `{ title, fix }` or `[title, fix]`).
    func problems() async throws(WebDriverError) -> [ReportedProblem] {
        let value = try await driver.execute("""
            const host = window.devkitHost;
            const rules = host.rules || {};
            return host.problems.map((p) => {
              const rule = rules[p.rule];
              const [title, fix] = Array.isArray(rule) ? rule : rule ? [rule.title, rule.fix] : [p.rule, ""];
              const id = p.messageId === undefined || p.messageId === null ? null : String(p.messageId);
              return { rule: String(p.rule), title: String(title ?? p.rule), fix: String(fix ?? ""),
                       message: String(p.message ?? ""), type: p.type ? String(p.type) : null, messageId: id };
            });
            """)
        return (value.array ?? []).map { problem in
            ReportedProblem(rule: problem["rule"]?.string ?? "?", title: problem["title"]?.string ?? "",
                            fix: problem["fix"]?.string ?? "", message: problem["message"]?.string ?? "",
                            type: problem["type"]?.string, messageId: problem["messageId"]?.string)
        }
    }

    /// Calls `devkitHost[method](...args)`; a missing method is an error naming it, and so is a throw.
    @discardableResult
    func call(_ method: String, _ args: [JSONValue] = []) async throws(StepFailure) -> JSONValue {
        let result: JSONValue
        do {
            result = try await driver.execute("""
                const [method, args] = arguments;
                const host = window.devkitHost;
                if (typeof host[method] !== "function") return { missing: true };
                try {
                  const value = host[method](...args);
                  return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
                } catch (error) {
                  return { error: String(error && error.message || error) };
                }
                """, [.string(method), .array(args)])
        } catch {
            throw StepFailure("devkitHost.\(method)(): \(error)")
        }
        if result["missing"]?.bool == true {
            throw StepFailure("this simulator has no devkitHost.\(method)(); it needs a newer DevKit site (see content/simulator.md)")
        }
        if let message = result["error"]?.string { throw StepFailure("devkitHost.\(method)() threw: \(message)") }
        return result["value"] ?? .null
    }

    /// Runs `body` with WebDriver inside the widget's frame, and comes back to the simulator's page.
    func inWidget<T: Sendable>(_ body: () async throws(StepFailure) -> T) async throws(StepFailure) -> T {
        do {
            // In the remote and calling-window layout, the frame that reports calls; else HubSpot's one frame.
            let selector = try await driver.execute("""
                const [fallback] = arguments;
                const frame = (window.devkitHost.frames || []).find((f) => f.reportsCalls && f.selector);
                return frame ? frame.selector : fallback;
                """, [.string(Self.frameSelector)]).string ?? Self.frameSelector
            try await driver.switchToFrame(try await driver.find(selector))
        } catch {
            throw StepFailure("cannot enter the widget's frame: \(error)")
        }
        let result: Result<T, StepFailure>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        try? await driver.switchToFrame(nil)
        return try result.get()
    }

    /// Finds a CSS selector in the current frame, waiting up to `timeout` for it to appear.
    func element(_ selector: String, timeout: TimeInterval) async throws(StepFailure) -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do throws(WebDriverError) {
                return try await driver.find(selector)
            } catch where error.code == "no such element" && Date() < deadline {
                try? await Task.sleep(for: pollInterval)
            } catch where error.code == "no such element" {
                throw StepFailure("no element matches \(selector) in the widget after \(WidgetProbe.seconds(timeout))")
            } catch where error.code == "invalid selector" {
                throw StepFailure("\(selector) is not a valid CSS selector")
            } catch {
                throw StepFailure("cannot find \(selector): \(error)")
            }
        }
    }
}

/// Why a step could not be done.
struct StepFailure: Error, Equatable, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
