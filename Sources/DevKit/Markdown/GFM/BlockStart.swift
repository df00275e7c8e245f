import Foundation

/// Recognises the lines that open a new block where a GFM table is open: they end the table.
/// Inside a table every block start counts, even those that cannot interrupt a paragraph.
enum BlockStart {
    /// True when `line` (from its first non-space byte, indented under four columns) opens a block.
    static func endsTable(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        switch first {
        case ASCII.greater: return true
        case 0x23: return isATXHeading(line)
        case 0x60, 0x7E: return isFence(line, marker: first)
        case ASCII.less: return isHTMLBlockStart(line)
        case 0x5B: return FootnoteDefinitionLine(line) != nil
        default: break
        }
        if isThematicBreak(line) { return true }
        return isListMarker(line)
    }

    static func isATXHeading(_ line: ArraySlice<UInt8>) -> Bool {
        let hashes = line.prefix(while: { $0 == 0x23 }).count
        guard hashes >= 1, hashes <= 6 else { return false }
        let next = line.index(line.startIndex, offsetBy: hashes)
        return next == line.endIndex || line[next] == ASCII.space || line[next] == ASCII.tab
    }

    static func isFence(_ line: ArraySlice<UInt8>, marker: UInt8) -> Bool {
        let count = line.prefix(while: { $0 == marker }).count
        guard count >= 3 else { return false }
        return marker == 0x7E || !line.dropFirst(count).contains(0x60)
    }

    static func isThematicBreak(_ line: ArraySlice<UInt8>) -> Bool {
        guard let marker = line.first, marker == 0x2A || marker == 0x2D || marker == 0x5F else { return false }
        var count = 0
        for byte in line {
            if byte == marker { count += 1 } else if byte != ASCII.space && byte != ASCII.tab { return false }
        }
        return count >= 3
    }

    static func isListMarker(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        if line[index] == 0x2D || line[index] == 0x2B || line[index] == 0x2A {
            index += 1
        } else {
            while index < line.endIndex, ASCII.isDigit(line[index]), index - line.startIndex < 9 { index += 1 }
            guard index > line.startIndex, index < line.endIndex, line[index] == 0x2E || line[index] == 0x29 else { return false }
            index += 1
        }
        return index == line.endIndex || line[index] == ASCII.space || line[index] == ASCII.tab
    }

    private static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]

    /// HTML block starts of kinds 1 to 7 (kind 7, a lone complete tag, may start a block here).
    static func isHTMLBlockStart(_ line: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: line.prefix(64), as: UTF8.self).lowercased()
        if text.hasPrefix("<!--") || text.hasPrefix("<?") || text.hasPrefix("<![cdata[") { return true }
        if text.hasPrefix("<!"), let next = text.dropFirst(2).first, next.isLetter { return true }
        var rest = Substring(text.dropFirst())
        let closing = rest.hasPrefix("/")
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        guard let firstLetter = name.first, firstLetter.isLetter else { return false }
        let after = rest.dropFirst(name.count).first
        if !closing, ["script", "pre", "style", "textarea"].contains(String(name)),
           after == nil || after == " " || after == "\t" || after == ">" {
            return true
        }
        if blockTags.contains(String(name)), after == nil || after == " " || after == "\t" || after == ">" || rest.dropFirst(name.count).hasPrefix("/>") {
            return true
        }
        let whole = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return whole.hasSuffix(">") && !whole.dropFirst().dropLast().contains("<") && !whole.dropFirst().dropLast().contains(">")
    }
}
