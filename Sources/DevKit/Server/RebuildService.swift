import Foundation
import ServiceLifecycle

/// Watches content/ and site/, rebuilds the live site on every change and tells the open pages:
/// a service of the server's group, so shutdown stops the watcher and ends the loop like the rest.
/// Changes that arrive while a rebuild runs are gathered into the next one, and a batch of many
/// files (a branch switch, a formatter run over the tree) waits until the burst is over, so a
/// thousand changed files are one rebuild, not a queue of them; a save of one file rebuilds at once.
struct RebuildService: Service {
    /// A batch of this many paths is taken for the start of a burst (a save touches one, or two with
    /// an editor's temporary file).
    static let burstSize = 3
    /// A burst is over when no change came for this long (the watcher delivers a batch at least
    /// every `FileWatcher.maximumDelay` while changes keep coming)…
    static let burstQuiet: Duration = .milliseconds(250)
    /// …or when it has gone on for this long.
    static let burstLimit: Duration = .seconds(3)

    let site: LiveSite
    let hub: ReloadHub
    let options: BuildOptions
    let forcePolling: Bool
    let print: DevServer.Printer
    /// Told of every rebuild, which replaces the site in memory (for `MemoryRelease`).
    var activity: ServerActivity? = nil

    func run() async throws {
        let pending = LockedValue<Set<String>>([])
        let (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watcher = FileWatcher(roots: [options.contentDirectory, options.siteDirectory]) { paths in
            pending.withValue { $0.formUnion(paths) }
            signal.yield()
        }
        let method = watcher.start(forcePolling: forcePolling)
        defer {
            watcher.stop()
            signal.finish()
        }
        print("Watching \(options.displayPath(options.contentDirectory)) and \(options.displayPath(options.siteDirectory)) (\(method)). Press Ctrl-C to stop.")
        var shownWarnings: [Diagnostic] = []
        for await _ in signals.cancelOnGracefulShutdown() {
            func take() -> Set<String> {
                pending.withValue { paths in
                    defer { paths = [] }
                    return paths
                }
            }
            var paths = take()
            if paths.count >= Self.burstSize {
                let clock = ContinuousClock()
                let start = clock.now
                var lastChange = start
                while clock.now - lastChange < Self.burstQuiet, clock.now - start < Self.burstLimit {
                    try? await Task.sleep(for: .milliseconds(25))
                    let more = take()
                    if !more.isEmpty {
                        paths.formUnion(more)
                        lastChange = clock.now
                    }
                }
            }
            if !paths.isEmpty { await rebuild(paths, shownWarnings: &shownWarnings) }
        }
    }

    private func rebuild(_ paths: Set<String>, shownWarnings: inout [Diagnostic]) async {
        let report = await site.apply(changes: paths)
        activity?.record()
        let generation = await site.generation
        if report.succeeded {
            if report.diagnostics != shownWarnings { DiagnosticPrinter().print(report.diagnostics) }
            shownWarnings = report.diagnostics
            let changed = paths.map { options.displayPath(URL(fileURLWithPath: $0)) }.sorted()
            let named = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            let pages = report.pagesRendered
            let tabs = hub.subscriberCount
            print("Rebuilt in \(DevServer.milliseconds(report.duration)) (\(named); \(pages) page\(pages == 1 ? "" : "s") re-rendered); reloading \(tabs) tab\(tabs == 1 ? "" : "s").")
        } else {
            DiagnosticPrinter().print(report.diagnostics)
            print("Build failed; still serving the last good version.")
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        hub.broadcast(ReloadHub.Event(name: "errors", data: DiagnosticJSON.encode(generation: generation, errors: errors)))
        if report.succeeded { hub.broadcast(ReloadHub.Event(name: "reload", data: String(generation))) }
    }
}
