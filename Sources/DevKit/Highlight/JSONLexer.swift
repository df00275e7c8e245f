extension Highlighter {
    /// JSON, with what JSONC and JSON5 add: comments, single-quoted strings, unquoted keys, hex
    /// numbers, `Infinity` and `NaN`. A string followed by `:` is a key.
    enum JSONLexer {
        static let words = WordTable([(.literal, "true false null"), (.number, "Infinity NaN")])

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            while index < end {
                let byte = bytes[index]
                switch byte {
                case 32, 9, 13, 10:
                    index += 1
                    while index < end, Bytes.isSpace(bytes[index]) { index += 1 }
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let stringEnd = stringEnd(bytes, index, end, quote: byte)
                    output.mark(isKey(bytes, stringEnd, end) ? .property : .string, index, stringEnd)
                    index = stringEnd
                case UInt8(ascii: "/") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "/"):
                    index = Bytes.lineComment(&output, index, end)
                case UInt8(ascii: "/") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "*"):
                    index = Bytes.blockComment(&output, index, end, nested: false)
                case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                    let next = index + 1 < end ? bytes[index + 1] : 0
                    let signed = byte != UInt8(ascii: ".")
                    if Bytes.isDigit(next) || (signed && next == UInt8(ascii: ".") && index + 2 < end && Bytes.isDigit(bytes[index + 2])) {
                        let numberEnd = Bytes.numberEnd(bytes, index + 1, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                    } else if signed, Bytes.isLetter(next) {  // -Infinity
                        let wordEnd = Bytes.identifierEnd(bytes, index + 1, end)
                        if words.style(bytes, index + 1, wordEnd) == .number { output.mark(.number, index, wordEnd) }
                        index = wordEnd
                    } else {
                        index += 1
                    }
                default:
                    if Bytes.isDigit(byte) {
                        let numberEnd = Bytes.numberEnd(bytes, index, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                    } else if Bytes.isIdentifierStart(byte) || byte == UInt8(ascii: "$") {
                        let wordEnd = Bytes.identifierEnd(bytes, index + 1, end, extra: UInt8(ascii: "$"))
                        if let style = words.style(bytes, index, wordEnd) {
                            output.mark(style, index, wordEnd)
                        } else if isKey(bytes, wordEnd, end) {
                            output.mark(.property, index, wordEnd)
                        }
                        index = wordEnd
                    } else {
                        index += 1
                    }
                }
            }
        }

        /// The end of a string at `index`: its closing quote, or the end of its line when unterminated.
        static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, quote: UInt8) -> Int {
            var cursor = index + 1
            while cursor < end {
                let byte = bytes[cursor]
                if byte == quote { return cursor + 1 }
                if byte == Bytes.newline { return cursor }
                cursor += byte == Bytes.backslash && cursor + 1 < end && bytes[cursor + 1] != Bytes.newline ? 2 : 1
            }
            return end
        }

        /// Whether the next thing after `index`, past white space, is a `:`.
        @inline(__always)
        static func isKey(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            var cursor = index
            while cursor < end, Bytes.isSpace(bytes[cursor]) { cursor += 1 }
            return cursor < end && bytes[cursor] == UInt8(ascii: ":")
        }
    }
}
