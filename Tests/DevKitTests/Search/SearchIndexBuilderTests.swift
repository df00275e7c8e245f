@testable import DevKit
import Foundation
import Testing

/// The index's files: where everything is, how terms are weighted, and that the same pages always
/// give the same bytes.
@Suite struct SearchIndexBuilderTests {
    private let small = SearchIndexLayout.Limits(shardBytes: 300, fragmentBytes: 400)

    @Test func samePagesInAnyOrderGiveTheSameFiles() throws {
        let documents = try SearchFixtures.documents("en")
        let first = SearchIndexBuilder.build(documents, language: "en", limits: small)
        #expect(SearchIndexBuilder.build(documents.reversed(), language: "en", limits: small) == first)
        #expect(SearchIndexBuilder.build(documents.shuffled(), language: "en", limits: small) == first)
        #expect(first.count > 4, "small limits give several shards and fragments")
    }

    @Test(arguments: [2, 3, 8])
    func anyNumberOfPartitionsGivesTheSamePostings(partitions: Int) throws {
        let pages = try (SearchFixtures.documents("en") + SearchFixtures.documents("ja")).map { SearchPageTerms($0) }
        let one = SearchPostings(pages, partitions: 1)
        let many = SearchPostings(pages, partitions: partitions)
        #expect(many.terms == one.terms)
        #expect(many.starts == one.starts)
        #expect(many.all == one.all)
    }

    @Test func theEntryNamesEveryFileAndTheVersionFollowsTheContents() throws {
        let documents = try SearchFixtures.documents("en")
        let files = SearchIndexBuilder.build(documents, language: "en", limits: small)
        let reader = try SearchIndexReader(files)
        #expect(reader.entry["format"] as? Int == 1)
        #expect(reader.entry["language"] as? String == "en")
        #expect(reader.entry["pages"] as? Int == documents.count)
        #expect(reader.version.count == 12)
        let expected = ["index.json"] + reader.shardStarts.indices.map { "shard-\($0).\(reader.version).json" }
            + reader.fragmentStarts.indices.map { "fragment-\($0).\(reader.version).json" }
        #expect(files.map(\.path) == expected)

        var edited = documents
        edited[0].html += "<p>one more word: zebra</p>"
        let changed = try SearchIndexReader(SearchIndexBuilder.build(edited, language: "en", limits: small))
        #expect(changed.version != reader.version)
    }

    @Test func termsAreInCodePointOrderAndEachShardStartsWhereTheEntrySays() throws {
        let reader = try SearchIndexReader(SearchIndexBuilder.build(try SearchFixtures.documents("ja") + SearchFixtures.documents("en"),
                                                                    language: "mixed", limits: small))
        let all = try reader.allTerms()
        #expect(all.count > 50)
        for (previous, next) in zip(all, all.dropFirst()) {
            #expect(previous.term.unicodeScalars.lexicographicallyPrecedes(next.term.unicodeScalars), "\(previous.term) before \(next.term)")
        }
        #expect(reader.shardStarts.first == "")
        for shard in reader.shardStarts.indices.dropFirst() {
            #expect(try reader.terms(ofShard: shard).first == reader.shardStarts[shard])
        }
    }

    @Test func everyTermOfEveryPageCanBeFoundAndPointsAtItsSection() throws {
        let documents = try SearchFixtures.documents("en")
        let reader = try SearchIndexReader(SearchIndexBuilder.build(documents, language: "en", limits: small))
        let sorted = documents.sorted { $0.url < $1.url }
        for (pageNumber, document) in sorted.enumerated() {
            for (sectionNumber, section) in SearchPageTerms.sections(of: document).enumerated() {
                let stored = try reader.section(page: pageNumber, section: sectionNumber)
                #expect(stored?.url == document.url)
                #expect(stored?.anchor == section.anchor)
                #expect(stored?.text == section.text)
                for token in SearchTokenizer.tokens(in: section.text) {
                    let postings = try reader.postings(token.term) ?? []
                    #expect(postings.contains { $0.page == pageNumber && $0.slot == sectionNumber + 1 },
                            "\(token.term) in \(document.url) section \(sectionNumber)")
                }
            }
            for token in SearchTokenizer.tokens(in: document.title) {
                #expect(try reader.postings(token.term)?.contains { $0.page == pageNumber && $0.slot == 0 } == true)
            }
        }
        #expect(try reader.postings("copy") == nil, "the copy button's label is not indexed")
        #expect(try reader.postings("never") == nil, "scripts, styles and comments are not indexed")
    }

    @Test func aTitleOutweighsAHeadingWhichOutweighsText() throws {
        let documents = [
            SearchDocument(url: "/a/", title: "Widget", html: "<p>Nothing here.</p>"),
            SearchDocument(url: "/b/", title: "B", html: "<h2 id=\"widget\">Widget</h2><p>Nothing here.</p>"),
            SearchDocument(url: "/c/", title: "C", html: "<p>A widget here.</p>"),
            SearchDocument(url: "/d/", title: "D", html: "<p>A widget, a widget and a widget.</p>"),
        ]
        let reader = try SearchIndexReader(SearchIndexBuilder.build(documents, language: "en"))
        let postings = try #require(try reader.postings("widget"))
        let weight = { (page: Int) in postings.filter { $0.page == page }.map(\.weight).max() ?? 0 }
        #expect(weight(0) > weight(1))
        #expect(weight(1) > weight(3))
        #expect(weight(3) > weight(2), "more occurrences weigh more")
        #expect(postings.allSatisfy { (1...SearchPostings.maximumWeight).contains($0.weight) })
    }

    @Test func anEmptySiteStillHasAnEntryAndAShard() throws {
        let files = SearchIndexBuilder.build([], language: "en")
        let reader = try SearchIndexReader(files)
        #expect(reader.shardStarts == [""])
        #expect(reader.fragmentStarts.isEmpty)
        #expect(files.count == 2)
    }

    @Test func postingsDigitsRoundTrip() {
        var writer = SearchJSONWriter()
        for value in [0, 1, 31, 32, 1023, 1024, 6643, 1_000_000] { writer.variableLengthDigits(value); writer.variableLengthDigits(0); writer.digit(63) }
        let decoded = SearchIndexReader.decode(writer.string)
        #expect(decoded.map(\.page) == [0, 1, 32, 64, 1087, 2111, 8754, 1_008_754])
        #expect(decoded.allSatisfy { $0.slot == 0 && $0.weight == 63 })
    }

    @Test func jsonStringsAreEscaped() throws {
        var writer = SearchJSONWriter()
        writer.string("a\"b\\c\nd\te\u{1}f — 着")
        #expect(writer.string == "\"a\\\"b\\\\c\\nd\\te\\u0001f — 着\"")
        #expect(try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String == "a\"b\\c\nd\te\u{1}f — 着")
    }
}
