/// Frames around `alt`, `opt`, `loop`, `par`, `critical` and `break` blocks, and the shaded band of `rect`.
/// A frame's width is known only at its `end` (it covers what it holds), so it is drawn then.
extension SequenceRenderer {
    mutating func startFrame(_ kind: SequenceBlockKind, _ label: [String]) {
        open.append(OpenFrame(kind: kind, label: label, top: cursor))
        if kind == .rect {
            cursor += 8
        } else {
            cursor += max(M.frameTabHeight, M.height(lines: max(label.count, 1)) + 4) + 10
        }
        anchorY = cursor
    }

    mutating func section(_ label: [String]) {
        guard !open.isEmpty else { return }
        open[open.count - 1].sections.append((cursor, label))
        cursor += 4 + M.height(lines: label.count) + 10
        anchorY = cursor
    }

    mutating func endFrame() {
        guard var frame = open.popLast() else { return }
        if frame.minX > frame.maxX {
            let first = columns.centres.first ?? 0
            frame.minX = first - 30
            frame.maxX = first + 30
        }
        let bottom = cursor + 2
        if frame.kind == .rect {
            let left = frame.minX - 6
            let right = frame.maxX + 6
            shading.rect("seq-highlight", x: left, y: frame.top, width: right - left, height: bottom - frame.top)
            cursor = bottom + 10
            anchorY = cursor
            cover(left, right)
            return
        }
        let keyword = frame.kind.rawValue
        let tabWidth = DiagramTextWidth.width(keyword, fontSize: M.fontSize, bold: true) + 18
        let left = frame.minX - M.framePadding
        var right = frame.maxX + M.framePadding
        let conditionWidth = M.width(Self.bracketed(frame.label))
        right = max(right, left + tabWidth + conditionWidth + 16)
        for section in frame.sections {
            right = max(right, left + M.width(Self.bracketed(section.label)) + 16)
        }
        frames.rect("seq-frame", x: left, y: frame.top, width: right - left, height: bottom - frame.top)
        let tabBottom = frame.top + M.frameTabHeight
        frames.path("seq-frame-tab") {
            $0.point("M", left, frame.top); $0.command("H", left + tabWidth)
            $0.command("V", tabBottom - 6); $0.point("L", left + tabWidth - 6, tabBottom)
            $0.command("H", left); $0.raw("Z")
        }
        frames.text("seq-frame-keyword", keyword, x: left + 8, y: frame.top + 14.5)
        var baseline = frame.top + 14.5
        for line in Self.bracketed(frame.label) {
            frames.text("seq-frame-text", line, x: (left + tabWidth + right) / 2, y: baseline, anchor: .middle)
            baseline += M.lineHeight
        }
        for section in frame.sections {
            frames.line("seq-frame-divider", x1: left, y1: section.y, x2: right, y2: section.y)
            var baseline = section.y + 4 + M.baseline
            for line in Self.bracketed(section.label) {
                frames.text("seq-frame-text", line, x: (left + right) / 2, y: baseline, anchor: .middle)
                baseline += M.lineHeight
            }
        }
        cursor = bottom + 12
        anchorY = cursor
        cover(left, right)
    }

    /// A condition as Mermaid shows it: `[text]` around its lines.
    static func bracketed(_ label: [String]) -> [String] {
        guard !label.isEmpty else { return [] }
        var lines = label
        lines[0] = "[" + lines[0]
        lines[lines.count - 1] += "]"
        return lines
    }
}
