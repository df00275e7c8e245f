/// Messages (`Alice->>+Bob: text`), participant names and the arrows between them.
extension SequenceParser {
    /// Where a participant name stopped.
    enum NameStop {
        case end, colon, comma, plus, arrow
    }

    /// Parses a message statement, `start..<end` of `line`.
    mutating func message(_ line: MermaidSource.Line, _ start: Int, _ end: Int) throws(MermaidStop) {
        let (senderEnd, senderStop) = nameEnd(start, end)
        guard senderStop == .arrow else {
            if senderStop == .colon {
                throw .syntax(line: line.number, column: source.column(senderEnd, on: line), message: "expected an arrow such as '->>' between the sender and the receiver before ':'")
            }
            let shown = MermaidStop.shown(source.text(start, senderEnd))
            throw .syntax(line: line.number, column: source.column(start, on: line),
                          message: "'\(shown)' is not a statement; a message looks like 'Alice->>Bob: Hello', and other statements start with participant, actor, Note, loop, alt, opt, par, critical, break, rect or end")
        }
        let sender = try participantName(line, start, senderEnd, role: "sender")
        let run = arrowRun(senderEnd, end)
        var spelling = source.text(senderEnd, run.end)
        var deactivates = false
        var arrow = SequenceArrow(spelling: spelling)
        if arrow == nil, spelling.hasSuffix("-"), let shorter = SequenceArrow(spelling: String(spelling.dropLast())) {
            arrow = shorter
            deactivates = true
            spelling.removeLast()
        }
        if arrow == nil, Self.halfArrows.contains(spelling) || Self.halfArrows.contains(String(spelling.dropLast())) {
            throw .unsupported(kind: "half arrow", line: line.number, message: "half arrows such as '\(spelling)' are not drawn at build time; the block stays a code block")
        }
        guard let arrow else {
            throw .syntax(line: line.number, column: source.column(senderEnd, on: line), message: "unknown arrow '\(MermaidStop.shown(spelling))'; use \(SequenceArrow.spellings)")
        }
        var index = source.skipSpaces(run.end, end)
        var activates = false
        if index < end, source[index] == "+" || source[index] == "-", !deactivates {
            activates = source[index] == "+"
            deactivates = !activates
            index = source.skipSpaces(index + 1, end)
        }
        let (receiverEnd, receiverStop) = nameEnd(index, end)
        switch receiverStop {
        case .colon: break
        case .end:
            if index == receiverEnd {
                throw .syntax(line: line.number, column: source.column(index, on: line), message: "a message needs a receiver after '\(spelling)', e.g. 'Alice\(spelling)Bob: Hello'")
            }
            throw .syntax(line: line.number, column: source.column(end, on: line), message: "a message needs ':' and its text after the receiver, e.g. 'Alice\(spelling)Bob: Hello'")
        case .arrow:
            throw .syntax(line: line.number, column: source.column(receiverEnd, on: line), message: "a message has one arrow; start a new line for the next message")
        case .comma, .plus:
            throw .syntax(line: line.number, column: source.column(receiverEnd, on: line), message: "unexpected '\(source.text(receiverEnd, receiverEnd + 1))' in the receiver's name")
        }
        let receiver = try participantName(line, index, receiverEnd, role: "receiver")
        if sender.hasSuffix("()") || receiver.hasPrefix("()") {
            throw .unsupported(kind: "()", line: line.number, message: "central connections '()' on a message are not drawn at build time; the block stays a code block")
        }
        let from = try participant(sender, line, start)
        let to = try participant(receiver, line, index)
        let text = try messageText(line, receiverEnd, end)
        try countItem(line, start)
        var number: String?
        if numbering { number = Self.format(nextNumber) }
        nextNumber += numberStep
        diagram.items.append(.message(SequenceMessage(from: from, to: to, arrow: arrow, text: text, number: number,
                                                      activatesReceiver: activates, deactivatesSender: deactivates)))
        if activates {
            activations[to] += 1
            diagram.items.append(.activate(to))
        }
        if deactivates { try deactivate(from, line, senderEnd) }
    }

    /// Mermaid's half arrows (valid since 11.12), which are not drawn.
    static let halfArrows: Set<String> = [
        "-|\\", "--|\\", "-|/", "--|/", "/|-", "/|--", "\\|-", "\\|--", "-\\\\", "--\\\\", "-//", "--//",
        "//-", "//--", "\\\\-", "\\\\--",
    ]

