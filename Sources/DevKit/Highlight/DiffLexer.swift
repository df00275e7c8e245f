extension Highlighter {
    /// Unified diffs (and plain `+`/`-` lists): file headers and `\ No newline` as meta, hunk headers,
    /// inserted and deleted lines. Inside a hunk the line counts from its header decide what a line
    /// is, so a deleted line reading `-- x` is not taken for a file header.
    enum DiffLexer {
        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            /// Lines still due in the current hunk, from its header (old side, new side).
            var oldLeft = 0
            var newLeft = 0
            while index < end {
                let lineEnd = Bytes.lineEnd(bytes, index, end)
                let first = bytes[index]
                let inHunk = oldLeft > 0 || newLeft > 0
                var style: Style?
                if index == lineEnd {
                    style = nil
                } else if Bytes.matches(bytes, index, lineEnd, "@@") {
                    style = .hunk
                    (oldLeft, newLeft) = hunkCounts(bytes, index, lineEnd)
                } else if inHunk, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == 32 || first == Bytes.backslash {
                    switch first {
                    case UInt8(ascii: "+"): style = .inserted; newLeft -= 1
                    case UInt8(ascii: "-"): style = .deleted; oldLeft -= 1
                    case 32: oldLeft -= 1; newLeft -= 1
                    default: style = .meta
                    }
                } else if Bytes.matches(bytes, index, lineEnd, "+++") || Bytes.matches(bytes, index, lineEnd, "---")
                            || Bytes.matches(bytes, index, lineEnd, "diff ") || Bytes.matches(bytes, index, lineEnd, "index ")
                            || Bytes.matches(bytes, index, lineEnd, "***") || first == Bytes.backslash {
                    style = .meta
                    oldLeft = 0
                    newLeft = 0
                } else if first == UInt8(ascii: "+") || first == UInt8(ascii: ">") {
                    style = .inserted
                } else if first == UInt8(ascii: "-") || first == UInt8(ascii: "<") {
                    style = .deleted
                }
                if let style { output.mark(style, index, lineEnd) }
                index = lineEnd + 1
            }
        }

        /// The line counts in `@@ -a,b +c,d @@` (a missing count is 1). When the header cannot be read,
        /// the hunk lasts until the next header.
        private static func hunkCounts(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (Int, Int) {
            var cursor = index + 2
            func count(after sign: UInt8) -> Int? {
                cursor = Bytes.skipBlanks(bytes, cursor, end)
                guard cursor < end, bytes[cursor] == sign else { return nil }
                cursor += 1
                guard number() != nil else { return nil }
                guard cursor < end, bytes[cursor] == UInt8(ascii: ",") else { return 1 }
                cursor += 1
                return number()
            }
            func number() -> Int? {
                let start = cursor
                var value = 0
                while cursor < end, Bytes.isDigit(bytes[cursor]), cursor - start < 9 {
                    value = value * 10 + Int(bytes[cursor] - 48)
                    cursor += 1
                }
                return cursor > start ? value : nil
            }
            guard let old = count(after: UInt8(ascii: "-")), let new = count(after: UInt8(ascii: "+")) else {
                return (Int.max / 2, Int.max / 2)
            }
            return (old, new)
        }
    }
}
