/// One page of the site: a Markdown guide, or a section or home page the build makes for a folder.
public struct Page: Sendable {
    /// Where the page comes from.
    public enum Kind: Sendable, Equatable {
        /// A Markdown file that is not a folder's `index.md`.
        case guide
        /// A folder's page: its `index.md`, or one made up to list the folder.
        case section
        /// The site's first page: `content/index.md`, or one made up.
        case home
    }

    /// Guide, section or home.
    public var kind: Kind
    /// The source file (or folder) as diagnostics name it.
    public var sourcePath: String
    /// The Markdown file relative to the content folder (`reference/events.md`); nil when made up.
    public var contentPath: String?
    /// The content folder the page belongs to as a member (`reference/`; `` at the top).
    public var directory: String
    /// The folder a section page stands for (`reference/`), nil for guides.
    public var sectionDirectory: String?
    /// Parsed front matter.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: Substring
    /// Lines before the body in the file.
    public var bodyLineOffset: Int
    /// The page's folder in the output, `` for the home page, else ending in `/` (`reference/events/`).
    public var sitePath: String
    /// The language's code (`en`, `ja`).
    public var language: String = ""
    /// Where the language's tree starts, in the content folder and the site: `` for the default
    /// language, `ja/` for another.
    public var languageRoot: String = ""
    /// The title made from the file or folder name, used when neither front matter nor a `#` heading gives one.
    public var fallbackTitle: String

    /// The file written for the page.
    public var outputPath: String { sitePath + "index.html" }

    /// What pairs a page with its translations: its path inside its language's tree.
    var translationKey: String {
        String((contentPath ?? sitePath).dropFirst(languageRoot.count))
    }

    /// The sort key among siblings: explicit order first, then name.
    var sortKey: (Int, String) { (frontMatter.order ?? Int.max, fallbackTitle.lowercased()) }

    /// Lets the Markdown go once it is rendered: only the renderer reads it.
    mutating func dropBody() {
        body = ""
    }
}
