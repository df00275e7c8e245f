import Foundation

/// The Mustache templates of a site (the theme's, and `site/templates/*.mustache` replacing them),
/// parsed and checked: syntax errors and partials that name no template are diagnostics with line and column.
public struct TemplateSet: Sendable {
    /// The template every page uses unless its front matter names another.
    public static let defaultTemplate = "page"
    /// Renders one level of the sidebar; gets `entries` as HTML.
    public static let sidebarLevelTemplate = "sidebar-level"
    /// Renders the search box, once per language (the page gets it as `searchBox`).
    public static let searchTemplate = "search"
    /// Renders one entry of the sidebar.
    public static let sidebarEntryTemplate = "sidebar-entry"
    static let fileExtension = "mustache"

    private let renderer: TemplateRenderer
    /// The names of the templates, without extension.
    public let names: Set<String>

    /// Loads the built-in theme's templates and every `.mustache` file of `directory` (a site's
    /// `templates/` folder, which may be missing), a site file replacing the theme's of the same name;
    /// `displayPath` names files in diagnostics.
    static func load(from directory: URL, displayPath: (URL) -> String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var texts: [String: (bytes: [UInt8], path: String)] = [:]
        for file in DefaultTheme.templates {
            let name = String(file.path.dropFirst(DefaultTheme.templatesFolder.count).dropLast(fileExtension.count + 1))
            texts[name] = (file.bytes, DefaultTheme.displayPath(file.path))
        }
        switch DirectoryListing.entries(at: directory.path) {
        case let .failure(error) where error.code != ENOENT:
            diagnostics.append(Diagnostic(path: displayPath(directory), message: "cannot read the templates folder: \(error.reason)"))
        case .failure:
            break
        case let .success(entries):
            for entry in entries where entry.name.hasSuffix(".\(fileExtension)") && !entry.name.hasPrefix(".") {
                let url = directory.appendingPathComponent(entry.name)
                let path = displayPath(url)
                switch FileIO.readFile(url.path) {
                case let .success(bytes): texts[String(entry.name.dropLast(fileExtension.count + 1))] = (bytes, path)
                case let .failure(error): diagnostics.append(Diagnostic(path: path, message: "cannot read template: \(error)"))
                }
            }
        }
        var parsed: [String: [TemplateNode]] = [:]
        var paths: [String: String] = [:]
        for (name, file) in texts {
            do throws(Diagnostic) {
                let text = try SourceText.decode(file.bytes, path: file.path)
                parsed[name] = try TemplateParser.parse(text, path: file.path)
                paths[name] = file.path
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics += unknownPartials(parsed, paths: paths, names: Set(texts.keys))
        return (TemplateSet(renderer: TemplateRenderer(templates: parsed), names: Set(texts.keys)), diagnostics)
    }

    private init(renderer: TemplateRenderer, names: Set<String>) {
        self.renderer = renderer
        self.names = names
    }

    /// The named template rendered with `scopes`, outermost first (a name is looked up in the last first).
    func render(_ scopes: [TemplateObject], template: String) -> String {
        renderer.render(template, scopes: scopes)
    }

    /// `{{> name}}` tags that name no template, in file order.
    private static func unknownPartials(_ parsed: [String: [TemplateNode]], paths: [String: String], names: Set<String>) -> [Diagnostic] {
        func partials(_ nodes: [TemplateNode]) -> [(String, Int, Int)] {
            nodes.flatMap { node -> [(String, Int, Int)] in
                switch node {
                case let .partial(name, _, line, column): [(name, line, column)]
                case let .section(_, body, _): partials(body)
                case .text, .value: []
                }
            }
        }
        return parsed.sorted { paths[$0.key]! < paths[$1.key]! }.flatMap { name, nodes in
            partials(nodes).filter { !names.contains($0.0) }.map { partial in
                Diagnostic(path: paths[name]!, line: partial.1, column: partial.2, message: "unknown template '\(partial.0)'")
            }
        }
    }
}
