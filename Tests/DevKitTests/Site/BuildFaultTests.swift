@testable import DevKit
import Foundation
import Testing

/// Faults underneath a build: each ends in a clear error and the previous output as it was, or in a
/// build that recovers from what an earlier one left behind.
@Suite(.serialized) struct BuildFaultTests {
    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".devkit-") }
    }

    /// A process id that no running process has.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aSwapInterruptedBetweenItsRenamesIsUndoneEvenWhenTheNextBuildFails() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let output = temporary.url.appendingPathComponent("dist")
        let options = BuildOptions(root: root, outputDirectory: output)
        try SiteBuilder(options: options).build()
        let before = try FileTree.read(output)
        let pid = try deadProcessID()
        // What a build killed between its two renames leaves: the old site moved aside, the new one beside it.
        #expect(rename(output.path, temporary.url.appendingPathComponent(".dist.devkit-old-\(pid)").path) == 0)
        try temporary.write(".dist.devkit-new-\(pid)/index.html", "half written")

        try "---\ntitle: [broken\n---\n".write(to: root.appendingPathComponent("content/about.md"), atomically: true, encoding: .utf8)
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        let messages = failure?.diagnostics.map(\.description) ?? []
        let shown = options.outputDisplayPath
        #expect(messages.contains("\(shown):1:1: warning: an earlier build was interrupted while it swapped in its output: the site it replaced is back in place"))
        #expect(messages.contains("\(shown):1:1: warning: removed '.dist.devkit-new-\(pid)', the half-written output of an interrupted build"))
        #expect(messages.contains { $0.hasPrefix("content/about.md:") && $0.contains("error:") })
        #expect(try FileTree.read(output) == before, "the previous site is back, byte for byte")
        #expect(try leftovers(in: temporary.url).isEmpty)
    }

    @Test func foldersOfABuildStillRunningAreLeftAlone() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let output = temporary.url.appendingPathComponent("dist")
        let running = temporary.url.appendingPathComponent(".dist.devkit-new-1") // pid 1 is always alive
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)
        let summary = try SiteBuilder(options: BuildOptions(root: root, outputDirectory: output)).build()
        #expect(summary.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: running.path))
    }

    @Test func sigkillAtAnyMomentNeverLosesTheSite() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        for number in 1...800 {
            try temporary.write("basic/content/many/page-\(number).md", "# Page \(number)\n\nSome text with `code` and a [link](../about.md).\n")
        }
        let output = temporary.url.appendingPathComponent("dist")
        let arguments = ["build", "--root", root.path, "--output", output.path]
        #expect(try DevkitProcess.run(arguments).status == 0)
        let complete = try FileTree.read(output).count

        var random = SeededRandom(seed: 9)
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = DevkitProcess.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(random.next() % 1_500_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let hasOutput = FileManager.default.fileExists(atPath: output.path)
            let retired = try leftovers(in: temporary.url).contains { $0.hasPrefix(".dist.devkit-old-") }
            #expect(hasOutput || retired, "the site is in place, or moved aside where the next build finds it")
        }
        let last = try DevkitProcess.run(arguments)
        #expect(last.status == 0, "\(last.standardError)")
        #expect(try FileTree.read(output).count == complete)
        #expect(try leftovers(in: temporary.url).isEmpty)
    }

    @Test func aFileThatIsNotUTF8AmongFiveThousandFailsTheBuildAndKeepsTheSite() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        for number in 1...5000 {
            try temporary.write("basic/content/bulk/page-\(number).md", "# Page \(number)\n\nText.\n")
        }
        let output = temporary.url.appendingPathComponent("dist")
        let options = BuildOptions(root: root, outputDirectory: output)
        try SiteBuilder(options: options).build()
        let before = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bulk").path).count

        try temporary.write("basic/content/bulk/page-2500.md", data: Data("# Page\n\nCaf".utf8) + Data([0xE9, 0x21]) + Data("\n".utf8))
        #expect(throws: BuildFailure(diagnostics: [Diagnostic(path: "content/bulk/page-2500.md", line: 3, column: 4,
                                                              message: "file is not valid UTF-8")])) {
            try SiteBuilder(options: options).build()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bulk").path).count == before)
        #expect(try leftovers(in: temporary.url).isEmpty)
    }

    @Test func aGuideDeletedOrReplacedByAFolderAfterTheListingIsAnError() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let loader = SiteLoader(options: BuildOptions(root: root))
        let page = root.appendingPathComponent("content/about.md")
        try FileManager.default.removeItem(at: page)
        guard case let .failure(deleted) = loader.loadPage(relative: "about.md", languages: [SiteConfiguration.Language(code: "en", name: "English")]) else {
            Issue.record("a deleted guide loaded")
            return
        }
        #expect(deleted.description == "content/about.md:1:1: error: cannot read file: no such file or folder")
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
        guard case let .failure(folder) = loader.loadPage(relative: "about.md", languages: [SiteConfiguration.Language(code: "en", name: "English")]) else {
            Issue.record("a folder loaded as a guide")
            return
        }
        #expect(folder.description == "content/about.md:1:1: error: cannot read file: Is a directory")
    }

    @Test func symlinkLoopsAreSkippedWithAWarning() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let content = root.appendingPathComponent("content")
        #expect(symlink(".", content.appendingPathComponent("loop").path) == 0)
        #expect(symlink("..", content.appendingPathComponent("guides/up").path) == 0)
        #expect(symlink("self.md", content.appendingPathComponent("self.md").path) == 0)
        let summary = try SiteBuilder(options: BuildOptions(root: root, outputDirectory: temporary.url.appendingPathComponent("dist"))).build()
        #expect(summary.pages == 5, "no page is found twice through a loop")
        #expect(summary.warnings.map(\.description) == [
            "content/guides/up:1:1: warning: skipped: symbolic link loops back to a folder that holds it",
            "content/loop:1:1: warning: skipped: symbolic link loops back to a folder that holds it",
            "content/self.md:1:1: warning: skipped: symbolic link leads nowhere (it loops)",
        ])
    }
}
