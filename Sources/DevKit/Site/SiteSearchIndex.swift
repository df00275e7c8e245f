/// The search index of a rendered site, one per language under its `search/` folder: made when the
/// site is written, or on the first request for it in `devkit serve` (so a reload after an edit
/// does not wait for it), once per render.
final class SiteSearchIndex: Sendable {
    private let files = LockedValue<[String: String]?>(nil)
    private let make: @Sendable () -> [String: String]

    /// An index made by `make` (output path → contents) when first needed.
    init(_ make: @escaping @Sendable () -> [String: String]) {
        self.make = make
    }

    /// Every file of the index, by output path.
    var all: [String: String] {
        files.withValue { files in
            if let files { return files }
            let made = make()
            files = made
            return made
        }
    }

    /// The documents of each language of a site, and where its index goes.
    static func documents(pages: [Page], titles: [String], fragments: [RenderedMarkdown],
                          href: (Int) -> String) -> [(folder: String, language: String, documents: [SearchDocument])] {
        var byRoot: [String: (language: String, documents: [SearchDocument])] = [:]
        for index in pages.indices {
            let page = pages[index]
            let document = SearchDocument(url: href(index), title: titles[index], html: fragments[index].html)
            byRoot[page.languageRoot, default: (page.language, [])].documents.append(document)
        }
        return byRoot.keys.sorted().map { root in
            (GeneratedFile.searchFolder(languageRoot: root), byRoot[root]!.language, byRoot[root]!.documents)
        }
    }
}
