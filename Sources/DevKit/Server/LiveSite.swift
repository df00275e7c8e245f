import Foundation

/// The site as `devkit serve` holds it: the last good render, the current errors, and the files it
/// answers requests with. Rebuilds reuse what a change did not touch; a failed rebuild keeps the
/// last good site and records the errors for the overlay.
public actor LiveSite {
    /// What a request path resolves to.
    public enum Resolution: Sendable, Equatable {
        /// Send this file with 200.
        case file(ServedFile)
        /// The page lives at this path with a trailing slash.
        case redirect(String)
        /// Nothing here: send this page with 404.
        case notFound(ServedFile)
        /// The site could not be built yet: send this error page with 500.
        case buildFailed(ServedFile)
    }

    /// The outcome of one rebuild, for the terminal and the reload channel.
    public struct RebuildReport: Sendable {
        /// True when the site was replaced.
        public var succeeded: Bool
        /// Errors and warnings of this build.
        public var diagnostics: [Diagnostic]
        /// Wall-clock time of the rebuild.
        public var duration: TimeInterval
        /// Pages re-rendered (all of them for a full build).
        public var pagesRendered: Int
    }

    private let builder: SiteBuilder
    private let injectsReloadScript: Bool
    private let forbiddenRoots: [String]
    private var site: RenderedSite?
    private var filesByPath: [String: OutputFile] = [:]
    private var documentCache: [String: ServedFile] = [:]
    private var pendingChanges: Set<String> = []
    /// Gzipped bodies of this generation's files, for the routes.
    nonisolated let compressedBodies = CompressedBodies()
    /// The errors of the latest build (empty when it succeeded).
    public private(set) var errors: [Diagnostic] = []
    /// Counts successful builds; pages carry it so a stale tab knows to reload.
    public private(set) var generation = 0

    /// A live site for these options; `forbiddenRoots` are folders never served from (the key folder).
    public init(options: BuildOptions, injectsReloadScript: Bool = true, forbiddenRoots: [URL] = []) {
        builder = SiteBuilder(options: options)
        self.injectsReloadScript = injectsReloadScript
        self.forbiddenRoots = forbiddenRoots.map { SymlinkGuard.realPath($0.path) ?? $0.path }
    }

    /// The base URL pages are served under.
    public nonisolated var basePath: String { builder.options.baseURL.path }

    /// Builds the whole site.
    @discardableResult
    public func build() -> RebuildReport {
        rebuild(changes: nil)
    }

    /// Rebuilds after these absolute paths changed (with every change since the last good build).
    @discardableResult
    public func apply(changes: Set<String>) -> RebuildReport {
        rebuild(changes: changes)
    }

    private func rebuild(changes: Set<String>?) -> RebuildReport {
        let start = Date()
        if let changes { pendingChanges.formUnion(changes) }
        do {
            let next = if let site, changes != nil {
                try builder.update(site, changedPaths: pendingChanges)
            } else {
                try builder.render()
            }
            install(next)
            pendingChanges = []
            errors = []
            generation += 1
            return RebuildReport(succeeded: true, diagnostics: next.warnings, duration: Date().timeIntervalSince(start),
                                 pagesRendered: next.renderedPages)
        } catch {
            errors = error.errors
            return RebuildReport(succeeded: false, diagnostics: error.diagnostics, duration: Date().timeIntervalSince(start),
                                 pagesRendered: 0)
        }
    }

    private func install(_ next: RenderedSite) {
        filesByPath = Dictionary(next.outputFiles().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        site = next
        documentCache = [:]
        compressedBodies.removeAll()
    }

    /// The reload-channel greeting: the generation and the current errors.
    public func status() -> ReloadHub.Event {
        ReloadHub.Event(name: "hello", data: DiagnosticJSON.encode(generation: generation, errors: errors))
    }

    /// Finds what to send for a site path (already checked by `RequestPath`); `frame` is true when a
    /// browser loads the root inside an iframe, as HubSpot's `local` mode does: it gets the demo widget.
    public func resolve(_ sitePath: String, frame: Bool = false) -> Resolution {
        guard let site else { return .buildFailed(errorPage()) }
        if frame, sitePath.isEmpty, let widget = filesByPath["widget/index.html"], let file = served(widget) {
            return .file(file)
        }
        let path = sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
        if let file = filesByPath[path].flatMap(served) { return .file(file) }
        if path.hasSuffix(".json"), let contents = site.searchIndex.all[path] {
            return .file(ServedFile(body: Data(contents.utf8), contentType: MediaType.forPath(path)))
        }
        if !sitePath.isEmpty, !sitePath.hasSuffix("/"), filesByPath[sitePath + "/index.html"] != nil {
            return .redirect(basePath + PathDisplay.encode(sitePath) + "/")
        }
        // A missing page under /ja/ gets the Japanese 404 page.
        let root = site.configuration.languages.containing(sitePath)?.root ?? ""
        return .notFound(html(site.notFoundDocument(languageRoot: root)))
    }

    /// The site's 404 page (or the build-error page while nothing builds).
    public func notFoundPage() -> ServedFile {
        guard let site else { return errorPage() }
        return html(site.notFoundDocument())
    }

    /// The bytes of an output file: a document composed once per build, or a static file read now.
    private func served(_ file: OutputFile) -> ServedFile? {
        switch file.body {
        case let .text(make):
            if let cached = documentCache[file.path] { return cached }
            let text = make()
            let served = file.path.hasSuffix(".html") ? html(text) : ServedFile(body: Data(text.utf8), contentType: MediaType.forPath(file.path))
            documentCache[file.path] = served
            return served
        case let .copy(source):
            return staticFile(source)
        }
    }

    /// Reads a static file, refusing one whose real path has left its folder since the build.
    private func staticFile(_ file: StaticFile) -> ServedFile? {
        guard case let .file(source) = file.source else {
            guard case let .embedded(bytes) = file.source else { return nil }
            return ServedFile(body: Data(bytes), contentType: MediaType.forPath(file.outputPath))
        }
        guard let real = SymlinkGuard.realPath(source.path) else { return nil }
        let options = builder.options
        let roots = [options.siteDirectory, options.contentDirectory].compactMap { SymlinkGuard.realPath($0.path) }
        guard roots.contains(where: { SymlinkGuard.isInside(real, $0) }),
              !forbiddenRoots.contains(where: { SymlinkGuard.isInside(real, $0) }),
              let data = FileManager.default.contents(atPath: real)
        else { return nil }
        if file.outputPath.hasSuffix(".html") { return html(String(decoding: data, as: UTF8.self)) }
        return ServedFile(body: data, contentType: MediaType.forPath(file.outputPath))
    }

    private func html(_ text: String) -> ServedFile {
        let body = injectsReloadScript ? ReloadClient.inject(into: text, generation: generation) : text
        return ServedFile(body: Data(body.utf8), contentType: "text/html; charset=utf-8")
    }

    private func errorPage() -> ServedFile {
        let items = errors.map { "<li><code>\(HTML.escapeText($0.description))</code></li>" }.joined(separator: "\n")
        return html("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed · devkit serve</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 2rem;"><h1>The site does not build yet</h1>
            <p>Fix these problems; this page reloads by itself.</p><ul>\(items)</ul></body></html>
            """)
    }
}
