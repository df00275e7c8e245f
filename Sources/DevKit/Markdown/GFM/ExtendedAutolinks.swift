import Foundation
import CCmark

/// GFM's extended autolinks on text nodes, following cmark-gfm's autolink extension: `www.` after
/// a space, `*`, `_`, `~` or `(`; `http://`, `https://` and `ftp://`; e-mail addresses; then
/// trailing punctuation, unbalanced `)` and entity-like `&…;` dropped from the end. Not inside
/// links, images or an open `[`. The text is libcmark's (escapes and entities already resolved),
/// and a link ends where the text node does (cmark-gfm reads raw text up to the next space).
enum ExtendedAutolinks {
    private struct Candidate {
        var node: OpaquePointer
        var depth: Int
        var previous: UInt8?
    }

    /// Links the text under `root`; returns each new link with the line and column of its text node
    /// (libcmark has no setter for positions). `madeTexts` gives where the text nodes an earlier pass
    /// made start (libcmark reports line 0 for them).
    @discardableResult
    static func apply(to root: OpaquePointer, madeTexts: [OpaquePointer: (line: Int, column: Int)] = [:])
        -> [(link: OpaquePointer, line: Int, column: Int)] {
        var candidates: [Candidate] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        var linkDepth = 0
        var depth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                depth = 0
            case CMARK_NODE_CUSTOM_INLINE where cmark_node_parent(node).map({ cmark_node_get_type($0) == CMARK_NODE_CUSTOM_BLOCK }) == true:
                if event == CMARK_EVENT_ENTER { depth = 0 }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where event == CMARK_EVENT_ENTER && linkDepth == 0:
                guard let literal = cmark_node_get_literal(node) else { continue }
                if strchr(literal, 0x40) != nil || strstr(literal, "://") != nil || strstr(literal, "www.") != nil {
                    candidates.append(Candidate(node: node, depth: depth, previous: boundary(before: node)))
                }
                var bracket = strpbrk(literal, "[]")
                while let found = bracket {
                    if found.pointee == 0x5B { depth += 1 } else if depth > 0 { depth -= 1 }
                    bracket = strpbrk(found + 1, "[]")
                }
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        var created: [(link: OpaquePointer, line: Int, column: Int)] = []
        for candidate in candidates { link(candidate, madeTexts: madeTexts, into: &created) }
        return created
    }

