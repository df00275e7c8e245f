import Foundation

/// Runs the built `devkit` executable as a real process.
struct DevkitProcess {
    /// `DEVKIT_BIN`, else the `devkit` beside the test bundle in the build folder.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["DEVKIT_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("devkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Fixtures.projectRoot.appendingPathComponent(".build/debug/devkit")
    }

    /// Runs `devkit arguments…` in `directory` and waits for it (no colour in its output);
    /// `extraEnvironment` adds variables for this process only.
    static func run(_ arguments: [String], in directory: URL? = nil, extraEnvironment: [String: String] = [:]) throws -> ChildProcess.Result {
        var environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, new in new }
        environment["NO_COLOR"] = "1"
        return try ChildProcess.run(executable, arguments, in: directory, environment: environment)
    }
}
