import CCmark

/// A page parsed by libcmark with the GitHub-flavoured extensions applied to its tree: tables,
/// strikethrough, extended autolinks, task lists, footnotes and GitHub's alerts. Pages without a
/// candidate for a block-level extension are parsed once; the others twice (see `GFMBlockPlan`).
struct GFMDocument {
    /// The document node; the caller frees it.
    let root: OpaquePointer
    private let preludeLines: Int
    private let cellOrigins: [GFMBlockPlan.CellOrigin]
    private let columnShifts: [Int: Int]
    /// Footnote anchors written into the page (`fn-…`, `fnref-…`).
    private(set) var footnoteAnchors: [String] = []
    /// Where the links the passes made stand (libcmark cannot store a position on a new node).
    private var madePositions: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// Task list sentinels to swap for checkboxes in the rendered HTML.
    private(set) var taskItems = TaskListItems.Found()

    /// Parses `markdown` and applies every extension. With `alignsWithStyle`, aligned table cells get
    /// `style="text-align: …"` instead of the obsolete `align` attribute, as cmark-gfm's
    /// `CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES` does (the HTML validator rejects `align`).
    init(_ markdown: String, alignsWithStyle: Bool = false) {
        let shield = EscapeShield(Array(markdown.utf8))
        let bytes = shield.bytes
        let candidates = GFMCandidates(bytes)
        var root = Self.parse(bytes)
        var plan: GFMBlockPlan?
        var preludeLines = 0
        let lines = candidates.needsBlockPass || candidates.hasTasksOrAlerts ? SourceLines(bytes) : SourceLines([])
        if candidates.needsBlockPass {
            let found = GFMBlockPlan(document: root, lines: lines, candidates: candidates)
            if !found.isEmpty {
                // The plan keeps no node of the first tree: free it before the second parse, so a
                // big page never holds two trees (parse it again in the rare case the plan fails).
                cmark_node_free(root)
                let rewritten = found.rewrittenSource(lines)
                let second = Self.parse(rewritten.bytes)
                if TableBuilder.build(found, in: second, preludeLines: rewritten.preludeLines, alignsWithStyle: alignsWithStyle) {
                    root = second
                    preludeLines = rewritten.preludeLines
                    plan = found
                } else {
                    cmark_node_free(second)
                    root = Self.parse(bytes)
                }
            }
        }
        self.root = root
        self.preludeLines = preludeLines
        self.cellOrigins = plan?.cells.map(\.origin) ?? []
        self.columnShifts = plan?.columnShifts ?? [:]
        defer { shield.restore(in: root) }
        guard candidates.needsTreePass else { return }

        let definitions = FootnoteDefinitions.collect(in: root, lines: plan?.footnoteLines ?? [:], preludeLines: preludeLines)
        var references = FootnoteReferences(definedLabels: definitions.labels, anchorLabel: definitions.written)
        let trees = [root] + definitions.contents.sorted { cmark_node_get_start_line($0) < cmark_node_get_start_line($1) }
        for tree in trees {
            // Kept for this tree only: a text node the autolink pass frees may give its address to a later node.
            var madeTexts: [OpaquePointer: (line: Int, column: Int)] = [:]
            if candidates.hasFootnoteReferences, !definitions.isEmpty {
                for made in references.replace(in: tree) { madeTexts[made.text] = (made.line, made.column) }
            }
            if candidates.hasAutolinks {
                for made in ExtendedAutolinks.apply(to: tree, madeTexts: madeTexts) { madePositions[made.link] = (made.line, made.column) }
            }
            if candidates.hasTilde { Strikethrough.apply(to: tree) }
        }
        if candidates.hasTasksOrAlerts {
            taskItems = TaskListItems.mark(in: root, lines: lines, preludeLines: preludeLines)
            GitHubAlerts.apply(to: root)
        }
        if !definitions.isEmpty { footnoteAnchors = definitions.writeSection(in: root, references: references) }
    }

    private static func parse(_ bytes: [UInt8]) -> OpaquePointer {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
    }

    /// The line and column in the page's Markdown where `node` starts.
    func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        if let made = madePositions[node] { return originalPosition(line: made.line, column: made.column) }
        return originalPosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    /// The line and column in the page's Markdown of a position libcmark reports in the parsed text.
    func originalPosition(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 1, preludeLines > 0 || !columnShifts.isEmpty else { return (line, column) }
        if line <= preludeLines {
            let index = (line - 1) / 2
            guard index < cellOrigins.count else { return (line, column) }
            let origin = cellOrigins[index]
            return (origin.line, origin.column + max(0, column - 3))
        }
        let original = line - preludeLines
        if let shift = columnShifts[original], column > 4 { return (original, column + shift) }
        return (original, column)
    }

    /// The HTML libcmark wrote, with task-list sentinels replaced.
    func finish(_ html: String) -> String { taskItems.replace(in: html) }
}
