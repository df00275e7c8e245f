import CCmark

/// Footnote definitions taken out of the tree (the list items `GFMBlockPlan` made of them) and the
/// section cmark-gfm writes for them at the end of the page: only referenced definitions, in the
/// order of their first reference, each with one back-reference per reference.
struct FootnoteDefinitions {
    private var items: [String: OpaquePointer] = [:]
    /// The label of each definition as written, by normalised label.
    private(set) var written: [String: String] = [:]

    /// The normalised labels that have a definition.
    var labels: Set<String> { Set(items.keys) }
    var isEmpty: Bool { items.isEmpty }
    /// The definitions' content, for the passes that run over inline text.
    var contents: [OpaquePointer] { Array(items.values) }

    /// Unlinks the definition items found at `lines` (original numbering) from their lists.
    static func collect(in root: OpaquePointer, lines: [Int: String], preludeLines: Int) -> FootnoteDefinitions {
        var result = FootnoteDefinitions()
        guard !lines.isEmpty else { return result }
        var lists: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_LIST else { continue }
            var item = cmark_node_first_child(node)
            while let current = item {
                item = cmark_node_next(current)
                guard let label = lines[Int(cmark_node_get_start_line(current)) - preludeLines] else { continue }
                cmark_node_unlink(current)
                let key = FootnoteReferences.normalize(label)
                if result.items[key] == nil {
                    result.items[key] = current
                    result.written[key] = label
                } else {
                    cmark_node_free(current)
                }
            }
            lists.append(node)
        }
        for list in lists where cmark_node_first_child(list) == nil { CmarkNode.remove(list) }
        for item in result.items.values {
            if let first = cmark_node_first_child(item), cmark_node_get_type(first) == CMARK_NODE_HTML_BLOCK,
               CmarkNode.literal(first).drop(while: { $0 == " " }).hasPrefix(GFMBlockPlan.emptyFootnotePlaceholder) {
                CmarkNode.remove(first)
            }
        }
        return result
    }

    /// Appends the footnote section for the references made; frees unreferenced definitions.
    /// Returns the anchors the section and the references define.
    func writeSection(in root: OpaquePointer, references: FootnoteReferences) -> [String] {
        var anchors: [String] = []
        defer {
            // Definitions no reference points at are not written (a set: a page may have thousands).
            let used = Set(references.order)
            for (key, item) in items where !used.contains(key) { cmark_node_free(item) }
        }
        guard !references.order.isEmpty,
              let section = CmarkNode.customBlock(enter: "<section class=\"footnotes\" data-footnotes>\n<ol>", exit: "</ol>\n</section>") else {
            return anchors
        }
        for key in references.order {
            guard let item = items[key] else { continue }
            let id = references.anchorLabel[key] ?? key
            let escaped = HTML.escapeAttribute(FootnoteReferences.hrefEscaped(id))
            anchors.append("fn-\(id)")
            guard let definition = CmarkNode.customBlock(enter: "<li id=\"fn-\(escaped)\">", exit: "</li>") else { continue }
            CmarkNode.moveChildren(of: item, to: definition)
            cmark_node_free(item)
            let count = references.counts[key] ?? 1
            var backrefs: [String] = []
            for index in 1...count {
                let refID = index == 1 ? "fnref-\(escaped)" : "fnref-\(escaped)-\(index)"
                anchors.append(index == 1 ? "fnref-\(id)" : "fnref-\(id)-\(index)")
                let mark = index == 1 ? "↩" : "↩<sup class=\"footnote-ref\">\(index)</sup>"
                backrefs.append("<a href=\"#\(refID)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">\(mark)</a>")
            }
            let html = backrefs.joined(separator: " ")
            if let last = cmark_node_last_child(definition), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
               let inline = CmarkNode.customInline(enter: " " + html, exit: "") {
                cmark_node_append_child(last, inline)
            } else if let block = CmarkNode.customBlock(enter: html, exit: "") {
                cmark_node_append_child(definition, block)
            }
            cmark_node_append_child(section, definition)
        }
        cmark_node_append_child(root, section)
        return anchors
    }
}
