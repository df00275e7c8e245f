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

        /// What the opening tag has after `<span class="hl-`: the name and `">`, as one little-endian
        /// word (a literal, for the writer's hot loop) and its length in bytes.
        var openTagTail: (word: UInt64, count: Int) {
            switch self {
            case .keyword: (0x0000_0000_3E22_776B, 4)  // kw">
            case .string: (0x0000_003E_2272_7473, 5)  // str">
            case .escape: (0x0000_003E_2263_7365, 5)  // esc">
            case .number: (0x0000_003E_226D_756E, 5)  // num">
            case .comment: (0x0000_003E_226D_6F63, 5)  // com">
            case .function: (0x0000_0000_3E22_6E66, 4)  // fn">
            case .type: (0x0000_0000_3E22_7974, 4)  // ty">
            case .literal: (0x0000_003E_2274_696C, 5)  // lit">
            case .attribute: (0x0000_3E22_7274_7461, 6)  // attr">
            case .tag: (0x0000_003E_2267_6174, 5)  // tag">
            case .property: (0x0000_3E22_706F_7270, 6)  // prop">
            case .variable: (0x0000_003E_2272_6176, 5)  // var">
            case .meta: (0x0000_3E22_6174_656D, 6)  // meta">
            case .prompt: (0x3E22_7470_6D6F_7270, 8)  // prompt">
            case .output: (0x0000_003E_2274_756F, 5)  // out">
            case .inserted: (0x0000_003E_2273_6E69, 5)  // ins">
            case .deleted: (0x0000_003E_226C_6564, 5)  // del">
            case .hunk: (0x0000_3E22_6B6E_7568, 6)  // hunk">
            }
        }
    }
}
