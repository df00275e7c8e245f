import Foundation

/// The build pipeline: load → templates → render (Markdown, links) → check links → lay out → write.
/// Every step adds its diagnostics; the build fails after the step that found errors, with all of them.
public struct SiteBuilder: Sendable {
    /// Where to read and write.
    public let options: BuildOptions

    /// A builder for these options.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Renders the whole site in memory and checks every link.
    public func render() throws(BuildFailure) -> RenderedSite {
        let loaded = SiteLoader(options: options).load()
        var diagnostics = loaded.diagnostics

        let (templates, templateDiagnostics) = TemplateSet.load(
            from: options.siteDirectory.appendingPathComponent("templates"), displayPath: options.displayPath)
        diagnostics += templateDiagnostics
        if let templates {
            for page in loaded.pages {
                guard let name = page.frontMatter.template, !templates.names.contains(name) else { continue }
                let position = page.frontMatter.valuePositions["template"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(Diagnostic(path: page.sourcePath, line: position.line, column: position.column,
                                              message: "unknown template '\(name)': there is no site/templates/\(name).mustache"))
            }
        }

        let pages = loaded.pages
        let resolver = LinkResolver(pages: pages, staticFiles: loaded.staticFiles, baseURL: options.baseURL)
        let rendered = parallelMap(Array(pages.indices)) { index in
            renderPage(index, of: pages, configuration: loaded.configuration, resolver: resolver)
        }
        let fragments = rendered.map(\.fragment)
        for (index, result) in rendered.enumerated() {
            for (link, target) in result.targets {
                let message: String
                switch target {
                case .none: continue
                case let .broken(reason): message = reason
                case let .anchor(targetPage, fragment):
                    guard !fragments[targetPage].anchors.contains(fragment) else { continue }
                    let where_ = targetPage == index ? "this page has" : "'\(pages[targetPage].sourcePath)' has"
                    message = "broken anchor in link '\(link.destination)': \(where_) no heading '#\(fragment)'"
                }
                let severity: Diagnostic.Severity = options.linkPolicy == .error ? .error : .warning
                diagnostics.append(Diagnostic(path: pages[index].sourcePath, line: link.line + pages[index].bodyLineOffset,
                                              column: link.column, severity: severity, message: message))
            }
        }

        diagnostics.sort { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics: diagnostics)
        }
        return RenderedSite(configuration: loaded.configuration, pages: pages, fragments: fragments,
                            staticFiles: loaded.staticFiles, baseURL: options.baseURL, warnings: diagnostics,
                            templates: templates)
    }

    /// Renders and writes the site atomically to the output folder.
    @discardableResult
    public func build(clock: () -> Date = Date.init) throws(BuildFailure) -> BuildSummary {
        let start = clock()
        let site = try render()
        let written = try SiteWriter(options: options).write(site)
        return BuildSummary(pages: site.pages.count, staticFiles: site.staticFiles.count, filesWritten: written,
                            warnings: site.warnings, duration: clock().timeIntervalSince(start),
                            output: options.outputDisplayPath)
    }

    private struct PageResult {
        var fragment: RenderedMarkdown
        var targets: [(MarkdownLink, LinkResolver.Target)]
    }

    private func renderPage(_ index: Int, of pages: [Page], configuration: SiteConfiguration,
                            resolver: LinkResolver) -> PageResult {
        let page = pages[index]
        let renderer = MarkdownRenderer(allowsRawHTML: page.frontMatter.allowsRawHTML ?? configuration.allowsRawHTML)
        var targets: [(MarkdownLink, LinkResolver.Target)] = []
        let fragment = renderer.render(String(page.body)) { link in
            let (href, target) = resolver.resolve(link.destination, from: page, pageIndex: index)
            if target != .none { targets.append((link, target)) }
            return href
        }
        return PageResult(fragment: fragment, targets: targets)
    }
}

/// What a finished build reports on its last line.
public struct BuildSummary: Sendable, CustomStringConvertible {
    /// Pages rendered.
    public var pages: Int
    /// Files copied as they are.
    public var staticFiles: Int
    /// Every file written, generated ones included.
    public var filesWritten: Int
    /// Problems that did not fail the build.
    public var warnings: [Diagnostic]
    /// Wall-clock time of the whole build.
    public var duration: TimeInterval
    /// The output folder as given.
    public var output: String

    /// `Built 14 pages and 9 static files in 0.12 s → dist`
    public var description: String {
        let warningText = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        return "Built \(pages) page\(pages == 1 ? "" : "s") and \(staticFiles) static file\(staticFiles == 1 ? "" : "s")"
            + " in \(String(format: "%.2f", duration)) s\(warningText) → \(output)"
    }
}
