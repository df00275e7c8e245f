import Foundation
import Yams

/// Site-wide settings from `site/config.yml`.
public struct SiteConfiguration: Equatable, Sendable {
    /// Shown in every page's header and title.
    public var name = "Calling DevKit"
    /// The home page's meta description.
    public var description = ""
    /// Keeps raw HTML in every page unless a page says otherwise.
    public var allowsRawHTML = false
    /// Links in every page's header: a title and a URL (relative ones are under the base URL).
    public var links: [Link] = []
    /// The repository's web address (`https://github.com/owner/name`): pages get "Edit this page" links.
    public var repository: String?
    /// Where a guide is edited: this plus its path in the content folder. Defaults to GitHub's
    /// `<repository>/edit/main/<content folder>/`.
    public var editURL: String?

    /// The site's languages, the default first: its pages are `content/`, another language's are
    /// `content/<code>/`, published under `/<code>/`. A site that lists none is in English alone.
    public var languages: [Language] = [Language(code: "en", name: "English")]
    /// Whether a page missing in a language fails the build (`error`) or is reported (`warn`).
    public var missingTranslations: Diagnostic.Severity = .warning

    /// The default language.
    public var defaultLanguage: Language { languages[0] }

    /// One language of the site.
    public struct Language: Equatable, Sendable {
        /// The BCP 47 code, as in `<html lang>` and the URL (`ja`).
        public var code: String
        /// The name readers know it by, in itself (`日本語`).
        public var name: String
    }

    /// One header link.
    public struct Link: Equatable, Sendable {
        public var title: String
        public var url: String
    }

    /// The defaults, used when the site has no configuration file.
    public init() {}

    /// The file name looked for in the site folder.
    public static let fileName = "config.yml"

    /// Reads the configuration file; a missing file gives the defaults.
    public static func load(from siteDirectory: URL, displayPath: String) throws(Diagnostic) -> SiteConfiguration {
        let url = siteDirectory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfiguration() }
        let text = try SourceText.decode(data, path: displayPath)
        let frontMatter = try YAMLMapping.entries(text, path: displayPath, firstLine: 1)
        var configuration = SiteConfiguration()
        for entry in frontMatter {
            switch entry.key {
            case "name":
                guard let value = entry.value.scalar?.string else { throw entry.invalid("text") }
                configuration.name = value
            case "description":
                guard let value = entry.value.scalar?.string else { throw entry.invalid("text") }
                configuration.description = value
            case "languages":
                configuration.languages = try languages(entry)
            case "missingTranslations":
                switch entry.value.scalar?.string {
                case "error": configuration.missingTranslations = .error
                case "warn", "warning": configuration.missingTranslations = .warning
                default: throw entry.invalid("error or warn")
                }
            case "links":
                configuration.links = try links(entry)
            case "repository", "repo_url":
                guard let value = entry.value.scalar?.string, isWebAddress(value) else { throw entry.invalid("an https:// address") }
                configuration.repository = value.hasSuffix("/") ? String(value.dropLast()) : value
            case "editURL", "edit_uri":
                guard let value = entry.value.scalar?.string, isWebAddress(value) else { throw entry.invalid("an https:// address") }
                configuration.editURL = value.hasSuffix("/") ? value : value + "/"
            case "rawHTML", "raw_html", "unsafe":
                guard entry.value.scalar != nil, let value = entry.value.bool else { throw entry.invalid("true or false") }
                configuration.allowsRawHTML = value
            default:
                continue
            }
        }
        return configuration
    }

    /// `links:` as a list of `{ title, url }` mappings.
    private static func links(_ entry: YAMLMapping.Entry) throws(Diagnostic) -> [Link] {
        guard case let .sequence(items) = entry.value else { throw entry.invalid("a list of { title, url }") }
        var links: [Link] = []
        for item in items {
            let mark = item.mark
            let problem = Diagnostic(path: entry.path, line: entry.valueLine + (mark?.line ?? 1) - (entry.value.mark?.line ?? 1),
                                     column: mark?.column ?? 1, message: "each entry of 'links' needs a 'title' and a 'url'")
            guard case let .mapping(mapping) = item, let title = mapping["title"]?.string, !title.isEmpty,
                  let url = mapping["url"]?.string, !url.isEmpty else { throw problem }
            links.append(Link(title: title, url: url))
        }
        return links
    }

    /// `languages:` as a list of `{ code, name }` mappings, the default first.
    private static func languages(_ entry: YAMLMapping.Entry) throws(Diagnostic) -> [Language] {
        guard case let .sequence(items) = entry.value, !items.isEmpty else { throw entry.invalid("a list of { code, name }") }
        var languages: [Language] = []
        for item in items {
            let line = entry.valueLine + (item.mark?.line ?? 1) - (entry.value.mark?.line ?? 1)
            let column = item.mark?.column ?? 1
            guard case let .mapping(mapping) = item, let code = mapping["code"]?.string, let name = mapping["name"]?.string, !name.isEmpty else {
                throw Diagnostic(path: entry.path, line: line, column: column, message: "each entry of 'languages' needs a 'code' and a 'name'")
            }
            guard isLanguageCode(code) else {
                throw Diagnostic(path: entry.path, line: line, column: column,
                                 message: "'\(code)' is not a language code: use a BCP 47 code such as en, ja or pt-BR")
            }
            guard !languages.contains(where: { $0.code.lowercased() == code.lowercased() }) else {
                throw Diagnostic(path: entry.path, line: line, column: column, message: "language '\(code)' is listed twice")
            }
            languages.append(Language(code: code, name: name))
        }
        return languages
    }

    /// Letters, digits and hyphens, starting with two or three letters: what a URL folder and `lang` both take.
    private static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func isWebAddress(_ value: String) -> Bool {
        value.hasPrefix("https://") || value.hasPrefix("http://")
    }
}

extension [SiteConfiguration.Language] {
    /// Each language with the folder its pages live under, in `content/` and in the output: `""`
    /// for the first (the default language), `"<code>/"` for the others.
    var withRoots: [(language: SiteConfiguration.Language, root: String)] {
        enumerated().map { offset, language in (language, offset == 0 ? "" : language.code + "/") }
    }

    /// The language whose folder holds `path` (relative to `content/` or the site), and that folder:
    /// the default language unless another's folder holds it.
    func containing(_ path: String) -> (language: SiteConfiguration.Language, root: String)? {
        let all = withRoots
        return all.dropFirst().first { path.hasPrefix($0.root) } ?? all.first
    }
}
