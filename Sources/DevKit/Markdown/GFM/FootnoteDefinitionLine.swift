/// The first line of a footnote definition, `[^label]: text`, as cmark-gfm scans it: a label of
/// anything but `]`, spaces, tabs and line ends, then `]:` and optional spaces or tabs.
struct FootnoteDefinitionLine {
    /// The label as written.
    var label: String
    /// Index of the first byte of the definition's text (after `]:` and spaces).
    var contentStart: Int

    /// Reads `line` from its first non-space byte; nil when it is no definition.
    init?(_ line: ArraySlice<UInt8>) {
        guard line.count >= 5, line[line.startIndex] == 0x5B, line[line.startIndex + 1] == 0x5E else { return nil }
        var index = line.startIndex + 2
        while index < line.endIndex, line[index] != 0x5D, line[index] != ASCII.space, line[index] != ASCII.tab, line[index] != 0 {
            index += 1
        }
        guard index > line.startIndex + 2, index + 1 < line.endIndex, line[index] == 0x5D, line[index + 1] == ASCII.colon else { return nil }
        label = String(decoding: line[(line.startIndex + 2)..<index], as: UTF8.self)
        index += 2
        while index < line.endIndex, line[index] == ASCII.space || line[index] == ASCII.tab { index += 1 }
        contentStart = index
    }
}
