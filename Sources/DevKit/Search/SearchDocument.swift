/// One rendered page of one language, as the search index reads it.
public struct SearchDocument: Sendable, Equatable {
    /// The page's URL as a reader's browser asks for it, base URL included (`/docs/testing/`).
    public var url: String
    /// The page's title (plain text).
    public var title: String
    /// The rendered HTML fragment of the page's content (what `MarkdownRenderer` writes).
    public var html: String

    /// A page to index.
    public init(url: String, title: String, html: String) {
        self.url = url
        self.title = title
        self.html = html
    }
}
