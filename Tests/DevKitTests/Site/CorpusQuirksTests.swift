@testable import DevKit
import Foundation
import Testing

/// What foreign corpora throw at the build: tldr's `[.md` and `[[.md`, mdBook's `.html` links and
/// `{{#include}}` lines, pages without front matter in folders without an index.
@Suite struct CorpusQuirksTests {
    private func site(_ files: [String: String]) throws -> (TemporaryDirectory, BuildOptions) {
        let temporary = try TemporaryDirectory()
        for (path, text) in files { try temporary.write("content/" + path, text) }
        try FileManager.default.copyItem(at: Fixtures.url("basic/site"), to: temporary.url.appendingPathComponent("site"))
        return (temporary, BuildOptions(root: temporary.url, outputDirectory: temporary.url.appendingPathComponent("out")))
    }

    @Test func bracketFileNamesBuildAndLinkEncoded() async throws {
        let (temporary, options) = try site([
            "pages/common/[.md": "# [\n\nSee [the other one]([[.md) and [git](git.html#usage).\n",
            "pages/common/[[.md": "# [[\n",
            "pages/common/git.md": "# git\n\n## Usage\n\n{{#include ../listings/git.txt}}\n",
        ])
        defer { withExtendedLifetime(temporary) {} }
        try SiteBuilder(options: options).build()
        let page = try String(contentsOf: options.outputDirectory.appendingPathComponent("pages/common/[/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"/pages/common/%5B%5B/\">the other one</a>"))
        #expect(page.contains("<a href=\"/pages/common/git/#usage\">git</a>"))
        let git = try String(contentsOf: options.outputDirectory.appendingPathComponent("pages/common/git/index.html"), encoding: .utf8)
        #expect(git.contains("<p>{{#include ../listings/git.txt}}</p>"))
        #expect(FileManager.default.fileExists(atPath: options.outputDirectory.appendingPathComponent("pages/index.html").path),
                "a folder without index.md gets a made-up section page")

        let live = LiveSite(options: options, injectsReloadScript: false)
        await live.build()
        guard case let .site(path) = RequestPath.check("/pages/common/%5B%5B/"), case let .file(file) = await live.resolve(path) else {
            Issue.record("the dev server does not serve /pages/common/%5B%5B/")
            return
        }
        #expect(String(decoding: file.body, as: UTF8.self).contains("<title>[[ · Fixture Site</title>"))
    }
}
