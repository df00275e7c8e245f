extension Highlighter {
    /// YAML: keys, plain and quoted scalars (plain ones as strings unless they are booleans, nulls
    /// or numbers), comments, document markers and directives, anchors, aliases and tags, flow
    /// collections, and block scalars (`|`, `>-`), whose lines are strings while they are indented
    /// deeper than the line that opened them.
    enum YAMLLexer {
        static let words = WordTable([
            (.literal, "true false True False TRUE FALSE null Null NULL ~ yes no Yes No YES NO on off On Off ON OFF"),
            (.number, ".inf .Inf .INF -.inf -.Inf -.INF +.inf .nan .NaN .NAN"),
        ])

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            /// The indentation of the line that opened a block scalar, while reading one.
            var blockIndent: Int?
            var flowDepth = 0
            while index < end {
                let lineStart = index
                let lineEnd = Bytes.lineEnd(bytes, index, end)
                var contentStart = index
                while contentStart < lineEnd, bytes[contentStart] == 32 { contentStart += 1 }
                let indent = contentStart - lineStart
                if let parent = blockIndent {
                    var probe = contentStart
                    while probe < lineEnd, Bytes.isSpace(bytes[probe]) { probe += 1 }
                    if probe == lineEnd || indent > parent {
                        if probe < lineEnd { output.mark(.string, contentStart, lineEnd) }
                        index = lineEnd + 1
                        continue
                    }
                    blockIndent = nil
                }
                index = line(&output, contentStart, end, lineIndent: indent, blockIndent: &blockIndent, flowDepth: &flowDepth)
            }
        }

        /// Marks the tokens of one line from `index` and returns where the next line starts (later than
        /// the line's end when a quoted scalar runs on).
        private static func line(_ output: inout Output, _ index: Int, _ end: Int, lineIndent: Int, blockIndent: inout Int?,
                                 flowDepth: inout Int) -> Int {
            let bytes = output.input
            var index = index
            var expectsKey = true
            if lineIndent == 0, Bytes.matches(bytes, index, end, "---") || Bytes.matches(bytes, index, end, "..."),
               index + 3 == end || Bytes.isSpace(bytes[index + 3]) {
                output.mark(.meta, index, index + 3)
                index += 3
                expectsKey = false
            } else if lineIndent == 0, index < end, bytes[index] == UInt8(ascii: "%") {
                let lineEnd = Bytes.lineComment(&output, index, end, style: .meta)
                return lineEnd + 1
            }
            while index < end {
                let byte = bytes[index]
                let next = index + 1 < end ? bytes[index + 1] : 10
                let nextIsSpace = Bytes.isSpace(next)
                switch byte {
                case Bytes.newline:
                    return index + 1
                case 32, 9, 13:
                    index += 1
                    while index < end, Bytes.isBlank(bytes[index]) { index += 1 }
                case UInt8(ascii: "#") where index == 0 || Bytes.isSpace(bytes[index - 1]):
                    index = Bytes.lineComment(&output, index, end)
                case UInt8(ascii: "-") where nextIsSpace && flowDepth == 0, UInt8(ascii: "?") where nextIsSpace:
                    index += 1  // a sequence entry or a complex key
                case UInt8(ascii: ":") where nextIsSpace || (flowDepth > 0 && isFlowIndicator(next)):
                    index += 1
                    expectsKey = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    expectsKey = true
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                    index += 1
                case UInt8(ascii: ",") where flowDepth > 0:
                    expectsKey = true
                    index += 1
                case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
                    var cursor = index + 1
                    while cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") || Bytes.isDigit(bytes[cursor]) {
                        cursor += 1
                    }
                    output.mark(.meta, index, cursor)
                    blockIndent = lineIndent
                    index = cursor
                case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
                    var cursor = index + 1
                    while cursor < end, !Bytes.isSpace(bytes[cursor]), !(flowDepth > 0 && isFlowIndicator(bytes[cursor])) { cursor += 1 }
                    output.mark(byte == UInt8(ascii: "!") ? .type : .variable, index, cursor)
                    index = cursor
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let scalarEnd = byte == UInt8(ascii: "\"")
                        ? doubleQuotedEnd(bytes, index, end)
                        : singleQuotedEnd(bytes, index, end)
                    output.mark(expectsKey && isKey(bytes, scalarEnd, end) ? .property : .string, index, scalarEnd)
                    index = scalarEnd
                default:
                    let (scalarEnd, stop) = plainScalarEnd(bytes, index, end, inFlow: flowDepth > 0)
                    if expectsKey, stop < end, bytes[stop] == UInt8(ascii: ":") {
                        output.mark(.property, index, scalarEnd)
                    } else {
                        output.mark(words.style(bytes, index, scalarEnd) ?? (isNumber(bytes, index, scalarEnd) ? .number : .string), index, scalarEnd)
                    }
                    index = stop
                }
            }
            return end
        }

        /// A plain scalar from `index`: the end of its text (trailing blanks dropped) and where it stops
        /// (a `: `, a ` #`, the end of the line, or a flow indicator inside `[...]` and `{...}`).
        private static func plainScalarEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, inFlow: Bool) -> (Int, Int) {
            var cursor = index + 1
            while cursor < end {
                let byte = bytes[cursor]
                if byte == Bytes.newline { break }
                if byte == UInt8(ascii: ":") {
                    let next = cursor + 1 < end ? bytes[cursor + 1] : 10
                    if Bytes.isSpace(next) || (inFlow && isFlowIndicator(next)) { break }
                }
                if byte == UInt8(ascii: "#"), Bytes.isBlank(bytes[cursor - 1]) { break }
                if inFlow, isFlowIndicator(byte) { break }
                cursor += 1
            }
            var textEnd = cursor
            while textEnd > index, Bytes.isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
            return (textEnd, cursor)
        }

        @inline(__always) private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }

        /// Whether `: ` (or `:` at the end of the line) follows `index`, past blanks.
        private static func isKey(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            let cursor = Bytes.skipBlanks(bytes, index, end)
            guard cursor < end, bytes[cursor] == UInt8(ascii: ":") else { return false }
            return cursor + 1 == end || Bytes.isSpace(bytes[cursor + 1]) || isFlowIndicator(bytes[cursor + 1])
        }

        /// The end of a double-quoted scalar at `index`, which may run over lines.
        private static func doubleQuotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index + 1
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "\"") { return cursor + 1 }
                cursor += bytes[cursor] == Bytes.backslash ? 2 : 1
            }
            return end
        }

        /// The end of a single-quoted scalar at `index` (`''` is a quote inside it).
        private static func singleQuotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index + 1
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "'") {
                    if cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "'") {
                        cursor += 2
                        continue
                    }
                    return cursor + 1
                }
                cursor += 1
            }
            return end
        }

        /// Whether a plain scalar is a number: `12`, `-3.5`, `1e3`, `0x1F`, `0o17`.
        private static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var cursor = start
            if cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
            guard cursor < end, Bytes.isDigit(bytes[cursor]) || (bytes[cursor] == UInt8(ascii: ".") && cursor + 1 < end) else { return false }
            return Bytes.numberEnd(bytes, cursor, end) == end && (Bytes.isDigit(bytes[cursor]) || Bytes.isDigit(bytes[cursor + 1]))
        }
    }
}
