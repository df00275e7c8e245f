import ArgumentParser
import DevKit
import Foundation

/// `devkit serve`: the site over HTTPS on localhost:9025 with live reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site over HTTPS with a local certificate, rebuilding and reloading on every edit."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port: Int = 9025

    @Option(help: ArgumentHelp("The address to bind; anything but loopback is reachable from other machines.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("allowed-host"),
            help: ArgumentHelp("Also answer requests for this host name (repeatable); loopback names and IP addresses always pass.",
                               valueName: "name"))
    var allowedHosts: [String] = []

    @Flag(help: "Do not watch content/ and site/ for changes.")
    var noWatch = false

    @Flag(help: "Watch by polling instead of inotify (for network or container file systems).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let configuration = DevServer.Configuration(options: try site.buildOptions(), host: host, port: port,
                                                    watch: !noWatch, poll: poll, allowedHosts: allowedHosts)
        do {
            try await DevServer(configuration: configuration).run { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as DevServerError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        } catch let error as CertificateError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
