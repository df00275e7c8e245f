import Foundation
import Hummingbird
import Logging
import NIOSSL
import ServiceLifecycle

/// The site served in this process for `devkit check`: built in memory like `devkit serve`, over HTTPS
/// with the local CA's certificate, on a loopback port, without live reload and without the guides.
final class SimulatorServer: Sendable {
    /// The port it listens on (127.0.0.1).
    let port: Int
    /// The base path pages live under, e.g. `/`.
    let basePath: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, basePath: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.basePath = basePath
        self.group = group
        self.task = task
    }

    /// Builds the site and starts listening; `port` 0 picks a free one.
    static func start(options: BuildOptions, home: DevkitHome, port: Int) async throws(CheckError) -> SimulatorServer {
        guard FileManager.default.fileExists(atPath: options.siteDirectory.appendingPathComponent("host/index.html").path) else {
            throw .simulatorUnavailable("\(options.siteDirectory.path) has no host/index.html; point --root or --site at a Calling DevKit checkout")
        }
        // Only site/ matters here (templates and the static folders): the guides are left out, so
        // a page being written, or a broken link in one, says nothing about a widget.
        let noGuides = FileManager.default.temporaryDirectory.appendingPathComponent("devkit-check-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: noGuides, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: noGuides) }
        let options = BuildOptions(root: options.root, contentDirectory: noGuides, siteDirectory: options.siteDirectory,
                                   baseURL: BaseURL(), linkPolicy: .warn)
        let tls: TLSConfiguration
        do {
            try CertificateAuthority(home: home).ensure()
            tls = try DevServer.tlsConfiguration(home: home)
        } catch {
            throw .simulatorUnavailable("cannot make or read the local certificates in \(home.url.path): \(error)")
        }
        let site = LiveSite(options: options, injectsReloadScript: false, forbiddenRoots: [home.url])
        let report = await site.build()
        guard report.succeeded else {
            let errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw .simulatorUnavailable("the site does not build:\n" + errors.joined(separator: "\n"))
        }
        let chosen: Int
        do {
            chosen = try PortProbe.choose(host: "127.0.0.1", port: port)
        } catch {
            throw .simulatorUnavailable(error.description)
        }
        let (bound, announce) = AsyncStream<Int>.makeStream()
        let application: any ApplicationProtocol
        do {
            application = try DevServer.buildApplication(site: site, hub: ReloadHub(), host: "127.0.0.1", port: chosen, tls: tls) { channel in
                announce.yield(channel.localAddress?.port ?? chosen)
                announce.finish()
            }
        } catch {
            throw .simulatorUnavailable("cannot set up HTTPS: \(error)")
        }
        var logger = Logger(label: "devkit.check")
        logger.logLevel = .critical
        var groupConfiguration = ServiceGroupConfiguration(services: [application], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(1)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            defer { announce.finish() }
            try await group.run()
        }
        var iterator = bound.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let reason: String
            do {
                try await task.value
                reason = "the server stopped at once"
            } catch {
                reason = "\(error)"
            }
            throw .simulatorUnavailable("cannot listen on 127.0.0.1:\(chosen): \(reason)")
        }
        return SimulatorServer(port: port, basePath: site.basePath, group: group, task: task)
    }

    /// The simulator page's address, e.g. `https://127.0.0.1:41234/host/`.
    var simulatorURL: String { "https://127.0.0.1:\(port)\(basePath)host/" }

    /// The same server under its other name, which is another origin for the browser.
    var otherOriginURL: String { "https://localhost:\(port)\(basePath)devkit-check-foreign-origin" }

    /// Stops listening, letting open connections finish for up to a second.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
