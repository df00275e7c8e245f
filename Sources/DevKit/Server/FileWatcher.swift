import Foundation

/// Watches folders recursively and reports batches of changed paths: inotify on Linux, polling
/// elsewhere or when inotify is unavailable. A batch is delivered once events pause briefly, so a
/// burst of saves (or an editor's write-to-temp-then-rename) becomes one rebuild.
public final class FileWatcher: @unchecked Sendable {
    /// How long the folders must stay quiet before a batch is delivered.
    public static let quietPeriod: TimeInterval = 0.01
    /// The longest a batch waits while events keep coming (`RebuildService` gathers the batches of a
    /// longer burst into one rebuild).
    public static let maximumDelay: TimeInterval = 0.1

    private let roots: [URL]
    private let onChange: @Sendable (Set<String>) -> Void
    private let stopped = LockedValue(false)

    /// Watches `roots`; `onChange` is called on the watcher's thread with absolute paths.
    public init(roots: [URL], onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.roots = roots.map(\.standardizedFileURL)
        self.onChange = onChange
    }

    /// Starts watching on a background thread; returns the method in use.
    @discardableResult
    public func start(forcePolling: Bool = false) -> String {
        #if os(Linux)
        if !forcePolling, let inotify = InotifyWatcher(roots: roots) {
            spawn { [self] in inotify.run(until: { self.stopped.withValue { $0 } }, deliver: onChange) }
            return "inotify"
        }
        #endif
        let poller = PollingWatcher(roots: roots)
        spawn { [self] in poller.run(until: { self.stopped.withValue { $0 } }, deliver: onChange) }
        return "polling"
    }

    /// Stops at the next wake-up.
    public func stop() {
        stopped.withValue { $0 = true }
    }

    /// The thread is not kept: it holds its block, which holds the watcher, so keeping it here would
    /// make a cycle that outlives the thread (LeakSanitizer saw one in every few `devkit serve` exits).
    private func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = "devkit file watcher"
        thread.start()
    }
}
