/// The keyword statements: participants, blocks, notes, activation, numbering and title.
extension SequenceParser {
    /// Keywords that open a block, with the block they open.
    static let blockKeywords: [String: SequenceBlockKind] = [
        "loop": .loop, "opt": .opt, "alt": .alt, "par": .par, "par_over": .par, "critical": .critical,
        "break": .break, "rect": .rect,
    ]
    /// Valid Mermaid statements that are not drawn at build time.
    static let undrawnKeywords: Set<String> = ["box", "create", "destroy", "link", "links", "properties", "details"]
    /// Every keyword that starts a statement.
    static let keywords: Set<String> = Set(blockKeywords.keys).union(undrawnKeywords).union([
        "participant", "actor", "autonumber", "activate", "deactivate", "note", "else", "and", "option", "end",
        "title", "sequencediagram",
    ])

    /// Parses one statement, `start..<end` of `line`.
    mutating func statement(_ line: MermaidSource.Line, _ start: Int, _ end: Int) throws(MermaidStop) {
        let (start, end) = source.trimmed(start, end)
        guard start < end else { return }
        var keywordEnd = start
        while keywordEnd < end, MermaidSource.isWordCharacter(source[keywordEnd]) { keywordEnd += 1 }
        let keyword = source.text(start, keywordEnd).lowercased()
        guard Self.keywords.contains(keyword) else {
            try message(line, start, end)
            return
        }
        let rest = source.skipSpaces(keywordEnd, end)
        if startsWithArrow(rest, end) {
            let word = source.text(start, keywordEnd)
            throw .syntax(line: line.number, column: source.column(start, on: line),
                          message: "'\(word)' is a Mermaid keyword, so it cannot name a participant; declare 'participant P as \(word)' and write 'P' in messages")
        }
        if let kind = Self.blockKeywords[keyword] {
            try openBlock(kind, keyword: keyword, line, start, rest, end)
            return
        }
        if Self.undrawnKeywords.contains(keyword) {
            throw .unsupported(kind: keyword, line: line.number,
                               message: "the sequenceDiagram statement '\(keyword)' is not drawn at build time; the block stays a code block")
        }
        switch keyword {
        case "participant", "actor": try declare(line, shape: keyword == "actor" ? .figure : .box, rest, end, keywordStart: start)
        case "note": try note(line, rest, end)
        case "else", "and", "option": try section(keyword, line, start, rest, end)
        case "end": try closeBlock(line, start, rest, end)
        case "autonumber": try autonumber(line, rest, end)
        case "activate", "deactivate": try activation(keyword == "activate", line, start, rest, end)
        case "title": try title(line, start, rest, end)
        default:
            throw .syntax(line: line.number, column: source.column(start, on: line), message: "a second 'sequenceDiagram' header; one block holds one diagram")
        }
    }

    /// Whether a message arrow begins at `index`.
    private func startsWithArrow(_ index: Int, _ end: Int) -> Bool {
        guard index < end else { return false }
        let run = arrowRun(index, end)
        let text = source.text(index, run.end)
        return SequenceArrow(spelling: text) != nil || (text.hasSuffix("-") && SequenceArrow(spelling: String(text.dropLast())) != nil)
    }

    private mutating func openBlock(_ kind: SequenceBlockKind, keyword: String, _ line: MermaidSource.Line, _ start: Int, _ rest: Int, _ end: Int) throws(MermaidStop) {
        let column = source.column(start, on: line)
        guard blocks.count < SequenceLimits.depth else {
            throw .syntax(line: line.number, column: column, message: "blocks nest more than \(SequenceLimits.depth) deep here; flatten the diagram or split it in two")
        }
        let label = kind == .rect ? [] : try SequenceText.lines(source, rest, end, on: line)
        blocks.append(OpenBlock(kind: kind, keyword: source.text(start, start + keyword.unicodeScalars.count), line: line.number, column: column))
        diagram.items.append(.blockStart(kind, label: label))
    }