    /// The source character just before `node` as far as the `www.` rule cares; nil at the start.
    private static func boundary(before node: OpaquePointer) -> UInt8? {
        guard let previous = cmark_node_previous(node) else {
            guard let parent = cmark_node_parent(node) else { return nil }
            switch cmark_node_get_type(parent) {
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return 0x2A
            case CMARK_NODE_CUSTOM_INLINE where cmark_node_parent(parent).map({ cmark_node_get_type($0) != CMARK_NODE_CUSTOM_BLOCK }) == true:
                return 0x7E
            default: return nil
            }
        }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_TEXT: return CmarkNode.literal(previous).utf8.last
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return 0x0A
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return 0x2A
        case CMARK_NODE_CODE: return 0x60
        default: return 0x29
        }
    }

    private static func link(_ candidate: Candidate, madeTexts: [OpaquePointer: (line: Int, column: Int)],
                             into created: inout [(link: OpaquePointer, line: Int, column: Int)]) {
        let bytes = Array(CmarkNode.literal(candidate.node).utf8)
        var pieces: [(text: Range<Int>, url: String?)] = []
        var pending = 0
        var depth = candidate.depth
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5B { depth += 1 } else if byte == 0x5D, depth > 0 { depth -= 1 }
            if depth == 0, byte == 0x3A, let (start, end) = urlMatch(bytes, at: index, from: pending) {
                if pending < start { pieces.append((pending..<start, nil)) }
                pieces.append((start..<end, String(decoding: bytes[start..<end], as: UTF8.self)))
                pending = end; index = end
                continue
            }
            if depth == 0, byte == 0x77 {
                let before = index > 0 ? bytes[index - 1] : candidate.previous
                if before.map({ Self.allowsWWW(after: $0) }) ?? true, let end = wwwMatch(bytes, at: index) {
                    if pending < index { pieces.append((pending..<index, nil)) }
                    pieces.append((index..<end, "http://" + String(decoding: bytes[index..<end], as: UTF8.self)))
                    pending = end; index = end
                    continue
                }
            }
            index += 1
        }
        if pending < bytes.count { pieces.append((pending..<bytes.count, nil)) }
        var output: [(text: Range<Int>, url: String?)] = []
        for piece in pieces {
            if piece.url == nil { output += emails(bytes, in: piece.text) } else { output.append(piece) }
        }
        guard output.contains(where: { $0.url != nil }) else { return }
        let (line, column) = madeTexts[candidate.node]
            ?? (Int(cmark_node_get_start_line(candidate.node)), Int(cmark_node_get_start_column(candidate.node)))
        for piece in output {
            let text = String(decoding: bytes[piece.text], as: UTF8.self)
            let node = piece.url.map { CmarkNode.link(url: $0, text: text) } ?? CmarkNode.text(text)
            guard let node else { continue }
            cmark_node_insert_before(candidate.node, node)
            if piece.url != nil { created.append((node, line, column + piece.text.lowerBound)) }
        }
        CmarkNode.remove(candidate.node)
    }

    private static func allowsWWW(after byte: UInt8) -> Bool {
        byte == 0x2A || byte == 0x5F || byte == 0x7E || byte == 0x28 || isSpace(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func wwwMatch(_ bytes: [UInt8], at index: Int) -> Int? {
        let data = bytes[index...]
        guard data.count >= 4, data.starts(with: [0x77, 0x77, 0x77, 0x2E]) else { return nil }
        var end = checkDomain(data, allowShort: false)
        guard end > 0 else { return nil }
        while end < data.count, !isSpace(data[index + end]) { end += 1 }
        end = trimmedEnd(data, end)
        return end > 0 ? index + end : nil
    }

    private static func urlMatch(_ bytes: [UInt8], at colon: Int, from floor: Int) -> (Int, Int)? {
        let size = bytes.count - colon
        guard size >= 4, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F else { return nil }
        var start = colon
        while start > floor, ASCII.isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), colon + 3 < bytes.count, ASCII.isAlnum(bytes[colon + 3]) else { return nil }
        let domain = checkDomain(bytes[(colon + 3)...], allowShort: true)
        guard domain > 0 else { return nil }
        var end = 3 + domain
        let data = bytes[colon...]
        while end < size, !isSpace(data[colon + end]) { end += 1 }
        end = trimmedEnd(data, end)
        guard end > 0 else { return nil }
        return (start, colon + end)
    }

    /// cmark-gfm's `check_domain`: host characters and dots, no `_` in the last two labels.
    private static func checkDomain(_ data: ArraySlice<UInt8>, allowShort: Bool) -> Int {
        let base = data.startIndex
        let size = data.count
        var dots = 0, underscoresBefore = 0, underscores = 0
        var i = 1
        while i < size - 1 {
            if data[base + i] == ASCII.backslash, i < size - 2 { i += 1 }
            let byte = data[base + i]
            if byte == 0x5F {
                underscores += 1
            } else if byte == 0x2E {
                underscoresBefore = underscores; underscores = 0; dots += 1
            } else if !isHostCharacter(data, at: base + i), byte != ASCII.dash {
                break
            }
            i += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || dots > 0 ? i : 0
    }

    private static func isHostCharacter(_ data: ArraySlice<UInt8>, at index: Int) -> Bool {
        let byte = data[index]
        if byte < 0x80 { return !isSpace(byte) && !isASCIIPunctuation(byte) }
        guard byte >= 0xC0 else { return false }
        var end = index + 1
        while end < data.endIndex, end - index < 4, data[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: data[index..<end], as: UTF8.self).unicodeScalars.first, scalar != "\u{FFFD}" else { return false }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return false
        default:
            return true
        }
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    /// cmark-gfm's `autolink_delim`: the end of a link once trailing punctuation is dropped.
    private static func trimmedEnd(_ data: ArraySlice<UInt8>, _ linkEnd: Int) -> Int {
        let base = data.startIndex
        var end = linkEnd
        if let less = data[base..<(base + end)].firstIndex(of: ASCII.less) { end = less - base }
        while end > 0 {
            let last = data[base + end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == 0x3B {
                var newEnd = end - 2
                while newEnd > 0, ASCII.isAlpha(data[base + newEnd]) { newEnd -= 1 }
                if newEnd < end - 2, data[base + newEnd] == 0x26 { end = newEnd } else { end -= 1 }
            } else if last == 0x29 {
                var opening = 0, closing = 0
                for byte in data[base..<(base + end)] {
                    if byte == 0x28 { opening += 1 } else if byte == 0x29 { closing += 1 }
                }
                if closing <= opening { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// cmark-gfm's e-mail rule, applied to text outside links.
    private static func emails(_ bytes: [UInt8], in range: Range<Int>) -> [(text: Range<Int>, url: String?)] {
        var result: [(text: Range<Int>, url: String?)] = []
        var pending = range.lowerBound
        var searchFrom = range.lowerBound
        while let at = bytes[searchFrom..<range.upperBound].firstIndex(of: 0x40) {
            var rewind = 0
            while at - rewind - 1 >= pending {
                let byte = bytes[at - rewind - 1]
                guard ASCII.isAlnum(byte) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte == 0x5F else { break }
                rewind += 1
            }
            guard rewind > 0 else { searchFrom = at + 1; continue }
            var linkEnd = 0, ats = 0, dots = 0
            let data = bytes[at..<range.upperBound]
            while linkEnd < data.count {
                let byte = data[at + linkEnd]
                if ASCII.isAlnum(byte) { linkEnd += 1; continue }
                if byte == 0x40 {
                    ats += 1
                } else if byte == 0x2E, linkEnd < data.count - 1, ASCII.isAlnum(data[at + linkEnd + 1]) {
                    dots += 1
                } else if byte != ASCII.dash && byte != 0x5F {
                    break
                }
                linkEnd += 1
            }
            guard linkEnd >= 2, ats == 1, dots > 0, ASCII.isAlpha(data[at + linkEnd - 1]) || data[at + linkEnd - 1] == 0x2E else {
                searchFrom = at + 1; continue
            }
            linkEnd = trimmedEnd(data, linkEnd)
            guard linkEnd > 0 else { searchFrom = at + 1; continue }
            let start = at - rewind, end = at + linkEnd
            if pending < start { result.append((pending..<start, nil)) }
            result.append((start..<end, "mailto:" + String(decoding: bytes[start..<end], as: UTF8.self)))
            pending = end
            searchFrom = end
        }
        if pending < range.upperBound { result.append((pending..<range.upperBound, nil)) }
        return result
    }
}
