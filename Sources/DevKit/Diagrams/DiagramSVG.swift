/// A piece of SVG markup being written: shapes and text with a CSS class each and no colours (the
/// stylesheet gives them), numbers rounded to a tenth of a pixel. Written as UTF-8 bytes, one element a line.
struct DiagramSVG {
    /// The markup so far, as UTF-8.
    private(set) var bytes: [UInt8] = []

    /// How text lines up with its x.
    enum Anchor: String {
        case start, middle, end
    }

    /// The markup so far.
    var markup: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw markup (already escaped).
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends another piece.
    mutating func append(_ other: DiagramSVG) { bytes.append(contentsOf: other.bytes) }

    /// Appends `text`, escaped for XML content and attributes.
    mutating func escaped(_ text: String) { DiagramXMLText.append(text, to: &bytes) }

    /// `<rect>`, with optional rounded corners.
    mutating func rect(_ className: String, x: Double, y: Double, width: Double, height: Double, radius: Double = 0) {
        raw("<rect class=\""); raw(className)
        raw("\" x=\""); number(x); raw("\" y=\""); number(y)
        raw("\" width=\""); number(width); raw("\" height=\""); number(height)
        if radius > 0 { raw("\" rx=\""); number(radius) }
        raw("\"/>\n")
    }

    /// `<path>` whose data `data` writes with `point` and `command`.
    mutating func path(_ className: String, _ data: (inout DiagramSVG) -> Void) {
        raw("<path class=\""); raw(className); raw("\" d=\"")
        data(&self)
        raw("\"/>\n")
    }

    /// A path command and its point, as in `M10 20`.
    mutating func point(_ command: String, _ x: Double, _ y: Double) {
        raw(command); number(x); bytes.append(32); number(y)
    }

    /// A one-coordinate path command, as in `V30`.
    mutating func command(_ command: String, _ value: Double) {
        raw(command); number(value)
    }

    /// A straight line.
    mutating func line(_ className: String, x1: Double, y1: Double, x2: Double, y2: Double) {
        path(className) { $0.point("M", x1, y1); $0.point("L", x2, y2) }
    }

    /// `<circle>`.
    mutating func circle(_ className: String, x: Double, y: Double, radius: Double) {
        raw("<circle class=\""); raw(className)
        raw("\" cx=\""); number(x); raw("\" cy=\""); number(y); raw("\" r=\""); number(radius)
        raw("\"/>\n")
    }

    /// One `<text>` line at baseline `y`.
    mutating func text(_ className: String, _ content: String, x: Double, y: Double, anchor: Anchor = .start) {
        raw("<text class=\""); raw(className)
        raw("\" x=\""); number(x); raw("\" y=\""); number(y)
        if anchor != .start { raw("\" text-anchor=\""); raw(anchor.rawValue) }
        raw("\">")
        escaped(content)
        raw("</text>\n")
    }

    /// Appends `value` rounded to a tenth, without a trailing `.0`.
    mutating func number(_ value: Double) {
        guard value.isFinite, abs(value) < 1e12 else { bytes.append(48); return }
        var tenths = Int((value * 10).rounded())
        if tenths < 0 {
            bytes.append(45)
            tenths = -tenths
        }
        let whole = tenths / 10
        let fraction = tenths % 10
        digits(whole)
        if fraction != 0 {
            bytes.append(46)
            bytes.append(48 + UInt8(fraction))
        }
    }

    private mutating func digits(_ value: Int) {
        if value >= 10 { digits(value / 10) }
        bytes.append(48 + UInt8(value % 10))
    }

    /// `value` rounded to a tenth, as written in the SVG.
    static func format(_ value: Double) -> String {
        var svg = DiagramSVG()
        svg.number(value)
        return svg.markup
    }
}
