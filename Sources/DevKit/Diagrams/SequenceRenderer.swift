/// The second layout pass: walks the items top to bottom with a y cursor and draws them into layers
/// (shading, lifelines, frames, activations, messages, notes, participants), which are joined in that
/// order so later layers sit on top.
struct SequenceRenderer {
    typealias M = SequenceMetrics

    /// A frame (or `rect` band) that is open while the walk is inside it.
    struct OpenFrame {
        var kind: SequenceBlockKind
        var label: [String]
        var top: Double
        var sections: [(y: Double, label: [String])] = []
        var minX = Double.infinity
        var maxX = -Double.infinity
    }

    let diagram: SequenceDiagram
    let columns: SequenceColumns
    var shading = DiagramSVG()
    var lifelines = DiagramSVG()
    var frames = DiagramSVG()
    var activationBars = DiagramSVG()
    var messages = DiagramSVG()
    var notes = DiagramSVG()
    var heads = DiagramSVG()
    var minX = Double.infinity
    var maxX = -Double.infinity
    var cursor = 0.0
    var anchorY = 0.0
    var open: [OpenFrame] = []
    var activeSince: [[Double]]

    /// The drawing of `diagram`: its layers, and the x range and height they cover.
    static func draw(_ diagram: SequenceDiagram, titleHeight: Double) -> (body: DiagramSVG, minX: Double, maxX: Double, height: Double) {
        var renderer = SequenceRenderer(diagram: diagram, columns: SequenceColumns(diagram),
                                        activeSince: Array(repeating: [], count: diagram.participants.count))
        let height = renderer.run(top: M.margin + titleHeight)
        var body = DiagramSVG()
        for layer in [renderer.shading, renderer.lifelines, renderer.frames, renderer.activationBars, renderer.messages, renderer.notes, renderer.heads] {
            body.append(layer)
        }
        return (body, renderer.minX, renderer.maxX, height)
    }

    private mutating func run(top: Double) -> Double {
        participants(at: top)
        let lifelineTop = top + columns.headHeight
        cursor = lifelineTop + 16
        anchorY = cursor
        for item in diagram.items {
            switch item {
            case let .message(message): draw(message)
            case let .note(note): draw(note)
            case let .activate(index): activeSince[index].append(anchorY)
            case let .deactivate(index): endActivation(index, at: anchorY)
            case let .blockStart(kind, label): startFrame(kind, label)
            case let .blockSection(_, label): section(label)
            case .blockEnd: endFrame()
            }
        }
        cursor += 4
        for index in activeSince.indices {
            while !activeSince[index].isEmpty { endActivation(index, at: cursor) }
        }
        for centre in columns.centres {
            lifelines.line("seq-lifeline", x1: centre, y1: lifelineTop, x2: centre, y2: cursor)
        }
        participants(at: cursor)
        return cursor + columns.headHeight + M.margin
    }

    /// Widens the drawing, and the innermost open frame, to cover `low...high`.
    mutating func cover(_ low: Double, _ high: Double) {
        minX = min(minX, low)
        maxX = max(maxX, high)
        guard !open.isEmpty else { return }
        open[open.count - 1].minX = min(open[open.count - 1].minX, low)
        open[open.count - 1].maxX = max(open[open.count - 1].maxX, high)
    }

    private mutating func participants(at top: Double) {
        for (index, participant) in diagram.participants.enumerated() {
            let centre = columns.centres[index]
            let width = columns.widths[index]
            cover(centre - width / 2, centre + width / 2)
            let lines = Double(participant.label.count)
            switch participant.shape {
            case .box:
                heads.rect("seq-actor", x: centre - width / 2, y: top, width: width, height: columns.headHeight, radius: 3)
                var baseline = top + (columns.headHeight - lines * M.lineHeight) / 2 + M.baseline
                for line in participant.label {
                    heads.text("seq-actor-text", line, x: centre, y: baseline, anchor: .middle)
                    baseline += M.lineHeight
                }
            case .figure:
                heads.raw("<g class=\"seq-figure\">\n")
                heads.circle("seq-figure-head", x: centre, y: top + 8, radius: 7)
                heads.path("seq-figure-body") {
                    $0.point("M", centre, top + 15); $0.point("L", centre, top + 25)
                    $0.point("M", centre - 10, top + 19); $0.point("L", centre + 10, top + 19)
                    $0.point("M", centre - 9, top + M.figureHeight); $0.point("L", centre, top + 25)
                    $0.point("L", centre + 9, top + M.figureHeight)
                }
                heads.raw("</g>\n")
                var baseline = top + M.figureHeight + 4 + M.baseline
                for line in participant.label {
                    heads.text("seq-actor-text", line, x: centre, y: baseline, anchor: .middle)
                    baseline += M.lineHeight
                }
            }
        }
    }

    /// The x where a message leaves or reaches participant `index` on its `right` or left side.
    private func edge(_ index: Int, right: Bool) -> Double {
        let depth = activeSince[index].count
        guard depth > 0 else { return columns.centres[index] }
        let offset = Double(depth - 1) * 4
        return columns.centres[index] + offset + (right ? M.activationWidth / 2 : -M.activationWidth / 2)
    }