    private mutating func section(_ keyword: String, _ line: MermaidSource.Line, _ start: Int, _ rest: Int, _ end: Int) throws(MermaidStop) {
        let owner = keyword == "else" ? "alt" : keyword == "and" ? "par" : "critical"
        guard let block = blocks.last, block.kind.sectionKeyword == keyword else {
            let open = blocks.last.map { " but the innermost open block is '\($0.keyword)' (line \($0.line))" } ?? " but no block is open"
            throw .syntax(line: line.number, column: source.column(start, on: line), message: "'\(keyword)' divides \(owner == "alt" ? "an" : "a") '\(owner)' block,\(open)")
        }
        diagram.items.append(.blockSection(block.kind, label: try SequenceText.lines(source, rest, end, on: line)))
    }

    private mutating func closeBlock(_ line: MermaidSource.Line, _ start: Int, _ rest: Int, _ end: Int) throws(MermaidStop) {
        guard rest == end else {
            throw .syntax(line: line.number, column: source.column(rest, on: line), message: "unexpected text after 'end'; 'end' stands alone on its line")
        }
        guard let block = blocks.popLast() else {
            throw .syntax(line: line.number, column: source.column(start, on: line), message: "'end' closes nothing: no alt, opt, loop, par, critical, break or rect block is open")
        }
        diagram.items.append(.blockEnd(block.kind))
    }

    private mutating func declare(_ line: MermaidSource.Line, shape: SequenceParticipant.Shape, _ rest: Int, _ end: Int, keywordStart: Int) throws(MermaidStop) {
        guard rest < end else {
            throw .syntax(line: line.number, column: source.column(end, on: line), message: "'\(source.text(keywordStart, keywordStart + (shape == .figure ? 5 : 11)))' needs a name, e.g. 'participant Alice' or 'participant A as Alice'")
        }
        var idEnd = end
        var labelStart: Int?
        var index = rest
        while index < end {
            if MermaidSource.isSpace(source[index]) {
                let word = source.skipSpaces(index, end)
                if source.hasKeyword("as", at: word, end), word + 2 < end, MermaidSource.isSpace(source[word + 2]) {
                    idEnd = index
                    labelStart = word + 2
                    break
                }
                index = word
            } else {
                index += 1
            }
        }
        if labelStart == nil, end - rest > 3, source.hasKeyword("as", at: end - 2, end), MermaidSource.isSpace(source[end - 3]) {
            throw .syntax(line: line.number, column: source.column(end, on: line), message: "write the label after 'as', e.g. 'participant A as Alice'")
        }
        let id = try participantName(line, rest, idEnd)
        var label: [String]?
        if let labelStart {
            label = try SequenceText.lines(source, labelStart, end, on: line)
            if label?.isEmpty ?? true {
                throw .syntax(line: line.number, column: source.column(end, on: line), message: "write the label after 'as', e.g. 'participant A as Alice'")
            }
        }
        let position = try participant(id, line, rest)
        diagram.participants[position].shape = shape
        if let label { diagram.participants[position].label = label }
    }

