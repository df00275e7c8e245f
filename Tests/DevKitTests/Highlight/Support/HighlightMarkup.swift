@testable import DevKit

/// Reads the highlighter's HTML back: its text without tags, and what is wrong with its spans.
enum HighlightMarkup {
    /// The HTML with every tag removed (what a reader's copy of the code block gets, still escaped).
    static func strippingTags(_ html: String) -> [UInt8] {
        var text: [UInt8] = []
        var inTag = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else {
                text.append(byte)
            }
        }
        return text
    }

    private static let openTags = Highlighter.Style.allCases.map { Array("<span class=\"\($0.className)\">".utf8) }
    private static let closeTag = Array("</span>".utf8)

    /// Every broken promise of the HTML: a tag other than `<span class="hl-…">` with a known class
    /// and `</span>`, a span inside a span, a span left open or crossing a line break, an empty span.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        let bytes = Array(html.utf8)
        var open = false
        var openedAt = 0
        var index = 0
        var line = 1
        func isTag(_ tag: [UInt8], at start: Int, length: Int) -> Bool {
            guard tag.count == length else { return false }
            for offset in 0..<length where bytes[start + offset] != tag[offset] { return false }
            return true
        }
        while index < bytes.count, problems.count < 10 {
            let byte = bytes[index]
            if byte == 10 {
                if open { problems.append("line \(line): a span crosses the line break") }
                line += 1
            }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            var close = index
            while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
            guard close < bytes.count else {
                problems.append("line \(line): a tag never closes")
                break
            }
            let length = close + 1 - index
            if isTag(closeTag, at: index, length: length) {
                if !open { problems.append("line \(line): </span> with no open span") }
                if open, openedAt == index { problems.append("line \(line): an empty span") }
                open = false
            } else if openTags.contains(where: { isTag($0, at: index, length: length) }) {
                if open { problems.append("line \(line): a span inside a span") }
                open = true
                openedAt = close + 1
            } else {
                problems.append("line \(line): unexpected tag \(String(decoding: bytes[index...close], as: UTF8.self))")
            }
            index = close + 1
        }
        if open { problems.append("line \(line): a span is left open") }
        return problems
    }

    /// Highlights `code` and checks the HTML keeps every promise: it strips to `HTML.escapeText(code)`
    /// and its spans are well formed. Returns the problems found (empty when none).
    static func check(_ code: String, language: String) -> [String] {
        guard let highlighted = Highlighter.highlight(code, language: language) else { return ["\(language): not highlighted"] }
        var problems = problems(highlighted.html)
        if strippingTags(highlighted.html) != Array(HTML.escapeText(code).utf8) {
            problems.append("\(language): the text without tags differs from HTML.escapeText(code)")
        }
        return problems
    }
}
