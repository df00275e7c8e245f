/// A part of a page a search result can point at: the text under one heading.
struct SearchSection: Equatable, Sendable {
    /// The heading's `id` (the URL fragment), or "" for the page itself (text before the first
    /// heading, or a level-1 heading at the very top).
    var anchor: String
    /// The heading's text, or "" for the text before the first heading.
    var heading: String
    /// The section's text: tags stripped, references decoded, white space collapsed.
    var text: String
}
