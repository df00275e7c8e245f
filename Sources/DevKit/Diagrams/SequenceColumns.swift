/// Where each participant's lifeline goes: the first layout pass. Each message or note that must fit
/// between two participants sets a least distance between their centres; centres are then placed left
/// to right, each as far left as every constraint ending at it allows (linear in participants + items).
struct SequenceColumns: Equatable {
    /// The x of each lifeline.
    var centres: [Double]
    /// The width of each participant's box (or figure label).
    var widths: [Double]
    /// The height of the participant row.
    var headHeight: Double

    /// Measures `diagram`.
    init(_ diagram: SequenceDiagram) {
        typealias M = SequenceMetrics
        let count = diagram.participants.count
        var widths: [Double] = []
        var headHeight = 0.0
        widths.reserveCapacity(count)
        for participant in diagram.participants {
            let labelWidth = M.width(participant.label)
            let lines = Double(max(participant.label.count, 1))
            switch participant.shape {
            case .box:
                widths.append(max(M.boxMinimumWidth, labelWidth + 2 * M.boxPaddingX))
                headHeight = max(headHeight, lines * M.lineHeight + 2 * M.boxPaddingY)
            case .figure:
                widths.append(max(48, labelWidth + 8))
                headHeight = max(headHeight, M.figureHeight + 4 + lines * M.lineHeight)
            }
        }
        var required = [[(left: Int, distance: Double)]](repeating: [], count: count)
        func need(_ a: Int, _ b: Int, _ distance: Double) {
            guard a != b else { return }
            required[max(a, b)].append((min(a, b), distance))
        }
        for item in diagram.items {
            switch item {
            case let .message(message):
                let textWidth = M.width(message.text) + (message.number == nil ? 0 : 2 * M.numberRadius + 4)
                if message.from == message.to {
                    if message.from + 1 < count { need(message.from, message.from + 1, max(M.selfLoopWidth, textWidth + 8) + 16) }
                } else {
                    need(message.from, message.to, textWidth + M.messagePadding)
                }
            case let .note(note):
                let width = max(M.width(note.text) + 2 * M.notePadding, M.noteMinimumWidth)
                switch note.placement {
                case .rightOf: if note.first + 1 < count { need(note.first, note.first + 1, width + 2 * M.noteOffset) }
                case .leftOf: if note.first > 0 { need(note.first - 1, note.first, width + 2 * M.noteOffset) }
                case .over: need(note.first, note.last, width - 2 * M.spanOverhang)
                }
            default:
                break
            }
        }
        var centres = [Double](repeating: 0, count: count)
        for index in 0..<count {
            if index == 0 {
                centres[0] = widths[0] / 2
                continue
            }
            var centre = centres[index - 1] + (widths[index - 1] + widths[index]) / 2 + M.columnGap
            for constraint in required[index] {
                centre = max(centre, centres[constraint.left] + constraint.distance)
            }
            centres[index] = centre
        }
        self.centres = centres
        self.widths = widths
        self.headHeight = headHeight
    }
}
