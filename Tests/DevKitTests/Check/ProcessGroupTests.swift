@testable import DevKit
import Foundation
import Testing

/// The process groups `devkit check` runs chromedriver (and so Chromium) in.
@Suite struct ProcessGroupTests {
    private func start(_ script: String) throws -> ProcessGroup {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("devkit-process-group-test-\(UUID().uuidString).log")
        return try ProcessGroup(executable: "/bin/sh", arguments: ["-c", script], logFile: log)
    }

    @Test func aChildReapedElsewhereIsNotRunning() throws {
        let group = try start("exec sleep 30")
        #expect(group.isRunning)
        kill(group.pid, SIGKILL)
        var status: Int32 = 0
        #expect(waitpid(group.pid, &status, 0) == group.pid) // now ProcessGroup's own waitpid gets ECHILD
        #expect(!group.isRunning)
        #expect(kill(group.pid, 0) == -1)
    }

    @Test(.timeLimit(.minutes(1))) func stopEndsAGroupThatIgnoresSIGTERM() async throws {
        // Whether SIGTERM comes before the trap is set or after, the group must be gone when stop returns.
        let group = try start("trap '' TERM; while :; do sleep 1; done")
        await group.stop(grace: 0.1)
        #expect(!group.isRunning)
        #expect(kill(group.pid, 0) == -1, "the child was reaped")
        #expect(!ProcessGroup.running.withValue { $0 }.contains(group.pid))
        #expect(!FileManager.default.fileExists(atPath: group.logFile.path))
    }

    @Test(.timeLimit(.minutes(1))) func stopReturnsForAChildReapedElsewhere() async throws {
        let group = try start("exec sleep 30")
        kill(group.pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(group.pid, &status, 0)
        await group.stop(grace: 0.1)
        #expect(!group.isRunning)
    }
}
