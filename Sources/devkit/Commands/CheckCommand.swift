import ArgumentParser
import DevKit
import Foundation

/// `devkit check URL`: the host simulator's checks against a widget, in headless Chromium, for CI.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a calling widget against the host simulator in headless Chromium (for CI).",
        discussion: """
            Serves the simulator over HTTPS on a free loopback port, frames the widget, runs the built-in scenarios \
            (\(BuiltInScenarios.all.map(\.name).joined(separator: ", "))) and those of --steps, prints each scenario on \
            standard error and the report on standard output. Exit status: 0 all passed, 1 a scenario failed, 64 usage or \
            steps-file error, 69 Chromium or the simulator cannot start. Needs Debian's chromium and chromium-driver.
            """
    )

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Argument(help: ArgumentHelp("The widget's URL, e.g. https://localhost:3000/.", valueName: "url"))
    var url: String

    @Option(name: .customLong("scenario"), parsing: .singleValue,
            help: ArgumentHelp("Run only this scenario (repeat for more); built-in or from --steps.", valueName: "name"))
    var scenarios: [String] = []

    @Option(help: ArgumentHelp("A YAML or JSON file of scenarios to run as well.", valueName: "file"))
    var steps: String?

    @Option(help: ArgumentHelp("The report on standard output: text, json or junit.", valueName: "format"))
    var report: ReportFormat = .text

    @Option(help: ArgumentHelp("Seconds to wait for the handshake, INITIALIZED, a message or an element.", valueName: "seconds"))
    var timeout: Double = 5

    @Option(help: ArgumentHelp("The simulator's port on 127.0.0.1; 0 picks a free one.", valueName: "port"))
    var port: Int = 0

    @Option(help: ArgumentHelp("The Calling DevKit checkout whose site/ holds the simulator (default: the current folder, else the checkout this devkit was built in).", valueName: "dir"))
    var root: String?

    @Option(help: ArgumentHelp("The site folder itself (default: <root>/site).", valueName: "dir"))
    var site: String?

    func validate() throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty
        else {
            throw ValidationError("'\(url)' is not an absolute http(s) URL; give the widget's address, e.g. https://localhost:3000/")
        }
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be a number of seconds above 0 (at most 300)") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let stderr = FileHandle.standardError
        do {
            var all = BuiltInScenarios.all
            if let steps {
                let file = URL(fileURLWithPath: steps, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                all += try StepsFile.load(file, displayPath: steps)
            }
            let chosen = try Self.select(scenarios, from: all, stepsFile: steps != nil)
            let configuration = WidgetCheck.Configuration(widgetURL: URL(string: url)!, scenarios: chosen, timeout: timeout,
                                                          options: checkOptions(), port: port)
            let result = try await WidgetCheck(configuration: configuration).run { event in
                switch event {
                case let .started(scenario): stderr.write(Data("check \(scenario.name): \(scenario.summary)\n".utf8))
                case let .finished(result): stderr.write(Data((TextReport.progress(result) + "\n").utf8))
                case let .note(text): stderr.write(Data("note: \(text)\n".utf8))
                }
            }
            switch report {
            case .text: print(TextReport.render(result), terminator: "")
            case .json: print(JSONReport.render(result), terminator: "")
            case .junit: print(JUnitReport.render(result), terminator: "")
            }
            stderr.write(Data((TextReport.summary(result) + "\n").utf8))
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        } catch let error as CheckError {
            if case let .stepsFile(diagnostics) = error {
                DiagnosticPrinter().print(diagnostics)
            } else {
                stderr.write(Data("error: \(error.description)\n".utf8))
            }
            throw ExitCode(error.exitCode)
        }
    }

    /// The scenarios named by --scenario (all of them without it), in the order given.
    static func select(_ names: [String], from all: [CheckScenario], stepsFile: Bool) throws(CheckError) -> [CheckScenario] {
        guard !names.isEmpty else { return all }
        return try names.map { (name: String) throws(CheckError) -> CheckScenario in
            guard let scenario = all.first(where: { $0.name == name }) else {
                throw .usage("no scenario named '\(name)'; the scenarios are \(all.map(\.name).joined(separator: ", "))" +
                             (stepsFile ? "" : " (add yours with --steps FILE)"))
            }
            return scenario
        }
    }

    /// Where the simulator is: --site or --root when given, else the current folder when it has
    /// site/host/, else the checkout this devkit was built in (a partner runs it from their own repository).
    func checkOptions() -> BuildOptions {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let siteURL = site.map { URL(fileURLWithPath: $0, relativeTo: current) }
        if let root { return BuildOptions(root: URL(fileURLWithPath: root, relativeTo: current), siteDirectory: siteURL) }
        let here = BuildOptions(root: current, siteDirectory: siteURL)
        let hasSimulator = { (options: BuildOptions) in
            FileManager.default.fileExists(atPath: options.siteDirectory.appendingPathComponent("host/index.html").path)
        }
        guard siteURL == nil, !hasSimulator(here) else { return here }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if hasSimulator(BuildOptions(root: folder)) { return BuildOptions(root: folder) }
            folder.deleteLastPathComponent()
        }
        return here
    }
}
