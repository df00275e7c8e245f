/// How the search tokenizer sees one Unicode scalar. `site/assets/search/tokenizer.mjs` classifies
/// the same way; the golden token cases (`Tests/js/fixtures/search/tokens.json`) keep the two equal.
enum SearchCharacterClass: Equatable {
    /// A letter, mark or number (any script without its own rule), or `_`: part of a word.
    case word
    /// `-` or `.`: joins two words into one identifier (`calling-extensions.js`, `0.9.6`).
    case joiner
    /// Han, Hiragana, Katakana or Hangul: text written without spaces, indexed as bigrams.
    case cjk
    /// Anything else separates words.
    case separator

    /// The class of a scalar.
    static func of(_ scalar: Unicode.Scalar) -> SearchCharacterClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .word
            case 0x2D, 0x2E: return .joiner
            default: return .separator
            }
        }
        if isCJK(value) { return .cjk }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        default:
            return .separator
        }
    }

    /// Scripts written without spaces between words (and Hangul, whose words take endings).
    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3005...0x3007, 0x3021...0x3029, // 々 〆 〇, Suzhou numerals
             0x3041...0x309F, // Hiragana, with the combining (semi-)voiced marks
             0x30A1...0x30FA, 0x30FC...0x30FF, // Katakana, without ゠ and the middle dot ・
             0x31F0...0x31FF, // Katakana phonetic extensions
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, // CJK ideographs
             0xFF66...0xFF9F, // half-width Katakana
             0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC, // Hangul
             0x20000...0x323AF: // CJK ideographs, supplementary planes
            return true
        default:
            return false
        }
    }
}
