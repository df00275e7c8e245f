/// The inverted index of one language: every term, in order, with the places it occurs and a weight
/// for each. The weight is fixed at build time (the browser only multiplies it by how rare the term
/// is): a title outweighs a heading, a heading outweighs the text, and in the text a term counts
/// more the more often it occurs, less in a long section (BM25's saturation and length norm).
struct SearchPostings {
    /// One place a term occurs.
    struct Posting: Equatable {
        var page: Int32
        /// 0 for the page's title, `k + 1` for section `k`.
        var slot: Int32
        /// 1…63 (it is written as one base-64 digit).
        var weight: UInt8
    }

    /// The heaviest weight.
    static let maximumWeight = 63

    /// Every term, sorted by its UTF-8 bytes (which is Unicode code point order).
    let terms: [String]
    /// The postings of all terms, term after term, each term's by page and slot.
    let all: [Posting]
    /// Term `n`'s postings are `all[starts[n]..<starts[n + 1]]`.
    let starts: [Int]

    /// The postings of term `n`.
    func postings(of number: Int) -> ArraySlice<Posting> {
        all[starts[number]..<starts[number + 1]]
    }

    /// The inverted index of these pages (their position in the array is their number).
    init(_ pages: [SearchPageTerms]) {
        var totalLength = 0
        var sectionCount = 0
        for page in pages {
            totalLength += page.sectionLengths.reduce(0, +)
            sectionCount += page.sectionLengths.count
        }
        let averageLength = sectionCount == 0 ? 1 : max(1, Double(totalLength) / Double(sectionCount))
        let weights = parallelMap(pages) { page in
            let titleWeight = Self.titleWeight(distinctTerms: page.titleTerms)
            return page.occurrences.map { occurrence in
                occurrence.slot == 0 ? titleWeight
                    : Self.sectionWeight(count: occurrence.count, inHeading: occurrence.inHeading,
                                         length: page.sectionLengths[Int(occurrence.slot) - 1], averageLength: averageLength)
            }
        }

        // Number every term across pages, and count its postings.
        var table = SearchTermTable(capacity: 4096)
        var globalNumbers: [[Int32]] = []
        globalNumbers.reserveCapacity(pages.count)
        var counts: [Int] = []
        for page in pages {
            var numbers: [Int32] = []
            numbers.reserveCapacity(page.terms.count)
            for local in 0..<page.terms.count {
                let number = page.terms.withBytes(of: local) { table.number($0, hash: page.terms.hash(of: local)) }
                if Int(number) == counts.count { counts.append(0) }
                numbers.append(number)
            }
            for occurrence in page.occurrences { counts[Int(numbers[Int(occurrence.term)])] += 1 }
            globalNumbers.append(numbers)
        }

        // Sort the terms, then lay their postings out in that order.
        let order = table.sortedNumbers()
        var rank = [Int](repeating: 0, count: order.count)
        var starts = [Int](repeating: 0, count: order.count + 1)
        for (position, number) in order.enumerated() {
            rank[number] = position
            starts[position + 1] = starts[position] + counts[number]
        }
        var cursor = starts
        var all = [Posting](repeating: Posting(page: 0, slot: 0, weight: 0), count: starts[order.count])
        for (pageNumber, page) in pages.enumerated() {
            let numbers = globalNumbers[pageNumber]
            let pageWeights = weights[pageNumber]
            for (index, occurrence) in page.occurrences.enumerated() {
                let position = rank[Int(numbers[Int(occurrence.term)])]
                all[cursor[position]] = Posting(page: Int32(pageNumber), slot: occurrence.slot, weight: pageWeights[index])
                cursor[position] += 1
            }
        }
        terms = order.map { table.string($0) }
        self.all = all
        self.starts = starts
    }

    /// A title term: heavier in a short title (`tar`) than in a long one.
    static func titleWeight(distinctTerms: Int) -> UInt8 {
        UInt8(min(Double(maximumWeight), (20 + 40 / Double(max(1, distinctTerms)).squareRoot()).rounded()))
    }

    /// A term in a section: 30 for being in its heading, plus up to 22 for its text (BM25, k1 1.2, b 0.75).
    static func sectionWeight(count: UInt16, inHeading: Bool, length: Int, averageLength: Double) -> UInt8 {
        let frequency = Double(count)
        let norm = 1.2 * (0.25 + 0.75 * Double(length) / averageLength)
        let text = frequency == 0 ? 0 : 10 * frequency * 2.2 / (frequency + norm)
        let total = text + (inHeading ? 30 : 0)
        return UInt8(min(Double(maximumWeight), max(1, total.rounded())))
    }
}
