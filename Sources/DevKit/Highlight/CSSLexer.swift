extension Highlighter {
    /// CSS: selectors (element names as tags; classes, ids and attribute names as attributes; pseudo
    /// classes as meta), at-rules, properties, and values (numbers with units, colours, functions,
    /// strings, `var(--x)`, `!important`). Blocks nest to any depth; a block is a rule list after
    /// `@media`, `@supports` and the like, else a declaration list.
    enum CSSLexer {
        private enum Block: UInt8 { case rules, declarations }

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var blocks: [Block] = []
            /// Between a property's `:` and its `;`, or in an at-rule's prelude.
            var inValue = false
            /// At the start of a rule or declaration.
            var atStatementStart = true
            /// The current statement is an at-rule whose block holds rules.
            var atRuleHoldsRules = false

            while index < end {
                let byte = bytes[index]
                if Bytes.isSpace(byte) {
                    index += 1
                    while index < end, Bytes.isSpace(bytes[index]) { index += 1 }
                    continue
                }
                if byte == UInt8(ascii: "/"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "*") {
                    index = Bytes.blockComment(&output, index, end, nested: false)
                    continue
                }
                let wasStatementStart = atStatementStart
                atStatementStart = false
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    index = Bytes.quoted(&output, index, end, quote: byte, multiline: false)
                case UInt8(ascii: "{"):
                    blocks.append(atRuleHoldsRules ? .rules : .declarations)
                    atRuleHoldsRules = false
                    inValue = false
                    atStatementStart = true
                    index += 1
                case UInt8(ascii: "}"):
                    _ = blocks.popLast()
                    inValue = false
                    atRuleHoldsRules = false
                    atStatementStart = true
                    index += 1
                case UInt8(ascii: ";"):
                    inValue = false
                    atRuleHoldsRules = false
                    atStatementStart = true
                    index += 1
                case UInt8(ascii: "@"):
                    let nameEnd = Bytes.identifierEnd(bytes, index + 1, end, extra: UInt8(ascii: "-"))
                    output.mark(.keyword, index, nameEnd)
                    atRuleHoldsRules = holdsRules(bytes, index + 1, nameEnd)
                    inValue = true
                    index = max(nameEnd, index + 1)
                default:
                    let inDeclarations = blocks.last == .declarations
                    if inDeclarations, !inValue, wasStatementStart, isNameStart(bytes, index, end) {
                        let nameEnd = Bytes.identifierEnd(bytes, index, end, extra: UInt8(ascii: "-"))
                        if JSONLexer.isKey(bytes, nameEnd, end) {
                            output.mark(.property, index, nameEnd)
                            inValue = true
                            index = nameEnd
                            continue
                        }
                    }
                    index = inValue ? value(&output, index, end) : selector(&output, index, end)
                }
            }
        }

        /// One token of a value or an at-rule prelude at `index`; returns its end.
        private static func value(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            let byte = bytes[index]
            let next = index + 1 < end ? bytes[index + 1] : 0
            if Bytes.isDigit(byte) || (byte == UInt8(ascii: ".") && Bytes.isDigit(next))
                || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && (Bytes.isDigit(next) || next == UInt8(ascii: "."))) {
                var cursor = index + 1
                while cursor < end, Bytes.isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
                while cursor < end, Bytes.isLetter(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "%") { cursor += 1 }
                output.mark(.number, index, cursor)
                return cursor
            }
            if byte == UInt8(ascii: "#") {
                let colorEnd = Bytes.identifierEnd(bytes, index + 1, end)
                output.mark(.number, index, colorEnd)
                return max(colorEnd, index + 1)
            }
            if byte == UInt8(ascii: "!") {
                let wordEnd = Bytes.identifierEnd(bytes, Bytes.skipBlanks(bytes, index + 1, end), end)
                output.mark(.keyword, index, wordEnd)
                return max(wordEnd, index + 1)
            }
            if isNameStart(bytes, index, end) {
                let nameEnd = Bytes.identifierEnd(bytes, index, end, extra: UInt8(ascii: "-"))
                if nameEnd < end, bytes[nameEnd] == UInt8(ascii: "(") {
                    output.mark(.function, index, nameEnd)
                    if Bytes.matchesIgnoringCase(bytes, index, end, "url(") { return url(&output, nameEnd, end) }
                } else if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                    output.mark(.variable, index, nameEnd)
                } else if JSONLexer.isKey(bytes, nameEnd, end) {
                    output.mark(.property, index, nameEnd)  // (prefers-color-scheme: dark)
                }
                return nameEnd
            }
            return Bytes.scalarEnd(bytes, index, end)
        }

        /// One token of a selector at `index`; returns its end.
        private static func selector(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "#"):
                let nameEnd = Bytes.identifierEnd(bytes, index + 1, end, extra: UInt8(ascii: "-"))
                output.mark(.attribute, index, nameEnd)
                return max(nameEnd, index + 1)
            case UInt8(ascii: ":"):
                var nameStart = index + 1
                if nameStart < end, bytes[nameStart] == UInt8(ascii: ":") { nameStart += 1 }
                let nameEnd = Bytes.identifierEnd(bytes, nameStart, end, extra: UInt8(ascii: "-"))
                output.mark(.meta, index, nameEnd)
                return max(nameEnd, index + 1)
            case UInt8(ascii: "["):
                let nameStart = Bytes.skipBlanks(bytes, index + 1, end)
                let nameEnd = Bytes.identifierEnd(bytes, nameStart, end, extra: UInt8(ascii: "-"))
                output.mark(.attribute, nameStart, nameEnd)
                return max(nameEnd, index + 1)
            default:
                if isNameStart(bytes, index, end) {
                    let nameEnd = Bytes.identifierEnd(bytes, index, end, extra: UInt8(ascii: "-"))
                    output.mark(.tag, index, nameEnd)
                    return nameEnd
                }
                if Bytes.isDigit(byte) { return value(&output, index, end) }  // 50% in @keyframes
                return Bytes.scalarEnd(bytes, index, end)
            }
        }

        /// The inside of `url(` at `index` (just after the name): a quoted or bare address.
        private static func url(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            var cursor = Bytes.skipBlanks(bytes, index + 1, end)
            guard cursor < end, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != UInt8(ascii: "'") else {
                return index + 1
            }
            let start = cursor
            while cursor < end, bytes[cursor] != UInt8(ascii: ")"), bytes[cursor] != Bytes.newline { cursor += 1 }
            output.mark(.string, start, cursor)
            return cursor
        }

        /// Whether a name (`color`, `--accent`, `-webkit-x`) starts at `index`.
        @inline(__always)
        private static func isNameStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            let byte = bytes[index]
            if Bytes.isIdentifierStart(byte) { return true }
            guard byte == UInt8(ascii: "-"), index + 1 < end else { return false }
            let next = bytes[index + 1]
            return Bytes.isIdentifierStart(next) || next == UInt8(ascii: "-")
        }

        /// Whether the at-rule named `bytes[start..<end]` holds rules rather than declarations.
        private static func holdsRules(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let count = end - start
            for name: StaticString in ["media", "supports", "layer", "container", "document", "scope", "starting-style", "-moz-document"]
                where name.utf8CodeUnitCount == count && Bytes.matchesIgnoringCase(bytes, start, end, name) {
                return true
            }
            return false
        }
    }
}
