extension Highlighter {
    /// Writes escaped HTML for one piece of code while the lexers mark tokens on it.
    ///
    /// Lexers call `mark(_:_:_:)` with byte ranges in increasing order; the bytes between marks are
    /// written as plain escaped text. The writer keeps every promise of the output: a range is moved
    /// to whole UTF-8 scalars, a range that overlaps one already written is cut, adjacent marks of one
    /// style become one span, and a span is closed before each line break and opened again after it.
    ///
    /// Tags and entities are written as whole 8-byte words (the buffer always has room for one more
    /// word), which is most of what makes highlighting cost about as much as plain escaping.
    struct Output: ~Copyable {
        let input: UnsafeBufferPointer<UInt8>
        /// The HTML so far: `count` bytes written of `capacity`.
        private var html: UnsafeMutablePointer<UInt8>
        private var count = 0
        private var capacity: Int
        /// Input up to here is in `html`.
        private var written = 0
        /// A marked range not yet written, so the next mark can extend it.
        private var pendingStyle: Style?
        private var pendingStart = 0
        private var pendingEnd = 0

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            capacity = input.count * 4 + 256  // highlighted code is two to four times its size; unused pages cost nothing
            html = .allocate(capacity: capacity)
        }

        deinit { html.deallocate() }

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
        consuming func finish() -> String {
            flushPending()
            writePlain(to: input.count)
            let bytes = UnsafeBufferPointer(start: html, count: count)
            // String validates UTF-8 fast only when a whole buffer is ASCII: one é in a megabyte makes it
            // 25 times slower. Pieces of 4 KB keep the fast path for all but the pieces with non-ASCII.
            guard count > 2 * Self.validationPiece else { return String(decoding: bytes, as: UTF8.self) }
            var result = ""
            result.reserveCapacity(count)
            var start = 0
            while start < count {
                var end = min(start + Self.validationPiece, count)
                while end < count, Bytes.isContinuation(html[end]) { end += 1 }
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                start = end
            }
            return result
        }

        private static var validationPiece: Int { 4096 }

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
                guard Bytes.needsEscapeOrIsNewline(byte) else {
                    index += 1
                    continue
                }
                if byte == Bytes.newline {
                    if runStart < index {
                        if !open { appendOpenTag(style) }
                        appendInput(runStart, index)
                        open = true
                    }
                    if open { appendWord(Words.closeTag, 7); open = false }
                    appendWord(UInt64(Bytes.newline), 1)
                } else {
                    if !open { appendOpenTag(style); open = true }
                    appendInput(runStart, index)
                    appendEntity(byte)
                }
                runStart = index + 1
                index += 1
            }
            if runStart < end {
                if !open { appendOpenTag(style); open = true }
                appendInput(runStart, end)
            }
            if open { appendWord(Words.closeTag, 7) }
            written = end
        }

        // MARK: Writing bytes

        /// Up to eight bytes of ASCII as one little-endian word, as the constants below are written.
        static func word(_ text: String) -> UInt64 {
            var word: UInt64 = 0
            for (index, byte) in text.utf8.prefix(8).enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
            return word
        }

        /// Tags and entities as words (literals, so the hot loops read no lazily made globals);
        /// `HighlighterLanguageTests` checks each against its text.
        enum Words {
            static var openPrefix: (UInt64, UInt64) { (0x6C63_206E_6170_733C, 0x2D6C_6822_3D73_7361) }  // <span cl, ass="hl-
            static var closeTag: UInt64 { 0x003E_6E61_7073_2F3C }  // </span>
            static var amp: UInt64 { 0x0000_003B_706D_6126 }  // &amp;
            static var lt: UInt64 { 0x0000_0000_3B74_6C26 }  // &lt;
            static var gt: UInt64 { 0x0000_0000_3B74_6726 }  // &gt;
            static var quot: UInt64 { 0x0000_3B74_6F75_7126 }  // &quot;
            static var apos: UInt64 { 0x0000_003B_3933_2326 }  // &#39;
        }

        @inline(__always)
        private mutating func appendEntity(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "&"): appendWord(Words.amp, 5)
            case UInt8(ascii: "<"): appendWord(Words.lt, 4)
            case UInt8(ascii: ">"): appendWord(Words.gt, 4)
            case UInt8(ascii: "\""): appendWord(Words.quot, 6)
            default: appendWord(Words.apos, 5)
            }
        }

        @inline(__always)
        private mutating func appendOpenTag(_ style: Style) {
            reserve(24)
            let tail = style.openTagTail
            let target = UnsafeMutableRawPointer(html + count)
            target.storeBytes(of: Words.openPrefix.0, as: UInt64.self)
            target.storeBytes(of: Words.openPrefix.1, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: tail.word, toByteOffset: 16, as: UInt64.self)
            count += 16 + tail.count
        }

        /// Writes the first `length` bytes of `word` with one 8-byte store (what lies past them is
        /// overwritten by the next write, or left past `count`).
        @inline(__always)
        private mutating func appendWord(_ word: UInt64, _ length: Int) {
            reserve(8)
            UnsafeMutableRawPointer(html + count).storeBytes(of: word, as: UInt64.self)
            count += length
        }

        @inline(__always)
        private mutating func appendInput(_ start: Int, _ end: Int) {
            guard start < end, let base = input.baseAddress else { return }
            let length = end - start
            reserve(length + 16)
            if length <= 16, start + 16 <= input.count {
                // Most runs are short: two 8-byte copies beat a call to memmove (the extra bytes land
                // past `count` and are overwritten).
                let source = UnsafeRawPointer(base + start)
                let target = UnsafeMutableRawPointer(html + count)
                target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            } else {
                (html + count).update(from: base + start, count: length)
            }
            count += length
        }

        @inline(__always)
        private mutating func reserve(_ extra: Int) {
            if count + extra > capacity { grow(count + extra) }
        }

        private mutating func grow(_ needed: Int) {
            let newCapacity = max(needed, capacity * 2)
            let newHTML = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newHTML.update(from: html, count: count)
            html.deallocate()
            html = newHTML
            capacity = newCapacity
        }
    }
}
