@testable import DevKit
import Testing

/// Long sections are kept in pieces, so a result fetches only the stretch where its words are.
@Suite struct SearchSectionChunkTests {
    @Test func aLongSectionIsCutAtSpacesIntoPiecesWithItsAnchorAndHeading() {
        let words = (0..<3000).map { "word\($0)" }
        let section = SearchSection(anchor: "long", heading: "Long", text: words.joined(separator: " "))
        let chunks = section.chunked(limit: 1000)
        #expect(chunks.count > 10)
        #expect(chunks.allSatisfy { $0.anchor == "long" && $0.heading == "Long" && $0.text.utf8.count <= 1000 })
        #expect(chunks.map(\.text).joined(separator: " ") == section.text, "nothing lost, every cut at a space")
        #expect(chunks.allSatisfy { !$0.text.hasPrefix(" ") && !$0.text.hasSuffix(" ") })
    }

    @Test func textWithoutSpacesIsCutBetweenCharacters() {
        let section = SearchSection(anchor: "", heading: "", text: String(repeating: "着信", count: 1000))
        let chunks = section.chunked(limit: 1000)
        #expect(chunks.map(\.text).joined() == section.text)
        #expect(chunks.allSatisfy { $0.text.utf8.count <= 1000 && $0.text.unicodeScalars.allSatisfy { $0 == "着" || $0 == "信" } })
    }

    @Test func aShortSectionStaysWhole() {
        let section = SearchSection(anchor: "a", heading: "A", text: "short")
        #expect(section.chunked() == [section])
    }
}
