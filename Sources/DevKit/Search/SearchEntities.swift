/// Decodes the character references of HTML text: numeric ones (`&#39;`, `&#x1F600;`) and the named
/// ones a Markdown page meets (the four cmark writes, and the common ones raw HTML uses).
enum SearchEntities {
    /// The named references decoded; any other `&name;` stays as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "middot": "·", "bull": "•", "times": "×", "divide": "÷", "deg": "°", "plusmn": "±",
        "para": "¶", "sect": "§", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "check": "✓", "star": "☆", "hearts": "♥",
    ]

    /// The longest reference looked for after `&`, in bytes (`&#x10FFFF;` and every name fit).
    static let maximumLength = 12

    /// The text a reference stands for, given the bytes between `&` and `;`; nil when it is not one.
    static func decode(_ body: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = body.first else { return nil }
        if first == UInt8(ascii: "#") {
            var value: UInt32 = 0
            let hex = body.count > 1 && (body[1] | 0x20) == UInt8(ascii: "x")
            let digits = body.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            for byte in digits {
                guard let digit = digitValue(byte, hex: hex) else { return nil }
                value = value * (hex ? 16 : 10) + digit
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[String(decoding: body, as: UTF8.self)]
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
