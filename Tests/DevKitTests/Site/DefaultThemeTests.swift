@testable import DevKit
import Foundation
import Testing

/// The theme built into the binary: it is what `Sources/DevKit/Theme/` holds, any folder of Markdown
/// builds with it, and a site folder replaces it file by file.
@Suite struct DefaultThemeTests {
    private static let themeFolder = Fixtures.projectRoot.appendingPathComponent("Sources/DevKit/Theme")

    @Test func listsEveryFileOfTheThemeFolderWithItsBytes() throws {
        let onDisk = try FileTree.read(Self.themeFolder)
        #expect(DefaultTheme.files.map(\.path).sorted() == onDisk.keys.sorted())
        #expect(Set(DefaultTheme.files.map(\.path)).count == DefaultTheme.files.count)
        for file in DefaultTheme.files {
            #expect(onDisk[file.path] == Data(file.bytes), "\(file.path) differs from the embedded copy: rebuild")
        }
    }

    @Test func aFolderOfMarkdownAloneBuildsWithTheTheme() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("notes/index.md", "# Notes\n\nHello.\n")
        try temporary.write("notes/more.md", "# More\n\nSee [the notes](index.md).\n")
        let output = temporary.url.appendingPathComponent("public")
        let options = BuildOptions(root: temporary.url, contentDirectory: temporary.url.appendingPathComponent("notes"),
                                   outputDirectory: output)
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.pages == 2)
        #expect(summary.warnings.isEmpty)
        let files = try FileTree.read(output)
        for asset in DefaultTheme.assets { #expect(files[asset.path] == Data(asset.bytes), "\(asset.path) is missing") }
        let page = String(decoding: try #require(files["more/index.html"]), as: UTF8.self)
        #expect(page.contains("<script src=\"/assets/theme.js\"></script>"))
        #expect(page.contains("<title>More · Calling DevKit</title>"))
        #expect(!page.contains("class=\"quick\""), "a site without configured links has no header links")
    }

    @Test func siteFilesReplaceTheThemesFileByFile() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("content/index.md", "# Home\n")
        try temporary.write("content/guide.md", "# Guide\n")
        try temporary.write("site/assets/site.css", "body { color: red; }\n")
        try temporary.write("site/templates/sidebar-entry.mustache", "<li class=\"mine\"><a href=\"{{url}}\">{{title}}</a></li>\n")
        let output = temporary.url.appendingPathComponent("dist")
        try SiteBuilder(options: BuildOptions(root: temporary.url, outputDirectory: output)).build()
        let files = try FileTree.read(output)
        #expect(files["assets/site.css"] == Data("body { color: red; }\n".utf8))
        #expect(files["assets/site.js"] == Data(try #require(DefaultTheme.assets.first { $0.path == "assets/site.js" }).bytes))
        let home = String(decoding: try #require(files["guide/index.html"]), as: UTF8.self)
        #expect(home.contains("<li class=\"mine\">"), "the site's sidebar entry replaces the theme's")
        #expect(home.contains("assets/theme.js"), "the theme's page layout is still used")
    }

    @Test func theConfigurationGivesHeaderLinksEditLinksAndSharingTags() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("site/config.yml", """
            name: Docs
            repository: https://github.com/example/docs/
            links:
              - title: Widget
                url: widget/
              - title: Elsewhere
                url: https://example.com/
            """)
        try temporary.write("content/index.md", "# Home\n")
        try temporary.write("content/guides/first.md", "---\ndescription: The first one.\n---\n# First\n")
        let output = temporary.url.appendingPathComponent("dist")
        try SiteBuilder(options: BuildOptions(root: temporary.url, outputDirectory: output,
                                              baseURL: try BaseURL("https://example.github.io/docs/"))).build()
        let page = String(decoding: try #require(try FileTree.read(output)["guides/first/index.html"]), as: UTF8.self)
        #expect(page.contains("<a href=\"/docs/widget/\">Widget</a>"))
        #expect(page.contains("<a href=\"https://example.com/\">Elsewhere</a>"))
        #expect(page.contains("<a href=\"https://github.com/example/docs/edit/main/content/guides/first.md\">Edit this page</a>"))
        #expect(page.contains("<meta property=\"og:description\" content=\"The first one.\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.github.io/docs/guides/first/\">"))
    }

    @Test func aBadLinksEntryIsADiagnostic() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("site/config.yml", "links:\n  - title: Widget\n")
        try temporary.write("content/index.md", "# Home\n")
        do {
            _ = try SiteBuilder(options: BuildOptions(root: temporary.url)).render()
            Issue.record("the build succeeded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["site/config.yml:2:5: error: each entry of 'links' needs a 'title' and a 'url'"])
        }
    }
}
