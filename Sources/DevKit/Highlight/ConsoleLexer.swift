extension Highlighter {
    /// A terminal session: a line starting with `$ ` or `# ` is a prompt and a command (highlighted as
    /// shell); `> ` after a command line is a continuation prompt, and a line after one ending in `\`
    /// continues the command without a prompt; every other line is output.
    enum ConsoleLexer {
        static func lex(_ output: inout Output, _ range: Range<Int>) {
            let bytes = output.input
            let end = range.upperBound
            var index = range.lowerBound
            var afterCommand = false
            while index < end {
                let lineEnd = Bytes.lineEnd(bytes, index, end)
                let promptEnd = promptEnd(bytes, index, lineEnd, afterCommand: afterCommand)
                guard let promptEnd else {
                    output.mark(.output, index, lineEnd)
                    afterCommand = false
                    index = lineEnd + 1
                    continue
                }
                output.mark(.prompt, index, promptEnd)
                // The command runs on over lines that end in a backslash.
                var commandEnd = lineEnd
                while commandEnd < end, commandEnd > promptEnd, bytes[commandEnd - 1] == Bytes.backslash
                        || (commandEnd - 1 > promptEnd && bytes[commandEnd - 1] == 13 && bytes[commandEnd - 2] == Bytes.backslash) {
                    commandEnd = Bytes.lineEnd(bytes, commandEnd + 1, end)
                }
                ShellLexer.lex(&output, promptEnd..<commandEnd)
                afterCommand = true
                index = commandEnd + 1
            }
        }

        /// The end of the prompt that starts the line at `index`, or nil for an output line.
        private static func promptEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ lineEnd: Int, afterCommand: Bool) -> Int? {
            guard index < lineEnd else { return nil }
            let first = bytes[index]
            guard first == UInt8(ascii: "$") || first == UInt8(ascii: "#") || (first == UInt8(ascii: ">") && afterCommand) else {
                return nil
            }
            if index + 1 == lineEnd { return first == UInt8(ascii: "$") ? lineEnd : nil }
            return bytes[index + 1] == 32 ? index + 2 : nil
        }
    }
}
