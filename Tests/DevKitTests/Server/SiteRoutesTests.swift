@testable import DevKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The dev server's routes through Hummingbird's router test client: no socket, the real responder.
@Suite struct SiteRoutesTests {
    private func withApp(_ change: (URL) throws -> Void = { _ in }, base: String = "/",
                         _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try change(root)
        let site = LiveSite(options: BuildOptions(root: root, baseURL: try BaseURL(base)))
        await site.build()
        let app = try DevServer.buildApplication(site: site, hub: ReloadHub())
        try await app.test(.router, test)
        _ = temporary
    }

    @Test func servesPagesWithDevHeadersAndTheReloadScript() async throws {
        try await withApp { client in
            let response = try await client.execute(uri: "/guides/first/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[.eTag]?.hasPrefix("\"") == true)
            let body = String(buffer: response.body)
            #expect(body.contains("<h1>First guide</h1>"))
            #expect(body.contains("<script src=\"/__devkit/client.js\" data-generation=\"1\"></script>"))
        }
    }

    @Test func etagGivesNotModifiedAndHeadHasNoBody() async throws {
        try await withApp { client in
            let first = try await client.execute(uri: "/assets/style.css", method: .get)
            #expect(first.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let head = try await client.execute(uri: "/assets/style.css", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.contentLength] == String(first.body.readableBytes))
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func rootInAnIframeIsTheWidget() async throws {
        try await withApp { client in
            let framed = try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("Sec-Fetch-Dest")!: "iframe"])
            #expect(String(buffer: framed.body).contains("<title>Widget</title>"))
            #expect(framed.headers[.vary] == "Sec-Fetch-Dest")
            let tab = try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name("Sec-Fetch-Dest")!: "document"])
            #expect(String(buffer: tab.body).contains("<title>Welcome · Fixture Site</title>"))
        }
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/assets/..%5c..%5cetc%5cpasswd",
                      "/assets/%00.css", "/.git/config", "/assets/passwd", "/assets/.secret"])
    func traversalNeverReachesAFile(path: String) async throws {
        try await withApp({ root in
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site/assets/passwd").path,
                                                       withDestinationPath: "/etc/passwd")
            try "top secret".write(to: root.appendingPathComponent("site/assets/.secret"), atomically: true, encoding: .utf8)
        }) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect([.badRequest, .notFound].contains(response.status), "\(path) → \(response.status)")
            let body = String(buffer: response.body)
            #expect(!body.contains("root:"))
            #expect(!body.contains("top secret"))
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test func missesGetThe404PageAndFoldersRedirect() async throws {
        try await withApp { client in
            let missing = try await client.execute(uri: "/no/such/page/", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Page not found"))
            let folder = try await client.execute(uri: "/about", method: .get)
            #expect(folder.status == .movedPermanently)
            #expect(folder.headers[.location] == "/about/")
        }
    }

    @Test func baseURLPrefixesEveryPath() async throws {
        try await withApp(base: "/docs/") { client in
            #expect(try await client.execute(uri: "/docs/about/", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/about/", method: .get).status == .notFound)
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .movedPermanently)
            #expect(root.headers[.location] == "/docs/")
        }
    }

    @Test func firstBuildFailureIsServedAsAnErrorPage() async throws {
        try await withApp({ root in
            try "[gone](gone.md)\n".write(to: root.appendingPathComponent("content/broken.md"), atomically: true, encoding: .utf8)
        }) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .internalServerError)
            let body = String(buffer: response.body)
            #expect(body.contains("content/broken.md:1:1: error: broken link &#39;gone.md&#39;"))
            #expect(body.contains("/__devkit/client.js"))
        }
    }

    @Test func reloadScriptIsServed() async throws {
        try await withApp { client in
            let response = try await client.execute(uri: "/__devkit/client.js", method: .get)
            #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(String(buffer: response.body).contains("new EventSource(\"/__devkit/reload\")"))
        }
    }
}
