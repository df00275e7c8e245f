/// A page of a long section's listing after the first (`pages/common/page/2/`), so that no page of
/// the site grows with the size of a section.
public struct ListingPage: Sendable, Equatable {
    /// How many entries one listing page shows.
    public static let size = 150

    /// The section (or home) page whose listing this continues.
    public var page: Int
    /// 2 and up.
    public var number: Int
    /// Where it is served (`pages/common/page/2/`).
    public var sitePath: String

    /// The file written for it.
    public var outputPath: String { sitePath + "index.html" }

    /// How many listing pages `count` entries need (at least one).
    static func count(_ entries: Int) -> Int {
        max(1, (entries + size - 1) / size)
    }

    /// The entries listing page `number` shows.
    static func range(_ number: Int, of entries: Int) -> Range<Int> {
        let start = min((number - 1) * size, entries)
        return start..<min(start + size, entries)
    }

    /// The site path of listing page `number` of `page`.
    static func sitePath(of page: Page, number: Int) -> String {
        number <= 1 ? page.sitePath : page.sitePath + "page/\(number)/"
    }
}
