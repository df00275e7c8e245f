import Foundation

/// The load step: finds the guides and static files, reads and splits every Markdown file, and gives
/// each page its output path. Every problem becomes a diagnostic; nothing stops at the first.
struct SiteLoader {
    let options: BuildOptions

    /// What the load step found.
    struct Result {
        var configuration: SiteConfiguration
        var pages: [Page]
        var staticFiles: [StaticFile]
        var strings: LayoutStrings
        var diagnostics: [Diagnostic]
    }

    /// The folders under the site folder that are not copied.
    static let privateSiteEntries: Set<String> = ["templates", LayoutStrings.folder, SiteConfiguration.fileName]

    func load() -> Result {
        var timer = PhaseTimer()
        var diagnostics: [Diagnostic] = []
        var configuration = SiteConfiguration()
        do {
            configuration = try SiteConfiguration.load(
                from: options.siteDirectory,
                displayPath: options.displayPath(options.siteDirectory.appendingPathComponent(SiteConfiguration.fileName)))
        } catch {
            diagnostics.append(error)
        }
        if configuration.editURL == nil, let repository = configuration.repository {
            let content = options.displayPath(options.contentDirectory)
            configuration.editURL = repository + "/edit/main/" + (content == "." ? "" : PathDisplay.encode(content) + "/")
        }

        var markdownFiles: [String] = []
        var contentStatics: [StaticFile] = []
        var directories: Set<String> = []
        walk(options.contentDirectory.path, relative: "", diagnostics: &diagnostics) { path, relative in
            if Self.isMarkdown(relative) {
                markdownFiles.append(relative)
            } else {
                contentStatics.append(StaticFile(source: .file(URL(fileURLWithPath: path)), outputPath: relative,
                                                 displayPath: contentDisplayPrefix + relative))
            }
        } directory: { relative in
            directories.insert(relative)
        }

        var siteStatics: [StaticFile] = []
        if FileManager.default.fileExists(atPath: options.siteDirectory.path) {
            let prefix = Self.displayPrefix(options.displayPath(options.siteDirectory))
            walk(options.siteDirectory.path, relative: "", skipping: Self.privateSiteEntries, diagnostics: &diagnostics) { path, relative in
                siteStatics.append(StaticFile(source: .file(URL(fileURLWithPath: path)), outputPath: relative, displayPath: prefix + relative))
            } directory: { _ in }
        }

        let overridden = Set(siteStatics.map(\.outputPath))
        let themeStatics = DefaultTheme.assets.filter { !overridden.contains($0.path) }.map { file in
            StaticFile(source: .embedded(file.bytes), outputPath: file.path, displayPath: DefaultTheme.displayPath(file.path))
        }
        siteStatics += themeStatics
        timer.mark("walk")
        let loaded = parallelMap(markdownFiles) { relative in loadPage(relative: relative, languages: configuration.languages) }
        timer.mark("read")
        var pages: [Page] = []
        pages.reserveCapacity(loaded.count + 1)
        for result in loaded {
            switch result {
            case let .success(page?): pages.append(page)
            case .success(nil): continue
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        pages += madeUpPages(for: pages, directories: directories, languages: configuration.languages)

        timer.mark("madeup")
        let statics = siteStatics + contentStatics
        diagnostics += collisions(pages: pages, statics: statics)
        let (strings, stringDiagnostics) = LayoutStrings.load(languages: configuration.languages, siteDirectory: options.siteDirectory,
                                                              displayPath: options.displayPath)
        diagnostics += stringDiagnostics
        diagnostics += TranslationCheck(languages: configuration.languages, severity: configuration.missingTranslations,
                                        contentDisplayPrefix: contentDisplayPrefix).check(pages)
        return Result(configuration: configuration, pages: pages, staticFiles: statics, strings: strings, diagnostics: diagnostics)
    }

    static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    /// How diagnostics name files of the content folder: this prefix and the relative path.
    var contentDisplayPrefix: String { Self.displayPrefix(options.displayPath(options.contentDirectory)) }

    static func displayPrefix(_ folder: String) -> String {
        folder == "." ? "" : folder + "/"
    }

    /// Reads one guide, by its path in the content folder; nil for a draft.
    func loadPage(relative: String, languages: [SiteConfiguration.Language]) -> Swift.Result<Page?, Diagnostic> {
        let displayPath = contentDisplayPrefix + relative
        let data: [UInt8]
        switch FileIO.readFile(options.contentDirectory.path + "/" + relative) {
        case let .success(bytes): data = bytes
        case let .failure(reason): return .failure(Diagnostic(path: displayPath, message: "cannot read file: \(reason)"))
        }
        do {
            let text = try SourceText.decode(data, path: displayPath)
            let split = try FrontMatter.split(text, path: displayPath)
            if split.frontMatter.draft { return .success(nil) }
            return .success(makePage(relative: relative, displayPath: displayPath, split: split, languages: languages))
        } catch {
            return .failure(error)
        }
    }

    /// The language a content path belongs to: the default one, or another whose folder holds it.
    static func language(of relative: String, in languages: [SiteConfiguration.Language]) -> (code: String, root: String) {
        languages.containing(relative).map { ($0.language.code, $0.root) } ?? ("en", "")
    }

    private func makePage(relative: String, displayPath: String, split: FrontMatter.Split,
                          languages: [SiteConfiguration.Language]) -> Page {
        let (language, root) = Self.language(of: relative, in: languages)
        let slashIndex = relative.lastIndex(of: "/")
        let directory = slashIndex.map { String(relative[...$0]) } ?? ""
        let fileName = slashIndex.map { String(relative[relative.index(after: $0)...]) } ?? relative
        let stem = String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
        let isIndex = stem == "index" || stem == "_index"
        let name = split.frontMatter.slug ?? stem

        var page = Page(
            kind: .guide, sourcePath: displayPath, contentPath: relative, directory: directory,
            sectionDirectory: nil, frontMatter: split.frontMatter, body: split.body,
            bodyLineOffset: split.bodyLineOffset, sitePath: directory + name + "/", fallbackTitle: Self.humanize(stem))
        page.language = language
        page.languageRoot = root
        if isIndex {
            page.sitePath = directory
            if directory == root {
                page.kind = .home
                page.fallbackTitle = "Home"
            } else {
                page.kind = .section
                page.sectionDirectory = directory
                page.directory = Self.parent(of: directory)
                page.fallbackTitle = Self.humanize(Self.lastComponent(of: directory))
            }
        }
        return page
    }

    /// A home page for each language without an `index.md`, and a section page for each folder of
    /// guides without one.
    private func madeUpPages(for pages: [Page], directories: Set<String>, languages: [SiteConfiguration.Language]) -> [Page] {
        var covered: Set<String> = []
        var homes: Set<String> = []
        var needed: Set<String> = []
        var rootsInUse: Set<String> = [""]
        for page in pages {
            rootsInUse.insert(page.languageRoot)
            if page.kind == .home { homes.insert(page.languageRoot) }
            if let section = page.sectionDirectory { covered.insert(section) }
            var directory = page.directory
            while directory != page.languageRoot, !directory.isEmpty, !needed.contains(directory) {
                needed.insert(directory)
                directory = Self.parent(of: directory)
            }
        }
        var made: [Page] = []
        for root in rootsInUse.subtracting(homes).sorted() {
            let folder = root.isEmpty ? options.contentDirectory : options.contentDirectory.appendingPathComponent(root)
            var home = Page(kind: .home, sourcePath: options.displayPath(folder),
                            contentPath: nil, directory: root, sectionDirectory: nil, frontMatter: FrontMatter(), body: "",
                            bodyLineOffset: 0, sitePath: root, fallbackTitle: "Home")
            (home.language, home.languageRoot) = Self.language(of: root, in: languages)
            made.append(home)
        }
        for directory in needed.subtracting(covered).sorted() {
            var section = Page(kind: .section,
                               sourcePath: options.displayPath(options.contentDirectory.appendingPathComponent(directory)),
                               contentPath: nil, directory: Self.parent(of: directory), sectionDirectory: directory,
                               frontMatter: FrontMatter(), body: "", bodyLineOffset: 0, sitePath: directory,
                               fallbackTitle: Self.humanize(Self.lastComponent(of: directory)))
            (section.language, section.languageRoot) = Self.language(of: directory, in: languages)
            made.append(section)
        }
        return made
    }

    /// Two sources that would write the same output file.
    private func collisions(pages: [Page], statics: [StaticFile]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for path in GeneratedFile.paths { owners[path] = "the build itself" }
        let searchFolders = Set(pages.map { GeneratedFile.searchFolder(languageRoot: $0.languageRoot) })
        let outputs = pages.map { ($0.outputPath, $0.sourcePath, $0.contentPath != nil) }
            + statics.map { ($0.outputPath, $0.displayPath, true) }
        for (output, source, isFile) in outputs {
            if isFile, let folder = searchFolders.first(where: { output.hasPrefix($0) }) {
                diagnostics.append(Diagnostic(path: source, message: "'\(output)' is inside '\(folder)', where the build writes the search index; move it"))
                continue
            }
            if let owner = owners[output] {
                guard isFile else { continue }
                diagnostics.append(Diagnostic(path: source, message: "'\(output)' is also written by \(owner); rename one of them or set a 'slug'"))
            } else {
                owners[output] = source
            }
        }
        return diagnostics
    }

    /// Walks a folder depth-first in name order, skipping dotfiles.
    private func walk(
        _ path: String, relative: String, skipping: Set<String> = [], diagnostics: inout [Diagnostic],
        file: (String, String) -> Void, directory: (String) -> Void
    ) {
        var ancestors: Set<FolderIdentity> = []
        if let identity = FolderIdentity(path) { ancestors.insert(identity) }
        walk(path, root: URL(fileURLWithPath: path), relative: relative, skipping: skipping, ancestors: &ancestors,
             diagnostics: &diagnostics, file: file, directory: directory)
    }

    /// A folder as the file system knows it, whatever the path that leads to it.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// Walks depth-first in name order, skipping dotfiles, symbolic links that leave `root`, lead
    /// nowhere, or loop back to a folder the walk is already in (`ancestors`).
    private func walk(
        _ path: String, root: URL, relative: String, skipping: Set<String>, ancestors: inout Set<FolderIdentity>,
        diagnostics: inout [Diagnostic], file: (String, String) -> Void, directory: (String) -> Void
    ) {
        let entries: [DirectoryListing.Entry]
        switch DirectoryListing.entries(at: path) {
        case let .success(list): entries = list
        case let .failure(error):
            diagnostics.append(Diagnostic(path: options.displayPath(URL(fileURLWithPath: path)), message: "cannot read folder: \(error.reason)"))
            return
        }
        for entry in entries where !entry.name.hasPrefix(".") && !(relative.isEmpty && skipping.contains(entry.name)) {
            let child = path + "/" + entry.name
            var kind = entry.kind
            if kind == .symbolicLink {
                let childURL = URL(fileURLWithPath: child)
                if let outside = SymlinkGuard.escape(childURL, from: root) {
                    diagnostics.append(Diagnostic(path: options.displayPath(childURL), severity: .warning,
                                                  message: "skipped: symbolic link leads outside its folder (to \(outside))"))
                    continue
                }
                guard let resolved = DirectoryListing.resolvedKind(child) else {
                    let reason = errno == ELOOP ? "it loops" : SystemError.reason(errno)
                    diagnostics.append(Diagnostic(path: options.displayPath(childURL), severity: .warning,
                                                  message: "skipped: symbolic link leads nowhere (\(reason))"))
                    continue
                }
                kind = resolved
            }
            switch kind {
            case .directory:
                guard let identity = FolderIdentity(child), ancestors.insert(identity).inserted else {
                    diagnostics.append(Diagnostic(path: options.displayPath(URL(fileURLWithPath: child)), severity: .warning,
                                                  message: "skipped: symbolic link loops back to a folder that holds it"))
                    continue
                }
                directory(relative + entry.name + "/")
                walk(child, root: root, relative: relative + entry.name + "/", skipping: [], ancestors: &ancestors,
                     diagnostics: &diagnostics, file: file, directory: directory)
                ancestors.remove(identity)
            case .file:
                file(child, relative + entry.name)
            case .symbolicLink, .other:
                continue
            }
        }
    }

    static func parent(of directory: String) -> String {
        let trimmed = directory.dropLast()
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return String(trimmed[...slash])
    }

    static func lastComponent(of directory: String) -> String {
        let trimmed = directory.dropLast()
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `getting-started` → `Getting started`.
    static func humanize(_ name: String) -> String {
        let spaced = String(name.map { $0 == "-" || $0 == "_" ? " " : $0 })
        guard let first = spaced.first else { return name }
        return first.uppercased() + spaced.dropFirst()
    }
}
