/// One file of the built site, made when it is written (`devkit build`) or requested (`devkit serve`):
/// the writer and the server see only these, never the pages behind them.
struct OutputFile: Sendable {
    /// Where its bytes come from.
    enum Body: Sendable {
        /// A document the site composes on demand (a page, a listing page, the 404 page, the sitemap).
        case text(@Sendable () -> String)
        /// A file copied as it is.
        case copy(StaticFile)
    }

    /// Its path in the output, `/`-separated, no leading slash (`guide/index.html`).
    let path: String
    let body: Body
}

/// The files the build makes itself, beside the pages and static files: no guide or static file may
/// take their paths.
enum GeneratedFile: String, CaseIterable, Sendable {
    /// The page a static host shows for a missing URL (GitHub Pages, Netlify, Cloudflare Pages).
    case notFound = "404.html"
    case sitemap = "sitemap.xml"
    /// Tells GitHub Pages to publish the folder as it is, without Jekyll.
    case noJekyll = ".nojekyll"

    /// Every reserved output path.
    static let paths: [String] = allCases.map(\.rawValue)

    /// The folder of a language's search index (`search/`, `ja/search/`): reserved as well.
    static func searchFolder(languageRoot: String) -> String { languageRoot + "search/" }
}
