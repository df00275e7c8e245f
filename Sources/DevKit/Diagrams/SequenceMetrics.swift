/// The fixed sizes of a drawn sequence diagram, in pixels.
enum SequenceMetrics {
    static let fontSize = 14.0
    static let titleFontSize = 16.0
    static let lineHeight = 18.0
    /// From the top of a line box to its baseline.
    static let baseline = 13.0
    static let margin = 12.0
    static let boxPaddingX = 14.0
    static let boxPaddingY = 10.0
    static let boxMinimumWidth = 80.0
    static let figureHeight = 34.0
    static let columnGap = 36.0
    static let messagePadding = 32.0
    static let numberRadius = 9.0
    static let selfLoopWidth = 32.0
    static let selfLoopHeight = 20.0
    static let noteOffset = 10.0
    static let notePadding = 8.0
    static let noteMinimumWidth = 64.0
    static let spanOverhang = 24.0
    static let framePadding = 14.0
    static let frameTabHeight = 20.0
    static let activationWidth = 10.0
    static let headLength = 9.0
    static let headHalfWidth = 4.5

    /// The width of text lines at the body size.
    static func width(_ lines: [String]) -> Double { DiagramTextWidth.width(lines, fontSize: fontSize) }

    /// The height of `count` text lines.
    static func height(lines count: Int) -> Double { Double(count) * lineHeight }
}