    private mutating func endActivation(_ index: Int, at y: Double) {
        guard let start = activeSince[index].popLast() else { return }
        let depth = Double(activeSince[index].count)
        let x = columns.centres[index] - M.activationWidth / 2 + depth * 4
        activationBars.rect("seq-activation", x: x, y: start, width: M.activationWidth, height: max(y - start, 10))
    }

    private mutating func draw(_ message: SequenceMessage) {
        let textTop = cursor
        let lineY = cursor + M.height(lines: message.text.count) + (message.text.isEmpty ? 4 : 6)
        let dotted = message.arrow.isDotted ? " seq-dotted" : ""
        var textCentre: Double
        var textAnchor = DiagramSVG.Anchor.middle
        let start: Double
        if message.from == message.to {
            start = edge(message.from, right: true)
            let loopEnd = start + M.selfLoopWidth
            messages.path("seq-message\(dotted)") {
                $0.point("M", start, lineY); $0.command("H", loopEnd)
                $0.command("V", lineY + M.selfLoopHeight); $0.command("H", start + (message.arrow.head == .none ? 0 : 2))
            }
            arrowHead(message.arrow.head, tipX: start, y: lineY + M.selfLoopHeight, direction: -1)
            textCentre = start + 8
            textAnchor = .start
            cover(start, max(loopEnd, start + 8 + M.width(message.text)))
            cursor = lineY + M.selfLoopHeight + 16
        } else {
            let rightwards = message.to > message.from
            let direction = rightwards ? 1.0 : -1.0
            start = edge(message.from, right: rightwards)
            let end = edge(message.to, right: !rightwards)
            let inset = message.arrow.head == .filled ? 2.0 : 0
            let lineStart = message.arrow.isBidirectional ? start + direction * inset : start
            messages.line("seq-message\(dotted)", x1: lineStart, y1: lineY, x2: end - direction * inset, y2: lineY)
            arrowHead(message.arrow.head, tipX: end, y: lineY, direction: direction)
            if message.arrow.isBidirectional { arrowHead(message.arrow.head, tipX: start, y: lineY, direction: -direction) }
            textCentre = (start + end) / 2
            let textWidth = M.width(message.text)
            cover(min(start, end, textCentre - textWidth / 2), max(start, end, textCentre + textWidth / 2))
            cursor = lineY + 16
        }
        var baseline = textTop + M.baseline
        for line in message.text {
            messages.text("seq-message-text", line, x: textCentre, y: baseline, anchor: textAnchor)
            baseline += M.lineHeight
        }
        if let number = message.number {
            let radius = max(M.numberRadius, DiagramTextWidth.width(number, fontSize: 11) / 2 + 3)
            messages.circle("seq-number", x: start, y: lineY, radius: radius)
            messages.text("seq-number-text", number, x: start, y: lineY + 4, anchor: .middle)
            cover(start - radius, start + radius)
        }
        anchorY = lineY
    }

    private mutating func arrowHead(_ head: SequenceArrow.Head, tipX: Double, y: Double, direction: Double) {
        let back = tipX - direction * M.headLength
        switch head {
        case .filled:
            messages.path("seq-head") {
                $0.point("M", tipX, y); $0.point("L", back, y - M.headHalfWidth); $0.point("L", back, y + M.headHalfWidth); $0.raw("Z")
            }
        case .open:
            messages.path("seq-head-open") {
                $0.point("M", back, y - 5); $0.point("L", tipX, y); $0.point("L", back, y + 5)
            }
        case .cross:
            let centre = tipX - direction * 5
            messages.path("seq-cross") {
                $0.point("M", centre - 4.5, y - 4.5); $0.point("L", centre + 4.5, y + 4.5)
                $0.point("M", centre - 4.5, y + 4.5); $0.point("L", centre + 4.5, y - 4.5)
            }
        case .none:
            break
        }
    }

    private mutating func draw(_ note: SequenceNote) {
        let textWidth = M.width(note.text)
        var width = max(textWidth + 2 * M.notePadding, M.noteMinimumWidth)
        let first = columns.centres[note.first]
        let left: Double
        switch note.placement {
        case .rightOf: left = edge(note.first, right: true) + M.noteOffset
        case .leftOf: left = edge(note.first, right: false) - M.noteOffset - width
        case .over:
            let last = columns.centres[note.last]
            if note.first == note.last {
                left = first - width / 2
            } else {
                width = max(width, last - first + 2 * M.spanOverhang)
                left = (first + last) / 2 - width / 2
            }
        }
        let height = max(M.height(lines: note.text.count) + 12, 30)
        notes.rect("seq-note", x: left, y: cursor, width: width, height: height, radius: 2)
        var baseline = cursor + (height - M.height(lines: note.text.count)) / 2 + M.baseline
        for line in note.text {
            notes.text("seq-note-text", line, x: left + width / 2, y: baseline, anchor: .middle)
            baseline += M.lineHeight
        }
        cover(left, left + width)
        cursor += height + 12
        anchorY = cursor
    }
}
