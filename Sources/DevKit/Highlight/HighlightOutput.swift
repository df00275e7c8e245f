extension Highlighter {
    /// Writes escaped HTML for one piece of code while the lexers mark tokens on it.
    ///
    /// Lexers call `mark(_:_:_:)` with byte ranges in increasing order; the bytes between marks are
    /// written as plain escaped text. The writer keeps every promise of the output: a range is moved
    /// to whole UTF-8 scalars, a range that overlaps one already written is cut, adjacent marks of one
    /// style become one span, and a span is closed before each line break and opened again after it.
    struct Output {
        let input: UnsafeBufferPointer<UInt8>
        private var html: [UInt8] = []
        /// Input up to here is in `html`.
        private var written = 0
        /// A marked range not yet written, so the next mark can extend it.
        private var pendingStyle: Style?
        private var pendingStart = 0
        private var pendingEnd = 0

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            html.reserveCapacity(input.count + input.count / 2 + 64)
        }

        /// Marks `start..<end` as one token of `style`.
        @inline(__always)
        mutating func mark(_ style: Style, _ start: Int, _ end: Int) {
            var start = max(start, pendingStyle == nil ? written : pendingEnd)
            var end = min(end, input.count)
            guard start < end else { return }
            while start < input.count, Bytes.isContinuation(input[start]) { start += 1 }
            while end < input.count, Bytes.isContinuation(input[end]) { end += 1 }
            guard start < end else { return }
            if style == pendingStyle, start == pendingEnd {
                pendingEnd = end
                return
            }
            flushPending()
            pendingStyle = style
            pendingStart = start
            pendingEnd = end
        }

        /// Everything written: the HTML for the whole input.
        mutating func finish() -> String {
            flushPending()
            writePlain(to: input.count)
            return String(decoding: html, as: UTF8.self)
        }

        private mutating func flushPending() {
            guard let style = pendingStyle else { return }
            pendingStyle = nil
            writePlain(to: pendingStart)
            writeSpan(style, to: pendingEnd)
        }

        private mutating func writePlain(to end: Int) {
            var runStart = written
            var index = written
            while index < end {
                let byte = input[index]
                if Bytes.needsEscape(byte) {
                    appendInput(runStart, index)
                    appendEntity(byte)
                    runStart = index + 1
                }
                index += 1
            }
            appendInput(runStart, end)
            written = max(written, end)
        }

        private mutating func writeSpan(_ style: Style, to end: Int) {
            var runStart = written
            var index = written
            var open = false
            while index < end {
                let byte = input[index]
                if byte == 10 {
                    if runStart < index {
                        if !open { append(style.openTag) }
                        appendInput(runStart, index)
                        open = true
                    }
                    if open { append("</span>"); open = false }
                    html.append(10)
                    runStart = index + 1
                } else if Bytes.needsEscape(byte) {
                    if !open { append(style.openTag); open = true }
                    appendInput(runStart, index)
                    appendEntity(byte)
                    runStart = index + 1
                }
                index += 1
            }
            if runStart < end {
                if !open { append(style.openTag); open = true }
                appendInput(runStart, end)
            }
            if open { append("</span>") }
            written = end
        }

        @inline(__always)
        private mutating func appendInput(_ start: Int, _ end: Int) {
            guard start < end else { return }
            html.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
        }

        @inline(__always)
        private mutating func append(_ text: StaticString) {
            html.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        /// The same entities as `HTML.escapeText`.
        private mutating func appendEntity(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            default: append("&#39;")
            }
        }
    }
}
