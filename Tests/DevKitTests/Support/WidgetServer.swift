import Foundation

/// Widgets for `devkit check` to check, on an origin of their own: a real `devkit serve` (HTTPS, with
/// its own CA in its own DEVKIT_HOME) over a copy of site/ that also holds the misbehaving fixture widget
/// of the browser tests and the one of `Fixtures/check/`: the demo widget is at `/widget/`, the bad one
/// at `/bad-widget/`, and one that trusts every origin at `/sloppy-widget/`.
/// One that goes silent after a given message type is at `/fragile-widget/`.
final class WidgetServer {
    private let folder: TemporaryDirectory
    private let server: ServerProcess

    init() throws {
        folder = try TemporaryDirectory()
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.projectRoot.appendingPathComponent("site"), to: site)
        try FileManager.default.copyItem(at: Fixtures.projectRoot.appendingPathComponent("Tests/browser/fixtures/bad-widget"),
                                         to: site.appendingPathComponent("bad-widget"))
        try FileManager.default.copyItem(at: Fixtures.url("check/sloppy-widget"), to: site.appendingPathComponent("sloppy-widget"))
        try FileManager.default.copyItem(at: Fixtures.url("check/fragile-widget"), to: site.appendingPathComponent("fragile-widget"))
        server = try ServerProcess(arguments: ["--root", Fixtures.projectRoot.path, "--site", site.path, "--no-watch"],
                                   home: folder.url.appendingPathComponent("home"))
    }

    /// A URL on this server, on the `localhost` origin, e.g. `url("/widget/")`.
    func url(_ path: String) -> String {
        "https://localhost:\(server.port)\(path)"
    }
}

/// Runs `devkit check` as a real process with a certificate folder of its own.
enum CheckProcess {
    /// `devkit check arguments…` with `--root` at the repository, in a fresh DEVKIT_HOME.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess.Result {
        let home = try TemporaryDirectory()
        return try DevkitProcess.run(["check"] + arguments + ["--root", Fixtures.projectRoot.path],
                                     extraEnvironment: ["DEVKIT_HOME": home.url.path].merging(environment) { _, new in new })
    }
}
