@testable import DevKit
import Foundation
import Testing

@Suite struct AtomicOutputTests {
    @Test func failedBuildLeavesThePreviousOutputByteForByte() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let output = temporary.url.appendingPathComponent("dist")
        let options = BuildOptions(root: root, outputDirectory: output)
        try SiteBuilder(options: options).build()
        let before = try FileTree.read(output)
        #expect(before["index.html"] != nil)

        try "---\ntitle: [broken\n---\n".write(to: root.appendingPathComponent("content/about.md"), atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }

        #expect(try FileTree.read(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func successfulBuildReplacesStaleFiles() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let output = temporary.url.appendingPathComponent("dist")
        try temporary.write("dist/stale.html", "old")
        try SiteBuilder(options: BuildOptions(root: root, outputDirectory: output)).build()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("about/index.html").path))
    }

    @Test func outputThatHoldsTheSourcesIsRefused() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let options = BuildOptions(root: root, outputDirectory: root)
        #expect(throws: BuildFailure(diagnostics: [Diagnostic(
            path: ".", message: "the output folder must not contain the sources ('.'); choose another --output")])) {
            try SiteBuilder(options: options).build()
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/index.md").path))
    }
}
