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

        private static let byName: [String: Language] = {
            var table: [String: Language] = [:]
            for language in allCases { for name in language.names { table[name] = language } }
            return table
        }()

        /// The language a fence's info word names: case-insensitive, and anything from the first comma
        /// on is dropped (`rust,ignore`, `rust,no_run`). Nil when unknown.
        init?(fenceName: String) {
            let word = fenceName.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard word.utf8.count <= 32, let language = Self.byName[word.lowercased()] else { return nil }
            self = language
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
