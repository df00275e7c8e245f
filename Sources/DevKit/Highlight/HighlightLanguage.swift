extension Highlighter {
    /// The languages the highlighter knows, by canonical name, with the fence names that mean each.
    enum Language: String, CaseIterable, Sendable {
        case javascript, typescript, json, html, xml, css, shell, console, swift, rust, yaml, toml, http, diff

        /// Every fence name (lowercase) that means this language, the canonical name first.
        var names: [String] {
            switch self {
            case .javascript: ["javascript", "js", "mjs", "cjs", "jsx"]
            case .typescript: ["typescript", "ts", "tsx", "mts", "cts"]
            case .json: ["json", "jsonc", "json5"]
            case .html: ["html", "htm", "xhtml"]
            case .xml: ["xml", "svg"]
            case .css: ["css"]
            case .shell: ["shell", "sh", "bash", "zsh"]
            case .console: ["console", "shell-session", "terminal", "sh-session", "shellsession"]
            case .swift: ["swift"]
            case .rust: ["rust", "rs"]
            case .yaml: ["yaml", "yml"]
            case .toml: ["toml"]
            case .http: ["http"]
            case .diff: ["diff", "patch", "udiff"]
            }
        }

        /// Every name, packed as `packedName` packs it, with its language.
        private static let packedNames: [(UInt64, UInt64, Language)] = allCases.flatMap { language in
            language.names.map { name in
                var name = name
                let (low, high) = name.withUTF8 { packedName($0) } ?? (0, 0)
                return (low, high, language)
            }
        }

        /// The language a fence's info word names: case-insensitive, and anything from the first comma
        /// on is dropped (`rust,ignore`, `rust,no_run`). Nil when unknown.
        init?(fenceName: String) {
            var fenceName = fenceName
            guard let (low, high) = fenceName.withUTF8({ Self.packedName($0) }),
                  let entry = Self.packedNames.first(where: { $0.0 == low && $0.1 == high }) else { return nil }
            self = entry.2
        }

        /// The bytes of a name up to its first comma, lowercased, in two integers; nil when longer than
        /// 16 bytes or empty (no language has such a name).
        private static func packedName(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var count = 0
            for byte in bytes {
                if byte == UInt8(ascii: ",") { break }
                guard count < 16, byte != 0 else { return nil }
                let lower = UInt64(Bytes.isUpper(byte) ? byte | 0x20 : byte)
                if count < 8 { low |= lower << (8 * UInt64(count)) } else { high |= lower << (8 * UInt64(count - 8)) }
                count += 1
            }
            return count == 0 ? nil : (low, high)
        }

        /// Marks the tokens of `range` in this language.
        func lex(_ output: inout Output, _ range: Range<Int>) {
            switch self {
            case .javascript: JavaScriptLexer.lex(&output, range, typescript: false)
            case .typescript: JavaScriptLexer.lex(&output, range, typescript: true)
            case .json: JSONLexer.lex(&output, range)
            case .html: MarkupLexer.lex(&output, range, embedsScriptsAndStyles: true)
            case .xml: MarkupLexer.lex(&output, range, embedsScriptsAndStyles: false)
            case .css: CSSLexer.lex(&output, range)
            case .shell: ShellLexer.lex(&output, range)
            case .console: ConsoleLexer.lex(&output, range)
            case .swift: SwiftLexer.lex(&output, range)
            case .rust: RustLexer.lex(&output, range)
            case .yaml: YAMLLexer.lex(&output, range)
            case .toml: TOMLLexer.lex(&output, range)
            case .http: HTTPLexer.lex(&output, range)
            case .diff: DiffLexer.lex(&output, range)
            }
        }
    }
}
