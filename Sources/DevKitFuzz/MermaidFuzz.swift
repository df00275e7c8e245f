#if DEBUG || DEVKIT_FUZZING
@testable import DevKit

/// Draws a ```mermaid block: an SVG element without script, or an error or warning at a line of the block.
enum MermaidFuzz {
    private static let startLine = 5

    static func run(_ text: String) {
        let lastLine = MermaidSource(text, startLine: startLine).lines.last?.number ?? startLine
        switch MermaidDiagram.render(text, startLine: startLine) {
        case let .svg(svg):
            fuzzExpect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"), "not an svg element: \(svg.prefix(80).debugDescription)")
            for tag in HTMLTagScanner.startTags(svg) {
                fuzzExpect(tag.name != "script" && tag.name != "foreignobject", "the drawing has <\(tag.name)>")
                fuzzExpect(!tag.attributes.contains { $0.name.hasPrefix("on") }, "the drawing has a handler on <\(tag.name)>")
            }
        case let .failure(line, column, message):
            fuzzExpect((startLine...lastLine).contains(line) && column >= 1 && !message.isEmpty, "failure at \(line):\(column) \(message)")
        case let .unsupported(kind, line, message):
            fuzzExpect((startLine...lastLine).contains(line) && !kind.isEmpty && !message.isEmpty, "unsupported at \(line): \(kind) \(message)")
        }
    }
}
#endif
