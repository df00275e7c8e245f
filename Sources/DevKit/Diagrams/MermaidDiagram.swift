/// Mermaid diagrams drawn at build time: a ```mermaid block's text in, inline SVG (or why not) out.
/// Only `sequenceDiagram` is drawn; pure functions, no state, safe to call from any thread.
enum MermaidDiagram {
    /// The SVG for a ```mermaid block, or why not. `startLine` is the 1-based file line of the block's
    /// first content line, so positions are file positions. Ids inside the SVG start with `id`
    /// (by default `mermaid-L<startLine>`), so they are unique in a page and stable between builds.
    static func render(_ source: String, startLine: Int, id: String? = nil) -> MermaidResult {
        let text = MermaidSource(source, startLine: startLine)
        do throws(MermaidStop) {
            let preamble = try MermaidPreamble.read(text, firstLine: startLine)
            let diagram = try SequenceParser.parse(text, after: preamble)
            return .svg(SequenceSVG.document(diagram, id: id ?? "mermaid-L\(startLine)"))
        } catch {
            return error.result
        }
    }
}
