import Foundation

/// An empty anchor element in raw HTML, `<a id="name"></a>` (or `name=`), as books keep for old links.
/// It carries no markup risk, so safe rendering writes it again (from the id alone) instead of escaping it.
struct RawHTMLAnchor: Equatable {
    /// The anchor's id.
    let id: String

    /// Recognises `<a id="x">`, `<a name='x'>`, optionally followed by `</a>`; nil for anything else.
    init?(_ html: String) {
        var rest = Substring(html.trimmedWhitespace())
        guard rest.hasPrefix("<a"), rest.dropFirst(2).first?.isWhitespace == true else { return nil }
        rest = rest.dropFirst(2).drop(while: \.isWhitespace)
        if rest.hasPrefix("id=") { rest = rest.dropFirst(3) } else if rest.hasPrefix("name=") { rest = rest.dropFirst(5) } else { return nil }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        let id = rest[..<end]
        rest = rest[rest.index(after: end)...].drop(while: \.isWhitespace)
        guard rest.hasPrefix(">") else { return nil }
        rest = rest.dropFirst().drop(while: \.isWhitespace)
        guard rest.isEmpty || rest == "</a>", !id.isEmpty, !id.contains("<") else { return nil }
        self.id = String(id)
    }

    /// The element as safe rendering writes it.
    var html: String { "<a id=\"\(HTML.escapeAttribute(id))\"></a>" }
}
