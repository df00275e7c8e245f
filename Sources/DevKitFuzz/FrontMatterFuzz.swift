#if DEBUG || DEVKIT_FUZZING
@testable import DevKit

/// Splits a guide into front matter and body: the body is the rest of the text, its line offset counts
/// the lines before it, a slug is a single name, and a bad block is a diagnostic inside the file.
enum FrontMatterFuzz {
    static func run(_ text: String) {
        // YAML, like CommonMark, also ends a line at a lone "\r".
        let lines = markdownLineCount(text)
        do throws(Diagnostic) {
            let split = try FrontMatter.split(text, path: "content/fuzz.md")
            fuzzExpect(split.body.endIndex == text.endIndex, "the body is not the end of the text")
            let before = text[..<split.body.startIndex].utf8.count(where: { $0 == UInt8(ascii: "\n") })
            fuzzExpect(split.body.isEmpty || before == split.bodyLineOffset,
                       "bodyLineOffset \(split.bodyLineOffset), but \(before) lines precede the body")
            if let slug = split.frontMatter.slug {
                fuzzExpect(!slug.isEmpty && !slug.contains("/") && slug != "." && slug != "..", "slug \(slug.debugDescription)")
            }
            for (key, position) in split.frontMatter.valuePositions {
                fuzzExpect((1...lines).contains(position.line) && position.column >= 1, "\(key) at \(position) outside the text")
            }
        } catch {
            fuzzExpect(error.path == "content/fuzz.md" && (1...lines).contains(error.line) && error.column >= 1 && !error.message.isEmpty,
                       "diagnostic outside the text: \(error)")
        }
    }
}
#endif
