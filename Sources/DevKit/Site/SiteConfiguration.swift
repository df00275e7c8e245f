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

    private static func isWebAddress(_ value: String) -> Bool {
        value.hasPrefix("https://") || value.hasPrefix("http://")
    }
}
