import CCmark

/// Puts the tables of a `GFMBlockPlan` into the second parse: each placeholder run becomes custom
/// nodes that write the table as cmark-gfm does, and each cell takes the inlines libcmark parsed
/// from that cell's paragraph ahead of the document.
enum TableBuilder {
    /// Builds every table; false (and nothing changed) when the second parse is not shaped as planned.
    @discardableResult
    static func build(_ plan: GFMBlockPlan, in root: OpaquePointer, preludeLines: Int, alignsWithStyle: Bool = false) -> Bool {
        var cellParagraphs: [OpaquePointer] = []
        cellParagraphs.reserveCapacity(plan.cells.count)
        var child = cmark_node_first_child(root)
        while let node = child, Int(cmark_node_get_start_line(node)) <= preludeLines {
            child = cmark_node_next(node)
            cellParagraphs.append(node)
        }
        guard cellParagraphs.count == plan.cells.count,
              cellParagraphs.allSatisfy({ cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH }) else { return false }

        var placeholders: [Int: OpaquePointer] = [:]
        collectPlaceholders(in: root, preludeLines: preludeLines, into: &placeholders)
        guard plan.tables.allSatisfy({ placeholders[$0.firstLine] != nil }) else { return false }
        for table in plan.tables {
            guard let first = placeholders[table.firstLine], let node = tableNode(table, cells: cellParagraphs, alignsWithStyle: alignsWithStyle) else { continue }
            cmark_node_replace(first, node)
            cmark_node_free(first)
            for line in (table.firstLine + 1)..<(table.firstLine + table.lineCount) {
                if let extra = placeholders[line] { CmarkNode.remove(extra) }
            }
        }
        for paragraph in cellParagraphs { CmarkNode.remove(paragraph) }
        return true
    }

    private static func collectPlaceholders(in root: OpaquePointer, preludeLines: Int, into found: inout [Int: OpaquePointer]) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK,
                  CmarkNode.literal(node).drop(while: { $0 == " " }).hasPrefix(GFMBlockPlan.tablePlaceholder) else { continue }
            found[Int(cmark_node_get_start_line(node)) - preludeLines] = node
        }
    }

    private static func tableNode(_ table: GFMBlockPlan.Table, cells: [OpaquePointer], alignsWithStyle: Bool) -> OpaquePointer? {
        guard let node = CmarkNode.customBlock(enter: "<table>", exit: "</table>"),
              let head = CmarkNode.customBlock(enter: "<thead>", exit: "</thead>") else { return nil }
        cmark_node_append_child(node, head)
        var body: OpaquePointer?
        for (index, row) in table.rows.enumerated() {
            guard let rowNode = CmarkNode.customBlock(enter: "<tr>", exit: "</tr>") else { continue }
            let tag = index == 0 ? "th" : "td"
            for (column, cell) in row.enumerated() {
                let align = alignsWithStyle ? table.alignments[column].styleAttribute : table.alignments[column].attribute
                guard let holder = CmarkNode.customBlock(enter: "", exit: ""),
                      let inline = CmarkNode.customInline(enter: "<\(tag)\(align)>", exit: "</\(tag)>") else { continue }
                if let cell { moveCellInlines(from: cells[cell], to: inline) }
                cmark_node_append_child(holder, inline)
                cmark_node_append_child(rowNode, holder)
            }
            if index == 0 {
                cmark_node_append_child(head, rowNode)
            } else {
                if body == nil, let created = CmarkNode.customBlock(enter: "<tbody>", exit: "</tbody>") {
                    cmark_node_append_child(node, created)
                    body = created
                }
                if let body { cmark_node_append_child(body, rowNode) }
            }
        }
        return node
    }

    /// Moves a cell paragraph's inlines, dropping the no-break space that kept the cell a paragraph.
    private static func moveCellInlines(from paragraph: OpaquePointer, to inline: OpaquePointer) {
        if let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT {
            let literal = CmarkNode.literal(first)
            if literal.hasPrefix("\u{A0}") {
                let rest = String(literal.unicodeScalars.dropFirst())
                if rest.isEmpty { CmarkNode.remove(first) } else { cmark_node_set_literal(first, rest) }
            }
        }
        CmarkNode.moveChildren(of: paragraph, to: inline)
    }
}
