/// The HTML of one Markdown document and what the renderer learnt while making it.
public struct RenderedMarkdown: Equatable, Sendable {
    /// The HTML fragment.
    public var html: String
    /// Every heading, in order, with its anchor.
    public var headings: [Heading]
    /// Every link and image destination, in order.
    public var links: [MarkdownLink]
    /// Anchors set by `<a id="…">` or `<a name="…">` in the source (kept even in safe mode).
    public var htmlAnchors: [String] = []
    /// Anchors of footnotes and their references (`fn-…`, `fnref-…`).
    public var footnoteAnchors: [String] = []
    /// Problems in the document's blocks (a diagram that does not parse), with lines of the
    /// Markdown given and no path: the caller knows the file.
    public var problems: [Diagnostic] = []

    /// The text of the first level-1 heading, the fallback title.
    public var firstTitle: String? {
        headings.first { $0.level == 1 }?.text
    }

    /// The set of anchors a link into this document may name.
    public var anchors: Set<String> { Set(headings.map(\.anchor) + htmlAnchors + footnoteAnchors) }
}
