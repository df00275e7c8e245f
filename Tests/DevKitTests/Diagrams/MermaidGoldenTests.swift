import Foundation
import Testing
@testable import DevKit

/// Each `Fixtures/<name>.mmd` renders exactly to `Fixtures/<name>.svg`. Set `DEVKIT_UPDATE_GOLDENS=1` to
/// rewrite the goldens: each rewrite is reported as a test issue, so it is never silent.
@Suite struct MermaidGoldenTests {
    static let names = DiagramFixtures.names

    @Test func thereAreGoldens() {
        #expect(Self.names.count >= 10)
    }

    @Test(arguments: names)
    func rendersTheGolden(_ name: String) throws {
        let source = try DiagramFixtures.text(name, "mmd")
        let (svg, result) = DiagramFixtures.svg(source)
        let rendered = try #require(svg, "\(name).mmd did not render: \(result)")
        if ProcessInfo.processInfo.environment["DEVKIT_UPDATE_GOLDENS"] == "1" {
            try (rendered + "\n").write(to: DiagramFixtures.folder.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            Issue.record("rewrote \(name).svg (DEVKIT_UPDATE_GOLDENS=1); check the diff and run again without it")
            return
        }
        let golden = try DiagramFixtures.text(name, "svg")
        #expect(rendered + "\n" == golden, "\(name).svg differs; DEVKIT_UPDATE_GOLDENS=1 rewrites it")
    }

    @Test(arguments: names)
    func goldenIsWellFormedAccessibleSVG(_ name: String) throws {
        let document = DiagramSVGDocument(try DiagramFixtures.text(name, "svg"))
        #expect(document.error == nil, "\(name).svg: \(document.error ?? "")")
        #expect(document.elements.first == "svg")
        #expect(document.rootAttributes["role"] == "img")
        #expect(document.rootAttributes["aria-labelledby"] == "mermaid-L1-title")
        #expect(document.rootAttributes["aria-describedby"] == "mermaid-L1-desc")
        #expect(document.ids == ["mermaid-L1-title", "mermaid-L1-desc"])
        #expect(Array(document.elements.dropFirst().prefix(2)) == ["title", "desc"])
        #expect(!document.title.isEmpty)
        #expect(document.desc.hasPrefix("Participants: ") || document.desc.contains(" Participants: "))
    }

    @Test(arguments: names)
    func goldenHasNoColoursOnlyClasses(_ name: String) throws {
        let svg = try DiagramFixtures.text(name, "svg")
        let document = DiagramSVGDocument(svg)
        for attribute in ["fill", "stroke", "color", "stop-color", "flood-color"] {
            #expect(!document.attributeNames.contains(attribute), "\(name).svg sets \(attribute)")
        }
        for value in document.attributeValues {
            #expect(!value.contains("#") && !value.contains("rgb(") && !value.contains("hsl("), "\(name).svg: attribute value \(value)")
        }
        let shapes = document.elements.filter { ["rect", "path", "circle", "text"].contains($0) }.count
        #expect(document.classes.count == shapes + 1 + document.elements.filter { $0 == "g" }.count,
                "every shape and text has a class")
        #expect(document.classes.allSatisfy { $0.hasPrefix("seq") })
    }
}
