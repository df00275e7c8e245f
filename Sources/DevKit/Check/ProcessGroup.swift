import Foundation

/// A child process started in a process group of its own, so that stopping it also stops everything
/// it started (chromedriver starts Chromium, which starts its helpers). Output goes to a log file.
final class ProcessGroup: @unchecked Sendable {
    /// The child's pid, which is also its process group id.
    let pid: pid_t
    /// Where the child's standard output and error go.
    let logFile: URL
    private let lock = NSLock()
    private var reaped = false

    /// The groups started and not yet stopped, for a signal handler to kill.
    static let running = LockedValue<Set<pid_t>>([])

    /// Kills every group still running (from a signal handler, just before the process exits).
    static func killAll() {
        for group in running.withValue({ $0 }) { kill(-group, SIGKILL) }
    }

    /// Starts `executable` with `arguments`; throws a message when it cannot be started.
    init(executable: String, arguments: [String], logFile: URL) throws(CheckError) {
        self.logFile = logFile
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw .browserCannotStart("cannot run \(executable): \(SystemError.reason(status))")
        }
        pid = child
        Self.running.withValue { _ = $0.insert(child) }
    }

    /// True while the child has not exited. A child that cannot be waited for (`waitpid` fails, e.g.
    /// ECHILD because someone else reaped it) is gone too, or `stop` would wait for it forever.
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if reaped { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) != 0 { reaped = true }
        return !reaped
    }

    /// What the child printed so far (the end of it).
    var output: String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return String(text.suffix(2000)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// SIGTERM to the group, then SIGKILL to whatever is left after `grace` seconds; reaps the child.
    /// The waiting happens on a thread of its own, never on the cooperative pool of the caller.
    func stop(grace: TimeInterval = 2) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                self.stopAndWait(grace: grace)
                continuation.resume()
            }
        }
    }

    private func stopAndWait(grace: TimeInterval) {
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(20_000) }
        kill(-pid, SIGKILL)
        while isRunning { usleep(5_000) }
        Self.running.withValue { _ = $0.remove(pid) }
        try? FileManager.default.removeItem(at: logFile)
    }
}
