#if DEBUG || DEVKIT_FUZZING
@testable import DevKit

/// Escapes the input the ways the snippets do: a JavaScript literal inside a `<script>` and a statement,
/// JSON, visible JSON and a shell word. Each holds exactly the input (decoded back) and cannot end early.
enum SnippetFuzz {
    static func run(_ text: String) {
        let statement = Snippets.remove(text)
        let prefix = "localStorage.removeItem(", suffix = ");"
        fuzzExpect(statement.hasPrefix(prefix) && statement.hasSuffix(suffix), "statement shape: \(statement.debugDescription)")
        let literal = String(statement.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count))!
        fuzzExpect(literal == JavaScriptText.literal(text), "the statement does not hold the literal")
        checkLiteral(literal, of: text, inScript: true, showsSeparators: true)
        // Plain JSON is JSON.stringify's: U+2028 and U+2029 stay raw, as JSON (and ES2019 literals) allow.
        checkLiteral(JavaScriptText.json(text), of: text, inScript: false, showsSeparators: false)
        checkLiteral(JavaScriptText.visibleJSON(text), of: text, inScript: false, showsSeparators: true)
        checkShellWord(JavaScriptText.shellQuoted(text), of: text)
    }

    /// One double-quoted literal: every quote, backslash and line break inside is escaped, and a JSON
    /// parser reads back exactly `text`. In a script it has no `<` or `>` either, so no `</script`; when
    /// `showsSeparators`, U+2028 and U+2029 are escaped too (a pre-ES2019 parser ends a literal there).
    private static func checkLiteral(_ literal: String, of text: String, inScript: Bool, showsSeparators: Bool) {
        let scalars = Array(literal.unicodeScalars)
        fuzzExpect(scalars.count >= 2 && scalars.first == "\"" && scalars.last == "\"", "not quoted: \(literal.debugDescription)")
        var index = 1
        while index < scalars.count - 1 {
            let scalar = scalars[index]
            if scalar == "\\" {
                fuzzExpect(index + 1 < scalars.count - 1 && "\"\\/bfnrtu".unicodeScalars.contains(scalars[index + 1]),
                           "bad escape in \(literal.debugDescription)")
                index += 2
                continue
            }
            fuzzExpect(scalar != "\"" && scalar.value >= 0x20 && (!showsSeparators || (scalar != "\u{2028}" && scalar != "\u{2029}")),
                       "raw U+\(String(scalar.value, radix: 16)) in \(literal.debugDescription)")
            fuzzExpect(!inScript || (scalar != "<" && scalar != ">"), "raw angle bracket in \(literal.debugDescription)")
            index += 1
        }
        let decoded = JSONStringReader.read(literal)
        fuzzExpect(decoded.map { $0.unicodeScalars.elementsEqual(text.unicodeScalars) } ?? false,
                   "\(literal.debugDescription) reads back as \(decoded.debugDescription)")
    }

    /// A single-quoted shell word: read as a POSIX shell does (quoted runs, `\'` between them, nothing
    /// else outside quotes), it is one word that gives `text` back.
    private static func checkShellWord(_ word: String, of text: String) {
        let quote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        var read: [UInt8] = []
        var quoted = false
        var bytes = word.utf8.makeIterator()
        while let byte = bytes.next() {
            if quoted {
                if byte == quote { quoted = false } else { read.append(byte) }
            } else if byte == quote {
                quoted = true
            } else {
                fuzzExpect(byte == backslash && bytes.next() == quote, "\(word.debugDescription) has text outside quotes")
                read.append(quote)
            }
        }
        fuzzExpect(!quoted && word.utf8.first == quote && read.elementsEqual(text.utf8), "\(word.debugDescription) is not \(text.debugDescription)")
    }
}
#endif
