import Foundation

/// The build pipeline: load → templates → render (Markdown, links) → check links → lay out → write.
/// Every step adds its diagnostics; the build fails after the step that found errors, with all of them.
/// `update` re-runs only what a change touches, for `devkit serve`.
public struct SiteBuilder: Sendable {
    /// Where to read and write.
    public let options: BuildOptions

    /// A builder for these options.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Renders the whole site in memory and checks every link.
    public func render() throws(BuildFailure) -> RenderedSite {
        var timer = PhaseTimer()
        let loaded = SiteLoader(options: options).load()
        timer.mark("load")
        let (templates, templateDiagnostics) = loadTemplates()

        var pages = loaded.pages
        let resolver = LinkResolver(pages: pages, staticFiles: loaded.staticFiles, baseURL: options.baseURL)
        timer.mark("templates")
        let rendered = parallelMap(Array(pages.indices)) { [pages] index in
            renderPage(pages[index], index: index, configuration: loaded.configuration, strings: loaded.strings, resolver: resolver)
        }
        // The Markdown is not needed once rendered (an update reads an edited guide again): let it go.
        for index in pages.indices { pages[index].dropBody() }
        timer.mark("markdown")
        let site = RenderedSite.Parts(
            configuration: loaded.configuration, pages: pages, fragments: rendered.map(\.fragment),
            linkChecks: rendered.map(\.checks), staticFiles: loaded.staticFiles, strings: loaded.strings,
            loadDiagnostics: loaded.diagnostics, resolver: resolver)
        defer { timer.mark("links") }
        return try finish(site, templates: templates, diagnostics: templateDiagnostics, renderedPages: pages.count)
    }

    /// Renders the site again after the files at `changedPaths` (absolute paths) changed, reusing
    /// everything of `previous` that the change cannot affect: an edited guide is re-read and
    /// re-rendered alone, an edited template reloads the templates, an edited static file needs nothing.
    /// Anything else (files added, removed or renamed, configuration) renders the whole site.
    public func update(_ previous: RenderedSite, changedPaths: Set<String>) throws(BuildFailure) -> RenderedSite {
        guard let plan = ChangePlan(changedPaths, previous: previous, options: options) else { return try render() }
        var parts = previous.parts
        var diagnostics: [Diagnostic] = []
        let loader = SiteLoader(options: options)
        for index in plan.editedPages {
            let old = parts.pages[index]
            guard let contentPath = old.contentPath else { return try render() }
            switch loader.loadPage(relative: contentPath, languages: parts.configuration.languages) {
            case let .success(page?) where page.sitePath == old.sitePath && page.kind == old.kind:
                parts.pages[index] = page
                parts.pages[index].dropBody()
                let result = renderPage(page, index: index, configuration: parts.configuration, strings: parts.strings,
                                        resolver: parts.resolver)
                parts.fragments[index] = result.fragment
                parts.linkChecks[index] = result.checks
            case .success:
                return try render()
            case let .failure(diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        var templates: TemplateSet? = previous.templates
        if plan.templatesChanged {
            let (reloaded, templateDiagnostics) = loadTemplates()
            templates = reloaded
            diagnostics += templateDiagnostics
        }
        return try finish(parts, templates: templates, diagnostics: diagnostics, renderedPages: plan.editedPages.count)
    }

    /// Renders and writes the site atomically to the output folder.
    @discardableResult
    public func build(clock: () -> Date = Date.init) throws(BuildFailure) -> BuildSummary {
        let start = clock()
        // First, so that the previous site is back in place whatever happens to this build.
        let recovered = InterruptedBuildRecovery(output: options.outputDirectory, displayPath: options.outputDisplayPath).run()
        let site: RenderedSite
        do {
            site = try render()
            var timer = PhaseTimer()
            try SiteWriter(options: options).write(site)
            timer.mark("write")
        } catch {
            throw BuildFailure(diagnostics: recovered + error.diagnostics)
        }
        return BuildSummary(pages: site.pages.count, staticFiles: site.staticFiles.count,
                            warnings: recovered + site.warnings, duration: clock().timeIntervalSince(start),
                            output: options.outputDisplayPath)
    }

    private func loadTemplates() -> (TemplateSet?, [Diagnostic]) {
        TemplateSet.load(from: options.siteDirectory.appendingPathComponent("templates"), displayPath: options.displayPath)
    }

    /// Checks templates named by pages and every link, then makes the site or throws every diagnostic:
    /// the load step's and the pages' blocks' (kept in `parts`, so an update reports them again),
    /// then `diagnostics`, the templates' and the re-read pages', then these checks'.
    private func finish(_ parts: RenderedSite.Parts, templates: TemplateSet?, diagnostics: [Diagnostic],
                        renderedPages: Int) throws(BuildFailure) -> RenderedSite {
        var diagnostics = parts.loadDiagnostics + diagnostics + blockProblems(parts)
        if let templates {
            for page in parts.pages {
                guard let name = page.frontMatter.template, !templates.names.contains(name) else { continue }
                let position = page.frontMatter.valuePositions["template"] ?? SourcePosition(line: 1, column: 1)
                diagnostics.append(Diagnostic(path: page.sourcePath, line: position.line, column: position.column,
                                              message: "unknown template '\(name)': there is no site/templates/\(name).mustache"))
            }
        }
        diagnostics += LinkChecker(policy: options.linkPolicy).check(parts)
        diagnostics.sort { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics: diagnostics)
        }
        return RenderedSite(parts: parts, templates: templates, warnings: diagnostics, renderedPages: renderedPages)
    }

    private func renderPage(_ page: Page, index: Int, configuration: SiteConfiguration, strings: LayoutStrings,
                            resolver: LinkResolver) -> (fragment: RenderedMarkdown, checks: [LinkChecker.Check]) {
        let labels = MarkdownRenderer.Labels(copy: strings.word("copy", page.language), copyCode: strings.word("copyCode", page.language),
                                             linkToSection: strings.word("linkToSection", page.language))
        let renderer = MarkdownRenderer(allowsRawHTML: page.frontMatter.allowsRawHTML ?? configuration.allowsRawHTML, labels: labels)
        var checks: [LinkChecker.Check] = []
        let fragment = renderer.render(String(page.body)) { link in
            let (href, target) = resolver.resolve(link.destination, from: page, pageIndex: index)
            if target != .none { checks.append(LinkChecker.Check(link: link, target: target)) }
            return href
        }
        return (fragment, checks)
    }

    /// The problems the renderer found in pages' blocks, named by file and file line.
    private func blockProblems(_ parts: RenderedSite.Parts) -> [Diagnostic] {
        zip(parts.pages, parts.fragments).flatMap { page, fragment in
            fragment.problems.map { problem in
                var located = problem
                located.path = page.sourcePath
                located.line += page.bodyLineOffset
                return located
            }
        }
    }
}
