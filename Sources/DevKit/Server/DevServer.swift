import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// `devkit serve`: the site built in memory, served over HTTPS with the local CA's certificate,
/// rebuilt on every edit, with live reload. Binds 127.0.0.1 (and ::1) unless told otherwise.
public struct DevServer: Sendable {
    /// What to serve and where.
    public struct Configuration: Sendable {
        /// The build options (the output folder is not used).
        public var options: BuildOptions
        /// The address to bind.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// Where the certificates live.
        public var home: DevkitHome
        /// Watch content/ and site/ and rebuild on changes.
        public var watch: Bool
        /// Force the polling watcher (for file systems without inotify).
        public var poll: Bool
        /// Host names served besides loopback names and IP addresses (`--allowed-host`).
        public var allowedHosts: [String]

        /// A configuration with the defaults of `devkit serve`.
        public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 9025, home: DevkitHome = DevkitHome(),
                    watch: Bool = true, poll: Bool = false, allowedHosts: [String] = []) {
            self.options = options
            self.host = host
            self.port = port
            self.home = home
            self.watch = watch
            self.poll = poll
            self.allowedHosts = allowedHosts
        }

        /// The `Host` check: loopback, IP addresses, the allowed names and the name bound.
        public var hostCheck: HostCheck { HostCheck(allowing: allowedHosts + [host]) }

