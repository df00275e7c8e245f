/// The start tags of an HTML fragment with their attributes, read the way a browser tokenizes them
/// (names lowercased, quoted values whole), for checks of what safe-mode Markdown may write.
struct HTMLTagScanner {
    /// One start tag.
    struct Tag {
        /// The element name, lowercased.
        var name: String
        /// The attributes in order: lowercased name and raw (still entity-escaped) value.
        var attributes: [(name: String, value: String)]
    }

    /// Every start tag of `html`, in order (end tags, comments and text are skipped).
    static func startTags(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            index += 1
            let name = read(bytes, &index) { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
            var tag = Tag(name: name.lowercased(), attributes: [])
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let attribute = read(bytes, &index) { !isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "/") }
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        value = read(bytes, &index) { $0 != quote }
                        index += 1
                    } else {
                        value = read(bytes, &index) { !isSpace($0) && $0 != UInt8(ascii: ">") }
                    }
                }
                if attribute.isEmpty { index += 1 } else { tag.attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(tag)
        }
        return tags
    }

    private static func read(_ bytes: [UInt8], _ index: inout Int, while accepts: (UInt8) -> Bool) -> String {
        let start = index
        while index < bytes.count, accepts(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
