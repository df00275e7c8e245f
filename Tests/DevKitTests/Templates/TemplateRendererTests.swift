@testable import DevKit
import Testing

/// devkit's Mustache: the spec's behaviour, case by case (values, sections, scopes, standalone lines,
/// delimiters, partials), and mistakes reported at their line and column.
@Suite struct TemplateRendererTests {
    private func render(_ template: String, _ context: TemplateObject = TemplateObject(), partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try TemplateParser.parse(template, path: "main.mustache")]
        for (name, text) in partials { templates[name] = try TemplateParser.parse(text, path: "\(name).mustache") }
        return TemplateRenderer(templates: templates).render("main", scopes: [context])
    }

    private let person = TemplateObject([
        "name": .text("Ada <Lovelace> & \"Co\" 'x'"), "html": .text("<b>bold</b>"), "yes": .flag(true), "no": .flag(false),
        "empty": .text(""), "none": .list([]),
        "address": .object(TemplateObject(["city": .text("London"), "name": .text("Home")])),
        "items": .objects([TemplateObject(["label": .text("one")]), TemplateObject(["label": .text("two")])]),
        "words": .list([.text("a"), .text("b"), .text("c")]),
    ])

    @Test func valuesAreEscapedUnlessTripleOrAmpersand() throws {
        #expect(try render("{{name}}", person) == "Ada &lt;Lovelace&gt; &amp; &quot;Co&quot; &#39;x&#39;")
        #expect(try render("{{{html}}}|{{& html}}|{{html}}", person) == "<b>bold</b>|<b>bold</b>|&lt;b&gt;bold&lt;/b&gt;")
        #expect(try render("[{{missing}}] [{{address.missing}}] [{{missing.city}}]", person) == "[] [] []")
        #expect(try render("{{yes}} {{no}}", person) == "true false")
        #expect(try render("{{ address.city }}", person) == "London")
    }

    @Test func sectionsFollowTheirValue() throws {
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}", person) == "Y!N")
        #expect(try render("{{#items}}<{{label}}>{{/items}}", person) == "<one><two>")
        #expect(try render("{{#words}}{{.}},{{/words}}", person) == "a,b,c,")
        #expect(try render("{{#none}}x{{/none}}{{^none}}nothing{{/none}}", person) == "nothing")
        #expect(try render("{{#empty}}an empty text is truthy{{/empty}}", person) == "an empty text is truthy")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}", person) == "absent")
        #expect(try render("{{#address}}{{city}}{{/address}}", person) == "London")
    }

    @Test func innerScopesShadowOuterOnesAndDottedNamesDoNotSearchAgain() throws {
        #expect(try render("{{#address}}{{name}} in {{city}}, {{yes}}{{/address}} / {{name}}", person)
            == "Home in London, true / Ada &lt;Lovelace&gt; &amp; &quot;Co&quot; &#39;x&#39;")
        // `address.yes` does not fall back to the outer `yes`.
        #expect(try render("[{{address.yes}}]", person) == "[]")
        let scopes = [TemplateObject(["lang": .text("en"), "title": .text("outer")]), TemplateObject(["title": .text("inner")])]
        let templates = ["main": try TemplateParser.parse("{{lang}} {{title}}", path: "main.mustache")]
        #expect(TemplateRenderer(templates: templates).render("main", scopes: scopes) == "en inner")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        #expect(try render("<ul>\n  {{#items}}\n  <li>{{label}}</li>\n  {{/items}}\n</ul>\n", person) == "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n")
        #expect(try render("a\n  {{! a comment }}\nb\n") == "a\nb\n")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", person) == "a\r\nb\r\n")
        #expect(try render("  {{#yes}}\nat the start{{/yes}}", person) == "at the start")
        #expect(try render("end\n{{#yes}}{{/yes}}", person) == "end\n")
        // Not standalone: another tag or text shares the line.
        #expect(try render(" {{#yes}}x{{/yes}} \n", person) == " x \n")
        #expect(try render("{{name}} {{#no}}{{/no}}\n", TemplateObject(["name": .text("n"), "no": .flag(false)])) == "n \n")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% address.city %> {{name}} <%={{ }}=%>{{yes}}", person) == "London {{name}} true")
        #expect(try render("{{=| |=}}\n|#yes|\nok\n|/yes|\n", person) == "ok\n")
    }

    @Test func partialsRenderInPlaceIndentedWhenStandalone() throws {
        let partials = ["item": "<li>{{label}}</li>\n", "block": "|\n{{{html}}}\n|\n"]
        #expect(try render("<ul>{{#items}}{{> item}}{{/items}}</ul>", person, partials: partials) == "<ul><li>one</li>\n<li>two</li>\n</ul>")
        #expect(try render("begin\n  {{> block}}\nend\n", TemplateObject(["html": .text("<\n->")]), partials: partials)
            == "begin\n  |\n  <\n->\n  |\nend\n")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let output = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        #expect(output == String(repeating: "x", count: TemplateRenderer.maximumPartialDepth))
    }

    @Test func aPartialThatIncludesItselfTwiceStopsWithinItsBudget() throws {
        // Found by scripts/fuzz: depth alone bounds this at 2^64 renders.
        let output = try render("{{> loop}}", partials: ["loop": "x{{> loop}}{{> loop}}"])
        #expect(output.count <= TemplateRenderer.maximumPartials + 1)
        #expect(output.count > 1000)
    }

    @Test(arguments: [
        ("<p>\n{{#sidebar}}\n<ul>{{/entries}}\n", 3, 5, "'{{/entries}}' does not close the open section 'sidebar' (line 2)"),
        ("ok\n  {{/nothing}}", 2, 3, "'{{/nothing}}' closes no open section"),
        ("a\n{{#open}}\nnever closed\n", 2, 1, "section 'open' is never closed: add {{/open}}"),
        ("日本語 {{title", 1, 5, "unclosed tag: no '}}'"),
        ("{{{html}}", 1, 1, "unclosed tag: no '}}}'"),
        ("x {{ }}", 1, 3, "empty tag: a tag needs a name"),
        ("{{a..b}}", 1, 1, "'a..b' is not a name: a dotted name has no empty part"),
        ("{{uppercased(name)}}", 1, 1, "'uppercased(name)' is not a name (it holds '('): devkit's templates take plain and dotted names only"),
        ("{{=<%>=}}", 1, 1, "a set-delimiter tag is written {{=<% %>=}}: two delimiters between '=' signs"),
        ("{{<parent}}{{/parent}}", 1, 1, "'{{<' tags (inheritance and pragmas) are not supported"),
    ])
    func mistakesNameTheirPlace(template: String, line: Int, column: Int, message: String) {
        #expect(throws: Diagnostic(path: "t.mustache", line: line, column: column, message: "template syntax error: \(message)")) {
            try TemplateParser.parse(template, path: "t.mustache")
        }
    }
}
