/// Cuts the postings into term shards and the section texts into fragments of about a chosen size,
/// and writes them with the entry that says where everything is (the format is in `SearchIndexBuilder`).
struct SearchIndexLayout {
    /// How big the files grow before a new one starts (a file may be bigger when one term's postings
    /// or one section's text is).
    struct Limits: Sendable {
        /// Bytes of postings per shard.
        var shardBytes: Int
        /// Bytes of section text per fragment.
        var fragmentBytes: Int

        /// Sizes that keep a first search on a large site (tldr: 6,644 pages) well under 300 KB.
        static let standard = Limits(shardBytes: 24_000, fragmentBytes: 6_000)
    }

    /// The format number in the entry; the browser refuses an index of another format.
    static let format = 1

    let limits: Limits

    /// Every file of the index: the entry first, then the shards, then the fragments.
    func files(documents: [SearchDocument], pages: [SearchPageTerms], postings: SearchPostings, language: String) -> [SearchIndexFile] {
        // The shards and the fragments do not depend on each other: one core each.
        let parts = parallelMap([0, 1]) { part -> Part in
            if part == 0 {
                let (files, firstTerms) = shardFiles(postings)
                return Part(files, shardFirstTerms: firstTerms, fragmentStarts: [])
            }
            let (files, starts) = fragmentFiles(documents: documents, pages: pages)
            return Part(files, shardFirstTerms: [], fragmentStarts: starts)
        }
        let shards = parts[0].contents
        let fragments = parts[1].contents
        let firstTerms = parts[0].shardFirstTerms
        let starts = parts[1].fragmentStarts
        var hash = SearchHash()
        hash.add(parts[0].hash)
        hash.add(parts[1].hash)
        let version = hash.hex()

        var entry = SearchJSONWriter(capacity: 1024 + firstTerms.count * 12 + starts.count * 6)
        entry.raw("{")
        entry.key("format"); entry.integer(Self.format); entry.raw(",")
        entry.key("language"); entry.string(language); entry.raw(",")
        entry.key("version"); entry.string(version); entry.raw(",")
        entry.key("pages"); entry.integer(documents.count); entry.raw(",")
        entry.key("shards"); entry.raw("[")
        for (index, term) in firstTerms.enumerated() {
            if index > 0 { entry.raw(",") }
            entry.string(term)
        }
        entry.raw("],")
        entry.key("fragments"); entry.raw("[")
        var previousPage = 0
        for (index, start) in starts.enumerated() {
            if index > 0 { entry.raw(",") }
            entry.integer(start.page - previousPage); entry.raw(","); entry.integer(start.section)
            previousPage = start.page
        }
        entry.raw("]}\n")

        var files = [SearchIndexFile(path: "index.json", contents: entry.string)]
        files.reserveCapacity(1 + shards.count + fragments.count)
        for (index, shard) in shards.enumerated() {
            files.append(SearchIndexFile(path: "shard-\(index).\(version).json", contents: shard))
        }
        for (index, fragment) in fragments.enumerated() {
            files.append(SearchIndexFile(path: "fragment-\(index).\(version).json", contents: fragment))
        }
        return files
    }

    /// What one of the two writers made: the files' text, and a fingerprint of their bytes.
    private struct Part {
        var contents: [String]
        var hash: [UInt8]
        var shardFirstTerms: [String]
        var fragmentStarts: [(page: Int, section: Int)]

        init(_ files: consuming [[UInt8]], shardFirstTerms: [String], fragmentStarts: [(page: Int, section: Int)]) {
            // Each file's bytes are let go as soon as its text is made, so the two are not all held at once.
            var bytes = files
            var fingerprint = SearchHash()
            for file in bytes { fingerprint.add(file) }
            var texts: [String] = []
            texts.reserveCapacity(bytes.count)
            while let last = bytes.popLast() { texts.append(String(decoding: last, as: UTF8.self)) }
            contents = texts.reversed()
            hash = Array(fingerprint.hex(digits: 16).utf8)
            self.shardFirstTerms = shardFirstTerms
            self.fragmentStarts = fragmentStarts
        }
    }

    /// The shards' JSON and the first term of each (the first shard's is "", so every term has a shard).
    /// A term's postings are one string of base-64 digits: for each posting the page (as the
    /// difference from the previous posting's) and the slot in variable-length digits, then the weight
    /// in one digit.
    private func shardFiles(_ postings: SearchPostings) -> ([[UInt8]], [String]) {
        var shards: [[UInt8]] = []
        var firstTerms: [String] = []
        var termsJSON = SearchJSONWriter(capacity: limits.shardBytes / 4)
        var listsJSON = SearchJSONWriter(capacity: limits.shardBytes + 4096)
        var termsInShard = 0

        func finishShard() {
            var shard = SearchJSONWriter(capacity: termsJSON.bytes.count + listsJSON.bytes.count + 32)
            shard.raw("{")
            shard.key("terms"); shard.raw("[")
            shard.append(termsJSON.bytes)
            shard.raw("],")
            shard.key("postings"); shard.raw("[")
            shard.append(listsJSON.bytes)
            shard.raw("]}\n")
            shards.append(shard.bytes)
            termsJSON = SearchJSONWriter(capacity: limits.shardBytes / 4)
            listsJSON = SearchJSONWriter(capacity: limits.shardBytes + 4096)
            termsInShard = 0
        }

        for (index, term) in postings.terms.enumerated() {
            if termsInShard == 0 { firstTerms.append(shards.isEmpty ? "" : term) }
            if termsInShard > 0 {
                termsJSON.raw(UInt8(ascii: ","))
                listsJSON.raw(UInt8(ascii: ","))
            }
            termsJSON.string(term)
            listsJSON.raw(UInt8(ascii: "\""))
            var previousPage: Int32 = 0
            for posting in postings.postings(of: index) {
                listsJSON.variableLengthDigits(Int(posting.page - previousPage))
                listsJSON.variableLengthDigits(Int(posting.slot))
                listsJSON.digit(Int(posting.weight))
                previousPage = posting.page
            }
            listsJSON.raw(UInt8(ascii: "\""))
            termsInShard += 1
            if termsJSON.bytes.count + listsJSON.bytes.count >= limits.shardBytes { finishShard() }
        }
        if termsInShard > 0 || shards.isEmpty { finishShard() }
        if firstTerms.isEmpty { firstTerms.append("") } // no terms at all: one empty shard
        return (shards, firstTerms)
    }

    /// The fragments' JSON and where each starts (page number, section number).
    private func fragmentFiles(documents: [SearchDocument], pages: [SearchPageTerms]) -> ([[UInt8]], [(page: Int, section: Int)]) {
        var writer = SearchFragmentWriter(limit: limits.fragmentBytes)
        for (pageNumber, page) in pages.enumerated() {
            let document = documents[pageNumber]
            if page.encodedSections.isEmpty {
                writer.add(page: pageNumber, document: document, sectionNumber: 0, encoded: nil) // still a title and a URL
            }
            for (sectionNumber, encoded) in page.encodedSections.enumerated() {
                writer.add(page: pageNumber, document: document, sectionNumber: sectionNumber, encoded: encoded)
            }
        }
        writer.finishFragment()
        return (writer.fragments, writer.starts)
    }
}
