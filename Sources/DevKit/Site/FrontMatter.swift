/// The YAML block at the top of a guide, between `---` lines.
public struct FrontMatter: Equatable, Sendable {
    /// The page title; when absent the first `#` heading, then the file name.
    public var title: String?
    /// A one-line summary for the page's meta description and section listings.
    public var description: String?
    /// Sorts the page among its siblings; pages without one come after, by file name.
    public var order: Int?
    /// A draft is not built.
    public var draft = false
    /// Replaces the file name in the page's URL.
    public var slug: String?
    /// Keeps raw HTML in this page's Markdown.
    public var allowsRawHTML: Bool?
    /// The template to render the page with, without extension.
    public var template: String?
    /// Where each key's value stands (line, column), for diagnostics about it.
    public var valuePositions: [String: SourcePosition] = [:]

    /// Empty front matter.
    public init() {}
}

extension FrontMatter {
    /// The parts of a Markdown file: its front matter and the body after it.
    public struct Split: Sendable {
        /// The parsed front matter (empty when the file has none).
        public var frontMatter: FrontMatter
        /// The Markdown after the front matter.
        public var body: Substring
        /// How many lines precede the body, to turn body lines into file lines.
        public var bodyLineOffset: Int
    }

    /// Separates and parses the front matter of `text`; problems are reported against `path`.
    public static func split(_ text: String, path: String) throws(Diagnostic) -> Split {
        // Line ends are found among scalars: in a CRLF file "\r\n" is one Character, never equal to "\n".
        let scalars = text.unicodeScalars
        guard text.hasPrefix("---"), let firstNewline = scalars.firstIndex(of: "\n"),
              text[text.startIndex..<firstNewline].trimmingTrailingWhitespace() == "---"
        else {
            return Split(frontMatter: FrontMatter(), body: text[...], bodyLineOffset: 0)
        }
        var lineNumber = 1
        var lineStart = scalars.index(after: firstNewline)
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            let lineEnd = scalars[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd].trimmingTrailingWhitespace()
            if line == "---" || line == "..." {
                let yaml = String(text[yamlStart..<lineStart])
                let frontMatter = try parse(yaml, path: path, firstLine: 2)
                let bodyStart = lineEnd < text.endIndex ? scalars.index(after: lineEnd) : lineEnd
                return Split(frontMatter: frontMatter, body: text[bodyStart...], bodyLineOffset: lineNumber)
            }
            lineStart = lineEnd < text.endIndex ? scalars.index(after: lineEnd) : lineEnd
        }
        throw Diagnostic(path: path, line: 1, column: 1, message: "front matter starts with '---' but has no closing '---' line")
    }

    /// Parses the YAML of a front matter block whose first line is `firstLine` of the file.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws(Diagnostic) -> FrontMatter {
        var frontMatter = FrontMatter()
        for entry in try YAMLMapping.entries(yaml, path: path, firstLine: firstLine) {
            let value = entry.value
            frontMatter.valuePositions[entry.key] = SourcePosition(line: entry.valueLine, column: entry.valueColumn)
            switch entry.key {
            case "title":
                guard let string = value.scalar?.string else { throw entry.invalid("text") }
                frontMatter.title = string
            case "description":
                guard let string = value.scalar?.string else { throw entry.invalid("text") }
                frontMatter.description = string
            case "order":
                guard value.scalar != nil, let int = value.int else { throw entry.invalid("a whole number") }
                frontMatter.order = int
            case "draft":
                guard value.scalar != nil, let bool = value.bool else { throw entry.invalid("true or false") }
                frontMatter.draft = bool
            case "unsafe", "raw_html", "rawHTML":
                guard value.scalar != nil, let bool = value.bool else { throw entry.invalid("true or false") }
                frontMatter.allowsRawHTML = bool
            case "slug":
                guard let string = value.scalar?.string, !string.isEmpty, !string.contains("/"),
                      string != ".", string != ".."
                else { throw entry.invalid("a non-empty name without '/'") }
                frontMatter.slug = string
            case "template", "layout":
                guard let string = value.scalar?.string, !string.isEmpty else { throw entry.invalid("a template name") }
                frontMatter.template = string
            default:
                continue
            }
        }
        return frontMatter
    }
}

extension Substring {
    /// The line without trailing spaces, tabs and carriage return.
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\t" || self[previous] == "\r" else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}
