/// Escaping for text and attribute values written into HTML.
enum HTML {
    /// Escapes `&`, `<`, `>` (and quotes, so the result is also safe in attributes).
    static func escapeText(_ text: String) -> String {
        escapeAttribute(text)
    }

    /// Escapes a value for a double- or single-quoted attribute.
    static func escapeAttribute(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &result)
        return result
    }

    /// Appends `text` escaped as `escapeAttribute` does, without building it separately first.
    static func appendEscaped(_ text: String, to output: inout String) {
        guard needsEscaping(text) else { return output.append(text) }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
    }

    private static func needsEscaping(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 })
    }
}
