import CCmark

/// Keeps backslash-escaped `\~` and `\[` from acting as GFM syntax: libcmark merges an escaped
/// character into the text around it, so the GFM passes could not tell `\~` from `~`. Before
/// parsing, each is swapped for a two-byte punctuation character the page does not use (so columns
/// and flanking stay as they were); after the passes the characters go back — as `~`/`[` in text
/// and URLs, as the escape written in code, raw HTML and code blocks.
struct EscapeShield {
    private static let tilde: [UInt8] = [0xC2, 0xA1]   // ¡
    private static let bracket: [UInt8] = [0xC2, 0xBF] // ¿

    /// The source to parse.
    let bytes: [UInt8]
    /// True when something was swapped.
    let isActive: Bool

    init(_ source: [UInt8]) {
        var needed = false
        var index = 0
        while index + 1 < source.count {
            if source[index] == ASCII.backslash {
                let next = source[index + 1]
                if next == 0x7E || next == 0x5B { needed = true; break }
                index += 2
                continue
            }
            index += 1
        }
        let usesMarkers = needed && source.indices.dropLast().contains {
            source[$0] == 0xC2 && (source[$0 + 1] == Self.tilde[1] || source[$0 + 1] == Self.bracket[1])
        }
        guard needed, !usesMarkers else {
            bytes = source
            isActive = false
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        index = 0
        while index < source.count {
            if source[index] == ASCII.backslash, index + 1 < source.count {
                let next = source[index + 1]
                if next == 0x7E { output += Self.tilde; index += 2; continue }
                if next == 0x5B { output += Self.bracket; index += 2; continue }
                output.append(source[index]); output.append(next)
                index += 2
                continue
            }
            output.append(source[index])
            index += 1
        }
        bytes = output
        isActive = true
    }

    /// Puts the escaped characters back everywhere in the tree.
    func restore(in root: OpaquePointer) {
        guard isActive, let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                Self.rewrite(node, get: cmark_node_get_literal, set: cmark_node_set_literal, escaped: false)
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                Self.rewrite(node, get: cmark_node_get_literal, set: cmark_node_set_literal, escaped: true)
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                    Self.rewrite(node, get: cmark_node_get_fence_info, set: cmark_node_set_fence_info, escaped: false)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                Self.rewrite(node, get: cmark_node_get_url, set: cmark_node_set_url, escaped: false)
                Self.rewrite(node, get: cmark_node_get_title, set: cmark_node_set_title, escaped: false)
            default:
                break
            }
        }
    }

    private static func rewrite(_ node: OpaquePointer, get: (OpaquePointer) -> UnsafePointer<CChar>?,
                                set: (OpaquePointer, UnsafePointer<CChar>?) -> Int32, escaped: Bool) {
        guard let pointer = get(node) else { return }
        let value = String(cString: pointer)
        guard value.contains("\u{A1}") || value.contains("\u{BF}") else { return }
        let restored = value
            .replacingOccurrences(of: "\u{A1}", with: escaped ? "\\~" : "~")
            .replacingOccurrences(of: "\u{BF}", with: escaped ? "\\[" : "[")
        _ = set(node, restored)
    }
}
