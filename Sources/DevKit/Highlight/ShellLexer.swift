extension Highlighter {
    /// POSIX shell and Bash: command names (as functions), keywords where a command may start,
    /// options, variables and `NAME=` assignments, single, double and `$'...'` strings, comments,
    /// a shebang, and here-documents (`<<EOF`, `<<-'EOF'`).
    enum ShellLexer {
        static let keywords = WordTable([
            (.keyword, "if then else elif fi for while until do done case esac in function select time coproc [[ ]] { } !"),
        ])

        /// A here-document waiting for the end of its line: where its delimiter word is.
        private struct HereDocument {
            var delimiter: Range<Int>
            var stripsTabs: Bool
        }

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var commandPosition = true
            /// Counts words after `for`, `case` or `select`, so `in` is a keyword as their third word.
            var wordsSinceLoop = Int.max
            var hereDocuments: [HereDocument] = []

            if Bytes.matches(bytes, index, end, "#!") { index = Bytes.lineComment(&output, index, end, style: .meta) }

            while index < end {
                let byte = bytes[index]
                switch byte {
                case 32, 9, 13:
                    index += 1
                    while index < end, Bytes.isBlank(bytes[index]) { index += 1 }
                case Bytes.newline:
                    index += 1
                    if !hereDocuments.isEmpty {
                        index = readHereDocuments(&output, hereDocuments, index, end)
                        hereDocuments.removeAll(keepingCapacity: true)
                    }
                    commandPosition = true
                    wordsSinceLoop = Int.max
                case UInt8(ascii: "#") where isWordStart(bytes, index, range.lowerBound):
                    index = Bytes.lineComment(&output, index, end)
                case UInt8(ascii: "&") where index + 1 < end && bytes[index + 1] == UInt8(ascii: ">"):
                    index += 2  // &> redirects
                case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "`"):
                    index += 1
                    commandPosition = true
                    wordsSinceLoop = Int.max
                case UInt8(ascii: "<"), UInt8(ascii: ">"):
                    if Bytes.matches(bytes, index, end, "<<<") {
                        index += 3
                    } else if Bytes.matches(bytes, index, end, "<<"), let (document, documentEnd) = hereDocument(bytes, index + 2, end) {
                        output.mark(.meta, document.delimiter.lowerBound, document.delimiter.upperBound)
                        hereDocuments.append(document)
                        index = documentEnd
                    } else {
                        index += 1
                        while index < end, bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "&") { index += 1 }
                    }
                case UInt8(ascii: "'"):
                    index = Bytes.quoted(&output, index, end, quote: byte, multiline: true, escapes: false)
                    commandPosition = false
                case UInt8(ascii: "\""):
                    index = doubleQuoted(&output, index, end)
                    commandPosition = false
                case UInt8(ascii: "$"):
                    let next = index + 1 < end ? bytes[index + 1] : 0
                    if next == UInt8(ascii: "'") {
                        output.mark(.string, index, index + 1)  // joins the string that follows
                        index = Bytes.quoted(&output, index + 1, end, quote: next, multiline: true)
                        commandPosition = false
                    } else if next == UInt8(ascii: "(") {
                        index += 2
                        commandPosition = true
                        wordsSinceLoop = Int.max
                    } else {
                        let variableEnd = variableEnd(bytes, index, end)
                        output.mark(.variable, index, variableEnd)
                        index = variableEnd
                        commandPosition = false
                    }
                case Bytes.backslash:
                    index = index + 1 < end ? Bytes.scalarEnd(bytes, index + 1, end) : end
                default:
                    let wordEnd = wordEnd(bytes, index, end)
                    index = word(&output, index, wordEnd, commandPosition: &commandPosition, wordsSinceLoop: &wordsSinceLoop)
                }
            }
        }

        /// Marks a word (a run of bytes up to a space, operator, quote or `$`) and returns its end.
        private static func word(_ output: inout Output, _ start: Int, _ end: Int, commandPosition: inout Bool,
                                 wordsSinceLoop: inout Int) -> Int {
            let bytes = output.input
            wordsSinceLoop &+= 1
            if let equals = assignmentEquals(bytes, start, end) {
                output.mark(.variable, start, equals)
                return end
            }
            if commandPosition {
                if let style = keywords.style(bytes, start, end) {
                    output.mark(style, start, end)
                    if isWord(bytes, start, end, "for") || isWord(bytes, start, end, "case") || isWord(bytes, start, end, "select") {
                        wordsSinceLoop = 0  // a name and `in` follow
                        commandPosition = false
                    } else {
                        commandPosition = !(isWord(bytes, start, end, "fi") || isWord(bytes, start, end, "done")
                            || isWord(bytes, start, end, "esac") || isWord(bytes, start, end, "]]") || isWord(bytes, start, end, "}"))
                    }
                    return end
                }
                output.mark(.function, start, end)
                commandPosition = false
                return end
            }
            let first = bytes[start]
            if wordsSinceLoop == 2, end - start == 2, first == UInt8(ascii: "i"), bytes[start + 1] == UInt8(ascii: "n") {
                output.mark(.keyword, start, end)
            } else if first == UInt8(ascii: "-"), end - start > 1, !Bytes.isDigit(bytes[start + 1]) {
                var optionEnd = start + 1
                while optionEnd < end, bytes[optionEnd] != UInt8(ascii: "=") { optionEnd += 1 }
                output.mark(.attribute, start, optionEnd)
            } else if allDigits(bytes, start, end) {
                output.mark(.number, start, end)
            }
            return end
        }

        /// The end of a word at `index`: a backslash takes the next scalar with it.
        private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index
            while cursor < end {
                let byte = bytes[cursor]
                if byte == Bytes.backslash {
                    if cursor + 1 >= end || bytes[cursor + 1] == Bytes.newline { break }
                    cursor = Bytes.scalarEnd(bytes, cursor + 1, end)
                    continue
                }
                if isWordBreak(byte) { break }
                cursor += 1
            }
            return max(cursor, min(index + 1, end))
        }

        /// Space, operators, quotes and `$` end a word.
        @inline(__always) private static func isWordBreak(_ byte: UInt8) -> Bool {
            switch byte {
            case 32, 9, 13, 10, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "$"):
                true
            default: false
            }
        }

        /// Whether a `#` at `index` starts a comment: it begins a word.
        @inline(__always)
        private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ start: Int) -> Bool {
            guard index > start else { return true }
            let previous = bytes[index - 1]
            return Bytes.isSpace(previous) || previous == UInt8(ascii: ";") || previous == UInt8(ascii: "&")
                || previous == UInt8(ascii: "|") || previous == UInt8(ascii: "(") || previous == UInt8(ascii: ")")
        }

        /// The `=` of `NAME=` or `NAME+=` at the start of a word, if it is one.
        private static func assignmentEquals(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
            guard Bytes.isLetter(bytes[start]) || bytes[start] == 95 else { return nil }
            var cursor = start + 1
            while cursor < end, Bytes.isAlphanumeric(bytes[cursor]) || bytes[cursor] == 95 { cursor += 1 }
            if cursor < end, bytes[cursor] == UInt8(ascii: "=") { return cursor }
            if cursor + 1 < end, bytes[cursor] == UInt8(ascii: "+"), bytes[cursor + 1] == UInt8(ascii: "=") { return cursor }
            return nil
        }

        @inline(__always)
        private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
            end - start == word.utf8CodeUnitCount && Bytes.matches(bytes, start, end, word)
        }

        private static func allDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var cursor = start
            while cursor < end {
                if !Bytes.isDigit(bytes[cursor]) { return false }
                cursor += 1
            }
            return true
        }

        /// The end of a variable at `index` (a `$`): `$NAME`, `$1`, `$?`, `${...}`; just the `$` when
        /// nothing a variable can be follows.
        static func variableEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index + 1
            guard cursor < end else { return end }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "{") {
                var depth = 1
                cursor += 1
                while cursor < end, bytes[cursor] != Bytes.newline {
                    if bytes[cursor] == UInt8(ascii: "{") { depth += 1 }
                    if bytes[cursor] == UInt8(ascii: "}") {
                        depth -= 1
                        if depth == 0 { return cursor + 1 }
                    }
                    cursor += 1
                }
                return cursor
            }
            if Bytes.isLetter(byte) || byte == 95 {
                while cursor < end, Bytes.isAlphanumeric(bytes[cursor]) || bytes[cursor] == 95 { cursor += 1 }
                return cursor
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"),
                 UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "-"):
                return cursor + 1
            default:
                return index + 1
            }
        }

        /// Marks a double-quoted string at `index`, with its variables apart. Returns its end.
        private static func doubleQuoted(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            var segment = index
            var cursor = index + 1
            while cursor < end {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\"") {
                    output.mark(.string, segment, cursor + 1)
                    return cursor + 1
                }
                if byte == Bytes.backslash {
                    cursor = cursor + 1 < end ? Bytes.scalarEnd(bytes, cursor + 1, end) : end
                    continue
                }
                if byte == UInt8(ascii: "$") {
                    let variableEnd = variableEnd(bytes, cursor, end)
                    if variableEnd > cursor + 1 {
                        output.mark(.string, segment, cursor)
                        output.mark(.variable, cursor, variableEnd)
                        segment = variableEnd
                        cursor = variableEnd
                        continue
                    }
                }
                cursor += 1
            }
            output.mark(.string, segment, end)
            return end
        }

        /// Reads `-`, quotes and the delimiter word after `<<` (at `index`).
        private static func hereDocument(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (HereDocument, Int)? {
            var cursor = index
            let stripsTabs = cursor < end && bytes[cursor] == UInt8(ascii: "-")
            if stripsTabs { cursor += 1 }
            cursor = Bytes.skipBlanks(bytes, cursor, end)
            guard cursor < end else { return nil }
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
                let wordStart = cursor + 1
                var wordEnd = wordStart
                while wordEnd < end, bytes[wordEnd] != quote, bytes[wordEnd] != Bytes.newline { wordEnd += 1 }
                guard wordEnd < end, bytes[wordEnd] == quote, wordEnd > wordStart else { return nil }
                return (HereDocument(delimiter: wordStart..<wordEnd, stripsTabs: stripsTabs), wordEnd + 1)
            }
            var wordEnd = cursor
            while wordEnd < end, Bytes.isAlphanumeric(bytes[wordEnd]) || bytes[wordEnd] == 95 || bytes[wordEnd] == UInt8(ascii: "-") {
                wordEnd += 1
            }
            guard wordEnd > cursor else { return nil }
            return (HereDocument(delimiter: cursor..<wordEnd, stripsTabs: stripsTabs), wordEnd)
        }

        /// Marks the bodies of here-documents starting at the line at `index`; returns where the
        /// line after the last one's delimiter starts (or `end`, for one never closed).
        private static func readHereDocuments(_ output: inout Output, _ documents: [HereDocument], _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            var cursor = index
            for document in documents {
                let bodyStart = cursor
                var closed = false
                while cursor < end {
                    let lineEnd = Bytes.lineEnd(bytes, cursor, end)
                    var contentStart = cursor
                    if document.stripsTabs { while contentStart < lineEnd, bytes[contentStart] == 9 { contentStart += 1 } }
                    var contentEnd = lineEnd
                    if contentEnd > contentStart, bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
                    if contentEnd - contentStart == document.delimiter.count,
                       equalBytes(bytes, contentStart, document.delimiter.lowerBound, document.delimiter.count) {
                        output.mark(.string, bodyStart, cursor)
                        output.mark(.meta, contentStart, contentEnd)
                        cursor = min(lineEnd + 1, end)
                        closed = true
                        break
                    }
                    cursor = min(lineEnd + 1, end)
                }
                if !closed {
                    output.mark(.string, bodyStart, end)
                    return end
                }
            }
            return cursor
        }

        private static func equalBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ count: Int) -> Bool {
            for offset in 0..<count where bytes[a + offset] != bytes[b + offset] { return false }
            return true
        }
    }
}
