import CCmark

/// GitHub's alerts: a top-level block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (any case) and that has more to say. cmark-gfm has no alerts, so
/// this writes what github.com writes — `<div class="markdown-alert markdown-alert-note">` with a
/// `<p class="markdown-alert-title">Note</p>` title — without GitHub's `dir="auto"` attributes and
/// the octicon in the title (the theme's stylesheet draws the icon).
enum GitHubAlerts {
    private static let titles = ["note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"]

    static func apply(to root: OpaquePointer) {
        for quote in CmarkNode.children(root) where cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT else { continue }
            let marker = CmarkNode.literal(first).trimmingTrailingBlanks()
            guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
                  let title = titles[String(marker.dropFirst(2).dropLast()).lowercased()] else { continue }
            let next = cmark_node_next(first)
            guard next == nil || cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) == CMARK_NODE_LINEBREAK else { continue }
            guard next != nil || cmark_node_next(paragraph) != nil else { continue }
            if let next { CmarkNode.remove(next) }
            CmarkNode.remove(first)
            if cmark_node_first_child(paragraph) == nil { CmarkNode.remove(paragraph) }
            let kind = title.lowercased()
            guard let alert = CmarkNode.customBlock(
                enter: "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(title)</p>",
                exit: "</div>") else { continue }
            CmarkNode.moveChildren(of: quote, to: alert)
            cmark_node_replace(quote, alert)
            cmark_node_free(quote)
        }
    }
}

private extension String {
    func trimmingTrailingBlanks() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[..<end]
    }
}
