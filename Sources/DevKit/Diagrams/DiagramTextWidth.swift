/// Estimates how wide text is drawn, without a font engine: a width per character, in em, close to
/// (slightly above) DejaVu Sans, the widest common `system-ui` face, so labels fit on every system.
enum DiagramTextWidth {
    /// Widths of ASCII 32...126, in thousandths of an em.
    private static let ascii: [UInt16] = [
        // space ! " # $ % & ' ( ) * + , - . /
        318, 400, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        // 0-9
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636,
        // : ; < = > ? @
        337, 337, 838, 838, 838, 531, 1000,
        // A-Z
        684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611,
        732, 684, 989, 685, 611, 685,
        // [ \ ] ^ _ `
        390, 337, 390, 838, 500, 500,
        // a-z
        613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392,
        634, 592, 818, 592, 592, 525,
        // { | } ~
        636, 337, 636, 838,
    ]

    /// The width of `text` at `fontSize` pixels; `bold` adds about 8 %.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            thousandths += width(of: scalar)
        }
        let em = Double(thousandths) / 1000
        return em * fontSize * (bold ? 1.08 : 1)
    }

    /// The widest of `lines`.
    static func width(_ lines: [String], fontSize: Double, bold: Bool = false) -> Double {
        var widest = 0.0
        for line in lines { widest = max(widest, width(line, fontSize: fontSize, bold: bold)) }
        return widest
    }

    /// One character's width in thousandths of an em.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 32, value <= 126 { return Int(ascii[Int(value - 32)]) }
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: return 1000
        case 0x2190...0x21FF, 0x2200...0x22FF: return 838
        default: return 650
        }
    }
}
