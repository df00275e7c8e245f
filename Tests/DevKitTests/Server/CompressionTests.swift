@testable import DevKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Responses gzipped for browsers that accept it: the same bytes once inflated, their own ETag,
/// `Vary: Accept-Encoding`, and small or binary files left as they are.
@Suite struct CompressionTests {
    private static let largeText = String(repeating: "body { color: CanvasText; } /* padding to pass the 1 KB floor */\n", count: 40)

    private func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try Self.largeText.write(to: root.appendingPathComponent("site/assets/large.css"), atomically: true, encoding: .utf8)
        let site = LiveSite(options: BuildOptions(root: root, baseURL: try BaseURL("/")))
        await site.build()
        let app = try DevServer.buildApplication(site: site, hub: ReloadHub())
        try await app.test(.router, test)
        _ = temporary
    }

    /// Inflates with the system's gzip, an implementation other than the one under test.
    private func gunzip(_ data: Data) throws -> String {
        let temporary = try TemporaryDirectory()
        let file = try temporary.write("body.gz", data: data)
        let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", file.path])
        try #require(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test func textIsGzippedWhenAcceptedWithItsOwnETag() async throws {
        try await withApp { client in
            let plain = try await client.execute(uri: "/assets/large.css", method: .get)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let zipped = try await client.execute(uri: "/assets/large.css", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.headers[.vary] == "Accept-Encoding")
            #expect(zipped.body.readableBytes < plain.body.readableBytes / 4)
            #expect(zipped.headers[.contentLength] == String(zipped.body.readableBytes))
            #expect(try gunzip(Data(buffer: zipped.body)) == Self.largeText)
            let etag = try #require(zipped.headers[.eTag])
            #expect(etag != plain.headers[.eTag])
            let again = try await client.execute(uri: "/assets/large.css", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: etag])
            #expect(again.status == .notModified)
            let head = try await client.execute(uri: "/assets/large.css", method: .head, headers: [.acceptEncoding: "gzip"])
            #expect(head.headers[.contentLength] == String(zipped.body.readableBytes))
            #expect(head.body.readableBytes == 0)
        }
    }

    /// Every rebuild gives each page a new ETag (the reload script names the generation), so bodies
    /// kept across generations would pile up for as long as the server runs, one per page per edit.
    @Test func aRebuildDropsTheLastGenerationsGzippedBodies() async throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try Self.largeText.write(to: root.appendingPathComponent("site/assets/large.css"), atomically: true, encoding: .utf8)
        let about = root.appendingPathComponent("content/about.md")
        // Long enough to be gzipped (pages under 1 KB go out as they are).
        let original = try String(contentsOf: about, encoding: .utf8) + "\n\n" + String(repeating: "A line of the page. ", count: 100)
        let site = LiveSite(options: BuildOptions(root: root, baseURL: try BaseURL("/")))
        await site.build()
        let app = try DevServer.buildApplication(site: site, hub: ReloadHub())
        try await app.test(.router) { client in
            var held: [Int] = []
            var etags: Set<String> = []
            for edit in 0..<12 {
                try (original + "\n\nEdit \(edit).\n").write(to: about, atomically: true, encoding: .utf8)
                #expect(await site.apply(changes: [about.path]).succeeded)
                for uri in ["/about/", "/assets/large.css"] {
                    let response = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip"])
                    #expect(response.headers[.contentEncoding] == "gzip", "\(uri)")
                    if uri == "/about/" { etags.insert(try #require(response.headers[.eTag])) }
                }
                held.append(site.compressedBodies.heldBytes)
            }
            #expect(etags.count == 12, "each generation's page is a new body")
            #expect(held.allSatisfy { $0 > 0 })
            // This generation's page and style sheet only: the first reading bounds every later one (give or take an edit's bytes).
            #expect(held.max()! < held[0] + 256, "\(held)")
        }
        _ = temporary
    }

    @Test func refusedOrSmallBodiesGoAsTheyAre() async throws {
        try await withApp { client in
            let refused = try await client.execute(uri: "/assets/large.css", method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"])
            #expect(refused.headers[.contentEncoding] == nil)
            #expect(String(buffer: refused.body) == Self.largeText)
            let small = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil)
            #expect(small.headers[.vary] == nil)
        }
    }

    @Test(arguments: [
        ("gzip", true), ("GZIP", true), ("deflate, gzip;q=0.5", true), ("*", true), ("x-gzip", true),
        ("gzip;q=0", false), ("identity", false), ("br", false), ("", false),
    ])
    func acceptEncodingIsRead(header: String, accepted: Bool) {
        #expect(CompressedBodies.accepts(header) == accepted)
    }
}
