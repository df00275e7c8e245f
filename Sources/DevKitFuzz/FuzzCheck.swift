import Foundation

/// Stops the process when an invariant a fuzzer checks does not hold, so libFuzzer saves the input as a
/// crash; the message says which invariant and shows the value that broke it.
func fuzzExpect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if condition { return }
    writeError("devkit-fuzz: invariant broken at \(file):\(line): \(message())")
    abort()
}

/// Writes one line to standard error.
func writeError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The number of lines of `text` as CommonMark counts them: "\n", "\r\n" and a lone "\r" end a line.
func markdownLineCount(_ text: String) -> Int {
    var count = 1
    var afterCR = false
    for byte in text.utf8 {
        if byte == 0x0D || (byte == 0x0A && !afterCR) { count += 1 }
        afterCR = byte == 0x0D
    }
    return count
}
