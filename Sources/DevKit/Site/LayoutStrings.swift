import Foundation

/// The layout's own words for each language of a site ("On this page", "Copy", the 404 page…): the
/// built-in theme's English, then its words for the language if it has them (`strings/<code>.yml`),
/// then the site's `site/strings/<code>.yml`, each replacing the keys it gives.
struct LayoutStrings: Sendable, Equatable {
    /// The folder of the strings files, in the theme as in a site folder.
    static let folder = "strings"

    private let byLanguage: [String: [String: String]]

    /// The words for a language (the built-in English for one the site does not list).
    func words(_ language: String) -> [String: String] {
        byLanguage[language] ?? byLanguage.values.first ?? [:]
    }

    /// One word for a language, with `{name}` placeholders filled.
    func word(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
        var text = words(language)[key] ?? Self.builtIn("en")[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The words site.js shows, as the JSON object it reads from `<html data-words>`.
    func scriptWords(_ language: String) -> String {
        let keys = ["copy", "copied", "copiedAnnounce", "pressCtrlC", "copyFailed", "table", "code", "theme",
                    "themeAuto", "themeLight", "themeDark", "themeFollowsSystem"]
        let all = words(language)
        let pairs = keys.compactMap { key in all[key].map { "\"\(key)\":" + JavaScriptText.json($0) } }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// Reads the strings of every language; a malformed or unreadable file is a diagnostic.
    static func load(languages: [SiteConfiguration.Language], siteDirectory: URL,
                     displayPath: (URL) -> String) -> (LayoutStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byLanguage: [String: [String: String]] = [:]
        for language in languages {
            var words = builtIn("en")
            words.merge(builtIn(language.code)) { _, new in new }
            let url = siteDirectory.appendingPathComponent("\(folder)/\(language.code).yml")
            let path = displayPath(url)
            switch FileIO.readFile(url.path) {
            case let .success(bytes):
                do throws(Diagnostic) {
                    let text = try SourceText.decode(bytes, path: path)
                    for entry in try YAMLMapping.entries(text, path: path, firstLine: 1) {
                        guard let value = entry.value.scalar?.string else { throw entry.invalid("text") }
                        if words[entry.key] == nil {
                            diagnostics.append(Diagnostic(path: path, line: entry.valueLine, column: 1, severity: .warning,
                                                          message: "unknown key '\(entry.key)': the layout uses \(builtIn("en").keys.sorted().joined(separator: ", "))"))
                        }
                        words[entry.key] = value
                    }
                } catch {
                    diagnostics.append(error)
                }
            case let .failure(error) where error.code != ENOENT:
                diagnostics.append(Diagnostic(path: path, message: "cannot read file: \(error)"))
            case .failure:
                break
            }
            byLanguage[language.code] = words
        }
        return (LayoutStrings(byLanguage: byLanguage), diagnostics)
    }

    /// The built-in words for a language, empty when the theme has none.
    static func builtIn(_ code: String) -> [String: String] {
        builtInWords[code] ?? [:]
    }

    /// The theme's `strings/<code>.yml` files, read once.
    private static let builtInWords: [String: [String: String]] = {
        var byLanguage: [String: [String: String]] = [:]
        for file in DefaultTheme.files where file.path.hasPrefix(folder + "/") && file.path.hasSuffix(".yml") {
            guard let text = String(validating: file.bytes, as: UTF8.self),
                  let entries = try? YAMLMapping.entries(text, path: file.path, firstLine: 1) else { continue }
            let code = String(file.path.dropFirst(folder.count + 1).dropLast(4))
            var words: [String: String] = [:]
            for entry in entries { if let value = entry.value.scalar?.string { words[entry.key] = value } }
            byLanguage[code] = words
        }
        return byLanguage
    }()
}
