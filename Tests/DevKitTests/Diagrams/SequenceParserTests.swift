import Testing
@testable import DevKit

/// What the parser makes of the statements Mermaid accepts.
@Suite struct SequenceParserTests {
    func parse(_ body: String) throws -> SequenceDiagram {
        let source = MermaidSource("sequenceDiagram\n" + body, startLine: 1)
        do {
            let preamble = try MermaidPreamble.read(source, firstLine: 1)
            return try SequenceParser.parse(source, after: preamble)
        } catch {
            Issue.record("\(error)")
            throw error
        }
    }

    func messages(_ diagram: SequenceDiagram) -> [SequenceMessage] {
        diagram.items.compactMap { if case let .message(message) = $0 { message } else { nil } }
    }

    @Test(arguments: SequenceArrow.allCases)
    func everyArrowParses(_ arrow: SequenceArrow) throws {
        let diagram = try parse("A\(arrow.rawValue)B: text")
        #expect(messages(diagram) == [SequenceMessage(from: 0, to: 1, arrow: arrow, text: ["text"])])
    }

    @Test func crossArrowsReadAnUpperCaseX() throws {
        #expect(messages(try parse("A-XB: x\nA--XB: y")).map(\.arrow) == [.solidCross, .dottedCross])
    }

    @Test func participantsAppearInOrderDeclaredOrFirstUsed() throws {
        let diagram = try parse("participant B as Bob\nactor A\nC->>A: hi\nB->>C: yo\nNote over D: x")
        #expect(diagram.participants == [
            SequenceParticipant(id: "B", label: ["Bob"], shape: .box),
            SequenceParticipant(id: "A", label: ["A"], shape: .figure),
            SequenceParticipant(id: "C", label: ["C"], shape: .box),
            SequenceParticipant(id: "D", label: ["D"], shape: .box),
        ])
    }

    @Test func namesMayHoldSpacesAndHyphens() throws {
        let diagram = try parse("Hub Spot->>my-service: a\nmy-service-->>Hub Spot: b\nx-y-xB: c")
        #expect(diagram.participants.map(\.id) == ["Hub Spot", "my-service", "x-y", "B"])
        #expect(messages(diagram).map(\.arrow) == [.solidArrow, .dottedArrow, .solidCross])
    }

    @Test func aliasLabelsTakeLineBreaksAndCharacterCodes() throws {
        let diagram = try parse("participant W as Widget<br/>(your app) #35;1\nW->>W: x")
        #expect(diagram.participants[0].label == ["Widget", "(your app) #1"])
    }

    @Test func redeclaringKeepsThePlaceAndTakesTheNewLabel() throws {
        let diagram = try parse("A->>B: x\nparticipant B as Bob")
        #expect(diagram.participants.map(\.id) == ["A", "B"])
        #expect(diagram.participants[1].label == ["Bob"])
    }

    @Test func activationMarksAfterTheArrow() throws {
        let diagram = try parse("A->>+B: go\nB-->>-A: back\nA ->>+ B : spaced\nactivate A\ndeactivate A\nB->>-A: end")
        #expect(diagram.items == [
            .message(SequenceMessage(from: 0, to: 1, arrow: .solidArrow, text: ["go"], activatesReceiver: true)),
            .activate(1),
            .message(SequenceMessage(from: 1, to: 0, arrow: .dottedArrow, text: ["back"], deactivatesSender: true)),
            .deactivate(1),
            .message(SequenceMessage(from: 0, to: 1, arrow: .solidArrow, text: ["spaced"], activatesReceiver: true)),
            .activate(1),
            .activate(0),
            .deactivate(0),
            .message(SequenceMessage(from: 1, to: 0, arrow: .solidArrow, text: ["end"], deactivatesSender: true)),
            .deactivate(1),
        ])
    }

    @Test func autonumberStartsStepsAndStops() throws {
        let diagram = try parse("A->>B: 1\nautonumber\nA->>B: 2\nautonumber 10 5\nA->>B: 3\nA->>B: 4\nautonumber off\nA->>B: 5\nautonumber\nA->>B: 6\nautonumber 1.5 0.25\nA->>B: 7")
        #expect(messages(diagram).map(\.number) == [nil, "2", "10", "15", nil, "25", "1.5"])
    }

    @Test func notesTakeEveryPlacementInAnyCase() throws {
        let diagram = try parse("Note left of A: l\nnote RIGHT OF B: r\nNOTE over B , A: both\nNote over A: one")
        let notes = diagram.items.compactMap { if case let .note(note) = $0 { note } else { nil } }
        #expect(notes == [
            SequenceNote(placement: .leftOf, first: 0, last: 0, text: ["l"]),
            SequenceNote(placement: .rightOf, first: 1, last: 1, text: ["r"]),
            SequenceNote(placement: .over, first: 0, last: 1, text: ["both"]),
            SequenceNote(placement: .over, first: 0, last: 0, text: ["one"]),
        ])
    }

    @Test func blocksNestAndDivide() throws {
        let diagram = try parse("alt yes\nA->>B: x\nelse no\npar_over p\nA->>B: y\nand q\nend\nend\ncritical c\noption o\nend\nrect rgb(0, 0, 0)\nend")
        let markers = diagram.items.filter { if case .message = $0 { false } else { true } }
        #expect(markers == [
            .blockStart(.alt, label: ["yes"]), .blockSection(.alt, label: ["no"]),
            .blockStart(.par, label: ["p"]), .blockSection(.par, label: ["q"]), .blockEnd(.par), .blockEnd(.alt),
            .blockStart(.critical, label: ["c"]), .blockSection(.critical, label: ["o"]), .blockEnd(.critical),
            .blockStart(.rect, label: []), .blockEnd(.rect),
        ])
    }

    @Test func semicolonsSeparateStatementsButNotCharacterCodes() throws {
        let diagram = try parse("A->>B: one; B->>A: two #59; still two;A->>B: three")
        #expect(messages(diagram).map(\.text) == [["one"], ["two ; still two"], ["three"]])
    }

    @Test func textDecodesCodesBreaksAndWrapPrefixes() throws {
        let diagram = try parse("A->>B: nowrap:#quot;a#quot; #lt;b#gt;<br>c <BR /> #9829; <br / > stays\nA->>B:wrap: w")
        #expect(messages(diagram).map(\.text) == [["\"a\" <b>", "c", "\u{2665} <br / > stays"], ["w"]])
    }

    @Test func titlesAndAccessibleTexts() throws {
        let diagram = try parse("title: Old style\ntitle New style\naccTitle: Name; with # kept\naccDescr {\n  line one\n  line two\n}\nA->>B: x")
        #expect(diagram.title == ["New style"])
        #expect(diagram.accessibleTitle == "Name; with # kept")
        #expect(diagram.accessibleDescription == "line one line two")
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let diagram = try parse("\n   %% a comment with A->>B: inside\n\t\nA->>B: x   \n%%{init: {}}%%\n  # a Mermaid comment too\n#35;->>B: y")
        #expect(messages(diagram).count == 2)
        #expect(diagram.participants.map(\.id) == ["A", "B", "#35;"])
        #expect(diagram.participants[2].label == ["#"])
    }

    @Test func keywordsNeedAWordBoundary() throws {
        let diagram = try parse("loopback->>ending: x\nnotes->>optimizer: y")
        #expect(diagram.participants.map(\.id) == ["loopback", "ending", "notes", "optimizer"])
    }

    @Test func windowsLineEndingsAndTheHeaderLine() throws {
        let source = MermaidSource("sequenceDiagram; A->>B: one\r\nB->>A: two\r\n", startLine: 5)
        #expect(source.lines.map(\.number) == [5, 6])
        let diagram = try SequenceParser.parse(source, after: try MermaidPreamble.read(source, firstLine: 5))
        #expect(messages(diagram).map(\.text) == [["one"], ["two"]])
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = MermaidDiagram.render("sequenceDiagram\nウィジェット->>>B: x", startLine: 1)
        #expect(result == .failure(line: 2, column: 7, message: "unknown arrow '->>>'; use \(SequenceArrow.spellings)"))
    }
}
