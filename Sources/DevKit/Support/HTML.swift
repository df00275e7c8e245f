/// Escaping for text and attribute values written into HTML.
enum HTML {
    /// Escapes `&`, `<`, `>` (and quotes, so the result is also safe in attributes).
    static func escapeText(_ text: String) -> String {
        escapeAttribute(text)
    }

    /// Escapes a value for a double- or single-quoted attribute.
    static func escapeAttribute(_ text: String) -> String {
        let extra = extraBytes(text)
        return extra == 0 ? text : escaped(text, extra: extra)
    }

    /// Appends `text` escaped as `escapeAttribute` does (the layout's values, on every page).
    static func appendEscaped(_ text: String, to output: inout String) {
        let extra = extraBytes(text)
        output.append(extra == 0 ? text : escaped(text, extra: extra))
    }

    /// How many bytes escaping adds to `text`.
    private static func extraBytes(_ text: String) -> Int {
        var extra = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "'"): extra += 4
            case UInt8(ascii: "<"), UInt8(ascii: ">"): extra += 3
            case UInt8(ascii: "\""): extra += 5
            default: break
            }
        }
        return extra
    }

    /// `text` escaped, written byte by byte into a string of its final size.
    private static func escaped(_ text: String, extra: Int) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count + extra) { buffer in
            var count = 0
            func put(_ entity: StaticString) {
                entity.withUTF8Buffer { for byte in $0 { buffer[count] = byte; count += 1 } }
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "<"): put("&lt;")
                case UInt8(ascii: ">"): put("&gt;")
                case UInt8(ascii: "\""): put("&quot;")
                case UInt8(ascii: "'"): put("&#39;")
                default:
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
