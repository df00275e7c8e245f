import Foundation
import Testing

/// `devkit serve` as a user runs it: a real process, real TLS checked by curl against ca.pem,
/// real edits on disk, the reload channel read as a browser reads it.
@Suite(.serialized) struct ServeProcessTests {
    @Test func certificateChainVerifiesForEveryLocalName() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: temporary.url.appendingPathComponent("home"))
        var hosts = ["localhost", "127.0.0.1"]
        if server.printed.contains("https://[::1]:") { hosts.append("[::1]") }
        for host in hosts {
            let response = try Curl.run(["--write-out", "%{http_code}", "--output", "/dev/null", "https://\(host):\(server.port)/"], ca: server.caFile)
            #expect(response.status == 0, "\(host): \(response.error)")
            #expect(response.output == "200", "\(host)")
        }
        let untrusted = try Curl.run(["https://localhost:\(server.port)/"], ca: "/etc/ssl/certs/ca-certificates.crt")
        #expect(untrusted.status == 60, "a client without our CA must refuse the certificate")
    }

    @Test func startupPrintsTheURLsAndBothOverrideSnippets() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let setup = root.appendingPathComponent("site/setup")
        try FileManager.default.createDirectory(at: setup, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.projectRoot.appendingPathComponent("site/setup/calling-settings.json"),
                                         to: setup.appendingPathComponent("calling-settings.json"))
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: temporary.url.appendingPathComponent("home"))
        try server.waitForOutput(matching: "LocalSettings:Calling:CallingExtensions")
        #expect(server.printed.contains("localStorage.setItem(\"LocalSettings:Calling:installDemoWidget\", \"local\");"))
        #expect(server.printed.contains("Host simulator  https://localhost:\(server.port)/host/"))
        let keyMode = try FileManager.default.attributesOfItem(atPath: server.home.appendingPathComponent("ca-key.pem").path)[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
    }

    @Test func aBrokenSettingsDescriptionIsAWarningNotASilence() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        _ = try temporary.write("basic/site/setup/calling-settings.json", "{ \"keys\": 1 }")
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: temporary.url.appendingPathComponent("home"))
        try server.waitForOutput(matching: "calling-settings.json:1:1: warning: not a valid settings description")
        #expect(!server.printed.contains("LocalSettings:Calling:CallingExtensions"))
    }

    @Test func editsReloadTheBrowserAndErrorsShowThenClear() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path], home: temporary.url.appendingPathComponent("home"))
        let events = try EventStream(url: "https://localhost:\(server.port)/__devkit/reload", ca: server.caFile)
        try events.wait(for: "event: hello")

        let page = root.appendingPathComponent("content/about.md")
        try "# About this fixture\n\nEdited text.\n".write(to: page, atomically: true, encoding: .utf8)
        try events.wait(for: "event: reload")
        let edited = try Curl.run(["https://localhost:\(server.port)/about/"], ca: server.caFile)
        #expect(edited.output.contains("Edited text."))

        try "---\ntitle: [oops\n---\n".write(to: page, atomically: true, encoding: .utf8)
        try events.wait(for: "content/about.md:3:1: error: malformed YAML")
        let stillServed = try Curl.run(["https://localhost:\(server.port)/about/"], ca: server.caFile)
        #expect(stillServed.output.contains("Edited text."), "the last good page stays served")
        #expect(server.printed.contains("content/about.md:3:1: error: malformed YAML"))

        events.clear()
        try "# About\n\nFixed.\n".write(to: page, atomically: true, encoding: .utf8)
        try events.wait(for: "data: {\"errors\":[]")
        try events.wait(for: "event: reload")
        #expect(try Curl.run(["https://localhost:\(server.port)/about/"], ca: server.caFile).output.contains("Fixed."))
    }

    @Test func renameAndReplaceBurstsAndDeletesEndInTheRightState() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path], home: temporary.url.appendingPathComponent("home"))
        let page = root.appendingPathComponent("content/about.md")
        func served(_ path: String) throws -> String {
            try Curl.run(["https://localhost:\(server.port)\(path)"], ca: server.caFile).output
        }
        func eventually(_ what: String, _ condition: () throws -> Bool) throws {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if try condition() { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("never reached: \(what)\n\(server.printed)")
        }

        // An editor that writes a temporary file and renames it over the original.
        let temporaryFile = root.appendingPathComponent("content/.about.md.swp")
        try "# About\n\nSaved by rename.\n".write(to: temporaryFile, atomically: false, encoding: .utf8)
        _ = rename(temporaryFile.path, page.path)
        try eventually("the renamed-over page is served") { try served("/about/").contains("Saved by rename.") }

        // A burst of saves ends with the last one.
        for number in 1...25 {
            try "# About\n\nSave number \(number).\n".write(to: page, atomically: false, encoding: .utf8)
        }
        try eventually("the last of 25 saves is served") { try served("/about/").contains("Save number 25.") }

        // A new page appears, and a deleted page disappears.
        try "# Fresh\n".write(to: root.appendingPathComponent("content/fresh.md"), atomically: true, encoding: .utf8)
        try eventually("a new page is served") { try served("/fresh/").contains("<title>Fresh · Fixture Site</title>") }
        try FileManager.default.removeItem(at: page)
        try eventually("a deleted page is gone") { try served("/about/").contains("Page not found") }
        #expect(!server.printed.contains("error:"), "no build error along the way:\n\(server.printed)")
    }

    @Test func aThousandFilesChangedAtOnceAreOneRebuildEndingInTheRightState() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path], home: temporary.url.appendingPathComponent("home"))
        let events = try EventStream(url: "https://localhost:\(server.port)/__devkit/reload", ca: server.caFile)
        try events.wait(for: "event: hello")
        events.clear()

        // A branch switch: a thousand new guides at once, the last of them broken.
        let folder = root.appendingPathComponent("content/branch")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 1...1000 {
            let text = number == 1000 ? "---\ntitle: [oops\n---\n" : "# Guide \(number)\n\nFrom the other branch.\n"
            try text.write(to: folder.appendingPathComponent("guide-\(number).md"), atomically: false, encoding: .utf8)
        }
        try events.wait(for: "content/branch/guide-1000.md:3:1: error: malformed YAML")
        #expect(server.printed.components(separatedBy: "Build failed; still serving the last good version.").count == 2,
                "one rebuild for the whole burst:\n\(server.printed)")
        #expect(!server.printed.contains("Rebuilt in"), "no rebuild of a part of the burst:\n\(server.printed)")

        // Fixing the one file gives the whole branch.
        events.clear()
        try "# Guide 1000\n\nFixed.\n".write(to: folder.appendingPathComponent("guide-1000.md"), atomically: true, encoding: .utf8)
        try events.wait(for: "event: reload")
        #expect(try Curl.run(["https://localhost:\(server.port)/branch/guide-999/"], ca: server.caFile).output.contains("From the other branch."))
        #expect(try Curl.run(["https://localhost:\(server.port)/branch/guide-1000/"], ca: server.caFile).output.contains("Fixed."))
    }

    @Test func sigtermStopsTheServerCleanlyWithOpenAndClosedReloadStreams() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path], home: temporary.url.appendingPathComponent("home"))
        do {
            let closed = try EventStream(url: "https://localhost:\(server.port)/__devkit/reload", ca: server.caFile)
            try closed.wait(for: "event: hello")
        }
        Thread.sleep(forTimeInterval: 0.3)
        let open = try EventStream(url: "https://localhost:\(server.port)/__devkit/reload", ca: server.caFile)
        try open.wait(for: "event: hello")
        _ = try Curl.run(["https://localhost:\(server.port)/about/"], ca: server.caFile)
        server.process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while server.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!server.process.isRunning, "devkit serve did not stop on SIGTERM with a tab open")
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(!server.printed.contains("Fatal error"))
    }

    @Test func portInUseIsOneClearLine() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let first = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: temporary.url.appendingPathComponent("home"))
        let second = try DevkitProcess.run(["serve", "--root", root.path, "--no-watch", "--port", String(first.port)],
                                           extraEnvironment: ["DEVKIT_HOME": temporary.url.appendingPathComponent("home").path])
        #expect(second.status == 1)
        #expect(second.standardError.hasSuffix("error: port \(first.port) is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)\n"))
    }
}
