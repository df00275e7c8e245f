import Foundation

/// While it lives, SIGINT and SIGTERM run `cleanup` (stopping the browser's process group, which is
/// not ours and would outlive us) and then end the process with the usual 128 + signal status.
final class SignalCleanup: @unchecked Sendable { // the sources are only read after init
    private let sources: [any DispatchSourceSignal]

    init(_ cleanup: @escaping @Sendable () -> Void) {
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
