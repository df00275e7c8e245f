@testable import DevKit
import Foundation
import Testing

/// Golden files: each fixture's code highlights to exactly its expected HTML, keeps the highlighter's
/// promises (strips back to the escaped code, well-formed spans), and every language has one.
@Suite struct HighlighterFixtureTests {
    @Test(arguments: HighlightFixtures.cases)
    func fixtureHighlightsToItsExpectedHTML(_ fixture: HighlightFixtures.Case) throws {
        let code = try fixture.code()
        let highlighted = try #require(Highlighter.highlight(code, language: fixture.language))
        #expect(highlighted.language == fixture.language)
        if HighlightFixtures.recording {
            try highlighted.html.write(to: fixture.expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try fixture.expected()
        #expect(highlighted.html == expected, "\(fixture.name): the first difference is on line \(Self.firstDifferentLine(highlighted.html, expected))")
    }

    @Test(arguments: HighlightFixtures.cases)
    func fixtureKeepsThePromises(_ fixture: HighlightFixtures.Case) throws {
        let problems = HighlightMarkup.check(try fixture.code(), language: fixture.language)
        #expect(problems.isEmpty, "\(fixture.name): \(problems)")
    }

    @Test func everyLanguageHasAFixture() {
        let covered = Set(HighlightFixtures.cases.map(\.language))
        for language in Highlighter.Language.allCases {
            #expect(covered.contains(language.rawValue), "no fixture for \(language.rawValue)")
        }
        #expect(HighlightFixtures.cases.count >= Highlighter.Language.allCases.count)
    }

    /// Every class of the shared vocabulary appears in some fixture's expected HTML, so none is dead.
    @Test func everyClassAppearsInAFixture() throws {
        let all = try HighlightFixtures.cases.map { try $0.expected() }.joined()
        for style in Highlighter.Style.allCases {
            #expect(all.contains("<span class=\"\(style.className)\">"), "no fixture shows \(style.className)")
        }
    }

    static func firstDifferentLine(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, pair) in zip(left, right).enumerated() where pair.0 != pair.1 {
            return "\(number + 1):\n  got      \(pair.0)\n  expected \(pair.1)"
        }
        return "\(min(left.count, right.count) + 1) (one output is longer)"
    }
}
