@testable import DevKit
import Foundation
import Testing

/// The output's file system failing under a build: the disk fills up, the folder is not writable.
/// Both need root here (a tmpfs mount; another user to run as, since root writes anywhere).
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root for a tmpfs mount and setpriv"))
struct OutputFaultTests {
    private func run(_ command: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(URL(fileURLWithPath: command), arguments)
    }

    @Test func aFullDiskFailsTheBuildWithTheReasonAndKeepsTheSite() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let disk = temporary.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.path])
        try #require(mounted.status == 0, "mount failed: \(mounted.standardError)")
        defer { _ = try? run("/bin/umount", [disk.path]) }

        let output = disk.appendingPathComponent("dist")
        let options = BuildOptions(root: root, outputDirectory: output)
        try SiteBuilder(options: options).build()
        let before = try FileTree.read(output)

        // A static file bigger than what is left on the disk.
        try temporary.write("basic/site/assets/video.bin", data: Data(repeating: 7, count: 4 << 20))
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        let message = failure?.diagnostics.map(\.description).joined(separator: "\n") ?? ""
        #expect(message.contains("No space left on device"), "\(message)")
        // Files are written in parallel: the one that finds the disk full names itself (often video.bin).
        #expect(message.contains("cannot write '") || message.contains("cannot copy '"), "the file that did not fit is named: \(message)")
        #expect(try FileTree.read(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["dist"], "the half-written copy is gone")
    }

    @Test func anOutputFolderWithoutWritePermissionIsAClearError() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let parent = temporary.url.appendingPathComponent("published")
        let output = parent.appendingPathComponent("dist")
        try SiteBuilder(options: BuildOptions(root: root, outputDirectory: output)).build()
        let before = try FileTree.read(output)
        // Everyone may read the sources and the binary; only root may write the output's folder.
        chmod(temporary.url.path, 0o755)
        chmod(parent.path, 0o755)

        let result = try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", DevkitProcess.executable.path,
                                                  "build", "--root", root.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("dist:1:1: error: cannot create the output folder: Permission denied"), "\(result.standardError)")
        #expect(try FileTree.read(output) == before)
    }
}
