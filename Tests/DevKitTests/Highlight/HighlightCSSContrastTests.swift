@testable import DevKit
import Foundation
import Testing

/// `site/assets/highlight.css`: a colour for every class in light, dark (both ways it applies) and
/// print, each reaching WCAG AA's 4.5:1 on the code background it is shown on.
@Suite struct HighlightCSSContrastTests {
    static let lightBackground = "#f5f7fa"
    static let darkBackground = "#1a2129"
    static let paper = "#ffffff"

    static func stylesheet() throws -> String {
        try String(contentsOf: HighlightFixtures.projectRoot.appendingPathComponent("site/assets/highlight.css"), encoding: .utf8)
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
        let css = try Self.stylesheet()
        let themes: [(String, String, String)] = [
            ("light", ":root {", Self.lightBackground),
            ("dark, from the system", ":root:not([data-theme=\"light\"]) {", Self.darkBackground),
            ("dark, chosen", ":root[data-theme=\"dark\"] {", Self.darkBackground),
            ("print", "@media print {", Self.paper),
        ]
        for (theme, selector, background) in themes {
            let colours = try #require(HighlightCSS.declarations(after: selector, in: css), "no \(theme) block")
            for style in Highlighter.Style.allCases {
                let property = "--\(style.className)"
                let colour = try #require(colours[property], "\(theme): \(property) is not set")
                let ratio = try #require(HighlightCSS.contrast(colour, background), "\(theme): \(colour) is not #rrggbb")
                #expect(ratio >= 4.5, "\(theme): \(property) \(colour) is \(ratio):1 on \(background)")
            }
        }
    }

    /// The dark colours are written twice (for the system setting and for the reader's choice): the
    /// same both times.
    @Test func bothDarkBlocksAgree() throws {
        let css = try Self.stylesheet()
        let fromSystem = HighlightCSS.declarations(after: ":root:not([data-theme=\"light\"]) {", in: css)
        let chosen = HighlightCSS.declarations(after: ":root[data-theme=\"dark\"] {", in: css)
        #expect(fromSystem != nil && fromSystem == chosen)
    }

    /// The backgrounds checked above are the ones the site's stylesheet gives code blocks.
    @Test func backgroundsAreTheSitesCodeBackgrounds() throws {
        let site = try String(contentsOf: HighlightFixtures.projectRoot.appendingPathComponent("site/assets/site.css"), encoding: .utf8)
        let values = site.components(separatedBy: "--code-bg:").dropFirst()
            .map { $0.prefix { $0 != ";" && $0 != "}" }.trimmingCharacters(in: .whitespaces).lowercased() }
        #expect(values.first == Self.lightBackground)
        #expect(values.dropFirst().allSatisfy { $0 == Self.darkBackground || $0 == Self.lightBackground }, "\(values)")
        #expect(values.contains(Self.darkBackground))
    }

    @Test func contrastIsComputedAsWCAGDoes() {
        #expect(HighlightCSS.contrast("#000000", "#ffffff").map { ($0 * 100).rounded() } == 2100)
        #expect(HighlightCSS.contrast("#777777", "#ffffff").map { ($0 * 100).rounded() } == 448)
        #expect(HighlightCSS.contrast("#fff", "#000000") == 21)
        #expect(HighlightCSS.contrast("red", "#000000") == nil)
    }
}
