import Foundation
import CCmark

/// Turns `[^label]` in text into footnote references, as cmark-gfm writes them, when a definition
/// with that label exists; numbers footnotes in the order of their first reference.
struct FootnoteReferences {
    let definedLabels: Set<String>
    /// The label as the definition wrote it, used in the anchors.
    var anchorLabel: [String: String] = [:]
    /// Normalised labels in the order of their first reference.
    private(set) var order: [String] = []
    /// References made to each label.
    private(set) var counts: [String: Int] = [:]
    private var numbers: [String: Int] = [:]

    init(definedLabels: Set<String>, anchorLabel: [String: String] = [:]) {
        self.definedLabels = definedLabels
        self.anchorLabel = anchorLabel
    }

    /// Labels match case-insensitively, as link labels do.
    static func normalize(_ label: String) -> String { label.lowercased() }

    /// The label percent-encoded as cmark's `houdini_escape_href` does.
    static func hrefEscaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if ASCII.isAlnum(byte) || Self.hrefSafe.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private static let hrefSafe: Set<UInt8> = Set("-_.+!*'(),%#@?=;:/,+&$~".utf8)

    /// Replaces the references in every text node under `root` (outside links and code); returns
    /// each text node it cut out of a longer one, with the line and column where it starts (libcmark
    /// cannot store a position on a new node, and the autolink pass links inside these pieces).
    @discardableResult
    mutating func replace(in root: OpaquePointer) -> [(text: OpaquePointer, line: Int, column: Int)] {
        var texts: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        var linkDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_TEXT, event == CMARK_EVENT_ENTER, linkDepth == 0,
                      cmark_node_get_literal(node).map({ strstr($0, "[^") != nil }) == true {
                texts.append(node)
            }
        }
        cmark_iter_free(iterator)
        var made: [(text: OpaquePointer, line: Int, column: Int)] = []
        for text in texts { split(text, into: &made) }
        return made
    }

    private mutating func split(_ node: OpaquePointer, into made: inout [(text: OpaquePointer, line: Int, column: Int)]) {
        let bytes = Array(CmarkNode.literal(node).utf8)
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        var texts: [(node: OpaquePointer, offset: Int)] = []
        var pieces: [OpaquePointer] = []
        var pending = 0
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == 0x5B, bytes[index + 1] == 0x5E else { index += 1; continue }
            var end = index + 2
            while end < bytes.count, bytes[end] != 0x5D, bytes[end] != 0x5B, bytes[end] != ASCII.space, bytes[end] != ASCII.tab { end += 1 }
            guard end < bytes.count, bytes[end] == 0x5D, end > index + 2 else { index += 1; continue }
            let label = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            let key = Self.normalize(label)
            guard definedLabels.contains(key) else { index = end; continue }
            if pending < index, let text = CmarkNode.text(String(decoding: bytes[pending..<index], as: UTF8.self)) {
                pieces.append(text)
                texts.append((text, pending))
            }
            if let reference = reference(key) { pieces.append(reference) }
            index = end + 1
            pending = index
        }
        guard !pieces.isEmpty else { return }
        if pending < bytes.count, let text = CmarkNode.text(String(decoding: bytes[pending...], as: UTF8.self)) {
            pieces.append(text)
            texts.append((text, pending))
        }
        for piece in pieces { cmark_node_insert_before(node, piece) }
        CmarkNode.remove(node)
        made += texts.map { ($0.node, line, column + $0.offset) }
    }

    private mutating func reference(_ key: String) -> OpaquePointer? {
        if counts[key] == nil { order.append(key); numbers[key] = order.count }
        let count = (counts[key] ?? 0) + 1
        counts[key] = count
        let number = numbers[key] ?? order.count
        let id = HTML.escapeAttribute(Self.hrefEscaped(anchorLabel[key] ?? key))
        let refID = count == 1 ? "fnref-\(id)" : "fnref-\(id)-\(count)"
        return CmarkNode.customInline(
            enter: "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"\(refID)\" data-footnote-ref>\(number)</a></sup>",
            exit: "")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
