import Foundation
import CCmark

/// GFM strikethrough on libcmark's tree: runs of one or two `~` that are left- or right-flanking
/// (the emphasis rules) pair with a run of the same length among the same siblings, as cmark-gfm's
/// strikethrough extension pairs them, and what lies between is written inside `<del>`.
enum Strikethrough {
    private struct Delimiter {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    static func apply(to root: OpaquePointer) {
        var containers: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT,
                  cmark_node_get_literal(node).map({ strchr($0, 0x7E) != nil }) == true,
                  let parent = cmark_node_parent(node) else { continue }
            if containers.last != parent { containers.append(parent) }
        }
        cmark_iter_free(iterator)
        var seen = Set<OpaquePointer>()
        for container in containers where seen.insert(container).inserted { pair(in: container) }
    }

    private static func pair(in container: OpaquePointer) {
        var delimiters: [Delimiter] = []
        for child in CmarkNode.children(container) where cmark_node_get_type(child) == CMARK_NODE_TEXT {
            let scalars = Array(CmarkNode.literal(child).unicodeScalars)
            guard scalars.contains("~") else { continue }
            var pieces: [(text: String, run: Int)] = []
            var index = 0
            var pending = 0
            while index < scalars.count {
                guard scalars[index] == "~" else { index += 1; continue }
                var end = index
                while end < scalars.count, scalars[end] == "~" { end += 1 }
                let before = index > 0 ? scalars[index - 1] : boundary(before: child)
                let after = end < scalars.count ? scalars[end] : boundary(after: child)
                let (left, right) = flanking(before: before, after: after)
                let length = end - index
                if (left || right) && length <= 2 {
                    if pending < index { pieces.append((String(String.UnicodeScalarView(scalars[pending..<index])), 0)) }
                    pieces.append((String(repeating: "~", count: length), length))
                    pending = end
                    delimiters.append(Delimiter(node: child, length: length, canOpen: left, canClose: right))
                }
                index = end
            }
            guard pending > 0 || pieces.count > 0 else { continue }
            if pending < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[pending...])), 0)) }
            var runIndex = delimiters.count - pieces.filter { $0.run > 0 }.count
            for piece in pieces {
                guard let node = CmarkNode.text(piece.text) else { continue }
                cmark_node_insert_before(child, node)
                if piece.run > 0 { delimiters[runIndex].node = node; runIndex += 1 }
            }
            CmarkNode.remove(child)
        }
        guard delimiters.count >= 2 else { return }

        var active = Array(repeating: true, count: delimiters.count)
        for closer in delimiters.indices where active[closer] && delimiters[closer].canClose {
            var opener = closer - 1
            var found = false
            while opener >= 0 {
                if active[opener], delimiters[opener].canOpen {
                    let o = delimiters[opener], c = delimiters[closer]
                    if !(c.canOpen || o.canClose) || c.length % 3 == 0 || (o.length + c.length) % 3 != 0 { found = true; break }
                }
                opener -= 1
            }
            guard found else {
                if !delimiters[closer].canOpen { active[closer] = false }
                continue
            }
            for index in opener...closer { active[index] = false }
            guard delimiters[opener].length == delimiters[closer].length,
                  let strike = CmarkNode.customInline(enter: "<del>", exit: "</del>") else { continue }
            let openNode = delimiters[opener].node, closeNode = delimiters[closer].node
            var next = cmark_node_next(openNode)
            while let node = next, node != closeNode {
                next = cmark_node_next(node)
                cmark_node_unlink(node)
                cmark_node_append_child(strike, node)
            }
            cmark_node_replace(openNode, strike)
            cmark_node_free(openNode)
            CmarkNode.remove(closeNode)
        }
    }

    /// The emphasis rules' left- and right-flanking tests.
    private static func flanking(before: Unicode.Scalar, after: Unicode.Scalar) -> (Bool, Bool) {
        let spaceBefore = isSpace(before), spaceAfter = isSpace(after)
        let punctBefore = isPunctuation(before), punctAfter = isPunctuation(after)
        let left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
        let right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
        return (left, right)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" || scalar == "\u{0B}"
            || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ExtendedAutolinks.isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The source character before a node's first character, as far as flanking cares.
    private static func boundary(before node: OpaquePointer) -> Unicode.Scalar {
        if let previous = cmark_node_previous(node) { return edge(of: previous, last: true) }
        switch cmark_node_parent(node).map(cmark_node_get_type) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return "*"
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: return "["
        default: return "\n"
        }
    }

    private static func boundary(after node: OpaquePointer) -> Unicode.Scalar {
        if let next = cmark_node_next(node) { return edge(of: next, last: false) }
        switch cmark_node_parent(node).map(cmark_node_get_type) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return "*"
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: return "]"
        default: return "\n"
        }
    }

    private static func edge(of node: OpaquePointer, last: Bool) -> Unicode.Scalar {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let scalars = CmarkNode.literal(node).unicodeScalars
            return (last ? scalars.last : scalars.first) ?? "\n"
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return "\n"
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return "*"
        case CMARK_NODE_CODE: return "`"
        case CMARK_NODE_LINK: return last ? ")" : "["
        case CMARK_NODE_IMAGE: return last ? ")" : "!"
        default: return last ? ">" : "<"
        }
    }
}
