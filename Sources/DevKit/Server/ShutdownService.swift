import ServiceLifecycle

/// Ends the reload streams and the watcher when the server shuts down, so open tabs do not hold it.
struct ShutdownService: Service {
    let hub: ReloadHub
    let watcher: FileWatcher?

    func run() async throws {
        try? await gracefulShutdown()
        hub.finishAll()
        watcher?.stop()
    }
}
