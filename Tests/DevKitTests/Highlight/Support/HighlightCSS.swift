import Foundation

/// Just enough CSS reading for `HighlightCSSContrastTests`: the declarations of the first block after a
/// selector, and WCAG contrast ratios of hex colours.
enum HighlightCSS {
    static func declarations(after selector: String, in css: String) -> [String: String]? {
        guard let start = css.range(of: selector) else { return nil }
        var body = css[start.upperBound...]
        if selector.hasPrefix("@media"), let inner = body.firstIndex(of: "{") { body = body[body.index(after: inner)...] }
        guard let close = body.firstIndex(of: "}") else { return nil }
        var result: [String: String] = [:]
        for declaration in body[..<close].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            result[parts[0].trimmingCharacters(in: .whitespacesAndNewlines)] = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// The two colours of `light-dark(#light, #dark)`.
    static func lightDark(_ value: String) -> (light: String, dark: String)? {
        guard value.hasPrefix("light-dark("), value.hasSuffix(")") else { return nil }
        let parts = value.dropFirst("light-dark(".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let first = luminance(a), let second = luminance(b) else { return nil }
        return (max(first, second) + 0.05) / (min(first, second) + 0.05)
    }

    static func luminance(_ hex: String) -> Double? {
        var digits = Array(hex.dropFirst())
        guard hex.hasPrefix("#") else { return nil }
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6, let value = Int(String(digits), radix: 16) else { return nil }
        let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}
