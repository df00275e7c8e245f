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
        // Bytes, not Characters: `\\` + U+0301 or U+0600 + `/` is one Character, which hides the `\\` or `/`.
        let raw = rawPath.utf8
        if raw.contains(UInt8(ascii: "\\")) || raw.contains(0) || raw.first != UInt8(ascii: "/") { return .rejected }
        guard let decoded = PathDisplay.decode(Substring(rawPath)) else { return .rejected }
        // A second decoding changing the text again means the client double-encoded something.
        let bytes = decoded.utf8
        if bytes.contains(UInt8(ascii: "\\")) || bytes.contains(0) || bytes.contains(UInt8(ascii: "%")) { return .rejected }
        let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for segment in segments {
            if segment.elementsEqual("..".utf8) || segment.elementsEqual(".".utf8) { return .rejected }
        }
        // An empty segment inside (`//`) would make a site path starting with `/`.
        if segments.dropFirst().dropLast().contains(where: \.isEmpty) { return .rejected }
        if segments.contains(where: { $0.first == UInt8(ascii: ".") }) { return .hidden }
        guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return nil }
        return .site(String(decoded.dropFirst(min(basePath.count, decoded.count))))
    }
}
