/// Parses Mustache text (the spec's tags: values, sections, inverted sections, comments, partials
/// and set-delimiter tags, with its standalone-line rules) into `TemplateNode`s. A mistake is a
/// `Diagnostic` at the tag's line and column.
struct TemplateParser {
    private enum Kind {
        case value, raw, section, inverted, close, comment, partial, delimiters
        /// Tags that vanish with their line when they stand alone on it.
        var canStandAlone: Bool { self != .value && self != .raw }
    }

    private enum Token {
        case text(ArraySlice<UInt8>)
        case tag(Kind, name: String, offset: Int)
    }

    private let bytes: [UInt8]
    private let path: String
    private let lineStarts: [Int]

    /// The nodes of `text`; `path` names the file in diagnostics.
    static func parse(_ text: String, path: String) throws(Diagnostic) -> [TemplateNode] {
        try TemplateParser(text: text, path: path).parse()
    }

    private init(text: String, path: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        self.path = path
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    private func parse() throws(Diagnostic) -> [TemplateNode] {
        var tokens = try tokenize()
        let indentation = removeStandaloneLines(&tokens)
        return try tree(tokens, indentation: indentation)
    }

    // MARK: Tokens

    private func tokenize() throws(Diagnostic) -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var position = 0
        while position < bytes.count {
            guard let start = find(open, from: position) else {
                tokens.append(.text(bytes[position...]))
                break
            }
            if start > position { tokens.append(.text(bytes[position..<start])) }
            var inner = start + open.count
            var kind = Kind.value
            var closing = close
            switch inner < bytes.count ? bytes[inner] : 0 {
            case UInt8(ascii: "{") where open == Array("{{".utf8):
                kind = .raw
                closing = Array("}".utf8) + close
            case UInt8(ascii: "&"): kind = .raw
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "="): kind = .delimiters
            case let sigil where [UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%")].contains(sigil):
                throw error(at: start, "'\(String(decoding: open, as: UTF8.self))\(Character(Unicode.Scalar(sigil)))' tags (inheritance and pragmas) are not supported")
            default: inner -= 1
            }
            inner += 1
            guard let end = find(closing, from: inner) else { throw error(at: start, "unclosed tag: no '\(String(decoding: closing, as: UTF8.self))'") }
            let content = String(decoding: bytes[inner..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            position = end + closing.count
            switch kind {
            case .comment:
                tokens.append(.tag(.comment, name: "", offset: start))
            case .delimiters:
                let parts = content.hasSuffix("=") ? content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw error(at: start, "a set-delimiter tag is written {{=<% %>=}}: two delimiters between '=' signs")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
                tokens.append(.tag(.delimiters, name: "", offset: start))
            default:
                guard !content.isEmpty else { throw error(at: start, "empty tag: a tag needs a name") }
                if kind != .partial, let bad = content.first(where: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" }) {
                    throw error(at: start, "'\(content)' is not a name (it holds '\(bad)'): devkit's templates take plain and dotted names only")
                }
                tokens.append(.tag(kind, name: content, offset: start))
            }
        }
        return tokens
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: Standalone lines

    /// A section, close, comment, partial or delimiter tag alone on its line takes the line with it
    /// (its indentation and line break), so templates can be laid out without stray blank lines.
    /// Returns the indentation of each standalone partial, by token index.
    private func removeStandaloneLines(_ tokens: inout [Token]) -> [Int: String] {
        var dropFront = [Int](repeating: 0, count: tokens.count)
        var dropBack = [Int](repeating: 0, count: tokens.count)
        var indentation: [Int: String] = [:]
        for (index, token) in tokens.enumerated() {
            guard case let .tag(kind, _, _) = token, kind.canStandAlone else { continue }
            var before = 0
            if index > 0 {
                guard case let .text(text) = tokens[index - 1] else { continue }
                let lineStart = text.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
                if lineStart == nil, index - 1 > 0 { continue }
                let tail = text[(lineStart ?? text.startIndex)...]
                guard tail.allSatisfy(Self.isBlank) else { continue }
                before = tail.count
            }
            var after = 0
            if index + 1 < tokens.count {
                guard case let .text(text) = tokens[index + 1] else { continue }
                let blanks = text.prefix(while: Self.isBlank).count
                var rest = text.dropFirst(blanks)
                if rest.first == UInt8(ascii: "\r") { rest = rest.dropFirst() }
                if rest.first == UInt8(ascii: "\n") {
                    after = text.count - rest.count + 1
                } else if rest.isEmpty, index + 2 == tokens.count {
                    after = text.count
                } else {
                    continue
                }
            }
            if index > 0 { dropBack[index - 1] = before }
            if index + 1 < tokens.count { dropFront[index + 1] = after }
            if kind == .partial, index > 0, case let .text(text) = tokens[index - 1] {
                indentation[index] = String(decoding: text.suffix(before), as: UTF8.self)
            }
        }
        for index in tokens.indices {
            guard case let .text(text) = tokens[index], dropFront[index] + dropBack[index] > 0 else { continue }
            let start = text.startIndex + min(dropFront[index], text.count)
            let end = max(start, text.endIndex - dropBack[index])
            tokens[index] = .text(text[start..<end])
        }
        return indentation
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    // MARK: Tree

    private func tree(_ tokens: [Token], indentation: [Int: String]) throws(Diagnostic) -> [TemplateNode] {
        struct Open {
            var name: String
            var inverted: Bool
            var offset: Int
            var nodes: [TemplateNode] = []
        }
        var stack = [Open(name: "", inverted: false, offset: 0)]
        for (index, token) in tokens.enumerated() {
            switch token {
            case let .text(text):
                if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(String(decoding: text, as: UTF8.self))) }
            case let .tag(kind, name, offset):
                switch kind {
                case .value, .raw:
                    stack[stack.count - 1].nodes.append(.value(try templateName(name, at: offset), escaped: kind == .value))
                case .section, .inverted:
                    _ = try templateName(name, at: offset)
                    stack.append(Open(name: name, inverted: kind == .inverted, offset: offset))
                case .close:
                    guard stack.count > 1 else { throw error(at: offset, "'{{/\(name)}}' closes no open section") }
                    let section = stack.removeLast()
                    guard section.name == name else {
                        let (line, _) = position(of: section.offset)
                        throw error(at: offset, "'{{/\(name)}}' does not close the open section '\(section.name)' (line \(line))")
                    }
                    stack[stack.count - 1].nodes.append(.section(try templateName(name, at: offset), body: section.nodes, inverted: section.inverted))
                case .partial:
                    let (line, column) = position(of: offset)
                    stack[stack.count - 1].nodes.append(.partial(name, indentation: indentation[index] ?? "", line: line, column: column))
                case .comment, .delimiters:
                    break
                }
            }
        }
        if stack.count > 1, let section = stack.last {
            throw error(at: section.offset, "section '\(section.name)' is never closed: add {{/\(section.name)}}")
        }
        return stack[0].nodes
    }

    private func templateName(_ text: String, at offset: Int) throws(Diagnostic) -> TemplateName {
        if text == "." { return TemplateName(parts: []) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { throw error(at: offset, "'\(text)' is not a name: a dotted name has no empty part") }
        return TemplateName(parts: parts)
    }

    // MARK: Positions

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
        return (low + 1, column)
    }

    private func error(at offset: Int, _ message: String) -> Diagnostic {
        let (line, column) = position(of: offset)
        return Diagnostic(path: path, line: line, column: column, message: "template syntax error: \(message)")
    }
}
