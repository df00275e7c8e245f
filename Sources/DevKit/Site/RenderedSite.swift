import Foundation

/// A site whose Markdown is rendered and whose links are checked: everything needed to produce any
/// output file on demand. `devkit build` writes it out; `devkit serve` answers requests from it.
public struct RenderedSite: Sendable {
    /// What the render step produced, before it is laid out; `SiteBuilder.update` replaces parts of it.
    struct Parts: Sendable {
        var configuration: SiteConfiguration
        var pages: [Page]
        var fragments: [RenderedMarkdown]
        var linkChecks: [[LinkChecker.Check]]
        var staticFiles: [StaticFile]
        var strings: LayoutStrings
        /// What the load step found (only warnings, once the site built).
        var loadDiagnostics: [Diagnostic]
        var resolver: LinkResolver
    }

    let parts: Parts
    let templates: TemplateSet
    let navigation: Navigation
    /// Each page's translations, by language code, for the pages that have any.
    private let translations: [Int: [String: Int]]
    private let sidebarCache = SidebarCache()
    /// Every language's search index, made when first needed.
    let searchIndex: SiteSearchIndex
    /// What every page of a language gets, by language root, made once.
    private let languageContexts: [String: TemplateObject]
    /// Each page's title, by page index.
    public let titles: [String]
    /// Problems that did not fail the build.
    public let warnings: [Diagnostic]
    /// How many pages this render turned from Markdown into HTML (all of them, or those an update touched).
    public let renderedPages: Int

    /// Site-wide settings.
    public var configuration: SiteConfiguration { parts.configuration }
    /// Every page, in load order.
    public var pages: [Page] { parts.pages }
    /// Each page's rendered Markdown, by page index.
    public var fragments: [RenderedMarkdown] { parts.fragments }
    /// Files copied as they are.
    public var staticFiles: [StaticFile] { parts.staticFiles }
    /// The prefix of every internal link.
    public var baseURL: BaseURL { parts.resolver.baseURL }

    /// The second and later pages of long sections' listings.
    public var listingPages: [ListingPage] {
        pages.indices.flatMap { index -> [ListingPage] in
            let count = ListingPage.count(navigation.listing(for: index).count)
            guard count > 1 else { return [] }
            return (2...count).map { ListingPage(page: index, number: $0, sitePath: ListingPage.sitePath(of: pages[index], number: $0)) }
        }
    }

    init(parts: Parts, templates: TemplateSet, warnings: [Diagnostic], renderedPages: Int) {
        self.parts = parts
        self.renderedPages = renderedPages
        self.templates = templates
        self.warnings = warnings
        self.titles = zip(parts.pages, parts.fragments).map { page, fragment in
            page.frontMatter.title ?? fragment.firstTitle
                ?? (page.kind == .home && page.contentPath == nil ? parts.configuration.name : page.fallbackTitle)
        }
        self.navigation = Navigation(pages: parts.pages)
        var byKey: [String: [String: Int]] = [:]
        if parts.configuration.languages.count > 1 {
            for (index, page) in parts.pages.enumerated() { byKey[page.translationKey, default: [:]][page.language] = index }
        }
        var translations: [Int: [String: Int]] = [:]
        for group in byKey.values where group.count > 1 {
            for index in group.values { translations[index] = group }
        }
        self.translations = translations
        var languageContexts: [String: TemplateObject] = [:]
        let site = TemplateObject(["name": .text(parts.configuration.name), "description": .text(parts.configuration.description)])
        let links = Self.headerLinks(parts.configuration.links, baseURL: parts.resolver.baseURL)
        for (language, root) in parts.configuration.languages.withRoots {
            let baseURL = parts.resolver.baseURL
            var context = TemplateObject([
                "site": .object(site), "base": .text(baseURL.path), "lang": .text(language.code),
                "home": .text(baseURL.href(PathDisplay.encode(root))), "languageBase": .text(baseURL.href(PathDisplay.encode(root))),
                "searchIndex": .text(baseURL.href(PathDisplay.encode(GeneratedFile.searchFolder(languageRoot: root)))),
                "strings": .object(TemplateObject(parts.strings.words(language.code).mapValues(TemplateValue.text))),
                "scriptWords": .text(parts.strings.scriptWords(language.code)),
            ])
            if !links.isEmpty {
                context["links"] = .objects(links)
                context["hasLinks"] = .flag(true)
            }
            context["searchBox"] = .text(templates.names.contains(TemplateSet.searchTemplate)
                ? templates.render([context], template: TemplateSet.searchTemplate) : "")
            languageContexts[root] = context
        }
        self.languageContexts = languageContexts
        let documents = SiteSearchIndex.documents(pages: parts.pages, titles: titles, fragments: parts.fragments) { [baseURL = parts.resolver.baseURL, pages = parts.pages] index in
            baseURL.href(PathDisplay.encode(pages[index].sitePath))
        }
        searchIndex = SiteSearchIndex {
            var files: [String: String] = [:]
            for group in documents {
                for file in SearchIndexBuilder.build(group.documents, language: group.language) { files[group.folder + file.path] = file.contents }
            }
            return files
        }
    }

