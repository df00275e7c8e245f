import Foundation
import Testing
@testable import DevKit

/// An input scripts/fuzz found (snippets target): `shellQuoted` replaced `'` with Foundation's search,
/// which skips a `'` followed by a combining mark (the two are one Character), so the quote ended the
/// word early and the rest of the value ran as shell code in the pasted curl command.
@Suite struct ShellQuotingFuzzFindingsTests {
    static let inputs = ["line se'\u{7A9}ara", "it'\u{301}s; echo pwned; '", "'\u{301}", "plain 'quotes'"]

    @Test(arguments: inputs)
    func everyQuoteIsEscaped(text: String) {
        let word = JavaScriptText.shellQuoted(text)
        let expected = "'" + text.unicodeScalars.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
        #expect(word.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    /// A POSIX shell reads the word back as exactly the text.
    @Test(arguments: inputs)
    func theShellReadsTheTextBack(text: String) throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf %s " + JavaScriptText.shellQuoted(text)]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(Array(data) == Array(text.utf8))
    }
}
