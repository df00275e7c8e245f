@testable import DevKit
import Foundation
import Testing

/// `devkit build` as a user runs it: a real process, its exit status and its output.
@Suite struct BuildCommandTests {
    @Test func buildsAndPrintsOneSummaryLine() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let result = try DevkitProcess.run(["build", "--root", root.path, "--output", "out"], in: temporary.url)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 5 pages and \(2 + DefaultTheme.assets.count) static files in ") == true)
        #expect(lines.first?.hasSuffix(" s → out") == true)
        #expect(FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out/guides/two/index.html").path))
    }

    @Test func badInputPrintsEveryDiagnosticAndExitsOne() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try "---\norder: soon\n---\n[x](missing.md)\n".write(to: root.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        try "[y](#nowhere)\n".write(to: root.appendingPathComponent("content/worse.md"), atomically: true, encoding: .utf8)
        let result = try DevkitProcess.run(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.standardError == """
            content/bad.md:2:8: error: 'order' must be a whole number, not 'soon'
            content/worse.md:1:1: error: broken anchor in link '#nowhere': this page has no heading '#nowhere'
            build failed with 2 errors; the previous output is unchanged

            """)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("dist").path))
    }

    @Test func warnModeBuildsAndReportsWarnings() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try "[x](missing.md)\n".write(to: root.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        let result = try DevkitProcess.run(["build", "--links", "warn"], in: root)
        #expect(result.status == 0)
        #expect(result.standardError.contains("content/bad.md:1:1: warning: broken link 'missing.md'"))
        #expect(result.standardOutput.contains(", 1 warning → dist"))
    }

    @Test(arguments: [["build", "--links", "sometimes"], ["build", "--base-url", "docs"], ["build", "--no-such-flag"]])
    func usageErrorsExit64WithTheUsageLine(arguments: [String]) throws {
        let result = try DevkitProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains("Usage: devkit build"))
    }
}
