/// One page read for the index: its sections and, for each, how often each term occurs where.
/// Made for each page on its own (pages are read in parallel) and merged by `SearchPostings`.
struct SearchPageTerms: Sendable {
    /// One term of one part of the page, weighed (`SearchPostings.titleWeight`, `sectionWeight`).
    struct Occurrence: Sendable {
        /// The term's number in `terms`.
        var term: Int32
        /// 0 for the page's title, `k + 1` for section `k`.
        var slot: Int32
        /// 1…63.
        var weight: UInt8
    }

    /// Each of the page's sections, in order (a long one cut into pieces, `SearchSection.chunked`),
    /// as its fragment will hold it (`SearchFragmentWriter.encode`), made here so that pages are
    /// encoded in parallel. The sections themselves are not kept: the index is built from this.
    var encodedSections: [[UInt8]]
    /// The page's distinct terms, numbered in the order first met.
    var terms: SearchTermTable
    /// Every (term, slot) of the page, title first, then section by section.
    var occurrences: [Occurrence]

    /// Reads one page.
    init(_ document: SearchDocument) {
        let sections = Self.sections(of: document)
        // Room for about one term per six bytes of text, as short pages are most of a big site.
        let textBytes = sections.reduce(document.title.utf8.count) { $0 + $1.heading.utf8.count + $1.text.utf8.count }
        var counter = Counter(capacity: min(256, textBytes / 6 + 8))
        counter.readTitle(document.title)
        for (index, section) in sections.enumerated() {
            counter.readSection(section, slot: Int32(index + 1))
        }
        terms = counter.terms.compacted()
        occurrences = Array(counter.occurrences)
        encodedSections = sections.map(SearchFragmentWriter.encode)
    }

    /// The sections of a page as the index holds them: a long one cut into pieces.
    static func sections(of document: SearchDocument) -> [SearchSection] {
        let extracted = SearchTextExtractor.sections(in: document.html)
        return extracted.contains { $0.text.utf8.count > SearchSection.chunkBytes } ? extracted.flatMap { $0.chunked() } : extracted
    }

    /// Numbers the page's terms, and counts and weighs them section by section.
    private struct Counter {
        var terms: SearchTermTable
        var occurrences: [Occurrence] = []
        /// Per term number, while one section is read: how often it occurs in the text (low 16 bits)
        /// and whether it is in the heading (bit 16).
        var tally: [UInt32] = []
        var touched: [Int32] = []

        static let headed: UInt32 = 1 << 16

        init(capacity: Int) {
            terms = SearchTermTable(capacity: capacity)
        }

        mutating func number(_ term: UnsafeBufferPointer<UInt8>) -> Int {
            let number = Int(terms.number(term))
            if number == tally.count { tally.append(0) }
            return number
        }

        mutating func readTitle(_ title: String) {
            SearchTokenizer.forEachTerm(in: title) { term, _ in
                let id = number(term)
                guard tally[id] == 0 else { return }
                tally[id] = Self.headed
                occurrences.append(Occurrence(term: Int32(id), slot: 0, weight: 0))
            }
            let weight = SearchPostings.titleWeight(distinctTerms: occurrences.count)
            for index in occurrences.indices {
                tally[Int(occurrences[index].term)] = 0
                occurrences[index].weight = weight
            }
        }

        /// Counts and weighs one section's terms.
        mutating func readSection(_ section: SearchSection, slot: Int32) {
            SearchTokenizer.forEachTerm(in: section.heading) { term, _ in
                let id = number(term)
                if tally[id] == 0 { touched.append(Int32(id)) }
                tally[id] |= Self.headed
            }
            var length = 0
            SearchTokenizer.forEachTerm(in: section.text) { term, _ in
                let id = number(term)
                let value = tally[id]
                if value == 0 { touched.append(Int32(id)) }
                length += 1
                if value & 0xFFFF < 0xFFFF { tally[id] = value + 1 }
            }
            for id in touched {
                let value = tally[Int(id)]
                let weight = SearchPostings.sectionWeight(count: UInt16(value & 0xFFFF), inHeading: value & Self.headed != 0, length: length)
                occurrences.append(Occurrence(term: id, slot: slot, weight: weight))
                tally[Int(id)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
