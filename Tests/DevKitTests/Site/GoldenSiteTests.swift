@testable import DevKit
import Foundation
import Testing

/// Builds the fixture site and compares every output file with `Fixtures/basic-expected/<variant>/`.
/// `DEVKIT_UPDATE_GOLDEN=1 swift test` rewrites the expected files (and says so in the failure).
@Suite struct GoldenSiteTests {
    @Test(arguments: [("root", "/"), ("subpath", "/calling-devkit/"), ("absolute", "https://example.github.io/calling-devkit/")])
    func buildMatchesGoldenFiles(variant: String, baseURL: String) throws {
        let temporary = try TemporaryDirectory()
        let output = temporary.url.appendingPathComponent("dist")
        let options = BuildOptions(root: Fixtures.url("basic"), outputDirectory: output, baseURL: try BaseURL(baseURL))
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.pages == 5)
        #expect(summary.staticFiles == 2 + DefaultTheme.assets.count)
        #expect(summary.warnings.isEmpty)

        // The built-in theme's files the fixture does not override are checked by DefaultThemeTests.
        let themeOnly = Set(DefaultTheme.assets.map(\.path))
        let actual = try FileTree.read(output).filter { !themeOnly.contains($0.key) && !$0.key.hasPrefix("search/") }
        let expectedFolder = Fixtures.url("basic-expected").appendingPathComponent(variant)
        if ProcessInfo.processInfo.environment["DEVKIT_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let file = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            Issue.record("golden files rewritten in \(expectedFolder.path); rerun without DEVKIT_UPDATE_GOLDEN")
            return
        }
        let expected = try FileTree.read(expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[path].map { String(decoding: $0, as: UTF8.self) } == String(decoding: data, as: UTF8.self),
                    "\(variant)/\(path) differs from the golden file")
        }
    }

    @Test func subpathBuildKeepsEveryInternalLinkUnderThePrefix() throws {
        let temporary = try TemporaryDirectory()
        let output = temporary.url.appendingPathComponent("dist")
        let options = BuildOptions(root: Fixtures.url("basic"), outputDirectory: output, baseURL: try BaseURL("/calling-devkit/"))
        try SiteBuilder(options: options).build()
        for (path, data) in try FileTree.read(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href=\"", "src=\""] {
                for part in html.components(separatedBy: attribute).dropFirst() {
                    let value = part.prefix { $0 != "\"" }
                    guard !value.hasPrefix("#"), !value.contains("://") else { continue }
                    #expect(value.hasPrefix("/calling-devkit/"), "\(path): \(value) escapes the base URL")
                }
            }
        }
    }

    @Test func sitemapIsAbsoluteOnlyForAbsoluteBaseURLs() throws {
        let temporary = try TemporaryDirectory()
        for (base, first) in [("/docs/", "<loc>/docs/</loc>"), ("https://example.com/docs/", "<loc>https://example.com/docs/</loc>")] {
            let output = temporary.url.appendingPathComponent(UUID().uuidString)
            try SiteBuilder(options: BuildOptions(root: Fixtures.url("basic"), outputDirectory: output, baseURL: try BaseURL(base))).build()
            let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(sitemap.contains(first))
            #expect(sitemap.components(separatedBy: "<url>").count - 1 == 5)
        }
    }
}
