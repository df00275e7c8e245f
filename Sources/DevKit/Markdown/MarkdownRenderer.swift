import Foundation
import CCmark

/// Turns GitHub-flavoured Markdown into an HTML fragment with libcmark (the GFM extensions are
/// passes over libcmark's tree, see `GFMDocument`), adding what a guide needs: heading anchors, a
/// copy button on code blocks, rewritten link destinations, and safe raw HTML.
public struct MarkdownRenderer: Sendable {
    /// When false (the default), raw HTML in the source is shown as text and dangerous URLs are dropped.
    public var allowsRawHTML: Bool
    /// When false, headings and code blocks are written as plain CommonMark writes them (no anchors,
    /// no copy button): the oracle test compares that output with cmark-gfm's.
    var decoratesBlocks = true

    /// The words the renderer writes itself, in the page's language.
    public struct Labels: Sendable {
        public var copy = "Copy"
        public var copyCode = "Copy code"
        public var linkToSection = "Link to this section"

        public init(copy: String = "Copy", copyCode: String = "Copy code", linkToSection: String = "Link to this section") {
            self.copy = copy
            self.copyCode = copyCode
            self.linkToSection = linkToSection
        }
    }

    /// The copy button's and heading links' words.
    public var labels: Labels

    /// A renderer; raw HTML is escaped unless allowed.
    public init(allowsRawHTML: Bool = false, labels: Labels = Labels()) {
        self.allowsRawHTML = allowsRawHTML
        self.labels = labels
    }

    /// Renders `markdown`; `rewriteLink` maps each link or image destination to the one written out.
    public func render(_ markdown: String, rewriteLink: (MarkdownLink) -> String = { $0.destination }) -> RenderedMarkdown {
        let parsed = GFMDocument(markdown, alignsWithStyle: decoratesBlocks)
        let document = parsed.root
        defer { cmark_node_free(document) }

        var collected = CollectedNodes()
        collected.collect(from: document)

        var links: [MarkdownLink] = []
        links.reserveCapacity(collected.links.count)
        for node in collected.links {
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let position = parsed.position(of: node)
            let link = MarkdownLink(
                destination: destination,
                line: position.line,
                column: position.column,
                isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE
            )
            links.append(link)
            var written = rewriteLink(link)
            if !allowsRawHTML, URLSafety.isDangerous(written, isImage: link.isImage) { written = "" }
            if written != destination { cmark_node_set_url(node, written) }
        }

        var slugger = HeadingSlugger()
        var headings: [Heading] = []
        headings.reserveCapacity(collected.headings.count)
        for node in collected.headings {
            let text = Self.plainText(of: node)
            let heading = Heading(
                level: Int(cmark_node_get_heading_level(node)),
                text: text,
                anchor: slugger.slug(for: text),
                line: parsed.position(of: node).line
            )
            headings.append(heading)
            if decoratesBlocks { Self.replace(node, withAnchored: heading, label: labels.linkToSection) }
        }

        var problems: [Diagnostic] = []
        if decoratesBlocks {
            for node in collected.codeBlocks {
                let position = parsed.position(of: node)
                Self.replaceCodeBlock(node, line: position.line, column: position.column, labels: labels, problems: &problems)
            }
        }
        var htmlAnchors: [String] = []
        for node in collected.rawHTML {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let anchor = RawHTMLAnchor(literal)
            if let id = anchor?.id { htmlAnchors.append(id) }
            if allowsRawHTML { continue }
            if let anchor {
                Self.replace(node, withLiteral: anchor.html)
            } else if literal.trimmedWhitespace() != "</a>" || cmark_node_get_type(node) != CMARK_NODE_HTML_INLINE {
                Self.replaceWithText(node, literal: literal)
            } else {
                Self.replace(node, withLiteral: "")
            }
        }

        guard let rendered = cmark_render_html(document, CMARK_OPT_UNSAFE) else {
            return RenderedMarkdown(html: "", headings: headings, links: links, htmlAnchors: htmlAnchors, problems: problems)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: parsed.finish(String(cString: rendered)), headings: headings, links: links,
                                htmlAnchors: htmlAnchors, footnoteAnchors: parsed.footnoteAnchors, problems: problems)
    }

    /// The text of a node's inline children, as a reader sees it.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Swaps a heading for custom nodes that write the same heading with an `id` and a self-link.
    private static func replace(_ node: OpaquePointer, withAnchored heading: Heading, label: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            return
        }
        let anchor = HTML.escapeAttribute(heading.anchor)
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(inline, "<h\(heading.level) id=\"\(anchor)\">")
        cmark_node_set_on_exit(inline, "<a class=\"anchor\" href=\"#\(anchor)\" aria-label=\"\(HTML.escapeAttribute(label))\"></a></h\(heading.level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// Writes a code block: a ```mermaid sequence diagram as inline SVG, any other block with its
    /// language class, highlighted when the language is known, and a copy button. `line` and
    /// `column` are where the block starts in the Markdown.
    private static func replaceCodeBlock(_ node: OpaquePointer, line: Int, column: Int, labels: Labels, problems: inout [Diagnostic]) {
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        var html: String
        if language == "mermaid", let diagram = diagramHTML(code, line: line, column: column, problems: &problems) {
            html = diagram
        } else {
            html = "<div class=\"code-block\"><button type=\"button\" class=\"copy\" aria-label=\"\(HTML.escapeAttribute(labels.copyCode))\">"
                + HTML.escapeText(labels.copy) + "</button><pre><code"
            if let highlighted = Highlighter.highlight(code, language: language) {
                html += " class=\"language-\(highlighted.language)\">" + highlighted.html
            } else {
                if !language.isEmpty { html += " class=\"language-\(HTML.escapeAttribute(language))\"" }
                html += ">" + HTML.escapeText(code)
            }
            html += "</code></pre></div>\n"
        }
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(block, html)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// A sequence diagram's figure, or nil (with a warning) for a diagram type that is not drawn, so
    /// the block stays code; a syntax error is an error and the block stays code too.
    private static func diagramHTML(_ code: String, line: Int, column: Int, problems: inout [Diagnostic]) -> String? {
        let result = MermaidDiagram.render(code, startLine: line + 1)
        if case let .svg(svg) = result {
            // Focusable: a wide diagram scrolls sideways, and a scrolling region must be reachable.
            return "<figure class=\"diagram\" tabindex=\"0\">\(svg)</figure>\n"
        }
        if var problem = result.diagnostic(path: "") {
            if problem.line > line { problem.column += column - 1 }
            problems.append(problem)
        }
        return nil
    }

    /// Puts HTML the renderer wrote itself in place of a raw HTML node, keeping its kind.
    private static func replace(_ node: OpaquePointer, withLiteral literal: String) {
        cmark_node_set_literal(node, literal)
    }

    /// Shows raw HTML as the text it is.
    private static func replaceWithText(_ node: OpaquePointer, literal: String) {
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, isBlock ? String(literal.trimmedWhitespace()) : literal)
        if isBlock {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return }
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
        } else {
            cmark_node_replace(node, text)
        }
        cmark_node_free(node)
    }
}

/// The nodes one pass over the tree finds; the tree is changed only after the pass.
private struct CollectedNodes {
    var links: [OpaquePointer] = []
    var headings: [OpaquePointer] = []
    var codeBlocks: [OpaquePointer] = []
    var rawHTML: [OpaquePointer] = []

    mutating func collect(from document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            default: break
            }
        }
    }
}
