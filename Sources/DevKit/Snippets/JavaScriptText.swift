/// String literals for JSON, JavaScript and POSIX shells that hold exactly the given text, whatever it is.
enum JavaScriptText {
    /// A JSON string exactly as `JSON.stringify` writes it.
    static func json(_ text: String) -> String {
        literal(text, escapingAngles: false, escapingInvisible: false)
    }

    /// A JSON string with invisible, line-separating and direction-changing characters written as
    /// `\u` escapes, so what is shown is what is stored.
    static func visibleJSON(_ text: String) -> String {
        literal(text, escapingAngles: false, escapingInvisible: true)
    }

    /// A double-quoted JavaScript literal that is also safe inside an HTML `<script>` (no raw `<` or `>`).
    static func literal(_ text: String) -> String {
        literal(text, escapingAngles: true, escapingInvisible: true)
    }

    /// A single-quoted POSIX shell word. Scalar by scalar: Foundation's search skips a `'` that a
    /// combining mark follows (one Character), which would end the word early.
    static func shellQuoted(_ text: String) -> String {
        var word = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { word += "'\\''" } else { word.unicodeScalars.append(scalar) }
        }
        return word + "'"
    }

    private static func literal(_ text: String, escapingAngles: Bool, escapingInvisible: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<" where escapingAngles, ">" where escapingAngles: result += escape(scalar)
            default:
                if scalar.value < 0x20 || (escapingInvisible && isInvisible(scalar.value)) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Control, invisible, bidirectional and line-separator characters.
    private static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x7F...0x9F, 0xAD, 0x61C, 0x180E, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
            true
        default:
            false
        }
    }
}
