import ServiceLifecycle

/// Ends the reload streams when the server shuts down, so open tabs do not hold it.
struct ShutdownService: Service {
    let hub: ReloadHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.finishAll()
    }
}
