/// Escaping for text and attribute values written into HTML.
enum HTML {
    /// Escapes `&`, `<`, `>` (and quotes, so the result is also safe in attributes).
    static func escapeText(_ text: String) -> String {
        escapeAttribute(text)
    }

    /// Escapes a value for a double- or single-quoted attribute.
    static func escapeAttribute(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
