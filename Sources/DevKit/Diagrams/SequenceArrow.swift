/// The message arrows of Mermaid's sequence diagrams.
enum SequenceArrow: String, CaseIterable, Equatable, Sendable {
    case solidArrow = "->>"
    case dottedArrow = "-->>"
    case solidCross = "-x"
    case dottedCross = "--x"
    case solidLine = "->"
    case dottedLine = "-->"
    case solidAsync = "-)"
    case dottedAsync = "--)"
    case solidBoth = "<<->>"
    case dottedBoth = "<<-->>"

    /// The arrow for a spelling (`x` in either case, as Mermaid reads it), or nil.
    init?(spelling: String) {
        guard let arrow = Self(rawValue: spelling) ?? Self(rawValue: String(spelling.map { $0 == "X" ? "x" : $0 })) else { return nil }
        self = arrow
    }

    /// The spellings, in the order a user is told them.
    static let spellings = allCases.map(\.rawValue).joined(separator: ", ")

    /// Drawn with a dashed line.
    var isDotted: Bool {
        switch self {
        case .dottedArrow, .dottedCross, .dottedLine, .dottedAsync, .dottedBoth: true
        default: false
        }
    }

    /// What the receiving end shows.
    var head: Head {
        switch self {
        case .solidArrow, .dottedArrow, .solidBoth, .dottedBoth: .filled
        case .solidCross, .dottedCross: .cross
        case .solidAsync, .dottedAsync: .open
        case .solidLine, .dottedLine: .none
        }
    }

    /// Heads at both ends.
    var isBidirectional: Bool { self == .solidBoth || self == .dottedBoth }

    /// The end of a message line.
    enum Head: Equatable, Sendable {
        case filled, open, cross, none
    }
}
