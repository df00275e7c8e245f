import Foundation
import ServiceLifecycle

/// Watches content/ and site/, rebuilds the live site on every change and tells the open pages:
/// a service of the server's group, so shutdown stops the watcher and ends the loop like the rest.
/// Changes that arrive while a rebuild runs are gathered into the next one, so a branch switch that
/// touches a thousand files is one rebuild, not a queue of them.
struct RebuildService: Service {
    let site: LiveSite
    let hub: ReloadHub
    let options: BuildOptions
    let forcePolling: Bool
    let print: DevServer.Printer

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
            let paths = pending.withValue { paths in
                defer { paths = [] }
                return paths
            }
            if !paths.isEmpty { await rebuild(paths, shownWarnings: &shownWarnings) }
        }
    }

    private func rebuild(_ paths: Set<String>, shownWarnings: inout [Diagnostic]) async {
        let report = await site.apply(changes: paths)
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
