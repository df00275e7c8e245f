/// The `<svg>` element of a sequence diagram: accessible name and description, optional drawn title,
/// and the drawing, sized by its viewBox so it scales down (to three quarters) and then scrolls.
enum SequenceSVG {
    /// The whole element for `diagram`, with ids starting `id`.
    static func document(_ diagram: SequenceDiagram, id: String) -> String {
        typealias M = SequenceMetrics
        let titleWidth = DiagramTextWidth.width(diagram.title, fontSize: M.titleFontSize, bold: true)
        let titleHeight = diagram.title.isEmpty ? 0 : Double(diagram.title.count) * 22 + 10
        let drawing = SequenceRenderer.draw(diagram, titleHeight: titleHeight)
        var minX = drawing.minX
        var maxX = drawing.maxX
        if titleWidth > maxX - minX {
            let grow = (titleWidth - (maxX - minX)) / 2
            minX -= grow
            maxX += grow
        }
        minX -= M.margin
        maxX += M.margin
        let width = (maxX - minX).rounded(.up)
        let height = drawing.height.rounded(.up)
        let originX = DiagramSVG.format(minX)
        let idText = DiagramXMLText.escape(id)
        var svg = DiagramSVG()
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seq\" role=\"img\" aria-labelledby=\"\(idText)-title\" aria-describedby=\"\(idText)-desc\"")
        svg.raw(" viewBox=\"\(originX) 0 \(DiagramSVG.format(width)) \(DiagramSVG.format(height))\" width=\"\(DiagramSVG.format(width))\" height=\"\(DiagramSVG.format(height))\"")
        svg.raw(" style=\"min-width:\(DiagramSVG.format((width * 0.75).rounded()))px\">\n")
        svg.raw("<title id=\"\(idText)-title\">\(DiagramXMLText.escape(SequenceDescription.title(diagram)))</title>\n")
        svg.raw("<desc id=\"\(idText)-desc\">\(DiagramXMLText.escape(SequenceDescription.description(diagram)))</desc>\n")
        var baseline = M.margin + 17
        for line in diagram.title {
            svg.text("seq-title", line, x: (minX + maxX) / 2, y: baseline, anchor: .middle)
            baseline += 22
        }
        svg.append(drawing.body)
        svg.raw("</svg>")
        return svg.markup
    }
}
