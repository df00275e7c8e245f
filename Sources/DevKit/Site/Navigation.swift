/// The order and nesting of the pages: which folder lists which pages, the reading order for
/// previous/next links, and the bounded sidebar each page shows. Each language is a tree of its own,
/// rooted at its home page (`` for the default language, `ja/` for another).
struct Navigation: Sendable {
    /// One entry of a sidebar level or a section listing.
    struct Entry: Equatable, Sendable {
        var page: Int
        var isCurrent: Bool
        var isActive: Bool
    }

    /// One level of a page's sidebar: a window onto one folder's members.
    struct Level: Equatable, Sendable {
        /// The section page of the folder; nil for the top level.
        var sectionPage: Int?
        /// The home page of the level's language.
        var homePage: Int?
        var entries: [Entry]
        /// Members left out before and after the window.
        var hiddenBefore: Int
        var hiddenAfter: Int
    }

    /// The most members one sidebar level shows; the rest are reached through the section page.
    static let window = 15

    /// Members of each folder, sorted, by folder (a language's root for its top level).
    let members: [String: [Int]]
    /// The page that stands for each folder; a language's root is its home page.
    let sectionPage: [String: Int]
    /// Pages in reading order.
    let readingOrder: [Int]
    /// Each page's place in the reading order.
    let readingPosition: [Int]
    /// Each page's place among its folder's members (-1 for a home page, which is in no list).
    private let memberPosition: [Int]
    private let pages: [Page]

    init(pages: [Page]) {
        self.pages = pages
        var members: [String: [Int]] = [:]
        var sectionPage: [String: Int] = [:]
        var homes: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            switch page.kind {
            case .home: homes[page.languageRoot] = index
            case .section:
                sectionPage[page.sectionDirectory ?? ""] = index
                members[page.directory, default: []].append(index)
            case .guide: members[page.directory, default: []].append(index)
            }
        }
        for (directory, list) in members {
            members[directory] = list.sorted { pages[$0].sortKey < pages[$1].sortKey }
        }
        for (root, home) in homes { sectionPage[root] = home }
        var memberPosition = Array(repeating: -1, count: pages.count)
        for list in members.values {
            for (place, member) in list.enumerated() { memberPosition[member] = place }
        }
        self.memberPosition = memberPosition
        self.members = members
        self.sectionPage = sectionPage

        var order: [Int] = []
        order.reserveCapacity(pages.count)
        func visit(_ directory: String) {
            for member in members[directory] ?? [] {
                order.append(member)
                if let section = pages[member].sectionDirectory { visit(section) }
            }
        }
        for root in homes.keys.sorted() {
            if let home = homes[root] { order.append(home) }
            visit(root)
        }
        var position = Array(repeating: -1, count: pages.count)
        for (place, page) in order.enumerated() { position[page] = place }
        readingOrder = order
        readingPosition = position
    }

    /// The page before and after `page` in reading order.
    func neighbours(of page: Int) -> (previous: Int?, next: Int?) {
        let place = readingPosition[page]
        guard place >= 0 else { return (nil, nil) }
        let root = pages[page].languageRoot
        let previous = place > 0 ? readingOrder[place - 1] : nil
        let next = place + 1 < readingOrder.count ? readingOrder[place + 1] : nil
        return (previous.flatMap { pages[$0].languageRoot == root ? $0 : nil },
                next.flatMap { pages[$0].languageRoot == root ? $0 : nil })
    }

    /// The sidebar of `page`: the top level, then each folder down to the page's own, each a bounded window.
    func sidebar(for page: Int) -> [Level] {
        // The fields are read in place: a copy of the whole `Page` per call was a cost of every page.
        let root = pages[page].languageRoot
        var chain = [root]
        let deepest = pages[page].sectionDirectory ?? pages[page].directory
        var partial = root
        for component in deepest.dropFirst(root.count).split(separator: "/") {
            partial += component + "/"
            chain.append(partial)
        }
        return chain.enumerated().map { depth, directory in
            let list = members[directory] ?? []
            let activeDirectory = depth + 1 < chain.count ? chain[depth + 1] : nil
            // The window goes around the page itself, or the section on the way down to it.
            let activeIndex = [page, activeDirectory.flatMap { sectionPage[$0] }]
                .compactMap { $0.flatMap { place(of: $0, in: directory) } }.min()
            let range = Self.windowRange(count: list.count, around: activeIndex ?? 0)
            let entries = list[range].map { member in
                Entry(page: member, isCurrent: member == page,
                      isActive: activeDirectory != nil && pages[member].sectionDirectory == activeDirectory)
            }
            return Level(sectionPage: directory == root ? nil : sectionPage[directory], homePage: sectionPage[root], entries: entries,
                         hiddenBefore: range.lowerBound, hiddenAfter: list.count - range.upperBound)
        }
    }

    /// Where `member` stands in the list of `directory`, if it is there.
    private func place(of member: Int, in directory: String) -> Int? {
        memberPosition[member] >= 0 && pages[member].directory == directory ? memberPosition[member] : nil
    }

    /// The members a section page lists.
    func listing(for page: Int) -> [Int] {
        switch pages[page].kind {
        case .home: return members[pages[page].languageRoot] ?? []
        case .section: return members[pages[page].sectionDirectory ?? ""] ?? []
        case .guide: return []
        }
    }

    /// The window of a long list that holds `index`: lists are cut into fixed blocks, so the pages
    /// of one block share their sidebar (and the renderer can reuse it).
    static func windowRange(count: Int, around index: Int) -> Range<Int> {
        guard count > window else { return 0..<count }
        let start = (index / window) * window
        return start..<min(start + window, count)
    }
}
