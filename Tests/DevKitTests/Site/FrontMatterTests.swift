@testable import DevKit
import Testing

@Suite struct FrontMatterTests {
    @Test func parsesEveryKnownKey() throws {
        let text = """
            ---
            title: "Testing: the basics"
            description: How to test.
            order: 5
            draft: false
            slug: testing-basics
            rawHTML: true
            template: wide
            extra: ignored
            ---
            Body starts here.

            """
        let split = try FrontMatter.split(text, path: "content/testing.md")
        #expect(split.frontMatter.title == "Testing: the basics")
        #expect(split.frontMatter.description == "How to test.")
        #expect(split.frontMatter.order == 5)
        #expect(split.frontMatter.draft == false)
        #expect(split.frontMatter.slug == "testing-basics")
        #expect(split.frontMatter.allowsRawHTML == true)
        #expect(split.frontMatter.template == "wide")
        #expect(split.body == "Body starts here.\n")
        #expect(split.bodyLineOffset == 10)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Title\n---\nMore\n", path: "a.md")
        #expect(split.frontMatter == FrontMatter())
        #expect(split.body == "# Title\n---\nMore\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let split = try FrontMatter.split("---\n---\nBody\n", path: "a.md")
        #expect(split.frontMatter.title == nil)
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 2)
    }

    @Test func malformedYAMLNamesTheFileLine() {
        let text = "---\ntitle: ok\norder: [1, 2\n---\nBody\n"
        #expect(throws: Diagnostic(path: "content/bad.md", line: 4, column: 1,
                                   message: "malformed YAML: did not find expected ',' or ']' while parsing a flow sequence")) {
            try FrontMatter.split(text, path: "content/bad.md")
        }
    }

    @Test func wrongValueTypeNamesTheValue() {
        let text = "---\ntitle: Fine\norder: first\n---\n"
        #expect(throws: Diagnostic(path: "content/a.md", line: 3, column: 8, message: "'order' must be a whole number, not 'first'")) {
            try FrontMatter.split(text, path: "content/a.md")
        }
    }

    @Test func slugMustNotContainSlashes() {
        #expect(throws: Diagnostic(path: "a.md", line: 2, column: 7, message: "'slug' must be a non-empty name without '/', not 'a/b'")) {
            try FrontMatter.split("---\nslug: a/b\n---\n", path: "a.md")
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic(path: "a.md", line: 1, column: 1, message: "front matter starts with '---' but has no closing '---' line")) {
            try FrontMatter.split("---\ntitle: x\n\nBody\n", path: "a.md")
        }
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(throws: Diagnostic(path: "a.md", line: 2, column: 1, message: "expected a mapping of keys to values")) {
            try FrontMatter.split("---\n- a\n- b\n---\n", path: "a.md")
        }
    }
}
