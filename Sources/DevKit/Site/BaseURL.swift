/// The prefix a published site lives under: a path (`/`, `/calling-devkit/`) or an absolute URL.
public struct BaseURL: Equatable, Sendable, CustomStringConvertible {
    /// `https://example.github.io` for an absolute base URL, nil for a path.
    public let origin: String?
    /// The path prefix, always starting and ending with `/`.
    public let path: String

    /// The root of a host: `/`.
    public init() {
        origin = nil
        path = "/"
    }

    /// Parses `/`, `/sub/path`, `https://host/sub/`; a missing trailing slash is added.
    public init(_ text: String) throws(BaseURLError) {
        var rest = Substring(text)
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "https" || scheme == "http" else { throw BaseURLError(text: text) }
            let afterScheme = rest[schemeEnd.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            let host = afterScheme[..<hostEnd]
            guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0 == "@" }) else {
                throw BaseURLError(text: text)
            }
            origin = "\(scheme)://\(host)"
            rest = afterScheme[hostEnd...]
        } else {
            origin = nil
            guard rest.hasPrefix("/") else { throw BaseURLError(text: text) }
        }
        guard !rest.contains(where: { $0 == "?" || $0 == "#" || $0 == " " || $0 == "\\" || $0 == "\"" || $0 == "<" }) else {
            throw BaseURLError(text: text)
        }
        var path = rest.isEmpty ? "/" : String(rest)
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
    }

    /// The link to a site path such as `guides/testing/` (no leading slash).
    public func href(_ sitePath: String) -> String {
        path + sitePath
    }

    /// The absolute URL of a site path when the base URL is absolute, else the same as `href`.
    public func absolute(_ sitePath: String) -> String {
        (origin ?? "") + path + sitePath
    }

    /// The base URL as it was given, normalised.
    public var description: String { (origin ?? "") + path }
}

/// A base URL that is neither a path starting with `/` nor an http(s) URL.
public struct BaseURLError: Error, Equatable, CustomStringConvertible {
    /// The rejected text.
    public var text: String
    /// The message for the command line.
    public var description: String {
        "invalid base URL '\(text)': use a path like /docs/ or an URL like https://example.github.io/docs/"
    }
}
