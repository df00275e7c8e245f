/// The order and nesting of the pages: which folder lists which pages, the reading order for
/// previous/next links, and the bounded sidebar each page shows.
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
        var entries: [Entry]
        /// Members left out before and after the window.
        var hiddenBefore: Int
        var hiddenAfter: Int
    }

    /// The most members one sidebar level shows; the rest are reached through the section page.
    static let window = 15

    /// Members of each folder, sorted, by folder (`` for the top level).
    let members: [String: [Int]]
    /// The page that stands for each folder.
    let sectionPage: [String: Int]
    /// Pages in reading order.
    let readingOrder: [Int]
    /// Each page's place in the reading order.
    let readingPosition: [Int]
    private let pages: [Page]

    init(pages: [Page]) {
        self.pages = pages
        var members: [String: [Int]] = [:]
        var sectionPage: [String: Int] = [:]
        var home: Int?
        for (index, page) in pages.enumerated() {
            switch page.kind {
            case .home: home = index
            case .section:
                sectionPage[page.sectionDirectory ?? ""] = index
                members[page.directory, default: []].append(index)
            case .guide: members[page.directory, default: []].append(index)
            }
        }
        for (directory, list) in members {
            members[directory] = list.sorted { pages[$0].sortKey < pages[$1].sortKey }
        }
        if let home { sectionPage[""] = home }
        self.members = members
        self.sectionPage = sectionPage

        var order: [Int] = []
        order.reserveCapacity(pages.count)
        if let home { order.append(home) }
        func visit(_ directory: String) {
            for member in members[directory] ?? [] {
                order.append(member)
                if let section = pages[member].sectionDirectory { visit(section) }
            }
        }
        visit("")
        var position = Array(repeating: -1, count: pages.count)
        for (place, page) in order.enumerated() { position[page] = place }
        readingOrder = order
        readingPosition = position
    }

    /// The page before and after `page` in reading order.
    func neighbours(of page: Int) -> (previous: Int?, next: Int?) {
        let place = readingPosition[page]
        guard place >= 0 else { return (nil, nil) }
        let previous = place > 0 ? readingOrder[place - 1] : nil
        let next = place + 1 < readingOrder.count ? readingOrder[place + 1] : nil
        return (previous, next)
    }

    /// The sidebar of `page`: the top level, then each folder down to the page's own, each a bounded window.
    func sidebar(for page: Int) -> [Level] {
        let current = pages[page]
        var chain = [""]
        let deepest = current.sectionDirectory ?? current.directory
        var partial = ""
        for component in deepest.split(separator: "/") {
            partial += component + "/"
            chain.append(partial)
        }
        return chain.enumerated().map { depth, directory in
            let list = members[directory] ?? []
            let activeDirectory = depth + 1 < chain.count ? chain[depth + 1] : nil
            let activeIndex = list.firstIndex { member in
                member == page || (activeDirectory != nil && pages[member].sectionDirectory == activeDirectory)
            }
            let range = Self.windowRange(count: list.count, around: activeIndex ?? 0)
            let entries = list[range].map { member in
                Entry(page: member, isCurrent: member == page,
                      isActive: activeDirectory != nil && pages[member].sectionDirectory == activeDirectory)
            }
            return Level(sectionPage: directory.isEmpty ? nil : sectionPage[directory], entries: entries,
                         hiddenBefore: range.lowerBound, hiddenAfter: list.count - range.upperBound)
        }
    }

    /// The members a section page lists.
    func listing(for page: Int) -> [Int] {
        let current = pages[page]
        switch current.kind {
        case .home: return members[""] ?? []
        case .section: return members[current.sectionDirectory ?? ""] ?? []
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
