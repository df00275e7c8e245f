extension Highlighter {
    /// Swift: nested block comments; single-line, multi-line (`"""`) and extended-delimiter (`#"..."#`)
    /// strings with escapes and `\(...)` interpolation to any depth (an explicit stack, no recursion);
    /// numbers, keywords, literals, `@attributes` and `#directives` as meta, `$0` as a variable,
    /// capitalised names as types, and calls.
    enum SwiftLexer {
        static let words = WordTable([
            (.keyword, "associatedtype class deinit enum extension fileprivate func import init inout internal let operator private precedencegroup protocol public rethrows static struct subscript typealias var break case catch continue default defer do else fallthrough for guard if in repeat return throw switch where while as is try await async throws some any Self self super actor nonisolated isolated consuming borrowing mutating nonmutating override final required convenience lazy weak unowned dynamic indirect get set willSet didSet sending"),
            (.literal, "true false nil"),
        ])

        /// The string being read: `"""` or `"`, and how many `#` delimit it.
        private struct StringKind {
            var multiline: Bool
            var hashes: Int
        }

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var string: StringKind?
            /// Open `(` inside the innermost interpolation; the stack holds the outer strings.
            var parentheses = 0
            var interpolations: [(StringKind, Int)] = []
            var afterDot = false
            var afterFunc = false

            while index < end {
                if let kind = string {
                    var segment = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: "\""), let close = closingEnd(bytes, index, end, kind) {
                            output.mark(.string, segment, close)
                            index = close
                            segment = close
                            string = nil
                            break
                        }
                        if byte == Bytes.backslash {
                            let hashesEnd = hashesEnd(bytes, index + 1, end, limit: kind.hashes)
                            guard hashesEnd - index - 1 == kind.hashes, hashesEnd < end else {
                                index += 1
                                continue
                            }
                            output.mark(.string, segment, index)
                            if bytes[hashesEnd] == UInt8(ascii: "(") {
                                output.mark(.escape, index, hashesEnd + 1)
                                interpolations.append((kind, parentheses))
                                parentheses = 0
                                index = hashesEnd + 1
                                segment = index
                                string = nil
                                break
                            }
                            let escapeEnd = Bytes.escapeEnd(bytes, hashesEnd - 1, end)
                            output.mark(.escape, index, escapeEnd)
                            index = escapeEnd
                            segment = index
                            continue
                        }
                        if byte == Bytes.newline, !kind.multiline {
                            string = nil  // unterminated: the line ends it
                            break
                        }
                        index += 1
                    }
                    output.mark(.string, segment, index)
                    afterDot = false
                    continue
                }

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
                    let multiline = Bytes.matches(bytes, index, end, "\"\"\"")
                    let openEnd = index + (multiline ? 3 : 1)
                    output.mark(.string, index, openEnd)
                    string = StringKind(multiline: multiline, hashes: 0)
                    index = openEnd
                case UInt8(ascii: "#"):
                    let hashesEnd = hashesEnd(bytes, index, end, limit: Int.max)
                    if hashesEnd < end, bytes[hashesEnd] == UInt8(ascii: "\"") {
                        let multiline = Bytes.matches(bytes, hashesEnd, end, "\"\"\"")
                        let openEnd = hashesEnd + (multiline ? 3 : 1)
                        output.mark(.string, index, openEnd)
                        string = StringKind(multiline: multiline, hashes: hashesEnd - index)
                        index = openEnd
                    } else if hashesEnd == index + 1, hashesEnd < end, Bytes.isIdentifierStart(bytes[hashesEnd]) {
                        let nameEnd = Bytes.identifierEnd(bytes, hashesEnd, end)
                        output.mark(.meta, index, nameEnd)
                        index = nameEnd
                    } else {
                        index = hashesEnd
                    }
                case UInt8(ascii: "@"):
                    let nameEnd = Bytes.identifierEnd(bytes, index + 1, end)
                    output.mark(.meta, index, nameEnd)
                    index = max(nameEnd, index + 1)
                case UInt8(ascii: "("):
                    if !interpolations.isEmpty { parentheses += 1 }
                    index += 1
                case UInt8(ascii: ")"):
                    if parentheses == 0, let (kind, outer) = interpolations.popLast() {
                        output.mark(.escape, index, index + 1)
                        string = kind
                        parentheses = outer
                    } else {
                        parentheses = max(0, parentheses - 1)
                    }
                    index += 1
                case UInt8(ascii: "."):
                    index += 1
                    afterDot = !(index < end && bytes[index] == UInt8(ascii: "."))
                    afterFunc = false
                    continue
                case UInt8(ascii: "$"):
                    let nameEnd = Bytes.identifierEnd(bytes, index + 1, end)
                    output.mark(.variable, index, nameEnd)
                    index = max(nameEnd, index + 1)
                case UInt8(ascii: "`"):
                    let nameEnd = Bytes.identifierEnd(bytes, index + 1, end)
                    index = nameEnd < end && bytes[nameEnd] == UInt8(ascii: "`") ? nameEnd + 1 : index + 1
                default:
                    if Bytes.isDigit(byte) {
                        let numberEnd = Bytes.numberEnd(bytes, index, end)
                        output.mark(.number, index, numberEnd)
                        index = numberEnd
                    } else if Bytes.isIdentifierStart(byte) {
                        let wordEnd = Bytes.identifierEnd(bytes, index + 1, end)
                        let calls = wordEnd < end && bytes[wordEnd] == UInt8(ascii: "(")
                        if afterDot {
                            if calls { output.mark(.function, index, wordEnd) }
                        } else if let style = words.style(bytes, index, wordEnd) {
                            output.mark(style, index, wordEnd)
                            if wordEnd - index == 4, Bytes.matches(bytes, index, end, "func") {
                                index = wordEnd
                                afterFunc = true
                                continue
                            }
                        } else if afterFunc || calls {
                            output.mark(.function, index, wordEnd)
                        } else if Bytes.isUpper(byte), Bytes.hasLowercase(bytes, index, wordEnd) {
                            output.mark(.type, index, wordEnd)
                        }
                        index = wordEnd
                    } else {
                        index = Bytes.scalarEnd(bytes, index, end)
                    }
                }
                afterDot = false
                afterFunc = false
            }
        }

        /// The end of the closing delimiter of `kind` at `index` (a `"`), or nil when it is not one.
        private static func closingEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ kind: StringKind) -> Int? {
            var cursor = index + 1
            if kind.multiline {
                guard Bytes.matches(bytes, index, end, "\"\"\"") else { return nil }
                cursor = index + 3
            }
            let hashesEnd = hashesEnd(bytes, cursor, end, limit: kind.hashes)
            return hashesEnd - cursor == kind.hashes ? hashesEnd : nil
        }

        /// The index after up to `limit` `#` from `index`.
        @inline(__always)
        private static func hashesEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, limit: Int) -> Int {
            var cursor = index
            while cursor < end, cursor - index < limit, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
            return cursor
        }
    }
}