    /// Every file of the site but the search index: pages, listing pages, generated files and static
    /// files, in that order. The index is `searchFiles()`, made apart: `devkit build` makes it while
    /// the pages are written, and `devkit serve` when it is first asked for.
    func outputFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        files.reserveCapacity(pages.count + staticFiles.count + GeneratedFile.allCases.count)
        for index in pages.indices {
            files.append(OutputFile(path: pages[index].outputPath, body: .text { document(forPage: index) }))
        }
        for listing in listingPages {
            files.append(OutputFile(path: listing.outputPath, body: .text { document(forPage: listing.page, listingPage: listing.number) }))
        }
        for generated in GeneratedFile.allCases {
            files.append(OutputFile(path: generated.rawValue, body: .text { self.generated(generated) }))
        }
        for (_, root) in configuration.languages.withRoots.dropFirst() {
            files.append(OutputFile(path: root + GeneratedFile.notFound.rawValue, body: .text { notFoundDocument(languageRoot: root) }))
        }
        for file in staticFiles { files.append(OutputFile(path: file.outputPath, body: .copy(file))) }
        return files
    }

    /// The folders of the search index, one per language (`search/`, `ja/search/`).
    var searchFolders: [String] {
        configuration.languages.withRoots.map { GeneratedFile.searchFolder(languageRoot: $0.root) }
    }

    /// The search index's files, every language's (made on the first call).
    func searchFiles() -> [OutputFile] {
        searchIndex.all.sorted { $0.key < $1.key }.map { path, contents in OutputFile(path: path, body: .text { contents }) }
    }

    /// The text of a file the build makes itself.
    private func generated(_ file: GeneratedFile) -> String {
        switch file {
        case .notFound: notFoundDocument(languageRoot: "")
        case .sitemap: sitemap()
        case .noJekyll: ""
        }
    }

    /// The link to a page.
    public func href(ofPage index: Int) -> String {
        baseURL.href(PathDisplay.encode(pages[index].sitePath))
    }

    /// The whole HTML document of a page; for a long section, `listingPage` picks the page of its
    /// listing (`ListingPage.size` entries each; page 1 is the section's own page).
    public func document(forPage index: Int, listingPage number: Int = 1) -> String {
        let (template, scopes) = templateInput(forPage: index, listingPage: number)
        return templates.render(scopes, template: template)
    }

    /// The template a page is laid out with and its scopes: the language's values, then the page's own.
    func templateInput(forPage index: Int, listingPage number: Int = 1) -> (template: String, scopes: [TemplateObject]) {
        let page = pages[index]
        let fragment = fragments[index]
        var context = pageContext(current: index)
        addTranslations(of: index, to: &context, listingPage: number)
        let titleFromContent = page.frontMatter.title == nil && fragment.firstTitle != nil
        let members = navigation.listing(for: index)
        let listingPages = ListingPage.count(members.count)
        // "page 2 of 5", for a long section only: most pages have one listing page, or none.
        let pageOf = listingPages > 1
            ? parts.strings.word("pageOf", page.language, ["current": String(number), "total": String(listingPages)]) : ""
        context["title"] = .text(number == 1 ? titles[index] : "\(titles[index]) (\(pageOf))")
        let description = page.frontMatter.description ?? (page.kind == .home ? configuration.description : "")
        if !description.isEmpty { context["description"] = .text(description) }
        let sitePath = PathDisplay.encode(ListingPage.sitePath(of: page, number: number))
        context["url"] = .text(baseURL.href(sitePath))
        if baseURL.origin != nil { context["canonicalURL"] = .text(baseURL.absolute(sitePath)) }
        if let editURL = configuration.editURL, let contentPath = page.contentPath {
            context["editURL"] = .text(editURL + PathDisplay.encode(contentPath))
        }
        context["showTitle"] = .flag(!titleFromContent || number > 1)
        context["isHome"] = .flag(page.kind == .home)
        context["content"] = .text(number == 1 ? fragment.html : "")
        if listingPages > 1 {
            var pagination = TemplateObject(["current": .number(number), "total": .number(listingPages), "pageOf": .text(pageOf)])
            if number > 1 {
                pagination["previousURL"] = .text(baseURL.href(PathDisplay.encode(ListingPage.sitePath(of: page, number: number - 1))))
            }
            if number < listingPages {
                pagination["nextURL"] = .text(baseURL.href(PathDisplay.encode(ListingPage.sitePath(of: page, number: number + 1))))
            }
            context["pagination"] = .object(pagination)
        }
        let toc = fragment.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
            TemplateObject(["anchor": .text(heading.anchor), "text": .text(heading.text), "isSub": .flag(heading.level == 3)])
        }
        if !toc.isEmpty {
            context["toc"] = .objects(toc)
            context["hasToc"] = .flag(true)
        }
        let listing = members[ListingPage.range(number, of: members.count)].map { member in
            // Every key set, so a missing one is not looked up in the page's context.
            let description = pages[member].frontMatter.description ?? ""
            return TemplateObject(["title": .text(titles[member]), "url": .text(href(ofPage: member)),
                                   "isSection": .flag(pages[member].kind == .section),
                                   "hasDescription": .flag(!description.isEmpty), "description": .text(description)])
        }
        if !listing.isEmpty {
            context["listing"] = .objects(listing)
            context["hasListing"] = .flag(true)
        }
        let (previous, next) = navigation.neighbours(of: index)
        if let previous { context["previous"] = .object(link(toPage: previous)) }
        if let next { context["next"] = .object(link(toPage: next)) }
        return (page.frontMatter.template ?? TemplateSet.defaultTemplate, [languageContext(page.languageRoot), context])
    }

    /// The page shown for a missing URL, in the language whose tree starts at `languageRoot`; its
    /// links work from any folder.
    public func notFoundDocument(languageRoot: String = "") -> String {
        let language = configuration.languages.withRoots.first { $0.root == languageRoot }?.language.code ?? configuration.defaultLanguage.code
        var context = pageContext(current: navigation.sectionPage[languageRoot])
        let strings = parts.strings
        context["title"] = .text(strings.word("notFoundTitle", language))
        context["showTitle"] = .flag(true)
        let home = "<a href=\"\(HTML.escapeAttribute(baseURL.href(PathDisplay.encode(languageRoot))))\">\(HTML.escapeText(strings.word("homePage", language)))</a>"
        let text = HTML.escapeText(strings.word("notFoundText", language)).replacingOccurrences(of: "{home}", with: home)
        context["content"] = .text("<p>\(text)</p>\n")
        return templates.render([languageContext(languageRoot), context], template: TemplateSet.defaultTemplate)
    }

    /// The sitemap: absolute URLs when the base URL is absolute.
    public func sitemap() -> String {
        let multilingual = configuration.languages.count > 1
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        for index in navigation.readingOrder {
            let location = HTML.escapeText(baseURL.absolute(PathDisplay.encode(pages[index].sitePath)))
            guard let group = translations[index] else {
                xml += "  <url><loc>\(location)</loc></url>\n"
                continue
            }
            xml += "  <url><loc>\(location)</loc>"
            for language in configuration.languages {
                guard let twin = group[language.code] else { continue }
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(language.code)\" href=\"\(HTML.escapeText(baseURL.absolute(PathDisplay.encode(pages[twin].sitePath))))\"/>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// The language switcher and `hreflang` alternates of a page (on listing page `number`): every
    /// language of the site, linked where the page has a translation, marked "not translated" where not.
    private func addTranslations(of index: Int, to context: inout TemplateObject, listingPage number: Int) {
        let languages = configuration.languages
        guard languages.count > 1 else { return }
        let page = pages[index]
        let group = translations[index] ?? [page.language: index]
        let entries = languages.map { language -> TemplateObject in
            // Every key set, so a missing one is not looked up in the page's context.
            var entry = TemplateObject(["code": .text(language.code), "name": .text(language.name),
                                        "isCurrent": .flag(language.code == page.language),
                                        "isTranslated": .flag(group[language.code] != nil), "url": .text("")])
            if let twin = group[language.code] {
                entry["url"] = .text(baseURL.href(PathDisplay.encode(number > 1 ? ListingPage.sitePath(of: pages[twin], number: number) : pages[twin].sitePath)))
            }
            return entry
        }
        context["languages"] = .objects(entries)
        context["hasLanguages"] = .flag(true)
        let alternates = languages.compactMap { language -> TemplateObject? in
            guard let twin = group[language.code], group.count > 1 else { return nil }
            return TemplateObject(["code": .text(language.code), "url": .text(baseURL.absolute(PathDisplay.encode(pages[twin].sitePath)))])
        }
        if !alternates.isEmpty { context["alternates"] = .objects(alternates) }
    }

    /// The configuration's header links, relative ones under the base URL.
    private static func headerLinks(_ links: [SiteConfiguration.Link], baseURL: BaseURL) -> [TemplateObject] {
        links.map { link in
            let isRelative = !link.url.contains("://") && !link.url.hasPrefix("/") && !link.url.hasPrefix("mailto:")
            return TemplateObject(["title": .text(link.title), "url": .text(isRelative ? baseURL.href(link.url) : link.url)])
        }
    }

    /// What every page of the language whose tree starts at `languageRoot` gets: the site, the base
    /// URL, the layout's words, the search box.
    private func languageContext(_ languageRoot: String) -> TemplateObject {
        languageContexts[languageRoot] ?? languageContexts[""] ?? TemplateObject()
    }

    /// A page's own values, starting with its sidebar (already HTML) when it has a place in the navigation.
    private func pageContext(current: Int?) -> TemplateObject {
        var context = TemplateObject()
        if let current { context["sidebar"] = .text(sidebarHTML(for: current)) }
        return context
    }

    /// A page's title and link, for previous, next and sidebar sections.
    private func link(toPage index: Int) -> TemplateObject {
        TemplateObject(["title": .text(titles[index]), "url": .text(href(ofPage: index))])
    }

    /// The sidebar of a page: each level rendered with `sidebar-level`, each entry with `sidebar-entry`.
    /// A level's frame is rendered once per block of entries and every entry once per state, then
    /// spliced: templates are the main cost of a build, and neighbouring pages share their sidebar.
    func sidebarHTML(for page: Int) -> String {
        var html = ""
        for level in navigation.sidebar(for: page) {
            let frame = levelFrame(level)
            html += frame.before
            for entry in level.entries { html += entryHTML(entry) }
            html += frame.after
        }
        return html
    }

    private func levelFrame(_ level: Navigation.Level) -> SidebarCache.Frame {
        let folder = level.sectionPage ?? level.homePage
        let key = SidebarCache.LevelKey(section: folder ?? -1, start: level.hiddenBefore, count: level.entries.count)
        if let cached = sidebarCache.level(key) { return cached }
        let language = folder.map { pages[$0].language } ?? configuration.defaultLanguage.code
        let strings = parts.strings
        var context = TemplateObject([
            "entries": .text(SidebarCache.entriesMarker),
            "hiddenBefore": .number(level.hiddenBefore), "hiddenAfter": .number(level.hiddenAfter),
            "hasHiddenBefore": .flag(level.hiddenBefore > 0), "hasHiddenAfter": .flag(level.hiddenAfter > 0),
            "moreBefore": .text(strings.word("more", language, ["count": String(level.hiddenBefore)])),
            "moreAfter": .text(strings.word("more", language, ["count": String(level.hiddenAfter)])),
            "moreURL": .text(folder.map(href(ofPage:)) ?? baseURL.href("")),
            "moreBeforeURL": .text(listingURL(folder, holding: level.hiddenBefore - 1)),
            "moreAfterURL": .text(listingURL(folder, holding: level.hiddenBefore + level.entries.count)),
        ])
        if let section = level.sectionPage { context["section"] = .object(link(toPage: section)) }
        let html = templates.render([context], template: TemplateSet.sidebarLevelTemplate)
        let frame: SidebarCache.Frame
        if let marker = html.range(of: SidebarCache.entriesMarker) {
            frame = SidebarCache.Frame(before: String(html[..<marker.lowerBound]), after: String(html[marker.upperBound...]))
        } else {
            frame = SidebarCache.Frame(before: html, after: "")
        }
        sidebarCache.store(frame, for: key)
        return frame
    }

    /// The listing page of a section (the home page for the top level) that shows entry `position`.
    private func listingURL(_ section: Int?, holding position: Int) -> String {
        guard let section = section ?? navigation.sectionPage[""] else { return baseURL.href("") }
        let number = max(position, 0) / ListingPage.size + 1
        return baseURL.href(PathDisplay.encode(ListingPage.sitePath(of: pages[section], number: number)))
    }

    private func entryHTML(_ entry: Navigation.Entry) -> String {
        let key = SidebarCache.EntryKey(page: entry.page, isCurrent: entry.isCurrent, isActive: entry.isActive)
        if let cached = sidebarCache.entry(key) { return cached }
        let context = TemplateObject(["title": .text(titles[entry.page]), "url": .text(href(ofPage: entry.page)),
                                      "current": .flag(entry.isCurrent), "active": .flag(entry.isActive),
                                      "isSection": .flag(pages[entry.page].kind == .section)])
        let html = templates.render([context], template: TemplateSet.sidebarEntryTemplate)
        sidebarCache.store(html, for: key)
        return html
    }
}
