#if DEBUG || DEVKIT_FUZZING
@testable import DevKit

/// Renders a guide in safe and in unsafe mode, rewriting its links with the site builder's resolver,
/// and checks what safe mode promises: no element or attribute that runs script, no dangerous URL.
enum MarkdownFuzz {
    /// A small site for the resolver: the page being rendered and two it can link to.
    private static let pages: [Page] = [
        page("index.md", site: "", kind: .home),
        page("guides/testing.md", site: "guides/testing/", kind: .guide),
        page("reference/events.md", site: "reference/events/", kind: .guide),
    ]
    // swiftlint:disable:next force_try
    private static let resolver = LinkResolver(pages: pages, staticFiles: [], baseURL: try! BaseURL("/docs/"))
    private static let scriptElements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset", "base", "meta",
                                                      "link", "form", "textarea", "style", "math", "template", "noscript"]

    static func run(_ markdown: String) {
        for allowsRawHTML in [false, true] {
            let renderer = MarkdownRenderer(allowsRawHTML: allowsRawHTML)
            let rendered = renderer.render(markdown) { link in
                resolver.resolve(link.destination, from: pages[1], pageIndex: 1).href
            }
            checkPositions(rendered, lines: markdownLineCount(markdown))
            let anchors = rendered.headings.map(\.anchor)
            fuzzExpect(Set(anchors).count == anchors.count, "heading anchors repeat: \(anchors)")
            if !allowsRawHTML { checkSafe(rendered.html) }
        }
    }

    private static func checkPositions(_ rendered: RenderedMarkdown, lines: Int) {
        for link in rendered.links {
            fuzzExpect((1...lines).contains(link.line) && link.column >= 1, "link position outside the text: \(link)")
        }
        for heading in rendered.headings {
            fuzzExpect((1...lines).contains(heading.line) && (1...6).contains(heading.level), "heading outside the text: \(heading)")
        }
    }

    /// Safe mode writes no element that runs script, no `on…` handler and no script URL.
    private static func checkSafe(_ html: String) {
        for tag in HTMLTagScanner.startTags(html) {
            fuzzExpect(!scriptElements.contains(tag.name), "safe mode wrote <\(tag.name)>")
            for (name, value) in tag.attributes {
                fuzzExpect(!name.hasPrefix("on"), "safe mode wrote the handler \(name) on <\(tag.name)>")
                guard ["href", "src", "xlink:href", "action", "formaction", "srcset"].contains(name) else { continue }
                let url = schemeText(value)
                let isSafeImage = name == "src" && ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { url.hasPrefix($0) }
                fuzzExpect(!url.hasPrefix("javascript:") && !url.hasPrefix("vbscript:") && (!url.hasPrefix("data:") || isSafeImage),
                           "safe mode wrote \(name)=\"\(value)\" on <\(tag.name)>")
            }
        }
    }

    /// The start of an attribute value as a browser reads its scheme: entities decoded, leading blanks
    /// and control characters dropped, tabs and newlines removed, lowercased.
    private static func schemeText(_ value: String) -> String {
        let decoded = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        var start = String.UnicodeScalarView()
        for scalar in decoded.unicodeScalars where start.count < 40 {
            if start.isEmpty && scalar.value <= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            start.append(scalar)
        }
        return String(start).lowercased()
    }

    private static func page(_ content: String, site: String, kind: Page.Kind) -> Page {
        Page(kind: kind, sourcePath: "content/" + content, contentPath: content,
             directory: String(content.prefix(while: { $0 != "/" })) + (content.contains("/") ? "/" : ""),
             sectionDirectory: nil, frontMatter: FrontMatter(), body: "", bodyLineOffset: 0, sitePath: site,
             fallbackTitle: content)
    }
}
#endif
