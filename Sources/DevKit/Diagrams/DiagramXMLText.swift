/// Escaping of text for SVG (XML 1.0): markup characters become references, characters XML cannot hold
/// become U+FFFD.
enum DiagramXMLText {
    /// Whether XML 1.0 allows `scalar` in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Appends `text` to `output` as UTF-8, escaped for element content and double-quoted attributes.
    static func append(_ text: String, to output: inout [UInt8]) {
        var plain = true
        for unit in text.utf8 where unit == 38 || unit == 60 || unit == 62 || unit == 34 || unit < 32 || unit == 0xEF {
            plain = false
            break
        }
        if plain {
            output.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            default: UTF8.encode(isAllowed(scalar) ? scalar : "\u{FFFD}") { output.append($0) }
            }
        }
    }

    /// `text`, escaped.
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
