/// A heading of a rendered page, with the anchor the renderer gave it.
public struct Heading: Equatable, Sendable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The `id` in the output, unique within the page.
    public var anchor: String
    /// 1-based source line.
    public var line: Int
}
