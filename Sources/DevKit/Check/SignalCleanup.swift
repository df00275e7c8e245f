import Foundation

/// Until `cancel`, SIGINT and SIGTERM kill the process groups `devkit check` started (chromedriver and
/// Chromium are in groups of their own and would outlive it), then end the process with 128 + signal.
final class SignalCleanup: @unchecked Sendable { // the sources are only read after init
    private let sources: [any DispatchSourceSignal]

    init(_ cleanup: @escaping @Sendable () -> Void = ProcessGroup.killAll) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                cleanup()
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Stops handling the signals and restores their default action.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
