@testable import DevKit
import Foundation
import Testing

/// A long section's listing is split into pages, so no page grows with the size of the section,
/// and sidebars show a bounded block of it.
@Suite struct ListingPageTests {
    private func bigSite() throws -> (TemporaryDirectory, BuildOptions) {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        for number in 1...320 {
            try temporary.write("basic/content/many/page-\(String(format: "%03d", number)).md", "# Page \(number)\n")
        }
        return (temporary, BuildOptions(root: root, outputDirectory: temporary.url.appendingPathComponent("out")))
    }

    @Test func longSectionsGetListingPages() throws {
        let (temporary, options) = try bigSite()
        defer { withExtendedLifetime(temporary) {} }
        try SiteBuilder(options: options).build()
        let out = options.outputDirectory
        func listed(_ path: String) throws -> Int {
            let html = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
            guard let listing = html.components(separatedBy: "<ul class=\"listing\">").dropFirst().first?
                .components(separatedBy: "</ul>").first else { return 0 }
            return listing.components(separatedBy: "<li>").count - 1
        }
        #expect(try listed("many/index.html") == ListingPage.size)
        #expect(try listed("many/page/2/index.html") == ListingPage.size)
        #expect(try listed("many/page/3/index.html") == 320 - 2 * ListingPage.size)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("many/page/4").path))
        let second = try String(contentsOf: out.appendingPathComponent("many/page/2/index.html"), encoding: .utf8)
        #expect(second.contains("<title>Many (Page 2 of 3) · Fixture Site</title>"))
    }

    @Test func pageSizeDoesNotGrowWithTheSection() throws {
        let (temporary, options) = try bigSite()
        defer { withExtendedLifetime(temporary) {} }
        let site = try SiteBuilder(options: options).render()
        let sizes = site.pages.indices.filter { site.pages[$0].kind == .guide }.map { site.document(forPage: $0).utf8.count }
        #expect(sizes.max()! < 2 * sizes.min()!, "a guide's page grew with its section: \(sizes.min()!)…\(sizes.max()!) bytes")
    }

    @Test func devServerServesListingPages() async throws {
        let (temporary, options) = try bigSite()
        defer { withExtendedLifetime(temporary) {} }
        let live = LiveSite(options: options, injectsReloadScript: false)
        await live.build()
        guard case let .file(file) = await live.resolve("many/page/3/") else {
            Issue.record("many/page/3/ is not served")
            return
        }
        #expect(String(decoding: file.body, as: UTF8.self).contains("<title>Many (Page 3 of 3) · Fixture Site</title>"))
        guard case .notFound = await live.resolve("many/page/4/") else {
            Issue.record("many/page/4/ should not exist")
            return
        }
    }
}
