import Foundation
import Testing

/// `devkit check` as a process, for what needs no browser: usage errors and a machine without chromedriver.
@Suite struct CheckCommandTests {
    @Test(arguments: [
        (["not a url"], "is not an absolute http(s) URL"),
        (["ftp://localhost/"], "is not an absolute http(s) URL"),
        (["https://localhost:3000/", "--timeout", "0"], "--timeout must be a number of seconds above 0"),
        (["https://localhost:3000/", "--report", "xml"], "--report"),
        (["https://localhost:3000/", "--scenario", "handshak"], "no scenario named 'handshak'; the scenarios are handshake, origin-discipline"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let result = try CheckProcess.run(arguments)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func aBrokenStepsFileExits64WithEachPlace() throws {
        let folder = try TemporaryDirectory()
        try folder.write("steps.yml", "scenarios:\n  - name: a\n    steps:\n      - clik: \"#x\"\n      - pause: -1\n")
        let result = try ChildProcess.run(DevkitProcess.executable,
                                          ["check", "https://localhost:3000/", "--steps", "steps.yml", "--root", Fixtures.projectRoot.path],
                                          in: folder.url, environment: ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""])
        #expect(result.status == 64)
        #expect(result.standardError == """
            steps.yml:4:9: error: unknown step 'clik'; did you mean 'click'?
            steps.yml:5:16: error: 'pause' is a number of milliseconds between 0 and 60000

            """)
    }

    @Test func aMissingStepsFileExits64() throws {
        let result = try CheckProcess.run(["https://localhost:3000/", "--steps", "/nonexistent/steps.yml"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("/nonexistent/steps.yml:1:1: error: cannot read the steps file"))
    }

    @Test func fromAFolderWithoutASiteItServesTheCheckoutItWasBuiltIn() throws {
        let folder = try TemporaryDirectory()
        let home = try TemporaryDirectory()
        let port = try ListeningSocket.closedPort()
        let result = try ChildProcess.run(DevkitProcess.executable, ["check", "https://localhost:\(port)/", "--scenario", "handshake"],
                                          in: folder.url, environment: ProcessInfo.processInfo.environment.merging(
                                              ["DEVKIT_HOME": home.url.path, "NO_COLOR": "1"]) { _, new in new })
        #expect(result.status == 1, "\(result.standardError)") // served, then nothing to check: not 69
        #expect(result.standardOutput.contains("SKIPPED handshake"))
        let elsewhere = try ChildProcess.run(DevkitProcess.executable, ["check", "https://localhost:\(port)/", "--root", folder.url.path],
                                             environment: ["DEVKIT_HOME": home.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""])
        #expect(elsewhere.status == 69)
        #expect(elsewhere.standardError.contains("has no host/index.html; point --root or --site at a Calling DevKit checkout"), "\(elsewhere.standardError)")
    }

    @Test func withoutChromedriverOnThePathItExits69NamingThePackages() throws {
        let folder = try TemporaryDirectory()
        let result = try CheckProcess.run(["https://localhost:3000/"], environment: ["PATH": folder.url.path, "CHROMEDRIVER": "", "CHROMIUM": ""])
        #expect(result.status == 69, "\(result.standardError)")
        #expect(result.standardError.contains("chromedriver was not found on PATH"))
        #expect(result.standardError.contains("sudo apt-get install -y chromium chromium-driver"))
        #expect(result.standardError.contains("missing package: chromium-driver"))
    }

    @Test func aChromedriverThatCannotStartChromiumExits69() throws {
        let folder = try TemporaryDirectory()
        let fake = try folder.write("chromium", "#!/bin/sh\necho 'this is not a browser' >&2\nexit 3\n")
        chmod(fake.path, 0o755)
        let widget = try ListeningSocket() // something must answer, or the check skips the browser
        let result = try CheckProcess.run(["http://127.0.0.1:\(widget.port)/", "--timeout", "1"], environment: ["CHROMIUM": fake.path])
        #expect(result.status == 69, "\(result.standardError)")
        #expect(result.standardError.contains("error: headless Chromium could not start: \(fake.path) via "), "\(result.standardError)")
    }
}
