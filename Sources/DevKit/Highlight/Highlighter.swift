/// Code turned into highlighted HTML for the inside of a `<code>` element.
struct HighlightedCode: Sendable, Equatable {
    /// The code escaped as `HTML.escapeText` escapes it, with tokens wrapped in `<span class="hl-…">`.
    /// A span never crosses a line break, and removing every tag gives back `HTML.escapeText(code)`.
    let html: String
    /// The language's canonical name (`"javascript"` for `js`, `mjs`, `jsx`, ...).
    let language: String
}

/// Build-time syntax highlighting: one small hand-written lexer per language, scanning UTF-8 bytes.
/// The only place in the code base that knows languages.
enum Highlighter {
    /// Turns code into highlighted HTML for the inside of `<code>`; nil when the language is unknown.
    /// `language` is a fence's info word, matched without regard to case; anything after a comma
    /// (mdBook's `rust,ignore`) is ignored.
    static func highlight(_ code: String, language: String) -> HighlightedCode? {
        guard let language = Language(fenceName: language) else { return nil }
        var code = code
        let html = code.withUTF8 { bytes in
            var output = Output(bytes)
            language.lex(&output, 0..<bytes.count)
            return output.finish()
        }
        return HighlightedCode(html: html, language: language.rawValue)
    }
}
