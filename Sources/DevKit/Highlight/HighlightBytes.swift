extension Highlighter {
    /// Byte classes and small scanners the lexers share. Everything works on UTF-8 bytes; bytes of
    /// 0x80 and above (parts of non-ASCII scalars) count as identifier bytes, so an identifier never
    /// ends inside a scalar.
    enum Bytes {
        static let newline = UInt8(ascii: "\n")
        static let backslash = UInt8(ascii: "\\")

        /// `"`, `&`, `'`, `<` and `>`: the bytes `HTML.escapeText` replaces.
        private static let escapeMask: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62

        @inline(__always) static func needsEscape(_ byte: UInt8) -> Bool {
            byte < 64 && (escapeMask >> UInt64(byte)) & 1 != 0
        }

        @inline(__always) static func needsEscapeOrIsNewline(_ byte: UInt8) -> Bool {
            byte < 64 && ((escapeMask | 1 << 10) >> UInt64(byte)) & 1 != 0
        }

        @inline(__always) static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
        @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
        @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 65 < 26 }
        @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 97 < 26 }
        @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
        @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 97 < 6 }
        @inline(__always) static func isIdentifierStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == 95 || byte >= 0x80
        }
        @inline(__always) static func isIdentifier(_ byte: UInt8) -> Bool {
            isLetter(byte) || isDigit(byte) || byte == 95 || byte >= 0x80
        }
        /// Space or tab.
        @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
        /// Space, tab, carriage return or line feed.
        @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }

        /// Whether a word has a lowercase letter (`Promise` is a type, `MAX_SIZE` is not).
        @inline(__always)
        static func hasLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end {
                if Bytes.isLower(bytes[index]) { return true }
                index += 1
            }
            return false
        }

        /// The index of the next line feed at or after `index`, or `end`.
        @inline(__always)
        static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var index = index
            while index < end, bytes[index] != newline { index += 1 }
            return index
        }

        /// The index after the scalar that starts at `index`.
        @inline(__always)
        static func scalarEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var index = index + 1
            while index < end, isContinuation(bytes[index]) { index += 1 }
            return min(index, end)
        }

        /// The end of an identifier starting at `index` (letters, digits, `_`, non-ASCII, and `extra`).
        @inline(__always)
        static func identifierEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, extra: UInt8 = 95) -> Int {
            var index = index
            while index < end, isIdentifier(bytes[index]) || bytes[index] == extra { index += 1 }
            return index
        }

        /// The first index at or after `index` that is not a space or tab.
        @inline(__always)
        static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var index = index
            while index < end, isBlank(bytes[index]) { index += 1 }
            return index
        }

        /// `x`, `o` or `b` in either case: the letter after `0` in a hexadecimal, octal or binary number.
        @inline(__always) private static func isRadixLetter(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return lower == UInt8(ascii: "x") || lower == UInt8(ascii: "o") || lower == UInt8(ascii: "b")
        }

        /// Whether the bytes at `index` are `text` (ASCII), matched exactly.
        @inline(__always)
        static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard end - index >= count else { return false }
            let pointer = text.utf8Start
            for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
            return true
        }

        /// Whether the bytes at `index` are `text` (lowercase ASCII), matched without regard to case.
        static func matchesIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard end - index >= count else { return false }
            let pointer = text.utf8Start
            for offset in 0..<count {
                let byte = bytes[index + offset]
                let lower = isUpper(byte) ? byte | 0x20 : byte
                if lower != pointer[offset] { return false }
            }
            return true
        }

        /// The end of a number in a C-like language starting at `index` (a digit, or `.` and a digit):
        /// `0x1F`, `1_000`, `1.5e-3`, `10n`, `2u32`, `1.0f64`. Stops before `..` (a range).
        static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var index = index
            if index + 1 < end, bytes[index] == 48, isRadixLetter(bytes[index + 1]) {
                index += 2
                while index < end, isAlphanumeric(bytes[index]) || bytes[index] == 95 { index += 1 }
                return index
            }
            var seenDot = false
            while index < end {
                let byte = bytes[index]
                if byte == 101 || byte == 69 {  // e E
                    index += 1
                    if index < end, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
                } else if isAlphanumeric(byte) || byte == 95 {
                    index += 1
                } else if byte == 46, !seenDot, index + 1 < end, isDigit(bytes[index + 1]) {
                    seenDot = true
                    index += 1
                } else {
                    break
                }
            }
            return index
        }

        /// The end of a backslash escape at `index` in a C-like string: `\n`, `\x41`, `\u0041`,
        /// `\u{1F600}`, or the backslash and whatever scalar follows it.
        static func escapeEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            guard index + 1 < end else { return end }
            let kind = bytes[index + 1]
            var cursor = scalarEnd(bytes, index + 1, end)
            if kind == UInt8(ascii: "u"), cursor < end, bytes[cursor] == UInt8(ascii: "{") {
                var probe = cursor + 1
                while probe < end, probe - cursor <= 8, isHexDigit(bytes[probe]) { probe += 1 }
                if probe < end, bytes[probe] == UInt8(ascii: "}") { cursor = probe + 1 }
            } else if kind == UInt8(ascii: "u") || kind == UInt8(ascii: "x") {
                let limit = min(end, cursor + (kind == UInt8(ascii: "u") ? 4 : 2))
                while cursor < limit, isHexDigit(bytes[cursor]) { cursor += 1 }
            }
            return cursor
        }

        /// Marks a string closed by `quote` whose opening quote is at `index`, with backslash escapes
        /// marked apart. Ends at the closing quote, at a line break when `multiline` is false (the line
        /// break stays outside), or at `end`. Returns the index after the string.
        static func quoted(_ output: inout Output, _ index: Int, _ end: Int, quote: UInt8, multiline: Bool,
                           escapes: Bool = true, style: Style = .string) -> Int {
            let bytes = output.input
            var segment = index
            var cursor = index + 1
            while cursor < end {
                let byte = bytes[cursor]
                if byte == quote {
                    output.mark(style, segment, cursor + 1)
                    return cursor + 1
                }
                if byte == newline, !multiline { break }
                if byte == backslash, escapes {
                    output.mark(style, segment, cursor)
                    let escapeEnd = escapeEnd(bytes, cursor, end)
                    output.mark(.escape, cursor, escapeEnd)
                    segment = escapeEnd
                    cursor = escapeEnd
                    continue
                }
                cursor += 1
            }
            output.mark(style, segment, cursor)
            return cursor
        }

        /// Marks a `/* ... */` comment at `index`, nested when `nested` (Swift, Rust). Returns its end.
        static func blockComment(_ output: inout Output, _ index: Int, _ end: Int, nested: Bool) -> Int {
            let bytes = output.input
            var depth = 1
            var cursor = index + 2
            while cursor < end {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "*"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "/") {
                    cursor += 2
                    depth -= 1
                    if depth == 0 { break }
                } else if nested, byte == UInt8(ascii: "/"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "*") {
                    cursor += 2
                    depth += 1
                } else {
                    cursor += 1
                }
            }
            let commentEnd = min(cursor, end)
            output.mark(.comment, index, commentEnd)
            return commentEnd
        }

        /// Marks a comment from `index` to the end of its line. Returns the line's end.
        @inline(__always)
        static func lineComment(_ output: inout Output, _ index: Int, _ end: Int, style: Style = .comment) -> Int {
            let lineEnd = lineEnd(output.input, index, end)
            output.mark(style, index, lineEnd)
            return lineEnd
        }
    }
}
