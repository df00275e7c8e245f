/// Reads a rendered HTML fragment as a reader sees it and cuts it into sections at the headings that
/// have an `id` (`<h2 id="anchor">…</h2>`). Tags are stripped, character references decoded, white
/// space collapsed; code is kept (a reader searches for `tar -xvf`), while buttons (the code blocks'
/// "Copy"), scripts, styles, SVG pictures and templates are left out. An image counts as its `alt`.
struct SearchTextExtractor {
    /// The sections of `html`, in order; text before the first heading is the page's own section.
    static func sections(in html: String) -> [SearchSection] {
        var html = html
        return html.withUTF8 { bytes in
            var extractor = SearchTextExtractor(bytes: bytes)
            defer { extractor.text.deallocate() }
            extractor.run()
            return extractor.sections
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var sections: [SearchSection] = []
    private var anchor = ""
    /// The text being read: the open heading's, or the section's.
    private var text: SearchCollapsedText
    /// The current section's heading, once read.
    private var heading = ""
    /// The level of the heading being read, while inside it.
    private var openHeading: UInt8?
    private var sawHeading = false

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        text = SearchCollapsedText(capacity: bytes.count + 64) // the text is never longer than its HTML
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                readMarkup()
            } else if byte == UInt8(ascii: "&") {
                readReference()
            } else {
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
                text.append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
        finishSection()
    }

    private mutating func append(_ byte: UInt8) {
        text.append(byte)
    }

    private mutating func append(_ string: String) {
        for byte in string.utf8 { text.append(byte) }
    }

    private mutating func separate() {
        text.separate()
    }

    private mutating func readReference() {
        let start = index + 1
        var end = start
        let limit = min(bytes.count, start + SearchEntities.maximumLength)
        while end < limit, bytes[end] != UInt8(ascii: ";"), isReferenceByte(bytes[end]) { end += 1 }
        if end < limit, bytes[end] == UInt8(ascii: ";"),
           let decoded = SearchEntities.decode(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            append(decoded)
            index = end + 1
        } else {
            append(UInt8(ascii: "&"))
            index += 1
        }
    }

    private func isReferenceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    private mutating func readMarkup() {
        if starts(with: "<!--", at: index) {
            index = position(after: "-->", from: index + 4)
            return
        }
        guard let tag = SearchTag(bytes, at: index) else {
            append(UInt8(ascii: "<")) // a lone `<` in text (cmark writes `&lt;`, raw HTML may not)
            index += 1
            return
        }
        index = tag.end
        if tag.isClosing {
            closeTag(tag)
        } else {
            openTag(tag)
        }
    }

    private mutating func openTag(_ tag: SearchTag) {
        switch tag.role {
        case .rawText:
            index = position(afterClosing: tag.name, from: index)
        case .skipped:
            if !tag.isSelfClosing { skipElement(tag.name) }
        case let .heading(level):
            if openHeading == nil, let id = tag.attribute("id", in: bytes) {
                startSection(anchor: id, level: level)
            } else {
                separate()
            }
        case .image:
            separate()
            if let alt = tag.attribute("alt", in: bytes) {
                append(alt)
                separate()
            }
        case .inline:
            break
        case .block:
            separate()
        }
    }

    private mutating func closeTag(_ tag: SearchTag) {
        switch tag.role {
        case let .heading(level) where openHeading == level:
            openHeading = nil
            heading = text.take()
        case .inline:
            break
        default:
            separate()
        }
    }

    /// Moves past an element and everything inside it, counting nested elements of the same name.
    private mutating func skipElement(_ name: UInt64) {
        var depth = 1
        while index < bytes.count {
            guard let next = firstIndex(of: UInt8(ascii: "<"), from: index) else {
                index = bytes.count
                return
            }
            index = next
            if starts(with: "<!--", at: index) {
                index = position(after: "-->", from: index + 4)
                continue
            }
            guard let tag = SearchTag(bytes, at: index) else {
                index += 1
                continue
            }
            index = tag.end
            guard tag.name == name else { continue }
            if tag.isClosing {
                depth -= 1
                if depth == 0 { return }
            } else if !tag.isSelfClosing {
                depth += 1
            }
        }
    }

    private mutating func startSection(anchor id: String, level: UInt8) {
        let promotesTitle = !sawHeading && level == 1 && text.isEmpty
        if !promotesTitle { finishSection() }
        sawHeading = true
        anchor = promotesTitle ? "" : id
        heading = ""
        text.discard()
        openHeading = level
    }

    private mutating func finishSection() {
        if openHeading != nil { // a heading left open: its text is all there is
            heading = text.take()
        }
        openHeading = nil
        let section = SearchSection(anchor: anchor, heading: heading, text: text.take())
        if !(section.anchor.isEmpty && section.heading.isEmpty && section.text.isEmpty) { sections.append(section) }
    }

    private func starts(with literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { bytes[offset + $0] == pattern[$0] }
        }
    }

    private func firstIndex(of byte: UInt8, from offset: Int) -> Int? {
        var position = offset
        while position < bytes.count {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    /// The offset just after the next `literal` (or the end of the input).
    private func position(after literal: StaticString, from offset: Int) -> Int {
        var position = offset
        while position < bytes.count {
            if starts(with: literal, at: position) { return position + literal.utf8CodeUnitCount }
            position += 1
        }
        return bytes.count
    }

    /// The offset after `</name…>` (case-insensitive), for elements whose content is not HTML.
    private func position(afterClosing name: UInt64, from offset: Int) -> Int {
        var position = offset
        while let next = firstIndex(of: UInt8(ascii: "<"), from: position) {
            if let tag = SearchTag(bytes, at: next), tag.isClosing, tag.name == name { return tag.end }
            position = next + 1
        }
        return bytes.count
    }
}
