/// One page read for the index: its sections and, for each, how often each term occurs where.
/// Made for each page on its own (pages are read in parallel) and merged by `SearchPostings`.
struct SearchPageTerms: Sendable {
    /// One term of one part of the page.
    struct Occurrence: Sendable {
        /// The term's number in `terms`.
        var term: Int32
        /// 0 for the page's title, `k + 1` for section `k`.
        var slot: Int32
        /// How often the term occurs in the section's text (0 in the title).
        var count: UInt16
        /// The term is in the section's heading.
        var inHeading: Bool
    }

    /// The page's sections, in order.
    var sections: [SearchSection]
    /// The number of terms in each section's text (for length normalisation).
    var sectionLengths: [Int]
    /// The number of distinct terms in the title.
    var titleTerms: Int
    /// The page's distinct terms, numbered in the order first met.
    var terms: SearchTermTable
    /// Every (term, slot) of the page, title first, then section by section.
    var occurrences: [Occurrence]

    /// Reads one page.
    init(_ document: SearchDocument) {
        sections = SearchTextExtractor.sections(in: document.html)
        var counter = Counter()
        counter.readTitle(document.title)
        titleTerms = counter.occurrences.count
        var lengths: [Int] = []
        lengths.reserveCapacity(sections.count)
        for (index, section) in sections.enumerated() {
            lengths.append(counter.readSection(section, slot: Int32(index + 1)))
        }
        sectionLengths = lengths
        terms = counter.terms
        occurrences = counter.occurrences
    }

    /// Numbers the page's terms and counts them section by section.
    private struct Counter {
        var terms = SearchTermTable(capacity: 256)
        var occurrences: [Occurrence] = []
        /// Per term number, while one section is read.
        var counts: [UInt16] = []
        var headed: [Bool] = []
        var touched: [Int32] = []

        mutating func number(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
            let number = terms.number(term)
            if Int(number) == counts.count {
                counts.append(0)
                headed.append(false)
            }
            return number
        }

        mutating func readTitle(_ title: String) {
            SearchTokenizer.forEachTerm(in: title) { term, _ in
                let id = number(term)
                guard !headed[Int(id)] else { return }
                headed[Int(id)] = true
                occurrences.append(Occurrence(term: id, slot: 0, count: 0, inHeading: false))
            }
            for occurrence in occurrences { headed[Int(occurrence.term)] = false }
        }

        /// Counts one section's terms; returns how many terms its text has.
        mutating func readSection(_ section: SearchSection, slot: Int32) -> Int {
            SearchTokenizer.forEachTerm(in: section.heading) { term, _ in
                let id = Int(number(term))
                if counts[id] == 0 && !headed[id] { touched.append(Int32(id)) }
                headed[id] = true
            }
            var length = 0
            SearchTokenizer.forEachTerm(in: section.text) { term, _ in
                let id = Int(number(term))
                if counts[id] == 0 && !headed[id] { touched.append(Int32(id)) }
                length += 1
                if counts[id] < .max { counts[id] += 1 }
            }
            for id in touched {
                occurrences.append(Occurrence(term: id, slot: slot, count: counts[Int(id)], inHeading: headed[Int(id)]))
                counts[Int(id)] = 0
                headed[Int(id)] = false
            }
            touched.removeAll(keepingCapacity: true)
            return length
        }
    }
}
