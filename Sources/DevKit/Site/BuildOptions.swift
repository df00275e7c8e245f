import Foundation

/// What to do with a link that points nowhere.
public enum LinkPolicy: String, Sendable, CaseIterable {
    /// A broken link or anchor fails the build.
    case error
    /// A broken link or anchor is reported and the build goes on (for foreign corpora).
    case warn
}

/// Where a build reads from and writes to; the options `devkit build` and `devkit serve` share.
public struct BuildOptions: Sendable {
    /// The project root; diagnostics name files relative to it.
    public var root: URL
    /// The folder of Markdown guides.
    public var contentDirectory: URL
    /// The folder with `templates/`, `assets/` and the other static folders.
    public var siteDirectory: URL
    /// Where `devkit build` writes the site.
    public var outputDirectory: URL
    /// The prefix every internal link gets.
    public var baseURL: BaseURL
    /// Broken links fail or warn.
    public var linkPolicy: LinkPolicy

    /// Options with the documented defaults: content, site and dist under the root, base URL `/`.
    public init(
        root: URL,
        contentDirectory: URL? = nil,
        siteDirectory: URL? = nil,
        outputDirectory: URL? = nil,
        baseURL: BaseURL = BaseURL(),
        linkPolicy: LinkPolicy = .error
    ) {
        self.root = root.standardizedFileURL
        self.contentDirectory = (contentDirectory ?? root.appendingPathComponent("content")).standardizedFileURL
        self.siteDirectory = (siteDirectory ?? root.appendingPathComponent("site")).standardizedFileURL
        self.outputDirectory = (outputDirectory ?? root.appendingPathComponent("dist")).standardizedFileURL
        self.baseURL = baseURL
        self.linkPolicy = linkPolicy
    }

    /// How diagnostics name a file: relative to the root when inside it, else as given.
    public func displayPath(_ url: URL) -> String {
        PathDisplay.relative(url.standardizedFileURL.path, to: root.path)
    }

    /// The output folder as the user sees it from the current directory.
    public var outputDisplayPath: String {
        PathDisplay.relative(outputDirectory.path, to: FileManager.default.currentDirectoryPath)
    }
}
