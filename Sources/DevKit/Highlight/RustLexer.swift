extension Highlighter {
    /// Rust: line, doc and nested block comments; strings (which span lines), byte and C strings,
    /// raw strings (`r#"..."#`), char literals and lifetimes told apart, numbers with suffixes,
    /// keywords, primitive and capitalised types, `macro!` calls, calls, and `#[attributes]`.
    enum RustLexer {
        static let words = WordTable([
            (.keyword, "as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait type union unsafe use where while yield macro_rules gen"),
            (.literal, "true false"),
            (.type, "i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str"),
        ])

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var afterDot = false
            var afterFn = false
            while index < end {
                let byte = bytes[index]
                switch byte {
                case 32, 9, 13, 10:
                    index += 1
                    while index < end, Bytes.isSpace(bytes[index]) { index += 1 }
                    continue
                case UInt8(ascii: "/") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "/"):
                    index = Bytes.lineComment(&output, index, end)
                    continue
                case UInt8(ascii: "/") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "*"):
                    index = Bytes.blockComment(&output, index, end, nested: true)
                    continue
                case UInt8(ascii: "\""):
                    index = Bytes.quoted(&output, index, end, quote: byte, multiline: true)
                case UInt8(ascii: "'"):
                    index = quote(&output, index, end)
                case UInt8(ascii: "#"):
                    var cursor = index + 1
                    if cursor < end, bytes[cursor] == UInt8(ascii: "!") { cursor += 1 }
                    if cursor < end, bytes[cursor] == UInt8(ascii: "[") {
                        let pathEnd = pathEnd(bytes, cursor + 1, end)
                        output.mark(.meta, index, pathEnd)
                        index = pathEnd
                    } else {
                        index += 1
                    }
                case UInt8(ascii: "."):
                    index += 1
                    afterDot = !(index < end && bytes[index] == UInt8(ascii: "."))
                    afterFn = false
                    continue
                default:
                    if Bytes.isDigit(byte) {
                        let numberEnd = Bytes.numberEnd(bytes, index, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                    } else if Bytes.isIdentifierStart(byte) {
                        let wordEnd = Bytes.identifierEnd(bytes, index + 1, end)
                        if let stringEnd = prefixedString(&output, index, wordEnd, end) {
                            index = stringEnd
                        } else {
                            let next = wordEnd < end ? bytes[wordEnd] : 0
                            let isMacro = next == UInt8(ascii: "!") && !(wordEnd + 1 < end && bytes[wordEnd + 1] == UInt8(ascii: "="))
                            if isMacro {
                                output.mark(.function, index, wordEnd + 1)
                                index = wordEnd + 1
                            } else if afterDot {
                                if next == UInt8(ascii: "(") { output.mark(.function, index, wordEnd) }
                                index = wordEnd
                            } else if let style = words.style(bytes, index, wordEnd) {
                                output.mark(style, index, wordEnd)
                                let isFn = wordEnd - index == 2 && Bytes.matches(bytes, index, end, "fn")
                                index = wordEnd
                                if isFn {
                                    afterFn = true
                                    afterDot = false
                                    continue
                                }
                            } else {
                                if afterFn || next == UInt8(ascii: "(") {
                                    output.mark(.function, index, wordEnd)
                                } else if Bytes.isUpper(byte) {
                                    output.mark(.type, index, wordEnd)
                                }
                                index = wordEnd
                            }
                        }
                    } else {
                        index = Bytes.scalarEnd(bytes, index, end)
                    }
                }
                afterDot = false
                afterFn = false
            }
        }

        /// A `'` at `index`: a char literal (`'a'`, `'\n'`, `'\u{1F600}'`, `'é'`) as a string, or a
        /// lifetime (`'a`, `'static`) as a keyword, or a lone quote.
        private static func quote(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            guard index + 1 < end else { return end }
            let next = bytes[index + 1]
            if next == Bytes.backslash {
                let escapeEnd = Bytes.escapeEnd(bytes, index + 1, end)
                if escapeEnd < end, bytes[escapeEnd] == UInt8(ascii: "'") {
                    output.mark(.string, index, index + 1)
                    output.mark(.escape, index + 1, escapeEnd)
                    output.mark(.string, escapeEnd, escapeEnd + 1)
                    return escapeEnd + 1
                }
                return index + 1
            }
            if next != Bytes.newline, next != UInt8(ascii: "'") {
                let scalarEnd = Bytes.scalarEnd(bytes, index + 1, end)
                if scalarEnd < end, bytes[scalarEnd] == UInt8(ascii: "'") {
                    output.mark(.string, index, scalarEnd + 1)
                    return scalarEnd + 1
                }
            }
            if Bytes.isIdentifierStart(next) {
                let nameEnd = Bytes.identifierEnd(bytes, index + 1, end)
                output.mark(.keyword, index, nameEnd)
                return nameEnd
            }
            return index + 1
        }

        /// A string after a prefix word at `start..<wordEnd`: `b"..."`, `c"..."`, `b'x'`, `r"..."`,
        /// `r#"..."#`, `br#"..."#`, `cr"..."`. Returns its end, or nil when the word is no prefix.
        private static func prefixedString(_ output: inout Output, _ start: Int, _ wordEnd: Int, _ end: Int) -> Int? {
            let bytes = output.input
            let count = wordEnd - start
            guard count <= 2, wordEnd < end else { return nil }
            let first = bytes[start]
            let raw = bytes[wordEnd - 1] == UInt8(ascii: "r") && (count == 1 || first == UInt8(ascii: "b") || first == UInt8(ascii: "c"))
            if raw {
                var cursor = wordEnd
                while cursor < end, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") else { return nil }
                let hashes = cursor - wordEnd
                cursor += 1
                while cursor < end {
                    if bytes[cursor] == UInt8(ascii: "\""), closes(bytes, cursor + 1, end, hashes) {
                        cursor += 1 + hashes
                        output.mark(.string, start, cursor)
                        return cursor
                    }
                    cursor += 1
                }
                output.mark(.string, start, end)
                return end
            }
            guard count == 1, first == UInt8(ascii: "b") || first == UInt8(ascii: "c") else { return nil }
            if bytes[wordEnd] == UInt8(ascii: "\"") {
                output.mark(.string, start, wordEnd)
                return Bytes.quoted(&output, wordEnd, end, quote: UInt8(ascii: "\""), multiline: true)
            }
            if first == UInt8(ascii: "b"), bytes[wordEnd] == UInt8(ascii: "'") {
                output.mark(.string, start, wordEnd)
                return quote(&output, wordEnd, end)
            }
            return nil
        }

        @inline(__always)
        private static func closes(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ hashes: Int) -> Bool {
            guard end - index >= hashes else { return false }
            for offset in 0..<hashes where bytes[index + offset] != UInt8(ascii: "#") { return false }
            return true
        }

        /// The end of an attribute's path after `#[` (`derive`, `cfg_attr`, `serde::rename`).
        private static func pathEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index
            while cursor < end, Bytes.isIdentifier(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
            return cursor
        }
    }
}
