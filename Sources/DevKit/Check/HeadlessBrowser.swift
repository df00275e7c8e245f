import Foundation

/// Headless Chromium driven through chromedriver: finds both programs, starts chromedriver in its own
/// process group on a free loopback port, opens one session, and stops them all on `quit`.
public final class HeadlessBrowser: Sendable {
    /// The session's client.
    public let driver: WebDriverClient
    private let process: ProcessGroup

    private init(driver: WebDriverClient, process: ProcessGroup) {
        self.driver = driver
        self.process = process
    }

    /// The programs to run: `$CHROMEDRIVER` / `$CHROMIUM`, else the first on `PATH`.
    public struct Programs: Equatable, Sendable {
        /// chromedriver's path.
        public var driver: String
        /// Chromium's path.
        public var browser: String

        /// Finds both programs, or names the package that is missing.
        public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CheckError) -> Programs {
            func locate(_ variable: String, _ names: [String], package: String) throws(CheckError) -> String {
                if let path = environment[variable], !path.isEmpty {
                    guard FileManager.default.isExecutableFile(atPath: path) else {
                        throw .browserMissing(program: path, package: package)
                    }
                    return path
                }
                let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
                for name in names {
                    for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                        return folder + "/" + name
                    }
                }
                throw .browserMissing(program: names[0], package: package)
            }
            return Programs(driver: try locate("CHROMEDRIVER", ["chromedriver"], package: "chromium-driver"),
                            browser: try locate("CHROMIUM", ["chromium", "chromium-browser"], package: "chromium"))
        }
    }

    /// Starts chromedriver and a headless Chromium session that ignores certificate errors only for
    /// certificates whose public key is in `trustedKeys` (base64 SHA-256 of the SubjectPublicKeyInfo).
    public static func start(programs: Programs, trustedKeys: [String], timeout: TimeInterval = 20)
        async throws(CheckError) -> HeadlessBrowser {
        let port: Int
        do {
            port = try PortProbe.choose(host: "127.0.0.1", port: 0)
        } catch {
            throw .browserCannotStart("no free port for chromedriver: \(error)")
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("devkit-chromedriver-\(UUID().uuidString).log")
        let process = try ProcessGroup(executable: programs.driver, arguments: ["--port=\(port)"], logFile: log)
        let base = WebDriverClient(base: URL(string: "http://127.0.0.1:\(port)")!)
        let deadline = Date().addingTimeInterval(timeout)
        while await !base.isReady() {
            guard process.isRunning else {
                let output = process.output
                await process.stop()
                throw .browserCannotStart("\(programs.driver) exited at once\(output.isEmpty ? "" : ": " + output)")
            }
            guard Date() < deadline else {
                await process.stop()
                throw .browserCannotStart("\(programs.driver) did not answer on port \(port) within \(Int(timeout)) s")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        var arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--window-size=1280,900"]
        if !trustedKeys.isEmpty { arguments.append("--ignore-certificate-errors-spki-list=" + trustedKeys.joined(separator: ",")) }
        let capabilities = JSONValue.object([
            "browserName": .string("chrome"),
            "goog:chromeOptions": .object(["binary": .string(programs.browser), "args": .array(arguments.map(JSONValue.string))]),
        ])
        do {
            let session = try await base.newSession(capabilities: capabilities)
            return HeadlessBrowser(driver: session, process: process)
        } catch {
            await process.stop()
            throw .browserCannotStart("\(programs.browser) via \(programs.driver): \(error.message.split(separator: "\n").first ?? "")")
        }
    }

    /// Ends the session and stops chromedriver and everything it started.
    public func quit() async {
        await driver.deleteSession()
        await process.stop()
    }
}
