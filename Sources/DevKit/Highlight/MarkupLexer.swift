extension Highlighter {
    /// HTML and XML: tags and their brackets, attribute names and values, comments, doctypes and
    /// processing instructions, CDATA, and character references. In HTML the inside of `<script>` is
    /// highlighted as JavaScript (or JSON for a JSON `type`) and the inside of `<style>` as CSS.
    enum MarkupLexer {
        private enum Embedded { case none, script, json, style }

        static func lex(_ output: inout Output, _ range: Range<Int>, embedsScriptsAndStyles: Bool) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "&") {
                    index = reference(&output, index, end)
                    continue
                }
                guard byte == UInt8(ascii: "<"), index + 1 < end else {
                    index += 1
                    while index < end, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
                    continue
                }
                if Bytes.matches(bytes, index, end, "<!--") {
                    let close = find(bytes, index + 4, end, "-->")
                    output.mark(.comment, index, close)
                    index = close
                } else if Bytes.matches(bytes, index, end, "<![CDATA[") {
                    output.mark(.meta, index, index + 9)
                    let close = find(bytes, index + 9, end, "]]>")
                    if close - 3 >= index + 9, Bytes.matches(bytes, close - 3, end, "]]>") { output.mark(.meta, close - 3, close) }
                    index = close
                } else if bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                    let close = find(bytes, index + 2, end, ">")
                    output.mark(.meta, index, close)
                    index = close
                } else {
                    let (tagEnd, embedded) = tag(&output, index, end, embedsScriptsAndStyles: embedsScriptsAndStyles)
                    index = tagEnd
                    guard embedded != .none else { continue }
                    let contentEnd = closingTag(bytes, index, end, embedded == .style ? "</style" : "</script")
                    switch embedded {
                    case .script: JavaScriptLexer.lex(&output, index..<contentEnd, typescript: false)
                    case .json: JSONLexer.lex(&output, index..<contentEnd)
                    case .style: CSSLexer.lex(&output, index..<contentEnd)
                    case .none: break
                    }
                    index = contentEnd
                }
            }
        }

        /// A start or end tag at `index` (a `<`). Returns where it ends and what its content is.
        private static func tag(_ output: inout Output, _ index: Int, _ end: Int, embedsScriptsAndStyles: Bool) -> (Int, Embedded) {
            let bytes = output.input
            var cursor = index + 1
            let closing = bytes[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            let nameStart = cursor
            while cursor < end, isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, Bytes.isLetter(bytes[nameStart]) || bytes[nameStart] >= 0x80 || bytes[nameStart] == 95 else {
                return (index + 1, .none)
            }
            output.mark(.tag, index, cursor)
            var embedded = Embedded.none
            if embedsScriptsAndStyles, !closing {
                if cursor - nameStart == 6, Bytes.matchesIgnoringCase(bytes, nameStart, end, "script") { embedded = .script }
                if cursor - nameStart == 5, Bytes.matchesIgnoringCase(bytes, nameStart, end, "style") { embedded = .style }
            }
            while cursor < end {
                let byte = bytes[cursor]
                if Bytes.isSpace(byte) {
                    cursor += 1
                } else if byte == UInt8(ascii: ">") {
                    output.mark(.tag, cursor, cursor + 1)
                    return (cursor + 1, embedded)
                } else if byte == UInt8(ascii: "/"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: ">") {
                    output.mark(.tag, cursor, cursor + 2)
                    return (cursor + 2, .none)
                } else if byte == UInt8(ascii: "<") {
                    return (cursor, .none)  // broken markup: the next tag starts here
                } else {
                    let attributeStart = cursor
                    while cursor < end, isAttributeNameByte(bytes[cursor]) { cursor += 1 }
                    if cursor == attributeStart { cursor = Bytes.scalarEnd(bytes, cursor, end); continue }
                    output.mark(.attribute, attributeStart, cursor)
                    let isType = cursor - attributeStart == 4 && Bytes.matchesIgnoringCase(bytes, attributeStart, end, "type")
                    var probe = cursor
                    while probe < end, Bytes.isSpace(bytes[probe]) { probe += 1 }
                    guard probe < end, bytes[probe] == UInt8(ascii: "=") else { continue }
                    probe += 1
                    while probe < end, Bytes.isSpace(bytes[probe]) { probe += 1 }
                    guard probe < end else { return (end, .none) }
                    let valueStart = probe
                    let quote = bytes[probe]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        probe += 1
                        while probe < end, bytes[probe] != quote { probe += 1 }
                        probe = min(probe + 1, end)
                    } else {
                        while probe < end, !Bytes.isSpace(bytes[probe]), bytes[probe] != UInt8(ascii: ">") { probe += 1 }
                    }
                    output.mark(.string, valueStart, probe)
                    if isType, embedded == .script { embedded = scriptKind(bytes, valueStart, probe) }
                    cursor = probe
                }
            }
            return (end, .none)
        }

        /// What a `<script type="...">` holds: JavaScript for no type, a JavaScript type or `module`,
        /// JSON for a JSON type, else nothing to highlight.
        private static func scriptKind(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Embedded {
            var cursor = start
            var sawJSON = false
            var sawScript = false
            while cursor < end {
                if Bytes.matchesIgnoringCase(bytes, cursor, end, "json") { sawJSON = true }
                if Bytes.matchesIgnoringCase(bytes, cursor, end, "javascript") || Bytes.matchesIgnoringCase(bytes, cursor, end, "module")
                    || Bytes.matchesIgnoringCase(bytes, cursor, end, "ecmascript") {
                    sawScript = true
                }
                cursor += 1
            }
            return sawJSON ? .json : sawScript ? .script : .none
        }

        /// A character reference at `index` (`&amp;`, `&#x27;`), marked as an escape when well formed.
        private static func reference(_ output: inout Output, _ index: Int, _ end: Int) -> Int {
            let bytes = output.input
            var cursor = index + 1
            if cursor < end, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
            let nameStart = cursor
            while cursor < end, cursor - nameStart < 32, Bytes.isAlphanumeric(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return index + 1 }
            output.mark(.escape, index, cursor + 1)
            return cursor + 1
        }

        /// The index after the first `text` at or after `index`, or `end`.
        private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ text: StaticString) -> Int {
            let first = text.utf8Start[0]
            var cursor = index
            while cursor < end {
                if bytes[cursor] == first, Bytes.matches(bytes, cursor, end, text) { return cursor + text.utf8CodeUnitCount }
                cursor += 1
            }
            return end
        }

        /// Where the element's content ends: the start of its closing tag (any case), or `end`.
        private static func closingTag(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, _ text: StaticString) -> Int {
            var cursor = index
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "<"), Bytes.matchesIgnoringCase(bytes, cursor, end, text) { return cursor }
                cursor += 1
            }
            return end
        }

        @inline(__always) private static func isNameByte(_ byte: UInt8) -> Bool {
            Bytes.isIdentifier(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }

        @inline(__always) private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
            !Bytes.isSpace(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/")
                && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
    }
}
