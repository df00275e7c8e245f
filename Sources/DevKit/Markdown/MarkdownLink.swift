/// A link or image destination as written in the source, with where it stands.
public struct MarkdownLink: Equatable, Sendable {
    /// The destination exactly as written.
    public var destination: String
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column in the Markdown text.
    public var column: Int
    /// True for `![alt](src)`.
    public var isImage: Bool
}