    /// The text after the `:` at `colon` (it may be empty).
    func messageText(_ line: MermaidSource.Line, _ colon: Int, _ end: Int) throws(MermaidStop) -> [String] {
        try SequenceText.lines(source, colon + 1, end, on: line)
    }

    /// Scans a participant name from `start`: it runs until `:`, `,`, `+` or an arrow. A hyphen belongs to
    /// the name when a name character follows it, unless it reads as `-x`, `--x`, `-)` or `--)` (as in Mermaid).
    func nameEnd(_ start: Int, _ end: Int) -> (Int, NameStop) {
        var index = start
        while index < end {
            switch source[index] {
            case ":": return (index, .colon)
            case ",": return (index, .comma)
            case "+": return (index, .plus)
            case ">", "|", "\\", "/": return (index, .arrow)
            case "=" where index + 1 < end && (source[index + 1] == ">" || source[index + 1] == "="): return (index, .arrow)
            case "<" where source.hasPrefix("<<-", at: index, end): return (index, .arrow)
            case "-":
                var after = index
                while after < end, source[after] == "-" { after += 1 }
                guard after < end else { return (index, .arrow) }
                let next = source[after]
                let hyphens = after - index
                if ">:,+;|\\/<".unicodeScalars.contains(next) || (hyphens <= 2 && (next == "x" || next == "X" || next == ")")) {
                    return (index, .arrow)
                }
                index = after
            default:
                index += 1
            }
        }
        return (end, .end)
    }

    /// The run of arrow characters at `start`: `-`, `<`, `>`, `)` and half-arrow strokes, and an `x` right
    /// after one or two hyphens.
    func arrowRun(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var index = start
        while index < end {
            let scalar = source[index]
            if "-<>)|\\/=".unicodeScalars.contains(scalar) {
                index += 1
            } else if scalar == "x" || scalar == "X", index > start, index - start <= 2,
                      source.bytes[start..<index].allSatisfy({ $0 == 45 }) {
                index += 1
            } else {
                break
            }
        }
        return (start, index)
    }

    /// The name in `start..<end`, trimmed, checked to be usable.
    func participantName(_ line: MermaidSource.Line, _ start: Int, _ end: Int, role: String = "participant") throws(MermaidStop) -> String {
        let (low, high) = source.trimmed(start, end)
        guard low < high else {
            throw .syntax(line: line.number, column: source.column(low, on: line), message: "the \(role)'s name is missing")
        }
        var index = low
        while index < high {
            let scalar = source[index]
            if scalar == "@", index + 1 < high, source[index + 1] == "{" {
                throw .unsupported(kind: "participant @{…}", line: line.number, message: "participant settings '@{…}' are not drawn at build time; the block stays a code block")
            }
            if scalar == ">" || scalar == ":" || scalar == "," || scalar == "<" {
                throw .syntax(line: line.number, column: source.column(index, on: line),
                              message: "a participant's name cannot contain '\(scalar)'; give it a short name and a label, e.g. 'participant H as Hub\(scalar)Spot'")
            }
            index += 1
        }
        return source.text(low, high)
    }

    /// The index of participant `id`, adding it (in order of appearance) when new.
    mutating func participant(_ id: String, _ line: MermaidSource.Line, _ at: Int) throws(MermaidStop) -> Int {
        if let index = participantIndex[id] { return index }
        guard diagram.participants.count < SequenceLimits.participants else {
            throw .syntax(line: line.number, column: source.column(at, on: line), message: "more than \(SequenceLimits.participants) participants in one diagram; split it into several")
        }
        let decoded = id.contains("#") || id.contains("<") ? Self.decodedName(id) : [id]
        participantIndex[id] = diagram.participants.count
        diagram.participants.append(SequenceParticipant(id: id, label: decoded, shape: .box))
        activations.append(0)
        return diagram.participants.count - 1
    }

    /// A name's label: its character codes decoded (it was checked when the statement was split).
    private static func decodedName(_ id: String) -> [String] {
        let source = MermaidSource(id, startLine: 1)
        guard let line = source.lines.first, let lines = try? SequenceText.lines(source, line.start, line.end, on: line) else { return [id] }
        return lines.isEmpty ? [id] : lines
    }

    /// An autonumber label: whole numbers without decimals, others with up to two.
    static func format(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0, abs(hundredths) < 1e15 { return String(Int(hundredths / 100)) }
        var text = String(Double(hundredths) / 100)
        if text.hasSuffix("0"), text.contains(".") { text.removeLast() }
        return text
    }
}
