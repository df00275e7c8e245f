import Testing
@testable import DevKit

/// Huge or deeply nested input fails fast at a position with a clear limit, or draws; nothing recurses,
/// and every step is linear in the input.
@Suite struct MermaidHostileInputTests {
    @Test func tenThousandParticipantsStopAtTheLimit() {
        let source = "sequenceDiagram\n" + (0..<10_000).map { "participant P\($0)" }.joined(separator: "\n")
        #expect(MermaidDiagram.render(source, startLine: 1)
            == .failure(line: 202, column: 13, message: "more than 200 participants in one diagram; split it into several"))
    }

    @Test func aHundredThousandMessagesStopAtTheLimit() {
        let source = "sequenceDiagram\n" + String(repeating: "A->>B: hello\n", count: 100_000)
        #expect(MermaidDiagram.render(source, startLine: 1)
            == .failure(line: 5_002, column: 1, message: "more than 5000 messages and notes in one diagram; split it into several"))
    }

    @Test func tenThousandNestedBlocksStopAtTheDepthLimit() {
        let source = "sequenceDiagram\n" + String(repeating: "loop again\n", count: 10_000) + "A->>B: x\n"
            + String(repeating: "end\n", count: 10_000)
        #expect(MermaidDiagram.render(source, startLine: 1)
            == .failure(line: 22, column: 1, message: "blocks nest more than 20 deep here; flatten the diagram or split it in two"))
    }

    @Test func aHugeLabelIsRefused() {
        let source = "sequenceDiagram\nA->>B: " + String(repeating: "x", count: 1_000_000)
        #expect(MermaidDiagram.render(source, startLine: 1)
            == .failure(line: 2, column: 8, message: "this text is 1000000 characters long; the limit is 1000: shorten it or move the detail into the prose"))
    }

    @Test func aHugeLineIsQuotedShortInTheError() {
        let name = String(repeating: "A", count: 200_000)
        let result = MermaidDiagram.render("sequenceDiagram\n" + name, startLine: 1)
        let message = "'\(String(repeating: "A", count: 39))…' is not a statement; a message looks like 'Alice->>Bob: Hello', and other statements start with participant, actor, Note, loop, alt, opt, par, critical, break, rect or end"
        #expect(result == .failure(line: 2, column: 1, message: message))
        let arrow = MermaidDiagram.render("sequenceDiagram\nA" + String(repeating: "-", count: 100_000) + ">B: x", startLine: 1)
        #expect(arrow == .failure(line: 2, column: 2, message: "unknown arrow '\(String(repeating: "-", count: 39))…'; use \(SequenceArrow.spellings)"))
    }

    @Test func diagramsAtEveryLimitStillDraw() throws {
        var lines = ["sequenceDiagram"]
        lines += (0..<200).map { "participant P\($0)" }
        lines += (0..<19).map { "loop level \($0)" }
        lines += (0..<(5_000 - 1)).map { "P\($0 % 200)->>P\(($0 * 7 + 1) % 200): message \($0)" }
        lines.append("Note over P0,P199: " + String(repeating: "n", count: 1_000))
        lines += Array(repeating: "end", count: 19)
        let (svg, result) = DiagramFixtures.svg(lines.joined(separator: "\n"))
        let text = try #require(svg, "did not render: \(result)")
        let document = DiagramSVGDocument(text)
        #expect(document.error == nil)
        #expect(document.classes.filter { $0 == "seq-frame" }.count == 19)
        #expect(document.classes.filter { $0 == "seq-actor" }.count == 400)
    }
}
