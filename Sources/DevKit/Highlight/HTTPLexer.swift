extension Highlighter {
    /// An HTTP message: the request line (method, target, version) or status line (version, code,
    /// reason), header names and values, then the body after the first empty line, highlighted as
    /// JSON or HTML when its `Content-Type` says so or it starts like one.
    enum HTTPLexer {
        private enum Body { case plain, json, markup }

        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var body = Body.plain
            var firstLine = true
            while index < end {
                let lineEnd = Bytes.lineEnd(bytes, index, end)
                var contentEnd = lineEnd
                if contentEnd > index, bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
                if contentEnd == index, !firstLine {
                    lexBody(&output, min(lineEnd + 1, end)..<end, body)
                    return
                }
                if firstLine, startLine(&output, index, contentEnd) {
                    // marked
                } else if let colon = headerColon(bytes, index, contentEnd) {
                    output.mark(.property, index, colon)
                    if Bytes.matchesIgnoringCase(bytes, index, colon, "content-type"), colon - index == 12 {
                        if contains(bytes, colon, contentEnd, "json") { body = .json }
                        if contains(bytes, colon, contentEnd, "html") || contains(bytes, colon, contentEnd, "xml") { body = .markup }
                    }
                }
                firstLine = false
                index = lineEnd + 1
            }
        }

        /// Marks `GET /path HTTP/1.1` or `HTTP/1.1 200 OK`; false when the line is neither.
        private static func startLine(_ output: inout Output, _ index: Int, _ end: Int) -> Bool {
            let bytes = output.input
            if Bytes.matches(bytes, index, end, "HTTP/") {
                let versionEnd = wordEnd(bytes, index, end)
                output.mark(.meta, index, versionEnd)
                let codeStart = Bytes.skipBlanks(bytes, versionEnd, end)
                var codeEnd = codeStart
                while codeEnd < end, Bytes.isDigit(bytes[codeEnd]) { codeEnd += 1 }
                output.mark(.number, codeStart, codeEnd)
                return true
            }
            var methodEnd = index
            while methodEnd < end, Bytes.isUpper(bytes[methodEnd]) || bytes[methodEnd] == UInt8(ascii: "-") { methodEnd += 1 }
            guard methodEnd > index, methodEnd < end, bytes[methodEnd] == 32 else { return false }
            output.mark(.keyword, index, methodEnd)
            let targetStart = Bytes.skipBlanks(bytes, methodEnd, end)
            let targetEnd = wordEnd(bytes, targetStart, end)
            output.mark(.string, targetStart, targetEnd)
            let versionStart = Bytes.skipBlanks(bytes, targetEnd, end)
            if Bytes.matches(bytes, versionStart, end, "HTTP/") { output.mark(.meta, versionStart, wordEnd(bytes, versionStart, end)) }
            return true
        }

        private static func lexBody(_ output: inout Output, _ range: Range<Int>, _ declared: Body) {
            let bytes = output.input
            var first = range.lowerBound
            while first < range.upperBound, Bytes.isSpace(bytes[first]) { first += 1 }
            guard first < range.upperBound else { return }
            let start = bytes[first]
            if declared == .json || (declared == .plain && (start == UInt8(ascii: "{") || start == UInt8(ascii: "["))) {
                JSONLexer.lex(&output, range)
            } else if declared == .markup || start == UInt8(ascii: "<") {
                MarkupLexer.lex(&output, range, embedsScriptsAndStyles: true)
            }
        }

        /// The `:` of a `Name: value` header line, if the line is one.
        private static func headerColon(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            var cursor = index
            while cursor < end, Bytes.isAlphanumeric(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == 95 { cursor += 1 }
            return cursor > index && cursor < end && bytes[cursor] == UInt8(ascii: ":") ? cursor : nil
        }

        private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index
            while cursor < end, !Bytes.isSpace(bytes[cursor]) { cursor += 1 }
            return cursor
        }

        private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ text: StaticString) -> Bool {
            var cursor = start
            while cursor < end {
                if Bytes.matchesIgnoringCase(bytes, cursor, end, text) { return true }
                cursor += 1
            }
            return false
        }
    }
}
