import Foundation
import Mustache

/// The Mustache templates of a site (`site/templates/*.mustache`), parsed and checked:
/// syntax errors and references to partials that do not exist are diagnostics with line and column.
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

    private let library: MustacheLibrary
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
        var library = MustacheLibrary()
        var sources: [String: (text: String, path: String)] = [:]
        for (name, file) in texts {
            do throws(Diagnostic) {
                let text = try SourceText.decode(file.bytes, path: file.path)
                library.register(try parse(text, path: file.path), named: name)
                sources[name] = (text, file.path)
            } catch {
                diagnostics.append(error)
            }
        }
        let names = Set(texts.keys)
        diagnostics += checkPartials(sources, names: names)
        return (TemplateSet(library: library, names: names), diagnostics)
    }

    private init(library: MustacheLibrary, names: Set<String>) {
        self.library = library
        self.names = names
    }

    /// Renders `context` with the named template.
    func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// Selects HTML escaping explicitly, so templates use `FastHTMLContentType` (same output as the
    /// library's default, which looks every character up in a dictionary and dominated page rendering).
    private static let contentTypePragma: String = {
        MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
        return "{{% CONTENT_TYPE: HTML}}"
    }()

    private static func parse(_ text: String, path: String) throws(Diagnostic) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: contentTypePragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = error.context.columnNumber + 1 - (line == 1 ? contentTypePragma.count : 0)
            throw Diagnostic(path: path, line: line, column: max(column, 1),
                             message: "template syntax error: \(describe(error.error))")
        } catch {
            throw Diagnostic(path: path, message: "template syntax error: \(error)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transform applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        }
    }

    /// `{{> name}}` and `{{< name}}` tags that name no template.
    private static func checkPartials(_ sources: [String: (text: String, path: String)], names: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, source) in sources.sorted(by: { $0.value.path < $1.value.path }) {
            var line = 1
            var column = 1
            var rest = Substring(source.text)
            while let open = rest.range(of: "{{") {
                for character in rest[..<open.lowerBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                let tagStart = (line, column)
                column += 2
                rest = rest[open.upperBound...]
                let afterSpaces = rest.drop(while: { $0 == " " })
                guard let sigil = afterSpaces.first, sigil == ">" || sigil == "<",
                      let close = afterSpaces.range(of: "}}") else { continue }
                let name = afterSpaces[afterSpaces.index(after: afterSpaces.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !names.contains(name) {
                    diagnostics.append(Diagnostic(path: source.path, line: tagStart.0, column: tagStart.1,
                                                  message: "unknown template '\(name)'"))
                }
            }
        }
        return diagnostics
    }
}
