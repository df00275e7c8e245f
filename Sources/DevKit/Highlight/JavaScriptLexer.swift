extension Highlighter {
    /// JavaScript and TypeScript: comments, strings, template literals with `${}` to any depth (an
    /// explicit stack, no recursion), regular expression literals where an expression may start,
    /// numbers, keywords, literals, calls, capitalised names as types, and `@decorators`.
    enum JavaScriptLexer {
        static let javascriptWords = WordTable([
            (.keyword, "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new return switch throw try typeof var void while with yield async await of static from as"),
            (.literal, "true false null undefined NaN Infinity this super"),
        ])
        static let typescriptWords = WordTable([
            (.keyword, "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new return switch throw try typeof var void while with yield async await of static from as interface type enum implements declare namespace module abstract readonly private public protected keyof infer is asserts satisfies override unique"),
            (.literal, "true false null undefined NaN Infinity this super"),
            (.type, "string number boolean any unknown never void object symbol bigint"),
        ])

        static func lex(_ output: inout Output, _ range: Range<Int>, typescript: Bool) {
            let words = typescript ? typescriptWords : javascriptWords
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            /// Whether a `/` here starts a regular expression rather than dividing.
            var expressionMayStart = true
            /// Whether the last token was a `.` (so a word is a property, never a keyword).
            var afterDot = false
            /// Regular expressions are not tried again on a line where one ran off its end.
            var noRegexBefore = range.lowerBound
            /// Inside a template literal (not in one of its `${}`).
            var inTemplate = false
            /// Open `{` inside the innermost `${}`; the stack holds the counts of the outer ones.
            var braces = 0
            var interpolations: [Int] = []

            if Bytes.matches(bytes, index, end, "#!") { index = Bytes.lineComment(&output, index, end, style: .meta) }

            while index < end {
                if inTemplate {
                    var segment = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: "`") {
                            index += 1
                            inTemplate = false
                            break
                        }
                        if byte == Bytes.backslash {
                            output.mark(.string, segment, index)
                            let escapeEnd = Bytes.escapeEnd(bytes, index, end)
                            output.mark(.escape, index, escapeEnd)
                            index = escapeEnd
                            segment = index
                            continue
                        }
                        if byte == UInt8(ascii: "$"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                            output.mark(.string, segment, index)
                            output.mark(.escape, index, index + 2)
                            index += 2
                            segment = index
                            interpolations.append(braces)
                            braces = 0
                            inTemplate = false
                            expressionMayStart = true
                            afterDot = false
                            break
                        }
                        index += 1
                    }
                    output.mark(.string, segment, index)
                    if !inTemplate, segment == index { continue }  // entered `${`
                    expressionMayStart = false
                    continue
                }

                let byte = bytes[index]
                switch byte {
                case 32, 9, 13, 10:
                    index += 1
                    while index < end, Bytes.isSpace(bytes[index]) { index += 1 }
                    continue
                case UInt8(ascii: "/"):
                    let next = index + 1 < end ? bytes[index + 1] : 0
                    if next == UInt8(ascii: "/") {
                        index = Bytes.lineComment(&output, index, end)
                        continue
                    }
                    if next == UInt8(ascii: "*") {
                        index = Bytes.blockComment(&output, index, end, nested: false)
                        continue
                    }
                    if expressionMayStart, index >= noRegexBefore {
                        if let regexEnd = regexEnd(bytes, index, end) {
                            output.mark(.string, index, regexEnd)
                            index = regexEnd
                            expressionMayStart = false
                            afterDot = false
                            continue
                        }
                        noRegexBefore = Bytes.lineEnd(bytes, index, end)
                    }
                    index += 1
                    expressionMayStart = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    index = Bytes.quoted(&output, index, end, quote: byte, multiline: false)
                    expressionMayStart = false
                case UInt8(ascii: "`"):
                    output.mark(.string, index, index + 1)
                    index += 1
                    inTemplate = true
                case UInt8(ascii: "{"):
                    braces += 1
                    index += 1
                    expressionMayStart = true
                case UInt8(ascii: "}"):
                    if braces == 0, let outer = interpolations.popLast() {
                        output.mark(.escape, index, index + 1)
                        braces = outer
                        inTemplate = true
                    } else {
                        braces = max(0, braces - 1)
                        expressionMayStart = false
                    }
                    index += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    index += 1
                    expressionMayStart = false
                case UInt8(ascii: "."):
                    if index + 1 < end, Bytes.isDigit(bytes[index + 1]) {
                        let numberEnd = Bytes.numberEnd(bytes, index, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                        expressionMayStart = false
                    } else if Bytes.matches(bytes, index, end, "...") {
                        index += 3
                        expressionMayStart = true
                    } else {
                        index += 1
                        afterDot = true
                        expressionMayStart = false
                        continue
                    }
                case UInt8(ascii: "+") where index + 1 < end && bytes[index + 1] == byte,
                     UInt8(ascii: "-") where index + 1 < end && bytes[index + 1] == byte:
                    index += 2  // `a++ / 2` divides, `x = ++a` starts: whatever held before holds
                case UInt8(ascii: "@"):
                    let nameEnd = Bytes.identifierEnd(bytes, index + 1, end, extra: UInt8(ascii: "$"))
                    if nameEnd > index + 1, Bytes.isIdentifierStart(bytes[index + 1]) { output.mark(.meta, index, nameEnd) }
                    index = max(nameEnd, index + 1)
                    expressionMayStart = false
                default:
                    if Bytes.isDigit(byte) {
                        let numberEnd = Bytes.numberEnd(bytes, index, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                        expressionMayStart = false
                    } else if Bytes.isIdentifierStart(byte) || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#") {
                        let wordEnd = Bytes.identifierEnd(bytes, index + 1, end, extra: UInt8(ascii: "$"))
                        let calls = wordEnd < end && bytes[wordEnd] == UInt8(ascii: "(")
                        if afterDot || byte == UInt8(ascii: "#") {
                            if calls { output.mark(.function, index, wordEnd) }
                            expressionMayStart = false
                        } else if let style = words.style(bytes, index, wordEnd) {
                            output.mark(style, index, wordEnd)
                            expressionMayStart = style == .keyword
                        } else {
                            if calls {
                                output.mark(.function, index, wordEnd)
                            } else if Bytes.isUpper(byte), Bytes.hasLowercase(bytes, index, wordEnd) {
                                output.mark(.type, index, wordEnd)
                            }
                            expressionMayStart = false
                        }
                        index = wordEnd
                    } else {
                        index = Bytes.scalarEnd(bytes, index, end)
                        expressionMayStart = true
                    }
                }
                afterDot = false
            }
        }

        /// The end of a regular expression literal at `index`, or nil when none closes on this line.
        static func regexEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            var cursor = index + 1
            var inClass = false
            while cursor < end {
                let byte = bytes[cursor]
                switch byte {
                case Bytes.newline: return nil
                case Bytes.backslash:
                    if cursor + 1 < end, bytes[cursor + 1] == Bytes.newline { return nil }
                    cursor += 2
                    continue
                case UInt8(ascii: "["): inClass = true
                case UInt8(ascii: "]"): inClass = false
                case UInt8(ascii: "/") where !inClass:
                    if cursor == index + 1 { return nil }
                    cursor += 1
                    while cursor < end, Bytes.isLetter(bytes[cursor]) { cursor += 1 }
                    return cursor
                default: break
                }
                cursor += 1
            }
            return nil
        }
    }
}
