/// A request path checked before anything is looked up: traversal (`..` in any encoding), backslashes,
/// NUL bytes and double encoding are rejected; dotfiles are refused. What is left is a site path
/// relative to the site root, as the in-memory site names its files.
public enum RequestPath: Equatable, Sendable {
    /// A safe path relative to the site root (`` for the root, `guides/`, `assets/site.css`).
    case site(String)
    /// Hostile or malformed: answer 400.
    case rejected
    /// A hidden file or folder: answer 404 without looking.
    case hidden

    /// Checks a raw (still percent-encoded) request path against a base path such as `/` or `/docs/`.
    /// Returns nil when the path lies outside the base path.
    public static func check(_ rawPath: String, basePath: String = "/") -> RequestPath? {
        if rawPath.contains("\\") || rawPath.contains("\0") || !rawPath.hasPrefix("/") { return .rejected }
        guard let decoded = PathDisplay.decode(Substring(rawPath)) else { return .rejected }
        // A second decoding changing the text again means the client double-encoded something.
        if decoded.contains("\\") || decoded.contains("\0") || decoded.contains("%") { return .rejected }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment == ".." || segment == "." { return .rejected }
        }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .hidden }
        guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return nil }
        return .site(String(decoded.dropFirst(min(basePath.count, decoded.count))))
    }
}