    private mutating func note(_ line: MermaidSource.Line, _ rest: Int, _ end: Int) throws(MermaidStop) {
        var index = rest
        let placement: SequenceNote.Placement
        if source.hasKeyword("over", at: index, end) {
            placement = .over
            index += 4
        } else if source.hasKeyword("left", at: index, end) || source.hasKeyword("right", at: index, end) {
            let isLeft = source.hasKeyword("left", at: index, end)
            let of = source.skipSpaces(index + (isLeft ? 4 : 5), end)
            guard source.hasKeyword("of", at: of, end) else {
                throw .syntax(line: line.number, column: source.column(of, on: line), message: "write '\(isLeft ? "left" : "right") of', e.g. 'Note \(isLeft ? "left" : "right") of Alice: text'")
            }
            placement = isLeft ? .leftOf : .rightOf
            index = of + 2
        } else {
            throw .syntax(line: line.number, column: source.column(index, on: line), message: "expected 'left of', 'right of' or 'over' after 'Note', e.g. 'Note over Alice: text'")
        }
        guard let colon = firstColon(index, end) else {
            throw .syntax(line: line.number, column: source.column(end, on: line), message: "a note needs ':' and its text, e.g. 'Note right of Alice: text'")
        }
        var names: [(Int, Int)] = []
        var nameStart = index
        for position in index...colon where position == colon || source[position] == "," {
            names.append((nameStart, position))
            nameStart = position + 1
        }
        if names.count > (placement == .over ? 2 : 1) {
            let comma = names[names.count - 1].0 - 1
            let message = placement == .over ? "'Note over' takes one or two participants" : "'Note left of' and 'Note right of' take one participant; use 'Note over A,B' to span two"
            throw .syntax(line: line.number, column: source.column(comma, on: line), message: message)
        }
        var indices: [Int] = []
        for (low, high) in names {
            indices.append(try participant(try participantName(line, low, high), line, low))
        }
        let text = try messageText(line, colon, end)
        let first = indices[0]
        let last = indices.count > 1 ? indices[1] : first
        try countItem(line, rest)
        diagram.items.append(.note(SequenceNote(placement: placement, first: min(first, last), last: max(first, last), text: text)))
    }

    private mutating func autonumber(_ line: MermaidSource.Line, _ rest: Int, _ end: Int) throws(MermaidStop) {
        let words = source.text(rest, end).split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.isEmpty {
            numbering = true
        } else if words.count == 1, words[0].lowercased() == "off" {
            numbering = false
        } else if words.count <= 2, let first = Self.number(words[0]), let step = words.count == 2 ? Self.number(words[1]) : 1 {
            numbering = true
            nextNumber = first
            numberStep = step
        } else {
            throw .syntax(line: line.number, column: source.column(rest, on: line), message: "'autonumber' takes nothing, 'off', or a start and an optional step, e.g. 'autonumber 10 5'")
        }
    }

    private mutating func activation(_ activate: Bool, _ line: MermaidSource.Line, _ start: Int, _ rest: Int, _ end: Int) throws(MermaidStop) {
        let index = try participant(try participantName(line, rest, end), line, rest)
        if activate {
            activations[index] += 1
            diagram.items.append(.activate(index))
        } else {
            try deactivate(index, line, start)
        }
    }

    /// Ends one activation of participant `index`, or fails when it is not active.
    mutating func deactivate(_ index: Int, _ line: MermaidSource.Line, _ at: Int) throws(MermaidStop) {
        guard activations[index] > 0 else {
            throw .syntax(line: line.number, column: source.column(at, on: line),
                          message: "'\(MermaidStop.shown(diagram.participants[index].id))' is not active here; an activation starts with 'activate \(MermaidStop.shown(diagram.participants[index].id))' or '+' after an arrow")
        }
        activations[index] -= 1
        diagram.items.append(.deactivate(index))
    }

    private mutating func title(_ line: MermaidSource.Line, _ start: Int, _ rest: Int, _ end: Int) throws(MermaidStop) {
        var textStart = rest
        if textStart < end, source[textStart] == ":" { textStart += 1 }
        let text = try SequenceText.lines(source, textStart, end, on: line)
        guard !text.isEmpty else {
            throw .syntax(line: line.number, column: source.column(start, on: line), message: "'title' needs text, e.g. 'title Placing a call'")
        }
        diagram.title = text
    }

    /// Counts a message or note against the limit.
    mutating func countItem(_ line: MermaidSource.Line, _ at: Int) throws(MermaidStop) {
        itemCount += 1
        guard itemCount <= SequenceLimits.items else {
            throw .syntax(line: line.number, column: source.column(at, on: line), message: "more than \(SequenceLimits.items) messages and notes in one diagram; split it into several")
        }
    }

    private func firstColon(_ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            if source[index] == ":" { return index }
            index += 1
        }
        return nil
    }

    /// A start or step of `autonumber`: digits with at most two decimals.
    private static func number(_ word: Substring) -> Double? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !parts[0].isEmpty, parts[0].count <= 9, parts.count == 1 || (1...2).contains(parts[1].count) else { return nil }
        return Double(word)
    }
}
