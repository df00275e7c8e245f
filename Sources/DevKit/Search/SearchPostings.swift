import Foundation

/// The inverted index of one language: every term, in order, with the places it occurs and a weight
/// for each. The weight is fixed at build time (the browser only multiplies it by how rare the term
/// is): a title outweighs a heading, a heading outweighs the text, and in the text a term counts
/// more the more often it occurs, less in a long section (BM25's saturation and length norm, against
/// a fixed section length rather than the site's average, so a page weighs its terms on its own).
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

    /// The inverted index of these pages (their position in the array is their number). The terms are
    /// split by hash into `partitions` (one per core), numbered, counted, sorted and laid out in parallel.
    init(_ pages: [SearchPageTerms], partitions requested: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let partitionCount = max(1, min(8, requested))

        // Every page's terms and occurrences in flat lists (the partitions read them in parallel, and
        // plain buffers are faster to share than arrays of arrays), filled page by page in parallel.
        var byteOffsets = [Int](repeating: 0, count: pages.count + 1)
        var termOffsets = [Int](repeating: 0, count: pages.count + 1)
        var occurrenceOffsets = [Int](repeating: 0, count: pages.count + 1)
        for (index, page) in pages.enumerated() {
            byteOffsets[index + 1] = byteOffsets[index] + page.terms.byteCount
            termOffsets[index + 1] = termOffsets[index] + page.terms.count
            occurrenceOffsets[index + 1] = occurrenceOffsets[index] + page.occurrences.count
        }
        let localCount = termOffsets[pages.count]
        var termBytes = [UInt8](repeating: 0, count: byteOffsets[pages.count])
        var termEnds = [Int32](repeating: 0, count: localCount + 1)
        var termHashes = [UInt32](repeating: 0, count: localCount)
        var occurrences = [Flat](repeating: Flat(term: 0, page: 0, slot: 0, weight: 0), count: occurrenceOffsets[pages.count])
        termBytes.withUnsafeMutableBufferPointer { bytes in
            termEnds.withUnsafeMutableBufferPointer { ends in
                termHashes.withUnsafeMutableBufferPointer { hashes in
                    occurrences.withUnsafeMutableBufferPointer { flat in
                        _ = parallelMap(Array(pages.indices)) { index -> Bool in
                            let page = pages[index]
                            let base = termOffsets[index]
                            page.terms.copyAll(bytes: bytes.baseAddress! + byteOffsets[index], byteOffset: byteOffsets[index],
                                               ends: ends.baseAddress! + base + 1, hashes: hashes.baseAddress! + base)
                            var position = occurrenceOffsets[index]
                            for occurrence in page.occurrences {
                                flat[position] = Flat(term: Int32(base) + occurrence.term, page: Int32(index), slot: occurrence.slot, weight: occurrence.weight)
                                position += 1
                            }
                            return true
                        }
                    }
                }
            }
        }
        let numbers = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, localCount))
        defer { numbers.deallocate() }

        let (parts, positions, terms, starts): ([Partition], [[Int]], [String], [Int]) =
            termBytes.withUnsafeBufferPointer { bytes in
            termEnds.withUnsafeBufferPointer { ends in
            termHashes.withUnsafeBufferPointer { hashes in
            occurrences.withUnsafeBufferPointer { flat in
                // 1. Number the terms of each partition, count their postings, sort them.
                let parts: [Partition] = parallelMap(Array(0..<partitionCount)) { part in
                    var table = SearchTermTable(capacity: 8192 / partitionCount)
                    var counts: [Int] = []
                    for local in 0..<localCount where Self.partition(of: hashes[local], count: partitionCount) == part {
                        let term = UnsafeBufferPointer(rebasing: bytes[Int(ends[local])..<Int(ends[local + 1])])
                        let number = table.number(term, hash: hashes[local])
                        if Int(number) == counts.count { counts.append(0) }
                        numbers[local] = number
                    }
                    for occurrence in flat where Self.partition(of: hashes[Int(occurrence.term)], count: partitionCount) == part {
                        counts[Int(numbers[Int(occurrence.term)])] += 1
                    }
                    let order = table.sortedNumbers()
                    var rank = [Int](repeating: 0, count: order.count)
                    for (position, number) in order.enumerated() { rank[number] = position }
                    return Partition(table: table, counts: counts, order: order, rank: rank)
                }

                // 2. Merge the partitions' sorted terms into one order, and place each term's postings.
                var positions = parts.map { [Int](repeating: 0, count: $0.order.count) }
                var next = [Int](repeating: 0, count: partitionCount)
                var terms: [String] = []
                var starts: [Int] = [0]
                let termCount = parts.reduce(0) { $0 + $1.order.count }
                terms.reserveCapacity(termCount)
                starts.reserveCapacity(termCount + 1)
                while true {
                    var best = -1
                    for part in 0..<partitionCount where next[part] < parts[part].order.count {
                        if best < 0 || parts[part].precedes(next[part], parts[best], next[best]) { best = part }
                    }
                    guard best >= 0 else { break }
                    let number = parts[best].order[next[best]]
                    positions[best][next[best]] = terms.count
                    terms.append(parts[best].table.string(number))
                    starts.append(starts[starts.count - 1] + parts[best].counts[number])
                    next[best] += 1
                }
                return (parts, positions, terms, starts)
            }
            }
            }
            }

        // 3. Fill in the postings, each partition its own terms' (disjoint places of one array).
        let termCount = terms.count
        let total = starts[termCount]
        let cursor = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, termCount))
        defer { cursor.deallocate() }
        for index in 0..<termCount { cursor[index] = starts[index] }
        let all = [Posting](unsafeUninitializedCapacity: total) { buffer, initialized in
            termHashes.withUnsafeBufferPointer { hashes in
                occurrences.withUnsafeBufferPointer { flat in
                    _ = parallelMap(Array(0..<partitionCount)) { part -> Bool in
                        parts[part].rank.withUnsafeBufferPointer { rank in
                            positions[part].withUnsafeBufferPointer { partPositions in
                                for occurrence in flat where Self.partition(of: hashes[Int(occurrence.term)], count: partitionCount) == part {
                                    let position = partPositions[rank[Int(numbers[Int(occurrence.term)])]]
                                    (buffer.baseAddress! + cursor[position])
                                        .initialize(to: Posting(page: occurrence.page, slot: occurrence.slot, weight: occurrence.weight))
                                    cursor[position] += 1
                                }
                            }
                        }
                        return true
                    }
                }
            }
            initialized = total
        }
        self.terms = terms
        self.all = all
        self.starts = starts
    }

    /// One occurrence of one page's term, with the term's place in the flat list of all pages' terms.
    private struct Flat {
        var term: Int32
        var page: Int32
        var slot: Int32
        var weight: UInt8
    }

    /// The terms of one partition, numbered, counted and sorted.
    private struct Partition {
        var table: SearchTermTable
        /// Postings per term number.
        var counts: [Int]
        /// Term numbers in sorted order.
        var order: [Int]
        /// The position of each term number in `order`.
        var rank: [Int]

        /// Whether this partition's `index`-th term sorts before `other`'s `otherIndex`-th.
        func precedes(_ index: Int, _ other: Partition, _ otherIndex: Int) -> Bool {
            table.withBytes(of: order[index]) { lhs in
                other.table.withBytes(of: other.order[otherIndex]) { rhs in lhs.lexicographicallyPrecedes(rhs) }
            }
        }
    }

    /// The partition a term's hash falls in (from its high bits: the table uses the low ones).
    private static func partition(of hash: UInt32, count: Int) -> Int {
        count == 1 ? 0 : Int((hash &* 0x9E37_79B1) >> 16) % count
    }

    /// A title term: heavier in a short title (`tar`) than in a long one.
    static func titleWeight(distinctTerms: Int) -> UInt8 {
        UInt8(min(Double(maximumWeight), (20 + 40 / Double(max(1, distinctTerms)).squareRoot()).rounded()))
    }

    /// The section length at which BM25's length norm is neutral (a tldr page has about 90 terms, a
    /// section of a guide a few hundred).
    static let referenceLength = 100.0

    /// A term in a section: 30 for being in its heading, plus up to 22 for its text (BM25, k1 1.2, b 0.75).
    static func sectionWeight(count: UInt16, inHeading: Bool, length: Int) -> UInt8 {
        let frequency = Double(count)
        let norm = 1.2 * (0.25 + 0.75 * Double(length) / referenceLength)
        let text = frequency == 0 ? 0 : 10 * frequency * 2.2 / (frequency + norm)
        let total = text + (inHeading ? 30 : 0)
        return UInt8(min(Double(maximumWeight), max(1, total.rounded())))
    }
}
