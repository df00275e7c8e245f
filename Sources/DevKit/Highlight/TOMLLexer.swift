extension Highlighter {
    /// TOML: `[table]` and `[[array]]` headers as types, keys (bare, quoted, dotted) as properties,
    /// basic, literal and multi-line strings, numbers and dates, booleans, comments, inline tables.
    enum TOMLLexer {
        static let words = WordTable([(.literal, "true false"), (.number, "inf nan +inf -inf +nan -nan")])

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var expectsKey = true
            var atLineStart = true
            /// Open `[` of arrays in values (which may span lines).
            var arrays = 0
            /// Open `{` of inline tables.
            var tables = 0
            while index < end {
                let byte = bytes[index]
                let wasLineStart = atLineStart
                atLineStart = false
                switch byte {
                case Bytes.newline:
                    index += 1
                    atLineStart = true
                    if arrays == 0 { expectsKey = true }
                case 32, 9, 13:
                    index += 1
                    atLineStart = wasLineStart
                case UInt8(ascii: "#"):
                    index = Bytes.lineComment(&output, index, end)
                case UInt8(ascii: "[") where wasLineStart && arrays == 0:
                    var cursor = index + 1
                    while cursor < end, bytes[cursor] != UInt8(ascii: "]"), bytes[cursor] != Bytes.newline { cursor += 1 }
                    while cursor < end, bytes[cursor] == UInt8(ascii: "]") { cursor += 1 }
                    output.mark(.type, index, cursor)
                    index = cursor
                case UInt8(ascii: "["):
                    arrays += 1
                    index += 1
                case UInt8(ascii: "]"):
                    arrays = max(0, arrays - 1)
                    index += 1
                case UInt8(ascii: "{"):
                    tables += 1
                    expectsKey = true
                    index += 1
                case UInt8(ascii: "}"):
                    tables = max(0, tables - 1)
                    index += 1
                case UInt8(ascii: ","):
                    if tables > 0 { expectsKey = true }
                    index += 1
                case UInt8(ascii: "="):
                    expectsKey = false
                    index += 1
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let triple = byte == UInt8(ascii: "\"") ? Bytes.matches(bytes, index, end, "\"\"\"") : Bytes.matches(bytes, index, end, "'''")
                    let style: Style = expectsKey ? .property : .string
                    if triple {
                        let stringEnd = tripleQuotedEnd(bytes, index, end, quote: byte)
                        output.mark(style, index, stringEnd)
                        index = stringEnd
                    } else {
                        index = Bytes.quoted(&output, index, end, quote: byte, multiline: false, escapes: byte == UInt8(ascii: "\""), style: style)
                    }
                default:
                    var cursor = index
                    while cursor < end, isBareByte(bytes[cursor]) { cursor += 1 }
                    if cursor == index {
                        index = Bytes.scalarEnd(bytes, index, end)
                    } else if expectsKey {
                        output.mark(.property, index, cursor)
                        index = cursor
                    } else {
                        while cursor < end, bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: ".") || isBareByte(bytes[cursor]) {
                            cursor += 1  // times and decimals: 07:32:00, 3.14
                        }
                        let style = words.style(bytes, index, cursor)
                            ?? (Bytes.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") ? Style.number : nil)
                        if let style { output.mark(style, index, cursor) }
                        index = cursor
                    }
                }
            }
        }

        /// The end of a `"""` or `'''` string at `index`; up to two more quotes just before the
        /// closing three belong to the string.
        private static func tripleQuotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, quote: UInt8) -> Int {
            var cursor = index + 3
            while cursor < end {
                let byte = bytes[cursor]
                if byte == quote, cursor + 2 < end, bytes[cursor + 1] == quote, bytes[cursor + 2] == quote {
                    cursor += 3
                    var extra = 0
                    while cursor < end, extra < 2, bytes[cursor] == quote {
                        cursor += 1
                        extra += 1
                    }
                    return cursor
                }
                cursor += byte == Bytes.backslash && quote == UInt8(ascii: "\"") ? 2 : 1
            }
            return end
        }

        @inline(__always) private static func isBareByte(_ byte: UInt8) -> Bool {
            Bytes.isAlphanumeric(byte) || byte == 95 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
    }
}
