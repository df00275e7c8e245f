/// One start or end tag of an HTML fragment, read in place from its bytes.
struct SearchTag {
    /// What an element means to the text extractor.
    enum Role {
        /// Inside a line of text: its tags do not separate words (`<code>a</code>b` is `ab`).
        case inline
        /// Not text a reader reads (a button's label, a picture): skipped with everything inside.
        case skipped
        /// Content that is not HTML at all, up to the end tag (`<script>`).
        case rawText
        /// `h1`…`h6`.
        case heading(UInt8)
        /// `img`, whose `alt` is its text.
        case image
        /// Any other element: its tags separate words.
        case block
    }

    /// The lower-cased element name, packed into an integer (names longer than 8 bytes are 0).
    let name: UInt64
    /// `</name>`.
    let isClosing: Bool
    /// `<name … />`.
    let isSelfClosing: Bool
    /// The offset just after `>`.
    let end: Int
    /// Where the attributes are (after the name, before `>` or `/>`).
    private let attributes: Range<Int>

    /// What the element is. The names are packed as `packed(_:)` packs them (little-endian ASCII);
    /// the test `SearchTagTests` checks every constant against its name.
    var role: Role {
        switch name {
        case 0x61, 0x72626261, 0x62, 0x696462, 0x6F6462, 0x65746963, 0x65646F63, 0x61746164, 0x6C6564, 0x6E6664, 0x6D65, 0x69,
             0x736E69, 0x64626B, 0x6B72616D, 0x71, 0x73, 0x706D6173, 0x6C6C616D73, 0x6E617073, 0x676E6F727473, 0x627573,
             0x656D6974, 0x75, 0x726176, 0x726277:
            // a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub time u var wbr
            return .inline
        case 0x6E6F74747562, 0x677673, 0x6574616C706D6574, 0x7470697263736F6E, 0x7463656C6573, 0x656D61726669, 0x7463656A626F,
             0x7361766E6163:
            // button svg template noscript select iframe object canvas
            return .skipped
        case 0x747069726373, 0x656C797473, 0x6165726174786574: // script style textarea
            return .rawText
        case 0x676D69: // img
            return .image
        case 0x3168...0x3668 where name & 0xFF == 0x68: // h1 … h6
            return .heading(UInt8(name >> 8) - UInt8(ascii: "0"))
        default:
            return .block
        }
    }

    /// The names of each role (what `role` encodes), for the test that checks the constants.
    static let namesByRole: [(names: [String], role: String)] = [
        (["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
          "q", "s", "samp", "small", "span", "strong", "sub", "time", "u", "var", "wbr"], "inline"),
        (["button", "svg", "template", "noscript", "select", "iframe", "object", "canvas"], "skipped"),
        (["script", "style", "textarea"], "rawText"),
        (["img"], "image"),
        (["h1", "h2", "h3", "h4", "h5", "h6"], "heading"),
        (["p", "div", "li", "td", "pre", "blockquote", "sup", "br", "header"], "block"),
    ]

    /// A lower-case ASCII name of at most 8 bytes as the integer `name` holds.
    static func packed(_ name: String) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in name.utf8.prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return name.utf8.count > 8 ? 0 : value
    }

    /// The tag starting at `start` (a `<`), or nil when the `<` does not start a tag.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        var position = start + 1
        let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
        if closing { position += 1 }
        guard position < bytes.count, Self.isLetter(bytes[position]) else { return nil }
        var name: UInt64 = 0
        var nameLength = 0
        while position < bytes.count, Self.isNameByte(bytes[position]) {
            if nameLength < 8 {
                name |= UInt64(bytes[position] | (Self.isLetter(bytes[position]) ? 0x20 : 0)) << (8 * UInt64(nameLength))
            }
            nameLength += 1
            position += 1
        }
        if nameLength > 8 { name = 0 }
        let attributesStart = position
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            position += 1
        }
        guard position < bytes.count else { return nil }
        self.name = name
        self.isClosing = closing
        self.isSelfClosing = position > attributesStart && bytes[position - 1] == UInt8(ascii: "/")
        self.attributes = attributesStart..<position
        self.end = position + 1
    }

    /// The value of an attribute, references decoded; nil when the tag does not have it.
    func attribute(_ wanted: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var position = attributes.lowerBound
        let end = attributes.upperBound
        while position < end {
            while position < end, Self.isSpaceOrSlash(bytes[position]) { position += 1 }
            let nameStart = position
            while position < end, !Self.isSpaceOrSlash(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
            let nameRange = nameStart..<position
            while position < end, Self.isSpace(bytes[position]) { position += 1 }
            var value: Range<Int>?
            if position < end, bytes[position] == UInt8(ascii: "=") {
                position += 1
                while position < end, Self.isSpace(bytes[position]) { position += 1 }
                if position < end, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                    let quote = bytes[position]
                    let valueStart = position + 1
                    position = valueStart
                    while position < end, bytes[position] != quote { position += 1 }
                    value = valueStart..<position
                    position += 1
                } else {
                    let valueStart = position
                    while position < end, !Self.isSpace(bytes[position]) { position += 1 }
                    value = valueStart..<position
                }
            }
            if nameRange.isEmpty { position += 1; continue }
            if Self.equalsIgnoringCase(bytes, nameRange, wanted) {
                guard let value else { return "" }
                return Self.decoded(UnsafeBufferPointer(rebasing: bytes[value]))
            }
        }
        return nil
    }

    private static func decoded(_ value: UnsafeBufferPointer<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        var result = ""
        var index = 0
        while index < value.count {
            if value[index] == UInt8(ascii: "&"),
               let semicolon = value[(index + 1)...].prefix(SearchEntities.maximumLength).firstIndex(of: UInt8(ascii: ";")),
               let text = SearchEntities.decode(UnsafeBufferPointer(rebasing: value[(index + 1)..<semicolon])) {
                result += text
                index = semicolon + 1
            } else {
                let next = value[(index + 1)...].firstIndex(of: UInt8(ascii: "&")) ?? value.count
                result += String(decoding: UnsafeBufferPointer(rebasing: value[index..<next]), as: UTF8.self)
                index = next
            }
        }
        return result
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ wanted: StaticString) -> Bool {
        guard range.count == wanted.utf8CodeUnitCount else { return false }
        return wanted.withUTF8Buffer { pattern in
            (0..<range.count).allSatisfy { bytes[range.lowerBound + $0] | 0x20 == pattern[$0] | 0x20 }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/")
    }
}
