/// Reads a JSON string literal back as JSON.parse does, scalar by scalar (Foundation's reader drops a
/// U+FEFF inside a string, so it cannot be the oracle of the snippets fuzzer).
enum JSONStringReader {
    /// The text `literal` (quotes included) stands for, or nil when it is not one valid JSON string.
    static func read(_ literal: String) -> String? {
        let scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        var result = String.UnicodeScalarView()
        var index = 1
        var pendingHigh: UInt32?
        while index < scalars.count - 1 {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\\" else {
                guard pendingHigh == nil, scalar != "\"", scalar.value >= 0x20 else { return nil }
                result.append(scalar)
                continue
            }
            guard index < scalars.count - 1 else { return nil }
            let escape = scalars[index]
            index += 1
            if escape == "u" {
                guard index + 4 <= scalars.count - 1, let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
                else { return nil }
                index += 4
                if let high = pendingHigh {
                    guard (0xDC00...0xDFFF).contains(value), let joined = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (value - 0xDC00)) else { return nil }
                    result.append(joined)
                    pendingHigh = nil
                } else if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                } else {
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    result.append(scalar)
                }
                continue
            }
            guard pendingHigh == nil else { return nil }
            switch escape {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "/": result.append("/")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            default: return nil
            }
        }
        return pendingHigh == nil ? String(result) : nil
    }
}
