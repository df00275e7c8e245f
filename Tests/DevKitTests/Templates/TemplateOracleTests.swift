@testable import DevKit
import Foundation
import Mustache
import Testing

/// devkit's Mustache against swift-mustache, the implementation it replaced (kept as a test-only
/// oracle): the theme's page template with every page of the project's guides, and thousands of
/// generated templates and contexts, must render byte for byte the same.
@Suite struct TemplateOracleTests {
    @Test func everyGuidePageRendersAsSwiftMustacheRendersIt() throws {
        let site = try SiteBuilder(options: BuildOptions(root: Fixtures.projectRoot)).render()
        let page = try #require(DefaultTheme.templates.first { $0.path.hasSuffix("/page.mustache") })
        let template = try MustacheTemplate(string: String(decoding: page.bytes, as: UTF8.self))
        #expect(site.pages.count > 30)
        for index in site.pages.indices {
            let (name, scopes) = site.templateInput(forPage: index)
            #expect(name == TemplateSet.defaultTemplate)
            let expected = template.render(Self.oracleValue(scopes))
            #expect(site.document(forPage: index) == expected, "page \(site.pages[index].sitePath)")
        }
    }

    /// Values, scopes, sections and escaping over generated templates. Blanks and line breaks are
    /// left out of the comparison: on lines that hold several tags, or a tag and the end of the file,
    /// swift-mustache keeps or drops them differently from the spec's standalone rule, which devkit
    /// follows (TemplateRendererTests checks it; the page test above checks the theme byte for byte).
    @Test func generatedTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = SeededRandom(seed: 0x5EED_2026)
        var compared = 0
        func visible(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        for _ in 0..<3000 {
            let text = Self.randomTemplate(&random, depth: 0)
            let context = Self.randomObject(&random, depth: 0)
            let oracle = try MustacheTemplate(string: text)
            let ours = TemplateRenderer(templates: ["t": try TemplateParser.parse(text, path: "t.mustache")])
            let expected = oracle.render(Self.oracleValue([context]))
            let actual = ours.render("t", scopes: [context])
            #expect(visible(actual) == visible(expected), "template: \(text.debugDescription) context: \(Self.oracleValue([context]))")
            if visible(actual) != visible(expected) { break }
            compared += 1
        }
        #expect(compared == 3000)
    }

    // MARK: Generators

    /// Names for sections; values are only shown for the names that hold text or flags (swift-mustache
    /// shows a Swift description of a list or an object, devkit nothing).
    private static let names = ["a", "b", "c", "list", "object", "object.a", "object.list", "object.object.b"]
    private static let shown = ["a", "b", "c", "object.a", "object.object.b"]
    private static let texts = ["x", " ", "\n", "  \n", "<&>", "'\"", "\r\n", "\t", "é日"]

    private static func randomTemplate(_ random: inout SeededRandom, depth: Int) -> String {
        var text = ""
        for _ in 0..<random.next(upTo: 6) {
            let name = names[random.next(upTo: names.count)]
            let value = shown[random.next(upTo: shown.count)]
            let lineStart = random.next(upTo: 3) == 0 ? "\n" + String(repeating: " ", count: random.next(upTo: 3)) : ""
            let lineEnd = random.next(upTo: 3) == 0 ? String(repeating: " ", count: random.next(upTo: 2)) + "\n" : ""
            switch random.next(upTo: depth < 3 ? 8 : 5) {
            case 0, 1: text += texts[random.next(upTo: texts.count)]
            case 2: text += "{{\(value)}}"
            case 3: text += random.next(upTo: 2) == 0 ? "{{{\(value)}}}" : "{{& \(value) }}"
            case 4: text += lineStart + "{{! note }}" + lineEnd
            default:
                let sigil = random.next(upTo: 3) == 0 ? "^" : "#"
                let inner = randomTemplate(&random, depth: depth + 1)
                text += lineStart + "{{\(sigil)\(name)}}" + lineEnd + inner + lineStart + "{{/\(name)}}" + lineEnd
            }
        }
        return text
    }

    private static func randomText(_ random: inout SeededRandom) -> TemplateValue {
        random.next(upTo: 3) == 0 ? .flag(random.next(upTo: 2) == 0) : .text(["", "v", "<b>&amp;</b>", "line\nbreak", "'q'"][random.next(upTo: 5)])
    }

    private static func randomObject(_ random: inout SeededRandom, depth: Int) -> TemplateObject {
        var object = TemplateObject()
        for name in ["a", "b", "c"] where random.next(upTo: 4) != 0 { object[name] = randomText(&random) }
        if random.next(upTo: 3) != 0 {
            object["list"] = .list((0..<random.next(upTo: 3)).map { _ in
                depth < 2 && random.next(upTo: 2) == 0 ? .object(randomObject(&random, depth: depth + 1)) : randomText(&random)
            })
        }
        if depth < 2, random.next(upTo: 3) != 0 { object["object"] = .object(randomObject(&random, depth: depth + 1)) }
        return object
    }

    /// The same values as swift-mustache takes them; later scopes win, as they are looked up first.
    private static func oracleValue(_ scopes: [TemplateObject]) -> [String: Any] {
        var merged: [String: Any] = [:]
        for scope in scopes {
            for (name, value) in scope.values { merged[name] = oracleValue(value) }
        }
        return merged
    }

    private static func oracleValue(_ value: TemplateValue) -> Any {
        switch value {
        case let .text(text): text
        case let .flag(flag): flag
        case let .object(object): oracleValue([object])
        case let .list(values): values.map(oracleValue)
        }
    }
}

private extension SeededRandom {
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
