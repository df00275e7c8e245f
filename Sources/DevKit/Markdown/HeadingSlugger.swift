/// Makes heading anchors the way GitHub does, so links written for GitHub or mdBook keep working:
/// lower-case, punctuation dropped (letters, marks, digits, `_` and `-` stay), spaces become `-`,
/// and a repeated slug gets `-1`, `-2`, … within one page.
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []
    private var counters: [String: Int] = [:]

    /// A fresh slugger for one page.
    public init() {}

    /// The unique anchor for this heading text on this page.
    public mutating func slug(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var count = counters[base, default: 0]
        while used.contains(candidate) {
            count += 1
            candidate = "\(base)-\(count)"
        }
        counters[base] = count
        used.insert(candidate)
        return candidate
    }

    /// The plain slug of a text, without de-duplication.
    public static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                result.append(scalar)
            case .dashPunctuation where scalar == "-":
                result.append(scalar)
            case .spaceSeparator where scalar == " ":
                result.append("-")
            default:
                continue
            }
        }
        return String(result)
    }
}
