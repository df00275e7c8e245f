@testable import DevKit
import Foundation
import Testing

/// Each kind of bad input gives a whole diagnostic (path relative to the root, line, column, message).
@Suite struct BuildErrorTests {
    /// A copy of the basic fixture with `change` applied, built; returns the failure's diagnostics.
    private func diagnostics(_ change: (URL) throws -> Void, links: LinkPolicy = .error) throws -> [Diagnostic] {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try change(root)
        let options = BuildOptions(root: root, outputDirectory: temporary.url.appendingPathComponent("out"), linkPolicy: links)
        do {
            _ = try SiteBuilder(options: options).render()
            Issue.record("the build succeeded")
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func malformedFrontMatter() throws {
        let found = try diagnostics { try write($0, "content/bad.md", "---\ntitle: Bad\ndescription: \"unclosed\n---\nBody\n") }
        #expect(found == [Diagnostic(path: "content/bad.md", line: 4, column: 1,
                                     message: "malformed YAML: found unexpected end of stream while scanning a quoted scalar")])
    }

    @Test func unknownTemplateInFrontMatter() throws {
        let found = try diagnostics { try write($0, "content/wide.md", "---\ntitle: Wide\ntemplate: wide\n---\nBody\n") }
        #expect(found == [Diagnostic(path: "content/wide.md", line: 3, column: 11,
                                     message: "unknown template 'wide': there is no site/templates/wide.mustache")])
    }

    @Test func templateSyntaxError() throws {
        let found = try diagnostics { try write($0, "site/templates/nav.mustache", "<nav>\n{{#sidebar}}\n<ul>{{/entries}}\n</nav>\n") }
        #expect(found == [Diagnostic(path: "site/templates/nav.mustache", line: 3, column: 5,
                                     message: "template syntax error: '{{/entries}}' does not close the open section 'sidebar' (line 2)")])
    }

    @Test func unknownPartial() throws {
        let found = try diagnostics { try write($0, "site/templates/nav.mustache", "<nav>\n  {{> menu }}\n</nav>\n") }
        #expect(found == [Diagnostic(path: "site/templates/nav.mustache", line: 2, column: 3, message: "unknown template 'menu'")])
    }

    @Test func brokenLinksAndAnchors() throws {
        let found = try diagnostics {
            try write($0, "content/links.md", "# Links\n\n[gone](gone.md) and [bad anchor](guides/first.md#nope)\nand [self](#missing) and [site](/nowhere/).\n")
        }
        #expect(found == [
            Diagnostic(path: "content/links.md", line: 3, column: 1,
                       message: "broken link 'gone.md': no page or file at 'gone.md' in the content folder"),
            Diagnostic(path: "content/links.md", line: 3, column: 21,
                       message: "broken anchor in link 'guides/first.md#nope': 'content/guides/first.md' has no heading '#nope'"),
            Diagnostic(path: "content/links.md", line: 4, column: 5,
                       message: "broken anchor in link '#missing': this page has no heading '#missing'"),
            Diagnostic(path: "content/links.md", line: 4, column: 26, message: "broken link '/nowhere/': the site has no '/nowhere/'"),
        ])
    }

    @Test func brokenLinksOnlyWarnWhenAsked() throws {
        let temporary = try TemporaryDirectory()
        let root = try temporary.copy(fixture: "basic")
        try write(root, "content/links.md", "[gone](gone.md)\n")
        let options = BuildOptions(root: root, outputDirectory: temporary.url.appendingPathComponent("out"), linkPolicy: .warn)
        let site = try SiteBuilder(options: options).render()
        #expect(site.warnings == [Diagnostic(path: "content/links.md", line: 1, column: 1, severity: .warning,
                                             message: "broken link 'gone.md': no page or file at 'gone.md' in the content folder")])
    }

    @Test func twoPagesWithTheSameOutputPath() throws {
        let found = try diagnostics { try write($0, "content/about/index.md", "# Another about\n") }
        #expect(found == [Diagnostic(path: "content/about.md", line: 1, column: 1,
                                     message: "'about/index.html' is also written by content/about/index.md; rename one of them or set a 'slug'")])
    }

    @Test func fileThatIsNotUTF8() throws {
        let found = try diagnostics { root in
            try Data("# Title\n\nCaf".utf8 + [0xE9] + Data(" au lait\n".utf8)).write(to: root.appendingPathComponent("content/latin1.md"))
        }
        #expect(found == [Diagnostic(path: "content/latin1.md", line: 3, column: 4, message: "file is not valid UTF-8")])
    }

    @Test func unreadableContentFolder() throws {
        let found = try diagnostics { try FileManager.default.removeItem(at: $0.appendingPathComponent("content")) }
        #expect(found == [Diagnostic(path: "content", line: 1, column: 1, message: "cannot read folder: no such file or folder")])
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let found = try diagnostics { root in
            try write(root, "content/a.md", "---\norder: x\n---\n")
            try write(root, "content/b.md", "[gone](gone.md)\n")
            try write(root, "site/templates/nav.mustache", "{{> missing}}")
        }
        #expect(found.map(\.path) == ["content/a.md", "content/b.md", "site/templates/nav.mustache"])
    }
}
