@testable import DevKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What keeps the dev server safe to leave running: it answers only this machine's names (no DNS
/// rebinding), sends no CORS headers, and closes connections that sit idle or stop half way.
@Suite(.serialized) struct ServeSecurityTests {
    @Test func aRebindingHostIsRefusedAndAnAllowedOneServed() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch", "--allowed-host", "devbox.test"],
                                       home: temporary.url.appendingPathComponent("home"))
        func status(_ path: String, host: String) throws -> (code: String, body: String) {
            let file = temporary.url.appendingPathComponent("body-\(UUID().uuidString)")
            let result = try Curl.run(["--header", "Host: \(host)", "--write-out", "%{http_code}", "--output", file.path,
                                       "https://localhost:\(server.port)\(path)"], ca: server.caFile)
            return (result.output, (try? String(contentsOf: file, encoding: .utf8)) ?? "")
        }
        for path in ["/", "/about/", "/__devkit/reload", "/__devkit/client.js"] {
            let refused = try status(path, host: "evil.example:\(server.port)")
            #expect(refused.code == "403", "\(path)")
            #expect(refused.body.contains("devkit serve --allowed-host evil.example"), "\(path): \(refused.body)")
        }
        #expect(try status("/about/", host: "devbox.test:\(server.port)").code == "200")
        #expect(try status("/about/", host: "127.0.0.1:\(server.port)").code == "200")
        #expect(try status("/about/", host: "localhost").code == "200")
    }

    @Test func noResponseCarriesACORSHeader() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: temporary.url.appendingPathComponent("home"))
        for path in ["/about/", "/assets/style.css", "/__devkit/client.js", "/missing/"] {
            let headers = try Curl.run(["--header", "Origin: https://evil.example", "--dump-header", "-", "--output", "/dev/null",
                                        "https://localhost:\(server.port)\(path)"], ca: server.caFile).output
            #expect(headers.hasPrefix("HTTP/1.1 "), "\(path): \(headers)")
            #expect(!headers.lowercased().contains("access-control-"), "\(path): \(headers)")
        }
    }

    @Test func aKeyOthersCanReadIsFixedAndSaidAndADamagedCAStopsTheStart() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let home = DevkitHome(url: temporary.url.appendingPathComponent("home"))
        try CertificateAuthority(home: home).ensure()
        chmod(home.leafKey.path, 0o644)
        let server = try ServerProcess(arguments: ["--root", root.path, "--no-watch"], home: home.url)
        #expect(server.printed.contains("localhost-key.pem could be read by other users (mode 644); devkit set it to 600."))
        #expect(try FileManager.default.attributesOfItem(atPath: home.leafKey.path)[.posixPermissions] as? Int == 0o600)

        try Data("-----BEGIN CERTIFICATE-----\ntruncated".utf8).write(to: home.caCertificate)
        let refused = try DevkitProcess.run(["serve", "--root", root.path, "--no-watch", "--port", "0"],
                                            extraEnvironment: ["DEVKIT_HOME": home.url.path])
        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("error: \(home.caCertificate.path) is not a readable PEM certificate (truncated or corrupted?)."),
                "\(refused.standardError)")
        #expect(!refused.standardOutput.contains("Serving"))
    }

    @Test func idleAndHalfSentConnectionsAreClosedButAStreamIsNot() async throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let site = LiveSite(options: BuildOptions(root: root))
        await site.build()
        let hub = ReloadHub()
        let app = try DevServer.buildApplication(site: site, hub: hub, idleTimeout: .milliseconds(300))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let stream = try RawConnection(port: port)
            stream.send(Array("GET /__devkit/reload HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
            #expect(await stream.reading(until: "event: hello", timeout: 20).contains("event: hello"))
            let idle = try RawConnection(port: port)
            let halfSent = try RawConnection(port: port)
            halfSent.send(Array("GET /about/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".utf8))

            #expect(await idle.readingUntilClosed(timeout: 20).closed, "a connection that never sends a request is closed")
            #expect(await halfSent.readingUntilClosed(timeout: 20).closed, "a request that stops half way is closed")
            #expect(await !stream.readingUntilClosed(timeout: 0.5).closed, "an open reload stream outlives the idle timeout")

            // A well-formed request on a fresh connection is still answered (the test client's own
            // connection has sat idle for longer than the timeout by now).
            let fresh = try RawConnection(port: port)
            fresh.send(Array("GET /about/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
            let answer = await fresh.readingUntilClosed(timeout: 20)
            #expect(String(decoding: answer.bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
            hub.finishAll()
        }
    }
}

/// Open reload streams: a page that has gone is noticed at the next heartbeat, not at the next edit.
@Suite struct ReloadStreamLifetimeTests {
    @Test func aStreamWhosePageHasGoneIsClosedAtTheNextHeartbeat() async throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let site = LiveSite(options: BuildOptions(root: root))
        await site.build()
        let hub = ReloadHub(heartbeatInterval: .milliseconds(100))
        let beating = Task { try await hub.run() }
        defer { beating.cancel() }
        let app = try DevServer.buildApplication(site: site, hub: hub)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            do {
                let stream = try RawConnection(port: port)
                stream.send(Array("GET /__devkit/reload HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
                #expect(await stream.reading(until: "event: hello", timeout: 20).contains("event: hello"))
                #expect(await stream.reading(until: ":\n\n", timeout: 20).contains(":\n\n"), "heartbeats arrive as SSE comments")
                #expect(hub.subscriberCount == 1)
            } // the page goes away: its socket closes
            let deadline = ContinuousClock.now + .seconds(20)
            while hub.subscriberCount > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(hub.subscriberCount == 0, "the stream of a closed page leaves the hub")
        }
    }
}