        /// True for loopback addresses, the only ones bound without a warning.
        public var isLoopback: Bool { LoopbackHost.contains(host) }
    }

    /// Lines for the terminal.
    public typealias Printer = @Sendable (String) -> Void

    let configuration: Configuration
    let site: LiveSite
    let hub = ReloadHub()

    /// A server for this configuration.
    public init(configuration: Configuration) {
        self.configuration = configuration
        site = LiveSite(options: configuration.options, forbiddenRoots: [configuration.home.url])
    }

    /// How long a connection may sit without a request before it is closed. It also bounds a TLS
    /// handshake that stops half way; a response in progress (a reload stream) is never cut.
    public static let idleTimeout: TimeAmount = .seconds(15)

    /// Builds the Hummingbird application (without TLS when `tls` is nil, for tests).
    static func buildApplication(site: LiveSite, hub: ReloadHub, host: String = "127.0.0.1", port: Int = 0,
                                 tls: TLSConfiguration? = nil, hostCheck: HostCheck = HostCheck(),
                                 activity: ServerActivity = ServerActivity(), idleTimeout: TimeAmount = idleTimeout,
                                 onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        throws -> some ApplicationProtocol {
        let router = SiteRoutes(site: site, hub: hub, hostCheck: hostCheck, activity: activity).router()
        var logger = Logger(label: "devkit.serve")
        logger.logLevel = .warning
        let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: idleTimeout))
        let server: HTTPServerBuilder = try tls.map { try .tls(http1, tlsConfiguration: $0) } ?? http1
        return Application(router: router, server: server,
                           configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: onServerRunning, logger: logger)
    }

    /// Makes certificates, builds, binds and serves until SIGINT or SIGTERM.
    public func run(print: @escaping Printer) async throws {
        let authority = CertificateAuthority(home: configuration.home)
        let outcome = try authority.ensure()
        for note in outcome.notes { print(note) }
        if outcome.createdAuthority {
            print("Created a local certificate authority in \(configuration.home.url.path). Trust it once: devkit cert --install")
        } else if outcome.issuedLeaf, let reason = outcome.reason {
            print("Issued a new localhost certificate (\(reason)).")
        }

        let report = await site.build()
        if report.succeeded {
            DiagnosticPrinter().print(report.diagnostics)
            print("Built \(report.pagesRendered) pages in \(Self.milliseconds(report.duration)).")
        } else {
            DiagnosticPrinter().print(report.diagnostics)
            print("The site does not build yet; serving the errors until they are fixed.")
        }

        if !configuration.isLoopback {
            print("warning: binding \(configuration.host) makes the dev server reachable from other machines; the default is 127.0.0.1")
        }
        let port = try PortProbe.choose(host: configuration.host, port: configuration.port)
        let tls = try Self.tlsConfiguration(home: configuration.home)
        var applications: [any Service] = []
        let base = configuration.options.baseURL.path
        let printer = print
        // The override snippets of the banner come from the setup page's description, when the site has one.
        let spec = Self.settingsSpec(options: configuration.options)
        let hostCheck = configuration.hostCheck
        let activity = ServerActivity()
        applications.append(try Self.buildApplication(site: site, hub: hub, host: configuration.host, port: port, tls: tls,
                                                      hostCheck: hostCheck, activity: activity) { channel in
            let bound = channel.localAddress?.port ?? port
            printer(Self.banner(port: bound, base: base, alsoIPv6: configuration.host == "127.0.0.1" && PortProbe.ipv6Available, spec: spec))
        })
        if configuration.host == "127.0.0.1", PortProbe.ipv6Available, (try? PortProbe.choose(host: "::1", port: port)) != nil {
            applications.append(try Self.buildApplication(site: site, hub: hub, host: "::1", port: port, tls: tls,
                                                          hostCheck: hostCheck, activity: activity))
        }
        var services = applications + [hub as any Service, MemoryRelease(activity: activity)]
        if configuration.watch {
            services.append(RebuildService(site: site, hub: hub, options: configuration.options, forcePolling: configuration.poll,
                                           print: print, activity: activity))
        }
        var logger = Logger(label: "devkit.serve")
        logger.logLevel = .warning
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .milliseconds(600)
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw DevServerError.portInUse(port)
        }
    }

    static func tlsConfiguration(home: DevkitHome) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(home.leafCertificate.path).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: home.leafKey.path, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        // Browsers often leave without a TLS close_notify; waiting the default 5 s for one delays shutdown.
        configuration.shutdownTimeout = .milliseconds(150)
        return configuration
    }

    /// The site's settings description, if it has one; a broken one is a printed warning, not a stop.
    static func settingsSpec(options: BuildOptions) -> SettingsSpec? {
        let file = options.siteDirectory.appendingPathComponent(SettingsSpec.relativePath)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try SettingsSpec.load(siteDirectory: options.siteDirectory, displayPath: options.displayPath(file))
        } catch var diagnostic as Diagnostic {
            diagnostic.severity = .warning
            DiagnosticPrinter().print([diagnostic])
        } catch {
            DiagnosticPrinter().print([Diagnostic(path: options.displayPath(file), severity: .warning, message: "\(error)")])
        }
        return nil
    }

    static func banner(port: Int, base: String, alsoIPv6: Bool, spec: SettingsSpec?) -> String {
        let root = "https://localhost:\(port)\(base)"
        var lines = ["Serving \(root) (also https://127.0.0.1:\(port)\(base)\(alsoIPv6 ? " and https://[::1]:\(port)\(base)" : ""))"]
        lines += [
            "  Guides          \(root)",
            "  Demo widget     \(root)widget/",
            "  Blueprint       \(root)blueprint/",
            "  Host simulator  \(root)host/",
            "  Setup snippets  \(root)setup/",
        ]
        if let spec {
            var settings = CallingSettings(spec: spec)
            settings.set("url", .text("\(root)widget/"))
            lines += [
                "",
                "In the browser console of a HubSpot tab, then reload the tab:",
                "  Demo widget (HubSpot loads https://localhost:9025/ in local mode):",
                "    " + Snippets.installDemoWidget("local", spec: spec),
                "  This server's widget under your own settings:",
                "    " + Snippets.callingExtensions(settings),
            ]
        }
        if port != 9025 && spec != nil { lines.append("  Note: HubSpot's local mode always loads port 9025; on port \(port) use the second snippet.") }
        return lines.joined(separator: "\n")
    }

    static func milliseconds(_ duration: TimeInterval) -> String {
        duration < 1 ? "\(Int((duration * 1000).rounded())) ms" : String(format: "%.2f s", duration)
    }
}
