import Foundation

/// A small W3C WebDriver client: JSON over HTTP to chromedriver, one session, the few commands
/// `devkit check` needs (navigate, run a script, find, click, type, switch frames). Loopback only.
public struct WebDriverClient: Sendable {
    /// The W3C key of an element reference in WebDriver's JSON.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// `DEVKIT_CHECK_TRACE=1` prints every command and its duration on standard error.
    static let tracing = ProcessInfo.processInfo.environment["DEVKIT_CHECK_TRACE"] == "1"

    /// chromedriver's address, e.g. `http://127.0.0.1:9515`.
    public let base: URL
    /// The session all commands go to (nil before `newSession`).
    public var sessionId: String?

    /// A client for the driver at `base`.
    public init(base: URL, sessionId: String? = nil) {
        self.base = base
        self.sessionId = sessionId
    }

    /// The driver's `/status` says it can make sessions.
    public func isReady() async -> Bool {
        guard let value = try? await request("GET", "/status", body: nil, timeout: 2) else { return false }
        return value["ready"]?.bool == true
    }

    /// Starts a browser session with these capabilities (`alwaysMatch`); returns the client bound to it.
    public func newSession(capabilities: JSONValue) async throws(WebDriverError) -> WebDriverClient {
        let value = try await request("POST", "/session", body: .object(["capabilities": .object(["alwaysMatch": capabilities])]),
                                      timeout: 60)
        guard let id = value["sessionId"]?.string else { throw WebDriverError(command: "POST /session", message: "no sessionId in \(value.jsonText)") }
        return WebDriverClient(base: base, sessionId: id)
    }

    /// Ends the session (and with it the browser).
    public func deleteSession() async {
        _ = try? await command("DELETE", "", timeout: 10)
    }

    /// Loads a URL in the current tab.
    public func navigate(_ url: String) async throws(WebDriverError) {
        _ = try await command("POST", "/url", body: .object(["url": .string(url)]))
    }

    /// Runs a function body in the current frame (`arguments[i]` are `args`) and returns its result.
    @discardableResult
    public func execute(_ script: String, _ args: [JSONValue] = []) async throws(WebDriverError) -> JSONValue {
        try await command("POST", "/execute/sync", body: .object(["script": .string(script), "args": .array(args)]))
    }

    /// The reference of the first element matching a CSS selector in the current frame.
    public func find(_ selector: String) async throws(WebDriverError) -> JSONValue {
        try await command("POST", "/element", body: .object(["using": .string("css selector"), "value": .string(selector)]))
    }

    /// Clicks an element found by `find`.
    public func click(_ element: JSONValue) async throws(WebDriverError) {
        _ = try await command("POST", "/element/\(try Self.id(of: element))/click", body: .object([:]))
    }

    /// Empties a text field found by `find`.
    public func clear(_ element: JSONValue) async throws(WebDriverError) {
        _ = try await command("POST", "/element/\(try Self.id(of: element))/clear", body: .object([:]))
    }

    /// Types text into an element found by `find`.
    public func sendKeys(_ element: JSONValue, _ text: String) async throws(WebDriverError) {
        _ = try await command("POST", "/element/\(try Self.id(of: element))/value", body: .object(["text": .string(text)]))
    }

    /// Switches into the frame element found by `find`, or back to the top page with nil.
    public func switchToFrame(_ element: JSONValue?) async throws(WebDriverError) {
        _ = try await command("POST", "/frame", body: .object(["id": element ?? .null]))
    }

    private static func id(of element: JSONValue) throws(WebDriverError) -> String {
        guard let id = element[elementKey]?.string else { throw WebDriverError(command: "element", message: "not an element reference: \(element.jsonText)") }
        return id
    }

    private func command(_ method: String, _ route: String, body: JSONValue? = nil, timeout: TimeInterval = 30)
        async throws(WebDriverError) -> JSONValue {
        guard let sessionId else { throw WebDriverError(command: "\(method) \(route)", message: "no session") }
        return try await request(method, "/session/\(sessionId)\(route)", body: body, timeout: timeout)
    }

    private func request(_ method: String, _ route: String, body: JSONValue?, timeout: TimeInterval)
        async throws(WebDriverError) -> JSONValue {
        let name = "\(method) \(route.replacingOccurrences(of: sessionId.map { "/session/\($0)" } ?? "\u{0}", with: ""))"
        let response: LoopbackHTTP.Response
        let started = Date()
        defer {
            if Self.tracing { FileHandle.standardError.write(Data("webdriver: \(name) \(Int(Date().timeIntervalSince(started) * 1000)) ms\n".utf8)) }
        }
        do {
            response = try await LoopbackHTTP.send(port: base.port ?? 0, method: method, path: route,
                                                   body: body.map { Data($0.jsonText.utf8) }, timeout: timeout)
        } catch {
            throw WebDriverError(command: name, message: error.message)
        }
        let data = response.body
        guard let json = try? JSONValue.parse(data) else {
            throw WebDriverError(command: name, message: "not JSON: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        let value = json["value"] ?? .null
        let status = response.status
        if let error = value["error"]?.string {
            throw WebDriverError(command: name, message: value["message"]?.string ?? error, code: error)
        }
        guard (200..<300).contains(status) else { throw WebDriverError(command: name, message: "HTTP \(status)") }
        return value
    }
}

/// A WebDriver command that failed, with the driver's error code when it gave one.
public struct WebDriverError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command, e.g. `POST /element`.
    public var command: String
    /// The driver's message.
    public var message: String
    /// The W3C error code, e.g. `no such element`.
    public var code: String?

    /// An error for a command.
    public init(command: String, message: String, code: String? = nil) {
        self.command = command
        self.message = message
        self.code = code
    }

    public var description: String {
        // chromedriver appends a long stack trace and "(Session info: ...)" lines; keep the first line.
        let first = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
        return "\(command): \(first)"
    }
}
