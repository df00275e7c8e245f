/// The theme built into devkit: the templates and assets every site gets unless its `site/` folder has
/// a file at the same path (`site/templates/page.mustache`, `site/assets/site.css`, …), so
/// `devkit build --content DIR` works from any folder, as mdBook's and Hugo's built-in themes do.
/// The files live in `Sources/DevKit/Theme/`; SwiftPM embeds their bytes (`PackageResources`).
enum DefaultTheme {
    /// One file of the theme, by its path under `Theme/` (which is its path in a site folder).
    struct File: Sendable {
        let path: String
        let bytes: [UInt8]
    }

    /// Every file of the theme. A test checks that this lists each file under `Theme/` once.
    static let files: [File] = [
        File(path: "templates/page.mustache", bytes: PackageResources.page_mustache),
        File(path: "templates/sidebar-entry.mustache", bytes: PackageResources.sidebar_entry_mustache),
        File(path: "templates/sidebar-level.mustache", bytes: PackageResources.sidebar_level_mustache),
        File(path: "templates/search.mustache", bytes: PackageResources.search_mustache),
        File(path: "assets/site.css", bytes: PackageResources.site_css),
        File(path: "assets/highlight.css", bytes: PackageResources.highlight_css),
        File(path: "assets/diagrams.css", bytes: PackageResources.diagrams_css),
        File(path: "assets/site.js", bytes: PackageResources.site_js),
        File(path: "assets/theme.js", bytes: PackageResources.theme_js),
        File(path: "assets/favicon.svg", bytes: PackageResources.favicon_svg),
        File(path: "assets/search.css", bytes: PackageResources.search_css),
        File(path: "assets/search/main.mjs", bytes: PackageResources.main_mjs),
        File(path: "assets/search/ui.mjs", bytes: PackageResources.ui_mjs),
        File(path: "assets/search/search.mjs", bytes: PackageResources.search_mjs),
        File(path: "assets/search/index-store.mjs", bytes: PackageResources.index_store_mjs),
        File(path: "assets/search/query.mjs", bytes: PackageResources.query_mjs),
        File(path: "assets/search/ranking.mjs", bytes: PackageResources.ranking_mjs),
        File(path: "assets/search/snippet.mjs", bytes: PackageResources.snippet_mjs),
        File(path: "assets/search/tokenizer.mjs", bytes: PackageResources.tokenizer_mjs),
        File(path: "strings/en.yml", bytes: PackageResources.en_yml),
        File(path: "strings/ja.yml", bytes: PackageResources.ja_yml),
    ]

    /// The folder of templates, in the theme as in a site folder.
    static let templatesFolder = "templates/"

    /// The theme's templates, by name without extension.
    static var templates: [File] { files.filter { $0.path.hasPrefix(templatesFolder) } }

    /// The theme's files copied into every site (everything but templates and strings).
    static var assets: [File] { files.filter { $0.path.hasPrefix("assets/") } }

    /// How diagnostics name a theme file that no site file overrides.
    static func displayPath(_ path: String) -> String { "(built-in theme)/" + path }
}
