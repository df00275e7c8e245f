import Mustache

/// Mustache's HTML escaping (`<`, `>`, `&`, `"`, `'`), without a dictionary lookup per character.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTML.escapeAttribute(text)
    }
}
