/// The text alternative of a sequence diagram: a title naming it, and a description that tells the
/// whole sequence in order, for readers who cannot see the drawing.
enum SequenceDescription {
    /// `accTitle`, else the drawn title, else "Sequence diagram: A, B and C".
    static func title(_ diagram: SequenceDiagram) -> String {
        if let title = diagram.accessibleTitle, !title.isEmpty { return title }
        if !diagram.title.isEmpty { return diagram.title.joined(separator: " ") }
        return "Sequence diagram: " + names(diagram.participants.map { label($0.label) })
    }

    /// "Participants: …", then each message (numbered), note and block in order.
    static func description(_ diagram: SequenceDiagram) -> String {
        var parts: [String] = []
        if let text = diagram.accessibleDescription, !text.isEmpty { parts.append(sentence(text)) }
        let labels = diagram.participants.map { label($0.label) }
        parts.append("Participants: " + names(labels) + ".")
        var counter = 0
        var blocks: [SequenceBlockKind] = []
        for item in diagram.items {
            switch item {
            case let .message(message):
                counter += 1
                let number = message.number ?? String(counter)
                let route: String
                if message.from == message.to {
                    route = "\(labels[message.from]) to itself"
                } else if message.arrow.isBidirectional {
                    route = "\(labels[message.from]) and \(labels[message.to]), both ways"
                } else {
                    route = "\(labels[message.from]) to \(labels[message.to])"
                }
                let text = label(message.text)
                parts.append(text.isEmpty ? "\(number). \(route)." : "\(number). \(route): \(sentence(text))")
            case let .note(note):
                let place: String
                switch note.placement {
                case .leftOf: place = "left of \(labels[note.first])"
                case .rightOf: place = "right of \(labels[note.first])"
                case .over: place = note.first == note.last ? "over \(labels[note.first])" : "over \(labels[note.first]) and \(labels[note.last])"
                }
                parts.append("Note \(place): \(sentence(label(note.text)))")
            case let .blockStart(kind, text):
                blocks.append(kind)
                if kind != .rect { parts.append(opening(kind, label(text))) }
            case let .blockSection(kind, text):
                let word = kind == .alt ? "Else" : kind == .par ? "And in parallel" : "Option"
                let text = label(text)
                parts.append(text.isEmpty ? "\(word):" : "\(word), \(text):")
            case .blockEnd:
                if let kind = blocks.popLast(), kind != .rect { parts.append("End of \(kind.rawValue).") }
            case .activate, .deactivate:
                break
            }
        }
        return parts.joined(separator: " ")
    }

    private static func opening(_ kind: SequenceBlockKind, _ text: String) -> String {
        let word: String
        switch kind {
        case .loop: word = "Loop"
        case .opt: word = "Optional"
        case .alt: word = "Alternatives, first"
        case .par: word = "In parallel, first"
        case .critical: word = "Critical region"
        case .break: word = "Break"
        case .rect: word = ""
        }
        return text.isEmpty ? "\(word):" : "\(word), \(text):"
    }

    /// Lines joined by spaces.
    private static func label(_ lines: [String]) -> String { lines.filter { !$0.isEmpty }.joined(separator: " ") }

    /// Text ending in a full stop (or its own punctuation).
    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?:;".contains(last) ? text : text + "."
    }

    /// "A", "A and B", "A, B and C"; long lists end with "and N more".
    private static func names(_ names: [String]) -> String {
        var shown = names
        var suffix = ""
        if names.count > 8 {
            shown = Array(names.prefix(7))
            suffix = " and \(names.count - 7) more"
            return shown.joined(separator: ", ") + suffix
        }
        guard shown.count > 1, let last = shown.popLast() else { return shown.first ?? "" }
        return shown.joined(separator: ", ") + " and " + last
    }
}
