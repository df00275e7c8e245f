import Foundation

/// `devkit check`: serves the host simulator in this process, starts headless Chromium, frames the
/// widget and runs scenarios against it through `window.devkitHost`.
public struct WidgetCheck: Sendable {
    /// What to check and how.
    public struct Configuration: Sendable {
        /// The widget's absolute http(s) URL.
        public var widgetURL: URL
        /// The scenarios to run, in order.
        public var scenarios: [CheckScenario]
        /// Seconds to wait for the handshake, `INITIALIZED`, a message or an element.
        public var timeout: TimeInterval
        /// The site holding the simulator (`site/host/`).
        public var options: BuildOptions
        /// Where the certificates live.
        public var home: DevkitHome
        /// The simulator's port; 0 picks a free one.
        public var port: Int
        /// The environment to find chromedriver and Chromium in.
        public var environment: [String: String]

        /// A configuration; the defaults are `devkit check`'s.
        public init(widgetURL: URL, scenarios: [CheckScenario] = BuiltInScenarios.all, timeout: TimeInterval = 5,
                    options: BuildOptions, home: DevkitHome = DevkitHome(), port: Int = 0,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.widgetURL = widgetURL
            self.scenarios = scenarios
            self.timeout = timeout
            self.options = options
            self.home = home
            self.port = port
            self.environment = environment
        }
    }

    /// What happens during a run, for the terminal.
    public enum Event: Sendable {
        /// A scenario starts.
        case started(CheckScenario)
        /// A scenario ended.
        case finished(ScenarioResult)
        /// Something worth knowing (how the widget's certificate is trusted, why the rest is skipped).
        case note(String)
    }

    let configuration: Configuration

    /// A check with this configuration.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs every scenario and returns the report; throws only when the check cannot run at all.
    public func run(progress: @escaping @Sendable (Event) -> Void = { _ in }) async throws(CheckError) -> CheckReport {
        let started = Date()
        let configuration = self.configuration
        let programs = try HeadlessBrowser.Programs.find(environment: configuration.environment)
        let cleanup = SignalCleanup()
        defer { cleanup.cancel() }
        let server = try await SimulatorServer.start(options: configuration.options, home: configuration.home, port: configuration.port)
        let widget = configuration.widgetURL.absoluteString
        var skipReason: String?
        var trustedKeys: [String] = []
        do {
            trustedKeys.append(try WidgetProbe.publicKeyPin(pemFile: configuration.home.leafCertificate))
        } catch {
            await server.stop()
            throw .simulatorUnavailable("cannot read \(configuration.home.leafCertificate.path): \(error)")
        }
        switch await WidgetProbe.probe(configuration.widgetURL, timeout: min(configuration.timeout, 5)) {
        case let .reachable(key?):
            if !trustedKeys.contains(key) { trustedKeys.append(key) }
            progress(.note("The widget's server is on a loopback address: the browser accepts the certificate it presented (SPKI sha256/\(key))."))
        case .reachable(nil):
            break
        case let .unreachable(reason):
            skipReason = "the widget's server does not answer: \(reason)"
        }
        if let skipReason {
            // Nothing to frame: say so for every scenario without starting the browser.
            let results = configuration.scenarios.map { scenario in
                ScenarioResult(name: scenario.name, source: scenario.source, status: .skipped, duration: 0, reason: skipReason)
            }
            for result in results { progress(.finished(result)) }
            await server.stop()
            return CheckReport(widgetURL: widget, simulatorURL: server.simulatorURL, startedAt: started,
                               duration: Date().timeIntervalSince(started), results: results)
        }
        let browser: HeadlessBrowser
        do {
            browser = try await HeadlessBrowser.start(programs: programs, trustedKeys: trustedKeys)
        } catch {
            await server.stop()
            throw error
        }
        let milliseconds = String(Int((configuration.timeout * 1000).rounded()))
        let query = [("widget", widget), ("syncTimeout", milliseconds), ("initTimeout", milliseconds)]
            .map { "\($0)=\(Self.queryEncoded($1))" }.joined(separator: "&")
        let runner = ScenarioRunner(page: SimulatorPage(driver: browser.driver), simulatorURL: server.simulatorURL + "?" + query,
                                    timeout: configuration.timeout, widgetURL: widget, foreignPageURL: server.otherOriginURL)
        var results: [ScenarioResult] = []
        var handshakeFailure: String?
        for scenario in configuration.scenarios {
            progress(.started(scenario))
            let result: ScenarioResult
            if let handshakeFailure {
                result = ScenarioResult(name: scenario.name, source: scenario.source, status: .skipped, duration: 0, reason: handshakeFailure)
            } else {
                let outcome = await runner.run(scenario, reusePage: !results.isEmpty)
                result = outcome.result
                if outcome.handshakeFailed {
                    handshakeFailure = "skipped: the widget did not answer the handshake in \(scenario.name)"
                }
            }
            results.append(result)
            progress(.finished(result))
        }
        await browser.quit()
        await server.stop()
        return CheckReport(widgetURL: widget, simulatorURL: server.simulatorURL, startedAt: started,
                           duration: Date().timeIntervalSince(started), results: results)
    }

    /// A query value with everything but unreserved characters percent-encoded (`&`, `=`, `+` included).
    static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
