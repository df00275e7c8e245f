import Testing
@testable import DevKit

/// The SVG's text alternative (role, name, description), its ids, and its escaping.
@Suite struct MermaidAccessibilityTests {
    func document(_ source: String, startLine: Int = 1) throws -> (svg: String, document: DiagramSVGDocument) {
        let (svg, result) = DiagramFixtures.svg(source, startLine: startLine)
        let text = try #require(svg, "did not render: \(result)")
        return (text, DiagramSVGDocument(text))
    }

    @Test func nameAndDescriptionTellTheWholeSequence() throws {
        let (_, svg) = try document("""
            sequenceDiagram
                autonumber
                participant H as HubSpot
                participant W as Widget
                H->>W: SYNC
                loop every 100 ms
                    H->>W: SYNC
                end
                W-->>H: SYNC_ACK
                Note over H,W: ready<br>both ways
                alt signed in
                    W->>H: INITIALIZED
                else not yet
                    W->>W: show sign-in
                end
            """)
        #expect(svg.error == nil)
        #expect(svg.rootAttributes["role"] == "img")
        #expect(svg.title == "Sequence diagram: HubSpot and Widget")
        #expect(svg.desc == "Participants: HubSpot and Widget. 1. HubSpot to Widget: SYNC. Loop, every 100 ms: 2. HubSpot to Widget: SYNC. End of loop. 3. Widget to HubSpot: SYNC_ACK. Note over HubSpot and Widget: ready both ways. Alternatives, first, signed in: 4. Widget to HubSpot: INITIALIZED. Else, not yet: 5. Widget to itself: show sign-in. End of alt.")
    }

    @Test func messagesAreNumberedInTheDescriptionEvenWithoutAutonumber() throws {
        let (_, svg) = try document("sequenceDiagram\nA->>B: one\nB<<->>A: two\nA-xB: three")
        #expect(svg.desc == "Participants: A and B. 1. A to B: one. 2. B and A, both ways: two. 3. A to B: three.")
        #expect(!svg.classes.contains("seq-number"))
    }

    @Test func titleComesFromAccTitleThenTitleThenTheParticipants() throws {
        #expect(try document("sequenceDiagram\ntitle Placing a call\naccTitle: Outbound call\nA->>B: x").document.title == "Outbound call")
        #expect(try document("sequenceDiagram\ntitle Placing a call\nA->>B: x").document.title == "Placing a call")
        #expect(try document("sequenceDiagram\nA->>B: x\nB->>C: y").document.title == "Sequence diagram: A, B and C")
        let many = (1...10).map { "P\($0)->>P\($0 + 1): x" }.joined(separator: "\n")
        #expect(try document("sequenceDiagram\n" + many).document.title == "Sequence diagram: P1, P2, P3, P4, P5, P6, P7 and 4 more")
    }

    @Test func accDescrComesFirstInTheDescription() throws {
        let svg = try document("sequenceDiagram\naccDescr: How a widget says hello\nA->>B: hi").document
        #expect(svg.desc == "How a widget says hello. Participants: A and B. 1. A to B: hi.")
    }

    @Test func idsAreUniqueAcrossDiagramsOfAPageAndStable() throws {
        let first = try document("sequenceDiagram\nA->>B: x", startLine: 12)
        let second = try document("sequenceDiagram\nA->>B: x", startLine: 40)
        #expect(first.document.ids == ["mermaid-L12-title", "mermaid-L12-desc"])
        #expect(second.document.ids == ["mermaid-L40-title", "mermaid-L40-desc"])
        #expect(Set(first.document.ids).isDisjoint(with: second.document.ids))
        for (svg, doc) in [first, second] {
            #expect(doc.rootAttributes["aria-labelledby"].map { doc.ids.contains($0) } == true)
            #expect(doc.rootAttributes["aria-describedby"].map { doc.ids.contains($0) } == true)
            #expect(MermaidDiagram.render("sequenceDiagram\nA->>B: x", startLine: svg == first.svg ? 12 : 40) == .svg(svg))
        }
        guard case let .svg(custom) = MermaidDiagram.render("sequenceDiagram\nA->>B: x", startLine: 1, id: "diagram-3") else {
            Issue.record("did not render")
            return
        }
        #expect(DiagramSVGDocument(custom).ids == ["diagram-3-title", "diagram-3-desc"])
    }

    @Test func sizeIsTheViewBoxAndItShrinksToThreeQuartersAtMost() throws {
        let svg = try document("sequenceDiagram\nA->>B: hello").document
        let box = try #require(svg.rootAttributes["viewBox"]).split(separator: " ").map(String.init)
        #expect(box.count == 4)
        #expect(svg.rootAttributes["width"] == box[2])
        #expect(svg.rootAttributes["height"] == box[3])
        let width = try #require(Double(box[2]))
        #expect(svg.rootAttributes["style"] == "min-width:\(DiagramSVG.format((width * 0.75).rounded()))px")
    }

    @Test func markupInTextIsEscapedAndStaysText() throws {
        let (raw, svg) = try document("sequenceDiagram\nparticipant A as <img src=x onerror=alert(1)>\nA->>B: </text><script>alert(\"x\")</script> & more")
        #expect(svg.error == nil)
        #expect(!svg.elements.contains("script") && !svg.elements.contains("img"))
        #expect(svg.texts.contains("</text><script>alert(\"x\")</script> & more"))
        #expect(svg.texts.contains("<img src=x onerror=alert(1)>"))
        #expect(raw.contains("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
    }

    @Test func charactersXMLCannotHoldAreReplaced() throws {
        let (raw, svg) = try document("sequenceDiagram\nA->>B: bell \u{07} and \u{FFFE} here")
        #expect(svg.error == nil)
        #expect(raw.contains("bell \u{FFFD} and \u{FFFD} here"))
    }

    @Test func codesForCharactersXMLCannotHoldAreErrors() {
        let result = MermaidDiagram.render("sequenceDiagram\nA->>B: #7;", startLine: 1)
        #expect(result == .failure(line: 2, column: 8, message: "unknown character code '#7;'; write the character's decimal code point, such as #35; for '#' or #59; for ';'"))
    }
}
