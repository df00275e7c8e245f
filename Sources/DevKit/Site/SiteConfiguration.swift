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
            case "rawHTML", "raw_html", "unsafe":
                guard entry.value.scalar != nil, let value = entry.value.bool else { throw entry.invalid("true or false") }
                configuration.allowsRawHTML = value
            default:
                continue
            }
        }
        return configuration
    }
}
