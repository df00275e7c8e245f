import Foundation

/// Rewrites the link destinations of a guide into site URLs and says what each must point at:
/// `other.md#anchor` (or mdBook's `other.html`) becomes the other page's pretty URL under the base URL,
/// `/widget/` becomes a base-URL path to a static file, and external URLs stay as they are.
struct LinkResolver: Sendable {
    /// What a link needs to be true once every page is rendered.
    enum Target: Equatable, Sendable {
        /// Nothing to check (external, or a file that exists).
        case none
        /// The page at this index must have this anchor.
        case anchor(page: Int, fragment: String)
        /// The link is broken for this reason.
        case broken(String)
    }

    let baseURL: BaseURL
    private let pageByContentPath: [String: Int]
    private let pageBySitePath: [String: Int]
    private let outputPaths: Set<String>
    private let sitePaths: [String]

    init(pages: [Page], staticFiles: [StaticFile], baseURL: BaseURL) {
        self.baseURL = baseURL
        var byContent: [String: Int] = [:]
        var bySite: [String: Int] = [:]
        var outputs = Set(GeneratedFile.paths)
        for (index, page) in pages.enumerated() {
            if let contentPath = page.contentPath { byContent[contentPath] = index }
            bySite[page.sitePath] = index
            outputs.insert(page.outputPath)
        }
        for file in staticFiles { outputs.insert(file.outputPath) }
        sitePaths = pages.map(\.sitePath)
        pageByContentPath = byContent
        pageBySitePath = bySite
        outputPaths = outputs
    }

    /// The destination to write and what it must point at, for a link in the page at `pageIndex`.
    func resolve(_ destination: String, from page: Page, pageIndex: Int) -> (href: String, target: Target) {
        let trimmed = String(destination.trimmedWhitespace())
        if trimmed.isEmpty || Self.isExternal(trimmed) { return (destination, .none) }

        var path = Substring(trimmed)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[mark...])
            path = path[..<mark]
        }
        let suffix = query + (fragment.map { "#" + $0 } ?? "")

        if path.isEmpty {
            guard let fragment else { return (destination, .none) }
            return (destination, anchorTarget(page: pageIndex, fragment: fragment))
        }
        guard let decoded = PathDisplay.decode(path) else {
            return (destination, .broken("malformed percent-encoding in link '\(destination)'"))
        }
        if decoded.hasPrefix("/") {
            return resolveSitePath(String(decoded.dropFirst()), suffix: suffix, fragment: fragment, destination: destination)
        }
        let folder = page.contentPath.map { path -> String in
            guard let slash = path.lastIndex(of: "/") else { return "" }
            return String(path[...slash])
        } ?? page.sitePath
        guard let resolved = Self.normalize(folder + decoded) else {
            return (destination, .broken("link '\(destination)' points outside the content folder"))
        }
        let found = resolveContentPath(resolved, suffix: suffix, fragment: fragment, destination: destination)
        // A translated page links as its original does; where the translation of the target is
        // missing, the link goes to the default language's page.
        let root = page.languageRoot
        if case .broken = found.1, !root.isEmpty, resolved.hasPrefix(root) {
            let original = resolveContentPath(String(resolved.dropFirst(root.count)), suffix: suffix, fragment: fragment,
                                              destination: destination)
            if case .broken = original.1 { return found }
            return original
        }
        return found
    }

    private func resolveContentPath(_ path: String, suffix: String, fragment: Substring?, destination: String) -> (String, Target) {
        var candidates: [String] = []
        if path.hasSuffix("/") || path.isEmpty {
            candidates = [path + "index.md", path + "_index.md"]
        } else if path.hasSuffix(".html") {
            let stem = path.dropLast(5)
            candidates = [stem + ".md", stem + ".markdown"]
            if stem.hasSuffix("/index") || stem == "index" { candidates.append(String(stem.dropLast(5)) + "index.md") }
        } else if SiteLoader.isMarkdown(path) {
            candidates = [path]
        } else {
            candidates = [path + ".md", path + "/index.md"]
        }
        if let index = candidates.lazy.compactMap({ pageByContentPath[$0] }).first {
            return pageLink(index, suffix: suffix, fragment: fragment)
        }
        let asFolder = path.hasSuffix("/") || path.isEmpty ? path : path + "/"
        if let index = pageBySitePath[asFolder], SiteLoader.isMarkdown(path) == false {
            return pageLink(index, suffix: suffix, fragment: fragment)
        }
        if outputPaths.contains(path) {
            return (baseURL.href(PathDisplay.encode(path)) + suffix, .none)
        }
        return (destination, .broken("broken link '\(destination)': no page or file at '\(path)' in the content folder"))
    }

    private func resolveSitePath(_ path: String, suffix: String, fragment: Substring?, destination: String) -> (String, Target) {
        if let index = pageBySitePath[path] ?? pageBySitePath[path + "/"] {
            return pageLink(index, suffix: suffix, fragment: fragment)
        }
        if outputPaths.contains(path) || outputPaths.contains(path + "index.html") {
            return (baseURL.href(PathDisplay.encode(path)) + suffix, .none)
        }
        if outputPaths.contains(path + "/index.html") {
            return (baseURL.href(PathDisplay.encode(path + "/")) + suffix, .none)
        }
        return (destination, .broken("broken link '\(destination)': the site has no '/\(path)'"))
    }

    private func pageLink(_ index: Int, suffix: String, fragment: Substring?) -> (String, Target) {
        let href = baseURL.href(PathDisplay.encode(sitePaths[index])) + suffix
        guard let fragment else { return (href, .none) }
        return (href, anchorTarget(page: index, fragment: fragment))
    }

    private func anchorTarget(page: Int, fragment: Substring) -> Target {
        if fragment.isEmpty || fragment == "top" { return .none }
        return .anchor(page: page, fragment: PathDisplay.decode(fragment) ?? String(fragment))
    }

    /// True for `scheme:` and `//host` destinations.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Resolves `.` and `..`; nil when the path climbs above the top.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        let trailingSlash = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return trailingSlash && !joined.isEmpty ? joined + "/" : joined
    }
}
