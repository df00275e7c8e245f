extension Highlighter {
    /// The token classes every language shares; each is one CSS class in `site/assets/highlight.css`.
    enum Style: UInt8, CaseIterable, Sendable {
        case keyword, string, escape, number, comment, function, type, literal, attribute, tag, property,
             variable, meta, prompt, output, inserted, deleted, hunk

        /// The CSS class, e.g. `hl-kw`.
        var className: String {
            let tag = openTag.description
            return String(tag.dropFirst(13).dropLast(2))
        }

        /// The opening tag, written straight from static storage.
        var openTag: StaticString {
            switch self {
            case .keyword: "<span class=\"hl-kw\">"
            case .string: "<span class=\"hl-str\">"
            case .escape: "<span class=\"hl-esc\">"
            case .number: "<span class=\"hl-num\">"
            case .comment: "<span class=\"hl-com\">"
            case .function: "<span class=\"hl-fn\">"
            case .type: "<span class=\"hl-ty\">"
            case .literal: "<span class=\"hl-lit\">"
            case .attribute: "<span class=\"hl-attr\">"
            case .tag: "<span class=\"hl-tag\">"
            case .property: "<span class=\"hl-prop\">"
            case .variable: "<span class=\"hl-var\">"
            case .meta: "<span class=\"hl-meta\">"
            case .prompt: "<span class=\"hl-prompt\">"
            case .output: "<span class=\"hl-out\">"
            case .inserted: "<span class=\"hl-ins\">"
            case .deleted: "<span class=\"hl-del\">"
            case .hunk: "<span class=\"hl-hunk\">"
            }
        }
    }
}
