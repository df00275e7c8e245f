@testable import DevKit
import Testing

/// Inputs scripts/fuzz found (front-matter target). `FrontMatter.split` looked for "\n" among Characters,
/// where a CRLF line end is the single Character "\r\n": a CRLF file lost its front matter, and a CRLF
/// line inside an LF block merged with the next line and shifted every body line number.
@Suite struct FrontMatterFuzzFindingsTests {
    @Test func crlfFileKeepsItsFrontMatter() throws {
        let split = try FrontMatter.split("---\r\ntitle: Windows\r\norder: 2\r\n---\r\nBody\r\n", path: "content/crlf.md")
        #expect(split.frontMatter.title == "Windows")
        #expect(split.frontMatter.order == 2)
        #expect(split.body == "Body\r\n")
        #expect(split.bodyLineOffset == 4)
    }

    /// The fuzzer's input, shortened: one CRLF line in an LF front matter.
    @Test func crlfLineInsideCountsAsOneLine() throws {
        let text = "---\ntitle: The blueprint\ndescription: \"A softphone\r\nand DevKit itself.\"\norder: 70\n---\n\n## About\n"
        let split = try FrontMatter.split(text, path: "content/blueprint.md")
        #expect(split.frontMatter.title == "The blueprint")
        #expect(split.frontMatter.order == 70)
        #expect(split.body == "\n## About\n")
        #expect(split.bodyLineOffset == 6)
        #expect(split.frontMatter.valuePositions["order"]?.line == 5)
    }

    @Test func crlfFileWithoutClosingLineIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("---\r\ntitle: open\r\n", path: "a.md") }
    }
}
