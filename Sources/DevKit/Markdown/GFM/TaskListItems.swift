import Foundation
import CCmark

/// GFM task list items: a list item whose line starts (after spaces) with its marker, spaces,
/// `[ ]`, `[x]` or `[X]` and a space or tab — read from the line's start as cmark-gfm's tasklist
/// extension does, so items inside block quotes are not tasks there either. cmark-gfm writes the
/// checkbox straight after `<li>`, which libcmark's item has no hook for: the item gets a sentinel
/// block that `replace(in:)` swaps for the checkbox in the rendered HTML.
enum TaskListItems {
    /// The sentinels a page holds.
    struct Found {
        fileprivate var kinds: Set<Kind> = []

        /// The HTML with each sentinel (and the line breaks libcmark put around it) made a checkbox.
        func replace(in html: String) -> String {
            guard !kinds.isEmpty else { return html }
            var result = html
            for kind in kinds {
                result = result.replacingOccurrences(of: "<li>\n\(kind.sentinel)\n", with: "<li>" + kind.checkbox + (kind.tight ? "" : "\n"))
            }
            return result
        }
    }

    fileprivate struct Kind: Hashable {
        var checked: Bool
        var tight: Bool
        var sentinel: String { "\u{1F}gfm-task-\(checked ? 1 : 0)\(tight ? 1 : 0)\u{1F}" }
        var checkbox: String {
            checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> "
        }
    }

    /// Marks the task items under `root`; `lines` is the page's own source.
    static func mark(in root: OpaquePointer, lines: SourceLines, preludeLines: Int) -> Found {
        var found = Found()
        var items: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return found }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_ITEM else { continue }
            items.append(node)
        }
        cmark_iter_free(iterator)
        for item in items {
            let line = Int(cmark_node_get_start_line(item)) - preludeLines
            guard let checked = checkbox(lines.line(line)),
                  let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  Int(cmark_node_get_start_line(paragraph)) - preludeLines == line,
                  dropCheckbox(from: paragraph) else { continue }
            if cmark_node_first_child(paragraph) == nil { CmarkNode.remove(paragraph) }
            let tight = cmark_node_parent(item).map { cmark_node_get_list_tight($0) != 0 } ?? true
            let kind = Kind(checked: checked, tight: tight)
            guard let sentinel = CmarkNode.customBlock(enter: kind.sentinel, exit: "") else { continue }
            cmark_node_prepend_child(item, sentinel)
            found.kinds.insert(kind)
        }
        return found
    }

    /// nil, or whether the box is checked, for a line that starts a task item.
    private static func checkbox(_ line: ArraySlice<UInt8>) -> Bool? {
        var index = line.startIndex
        while index < line.endIndex, ASCII.isTableSpace(line[index]) { index += 1 }
        guard index < line.endIndex else { return nil }
        if line[index] == 0x2D || line[index] == 0x2B || line[index] == 0x2A {
            index += 1
        } else {
            let digits = index
            while index < line.endIndex, ASCII.isDigit(line[index]) { index += 1 }
            guard index > digits, index < line.endIndex else { return nil }
            index += 1
        }
        let spaces = index
        while index < line.endIndex, ASCII.isTableSpace(line[index]) { index += 1 }
        guard index > spaces, index + 3 < line.endIndex, line[index] == 0x5B, line[index + 2] == 0x5D,
              ASCII.isTableSpace(line[index + 3]) else { return nil }
        switch line[index + 1] {
        case ASCII.space: return false
        case 0x78, 0x58: return true
        default: return nil
        }
    }

    /// Removes `[ ]` or `[x]` and the blanks after it from the paragraph's first inlines.
    private static func dropCheckbox(from paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT else { return false }
        let literal = CmarkNode.literal(first)
        guard literal.utf8.count >= 3 else { return false }
        let rest = literal.utf8.dropFirst(3).drop(while: { $0 == ASCII.space || $0 == ASCII.tab })
        if rest.isEmpty {
            CmarkNode.remove(first)
            while let next = cmark_node_first_child(paragraph),
                  cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) == CMARK_NODE_LINEBREAK {
                CmarkNode.remove(next)
            }
        } else {
            cmark_node_set_literal(first, String(decoding: rest, as: UTF8.self))
        }
        return true
    }
}
