import Foundation

/// Splits text into search terms, the same way for pages (here) and for queries (in
/// `site/assets/search/tokenizer.mjs`):
/// - a word is a run of letters, marks, digits and `_`, with `-` or `.` kept between two of them, so
///   `calling-extensions.js`, `SET_WIDGET_URL` and `0.9.6` stay whole; its pieces (split at `-._` and
///   at camelCase humps: `on`, `dial`, `number` of `onDialNumber`) are terms too;
/// - Han, Hiragana, Katakana and Hangul have no spaces: a run of them gives its overlapping bigrams
///   (`発信ボタン` → `発信 信ボ ボタ タン`), or the one character of a run of one;
/// - terms are NFKC-normalised and lower-cased (`ς` as `σ`); words longer than 64 characters are dropped.
///
/// The index calls it on every word of every page, so it works on UTF-8 bytes and hands out each
/// term as bytes (valid during the call only); `tokens(in:)` gives them as strings.
enum SearchTokenizer {
    /// The longest term kept, in Unicode scalars.
    static let maximumTermLength = 64

    /// Calls `body` with the UTF-8 bytes of every term of `text`, in order, with its kind.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>, SearchToken.Kind) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var scratch: [UInt8] = []
            scan(bytes, &scratch, body)
        }
    }

    /// Every term of `text`, in order.
    static func tokens(in text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        forEachTerm(in: text) { tokens.append(SearchToken(term: String(decoding: $0, as: UTF8.self), kind: $1)) }
        return tokens
    }

    /// The normal form of a term: NFKC, lower case, final sigma as sigma.
    static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // NFC again after NFKC: Foundation on Linux leaves `ｶﾞ` as `カ` + U+3099 where NFKC composes `ガ`.
        let folded = text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping.lowercased()
        return folded.contains("ς") ? folded.replacingOccurrences(of: "ς", with: "σ") : folded
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ scratch: inout [UInt8],
                             _ body: (UnsafeBufferPointer<UInt8>, SearchToken.Kind) -> Void) {
        let count = bytes.count
        var index = 0
        var run: [Unicode.Scalar] = []
        while index < count {
            // ASCII separators and plain ASCII words (most of an English page) without decoding.
            let lead = bytes[index]
            if lead < 0x80 {
                let kind = asciiKind(lead)
                if kind == 0 {
                    index += 1
                    continue
                }
                if kind == 1 {
                    var end = index + 1
                    while end < count, asciiKind(bytes[end]) == 1 { end += 1 }
                    if end == count || (bytes[end] < 0x80 && asciiKind(bytes[end]) == 0) {
                        if end - index <= maximumTermLength { body(UnsafeBufferPointer(rebasing: bytes[index..<end]), .word) }
                        index = end
                        continue
                    }
                }
            }
            let (scalar, length) = decode(bytes, at: index)
            switch SearchCharacterClass.of(scalar) {
            case .word:
                let start = index
                var end = index + length
                var plain = isPlainASCII(scalar)
                while end < count {
                    let (next, nextLength) = decode(bytes, at: end)
                    let nextClass = SearchCharacterClass.of(next)
                    if nextClass == .word {
                        plain = plain && isPlainASCII(next)
                        end += nextLength
                    } else if nextClass == .joiner, end + nextLength < count,
                              SearchCharacterClass.of(decode(bytes, at: end + nextLength).scalar) == .word {
                        plain = false
                        end += nextLength
                    } else {
                        break
                    }
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if plain {
                    if word.count <= maximumTermLength { body(word, .word) }
                } else if word.allSatisfy({ $0 < 0x80 }) {
                    emitASCIIWord(word, &scratch, body)
                } else {
                    emitWord(String(decoding: word, as: UTF8.self), body)
                }
                index = end
            case .cjk:
                run.removeAll(keepingCapacity: true)
                var end = index
                while end < count {
                    let (next, nextLength) = decode(bytes, at: end)
                    guard SearchCharacterClass.of(next) == .cjk else { break }
                    run.append(next)
                    end += nextLength
                }
                emitCJK(run, &scratch, body)
                index = end
            case .joiner, .separator:
                index += length
            }
        }
    }

    /// 1 for a lower-case ASCII letter or digit, 2 for the other ASCII word bytes (`A`…`Z`, `_`) and
    /// joiners (`-`, `.`), 0 for an ASCII separator: the fast path of `scan`.
    @inline(__always)
    private static func asciiKind(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x61...0x7A, 0x30...0x39: return 1
        case 0x41...0x5A, 0x5F, 0x2D, 0x2E: return 2
        default: return 0
        }
    }

    /// Lower-case ASCII letters and digits: a word of only these needs no normalising and has no pieces.
    private static func isPlainASCII(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
    }

    /// `emitWord` for an ASCII word, on its bytes (most words of an English page that need pieces or
    /// lower-casing: `Archive`, `tar.gz`, `onDialNumber`).
    private static func emitASCIIWord(_ word: UnsafeBufferPointer<UInt8>, _ lower: inout [UInt8],
                                      _ body: (UnsafeBufferPointer<UInt8>, SearchToken.Kind) -> Void) {
        lower.removeAll(keepingCapacity: true)
        var hasPieces = false
        for index in 0..<word.count {
            let byte = word[index]
            if isASCIIUpper(byte) {
                lower.append(byte | 0x20)
                if isASCIIHump(word, at: index) { hasPieces = true }
            } else {
                lower.append(byte)
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") { hasPieces = true }
            }
        }
        lower.withUnsafeBufferPointer { lower in
            if lower.count <= maximumTermLength { body(lower, .word) }
            guard hasPieces else { return }
            // The pieces emitted so far, to emit each once (a word has fewer pieces than bytes).
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: word.count + 1) { seen in
                seen[0] = 0..<lower.count
                var seenCount = 1
                func emit(_ range: Range<Int>) {
                    guard !range.isEmpty, range.count <= maximumTermLength else { return }
                    let piece = UnsafeBufferPointer(rebasing: lower[range])
                    for index in 0..<seenCount where seen[index].count == range.count && lower[seen[index]].elementsEqual(piece) { return }
                    seen[seenCount] = range
                    seenCount += 1
                    body(piece, .part)
                }
                var segmentStart = 0
                for index in 0...word.count {
                    let atEnd = index == word.count
                    guard atEnd || word[index] == UInt8(ascii: "-") || word[index] == UInt8(ascii: ".") || word[index] == UInt8(ascii: "_") else { continue }
                    if segmentStart < index {
                        emit(segmentStart..<index)
                        var humpStart = segmentStart
                        for position in (segmentStart + 1)..<index where isASCIIHump(word, at: position, segmentStart: segmentStart, segmentEnd: index) {
                            emit(humpStart..<position)
                            humpStart = position
                        }
                        if humpStart > segmentStart { emit(humpStart..<index) }
                    }
                    segmentStart = index + 1
                }
            }
        }
    }

    private static func isASCIIUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    private static func isASCIILower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    private static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// A camelCase hump starts at `index` (the rule of `camelHumps`, on ASCII bytes of one segment).
    private static func isASCIIHump(_ word: UnsafeBufferPointer<UInt8>, at index: Int, segmentStart: Int = 0, segmentEnd: Int? = nil) -> Bool {
        let end = segmentEnd ?? word.count
        guard index > segmentStart, index < end, isASCIIUpper(word[index]) else { return false }
        let previous = word[index - 1]
        if isASCIILower(previous) || isASCIIDigit(previous) { return true }
        return isASCIIUpper(previous) && index + 1 < end && isASCIILower(word[index + 1])
    }

    /// A word with upper case, `_`, joiners or non-ASCII: the whole word, then its distinct pieces.
    private static func emitWord(_ word: String, _ body: (UnsafeBufferPointer<UInt8>, SearchToken.Kind) -> Void) {
        var whole = normalize(word)
        if whole.unicodeScalars.count <= maximumTermLength { whole.withUTF8 { body($0, .word) } }
        var seen: [String] = [whole]
        for piece in pieces(of: word) {
            var term = normalize(piece)
            guard !term.isEmpty, term.unicodeScalars.count <= maximumTermLength, !seen.contains(term) else { continue }
            seen.append(term)
            term.withUTF8 { body($0, .part) }
        }
    }

    /// The segments between `-`, `.` and `_`, each followed by its camelCase humps when it has several.
    static func pieces(of word: String) -> [String] {
        var result: [String] = []
        let segments = word.unicodeScalars.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "_" })
        for segment in segments {
            let scalars = Array(segment)
            result.append(String(String.UnicodeScalarView(scalars)))
            let humps = camelHumps(scalars)
            if humps.count > 1 { result += humps }
        }
        return result
    }

    /// `onDialNumber` → `on Dial Number`; `HTMLParser` → `HTML Parser`; `utf8Decode` → `utf8 Decode`.
    private static func camelHumps(_ scalars: [Unicode.Scalar]) -> [String] {
        var humps: [String] = []
        var start = 0
        for index in scalars.indices.dropFirst() {
            let previous = scalars[index - 1].properties.generalCategory
            let current = scalars[index].properties.generalCategory
            let following = index + 1 < scalars.count ? scalars[index + 1].properties.generalCategory : nil
            let lowerToUpper = (previous == .lowercaseLetter || previous == .decimalNumber) && current == .uppercaseLetter
            let acronymEnd = previous == .uppercaseLetter && current == .uppercaseLetter && following == .lowercaseLetter
            if lowerToUpper || acronymEnd {
                humps.append(String(String.UnicodeScalarView(scalars[start..<index])))
                start = index
            }
        }
        humps.append(String(String.UnicodeScalarView(scalars[start...])))
        return humps
    }

    /// Overlapping bigrams of a run of CJK characters (each character normalised alone), or its one character.
    private static func emitCJK(_ run: [Unicode.Scalar], _ scratch: inout [UInt8],
                                _ body: (UnsafeBufferPointer<UInt8>, SearchToken.Kind) -> Void) {
        let characters = cjkCharacters(run)
        if characters.count == 1 {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: characters[0].utf8)
            scratch.withUnsafeBufferPointer { body($0, .cjk) }
            return
        }
        for index in 0..<(characters.count - 1) {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: characters[index].utf8)
            scratch.append(contentsOf: characters[index + 1].utf8)
            scratch.withUnsafeBufferPointer { body($0, .cjk) }
        }
    }

    /// The characters of a CJK run, each normalised alone; a (semi-)voiced sound mark belongs to the
    /// kana before it (`ｶﾞ` is one character, `ガ`).
    private static func cjkCharacters(_ run: [Unicode.Scalar]) -> [String] {
        var characters: [String] = []
        characters.reserveCapacity(run.count)
        var pending = String.UnicodeScalarView()
        var plain = true
        func flush() {
            guard !pending.isEmpty else { return }
            let text = String(pending)
            characters.append(plain ? text : normalize(text))
            pending = String.UnicodeScalarView()
            plain = true
        }
        for scalar in run {
            if isSoundMark(scalar), !pending.isEmpty {
                pending.append(scalar)
                plain = false
                continue
            }
            flush()
            pending.append(scalar)
            plain = isNormalCJK(scalar)
        }
        flush()
        return characters
    }

    /// The combining and half-width (semi-)voiced sound marks.
    private static func isSoundMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3099, 0x309A, 0xFF9E, 0xFF9F: return true
        default: return false
        }
    }

    /// Kana, ideographs and Hangul syllables that NFKC and lower-casing leave as they are.
    private static func isNormalCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return true
        default: return false
        }
    }

    /// The scalar at a byte offset of valid UTF-8, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
