@testable import DevKit
import Foundation
import Testing

/// `SiteBuilder.update` re-renders only what a change touches, and ends in the same state as a full build.
@Suite struct IncrementalUpdateTests {
    private func setUp() throws -> (TemporaryDirectory, URL, SiteBuilder, RenderedSite) {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        let builder = SiteBuilder(options: BuildOptions(root: root))
        return (temporary, root, builder, try builder.render())
    }

    private func documents(_ site: RenderedSite) -> [String] {
        site.pages.indices.map { site.document(forPage: $0) }
    }

    @Test func editedGuideIsReRenderedAloneAndMatchesAFullBuild() throws {
        let (temporary, root, builder, site) = try setUp()
        defer { withExtendedLifetime(temporary) {} }
        let file = root.appendingPathComponent("content/guides/second.md")
        try "---\ntitle: Second, renamed\norder: 2\nslug: two\n---\n## Next steps\n\nNew text.\n".write(to: file, atomically: true, encoding: .utf8)
        let plan = try #require(ChangePlan([file.path], previous: site, options: builder.options))
        #expect(plan.editedPages.count == 1)
        #expect(!plan.templatesChanged)
        let updated = try builder.update(site, changedPaths: [file.path])
        #expect(documents(updated) == documents(try builder.render()))
        #expect(updated.titles.contains("Second, renamed"))
    }

    @Test func removedAnchorIsCaughtByTheRecheck() throws {
        let (temporary, root, builder, site) = try setUp()
        defer { withExtendedLifetime(temporary) {} }
        let file = root.appendingPathComponent("content/guides/second.md")
        try "---\ntitle: Second guide\norder: 2\nslug: two\n---\n## Renamed steps\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure(diagnostics: [Diagnostic(
            path: "content/guides/first.md", line: 16, column: 1,
            message: "broken anchor in link 'second.html#next-steps': 'content/guides/second.md' has no heading '#next-steps'")])) {
            try builder.update(site, changedPaths: [file.path])
        }
    }

    @Test func templateEditReloadsTemplatesOnly() throws {
        let (temporary, root, builder, site) = try setUp()
        defer { withExtendedLifetime(temporary) {} }
        let template = root.appendingPathComponent("site/templates/sidebar-entry.mustache")
        try "<li>NEW ENTRY {{title}}</li>\n".write(to: template, atomically: true, encoding: .utf8)
        let plan = try #require(ChangePlan([template.path], previous: site, options: builder.options))
        #expect(plan.templatesChanged)
        #expect(plan.editedPages.isEmpty)
        let updated = try builder.update(site, changedPaths: [template.path])
        #expect(updated.document(forPage: 0).contains("NEW ENTRY About this fixture"))
    }

    @Test func addedAndDeletedFilesNeedAFullBuild() throws {
        let (temporary, root, builder, site) = try setUp()
        defer { withExtendedLifetime(temporary) {} }
        let added = root.appendingPathComponent("content/new.md")
        try "# New page\n".write(to: added, atomically: true, encoding: .utf8)
        #expect(ChangePlan([added.path], previous: site, options: builder.options) == nil)
        let withNew = try builder.update(site, changedPaths: [added.path])
        #expect(withNew.titles.contains("New page"))

        let removed = root.appendingPathComponent("content/about.md")
        try FileManager.default.removeItem(at: removed)
        let withoutAbout = try builder.update(withNew, changedPaths: [removed.path])
        #expect(!withoutAbout.titles.contains("About this fixture"))
    }

    @Test func staticEditsNeedNoRender() throws {
        let (temporary, root, builder, site) = try setUp()
        defer { withExtendedLifetime(temporary) {} }
        let css = root.appendingPathComponent("site/assets/style.css")
        try "body { color: red; }\n".write(to: css, atomically: true, encoding: .utf8)
        let plan = try #require(ChangePlan([css.path, root.appendingPathComponent("content/.about.md.swp").path],
                                           previous: site, options: builder.options))
        #expect(plan.editedPages.isEmpty && !plan.templatesChanged)
    }
}
