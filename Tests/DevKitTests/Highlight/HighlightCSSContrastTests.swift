@testable import DevKit
import Foundation
import Testing

/// `Sources/DevKit/Theme/assets/highlight.css`: a colour for every class in light, dark (both ways it applies) and
/// print, each reaching WCAG AA's 4.5:1 on the code background it is shown on.
@Suite struct HighlightCSSContrastTests {
    static let lightBackground = "#f5f7fa"
    static let darkBackground = "#1a2129"
    static let paper = "#ffffff"

    static func stylesheet() throws -> String {
        try String(contentsOf: HighlightFixtures.projectRoot.appendingPathComponent("Sources/DevKit/Theme/assets/highlight.css"), encoding: .utf8)
    }

    @Test func everyClassHasARuleWithItsOwnColour() throws {
        let css = try Self.stylesheet()
        for style in Highlighter.Style.allCases {
            let name = style.className
            let rule = try #require(HighlightCSS.declarations(after: ".\(name) {", in: css), "no rule for .\(name)")
            #expect(rule["color"] == "var(--\(name))", ".\(name)")
        }
        #expect(HighlightCSS.declarations(after: ".hl-prompt {", in: css)?["user-select"] == "none")
    }

    @Test func everyColourReachesFourAndAHalfToOne() throws {
        let colours = try #require(HighlightCSS.declarations(after: ":root {", in: try Self.stylesheet()), "no :root block")
        for style in Highlighter.Style.allCases {
            let property = "--\(style.className)"
            let value = try #require(colours[property], "\(property) is not set")
            let pair = try #require(HighlightCSS.lightDark(value), "\(property) is not light-dark(#rrggbb, #rrggbb): \(value)")
            for (theme, colour, background) in [("light", pair.light, Self.lightBackground), ("print", pair.light, Self.paper),
                                                 ("dark", pair.dark, Self.darkBackground)] {
                let ratio = try #require(HighlightCSS.contrast(colour, background), "\(theme): \(colour) is not #rrggbb")
                #expect(ratio >= 4.5, "\(theme): \(property) \(colour) is \(ratio):1 on \(background)")
            }
        }
    }

    /// One definition per colour: no other block sets an --hl- property.
    @Test func eachColourIsDefinedOnce() throws {
        let css = try Self.stylesheet()
        for style in Highlighter.Style.allCases {
            #expect(css.components(separatedBy: "--\(style.className):").count == 2, "--\(style.className) is defined more than once")
        }
    }

    /// The backgrounds checked above are the ones the site's stylesheet gives code blocks.
    @Test func backgroundsAreTheSitesCodeBackgrounds() throws {
        let site = try String(contentsOf: HighlightFixtures.projectRoot.appendingPathComponent("Sources/DevKit/Theme/assets/site.css"), encoding: .utf8)
        // The site gives each colour as light-dark(light, dark).
        let declared = site.components(separatedBy: "--code-bg:").dropFirst()
            .map { $0.prefix { $0 != ";" && $0 != "}" }.trimmingCharacters(in: .whitespaces).lowercased() }
        #expect(declared.count == 1, "\(declared)")
        let pair = declared.first.flatMap { value -> [String]? in
            guard value.hasPrefix("light-dark("), value.hasSuffix(")") else { return nil }
            return value.dropFirst("light-dark(".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(pair == [Self.lightBackground, Self.darkBackground])
    }

    @Test func contrastIsComputedAsWCAGDoes() {
        #expect(HighlightCSS.contrast("#000000", "#ffffff").map { ($0 * 100).rounded() } == 2100)
        #expect(HighlightCSS.contrast("#777777", "#ffffff").map { ($0 * 100).rounded() } == 448)
        #expect(HighlightCSS.contrast("#fff", "#000000") == 21)
        #expect(HighlightCSS.contrast("red", "#000000") == nil)
    }
}
