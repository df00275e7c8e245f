/// A parsed Mermaid sequence diagram: participants in order of appearance and a flat list of items,
/// where blocks (`alt`, `loop`, …) are start, section and end markers, so nothing downstream recurses.
struct SequenceDiagram: Equatable, Sendable {
    /// The drawn title (`title …` or front matter `title:`), already decoded, one entry per line.
    var title: [String] = []
    /// `accTitle:`, when given: the accessible name instead of the generated one.
    var accessibleTitle: String?
    /// `accDescr`, when given: put before the generated description.
    var accessibleDescription: String?
    /// Participants, in the order they appear.
    var participants: [SequenceParticipant] = []
    /// Messages, notes, activations and block markers, in source order.
    var items: [SequenceItem] = []
}

/// One participant (a box) or actor (a stick figure).
struct SequenceParticipant: Equatable, Sendable {
    /// How it is drawn.
    enum Shape: Equatable, Sendable {
        case box
        case figure
    }

    /// The name messages use.
    var id: String
    /// The label, one entry per line (the alias, or the decoded name).
    var label: [String]
    /// Box or stick figure.
    var shape: Shape
}

/// One arrow between two participants (the same index twice for a message to itself).
struct SequenceMessage: Equatable, Sendable {
    /// Index of the sender in `participants`.
    var from: Int
    /// Index of the receiver.
    var to: Int
    /// The arrow as written.
    var arrow: SequenceArrow
    /// The text, one entry per line.
    var text: [String]
    /// The autonumber label, when numbering is on.
    var number: String?
    /// `+` after the arrow: the receiver becomes active.
    var activatesReceiver = false
    /// `-` after the arrow: the sender stops being active.
    var deactivatesSender = false
}

/// A note beside one participant or over one or two.
struct SequenceNote: Equatable, Sendable {
    /// Where the note sits.
    enum Placement: Equatable, Sendable {
        case leftOf
        case rightOf
        case over
    }

    /// Where the note sits.
    var placement: Placement
    /// The first participant named.
    var first: Int
    /// The second participant of `over A,B` (equal to `first` otherwise).
    var last: Int
    /// The text, one entry per line.
    var text: [String]
}

/// The kinds of block Mermaid draws as a frame (or, for `rect`, a shaded band).
enum SequenceBlockKind: String, Equatable, Sendable {
    case loop, opt, alt, par, critical, `break`, rect

    /// The keyword that opens a further section of this block, if it has sections.
    var sectionKeyword: String? {
        switch self {
        case .alt: "else"
        case .par: "and"
        case .critical: "option"
        default: nil
        }
    }
}

/// One entry of the diagram, in source order.
enum SequenceItem: Equatable, Sendable {
    case message(SequenceMessage)
    case note(SequenceNote)
    case activate(Int)
    case deactivate(Int)
    /// A block opens; `label` is its condition text (for `rect`, empty).
    case blockStart(SequenceBlockKind, label: [String])
    /// `else`, `and` or `option` inside the open block.
    case blockSection(SequenceBlockKind, label: [String])
    /// The innermost open block closes.
    case blockEnd(SequenceBlockKind)
}
