import Testing
@testable import DevKit

/// Syntax errors carry the file line and column of the offending token and say how to fix it; valid
/// Mermaid that is not drawn is a warning that leaves the block as code. Blocks start on file line 10.
@Suite struct MermaidErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var expected: MermaidResult
        var testDescription: String { source.split(separator: "\n").last.map(String.init) ?? "(empty)" }

        init(_ source: String, _ line: Int, _ column: Int, _ message: String) {
            self.source = source
            self.expected = .failure(line: line, column: column, message: message)
        }
    }

    static let arrows = "->>, -->>, -x, --x, ->, -->, -), --), <<->>, <<-->>"

    static let syntaxErrors: [Case] = [
        Case("sequenceDiagram\n    A->>>B: hi", 11, 6, "unknown arrow '->>>'; use \(arrows)"),
        Case("sequenceDiagram\nA=>B: hi", 11, 2, "unknown arrow '=>'; use \(arrows)"),
        Case("sequenceDiagram\nA->>B: x\nend", 12, 1, "'end' closes nothing: no alt, opt, loop, par, critical, break or rect block is open"),
        Case("sequenceDiagram\nloop x\nA->>B: x\nend extra", 13, 5, "unexpected text after 'end'; 'end' stands alone on its line"),
        Case("sequenceDiagram\n  alt ok\n  A->>B: x", 11, 3, "'alt' opened here is not closed; add 'end' after its last line"),
        Case("sequenceDiagram\nalt ok\n  Loop inner\n    A->>B: x\nend", 11, 1, "'alt' opened here is not closed; add 'end' after its last line"),
        Case("sequenceDiagram\nloop x\n  else y\nend", 12, 3, "'else' divides an 'alt' block, but the innermost open block is 'loop' (line 11)"),
        Case("sequenceDiagram\nA->>B: x\nand more", 12, 1, "'and' divides a 'par' block, but no block is open"),
        Case("sequenceDiagram\nA->>B", 11, 6, "a message needs ':' and its text after the receiver, e.g. 'Alice->>Bob: Hello'"),
        Case("sequenceDiagram\nA->>: hi", 11, 5, "the receiver's name is missing"),
        Case("sequenceDiagram\nA->>", 11, 5, "a message needs a receiver after '->>', e.g. 'Alice->>Bob: Hello'"),
        Case("sequenceDiagram\nA->>B->>C: x", 11, 6, "a message has one arrow; start a new line for the next message"),
        Case("sequenceDiagram\nA->>B: x\nB->>A: issue #12", 12, 14, "'#' starts a comment in Mermaid and hides the rest of the line; write #35; for a '#' character"),
        Case("sequenceDiagram\nA->>B: #foo; bar", 11, 8, "unknown character code '#foo;'; write the character's decimal code point, such as #35; for '#' or #59; for ';'"),
        Case("sequenceDiagram\nA->>B: #1114112;", 11, 8, "unknown character code '#1114112;'; write the character's decimal code point, such as #35; for '#' or #59; for ';'"),
        Case("sequenceDiagram\nend->>B: x", 11, 1, "'end' is a Mermaid keyword, so it cannot name a participant; declare 'participant P as end' and write 'P' in messages"),
        Case("sequenceDiagram\nAlice", 11, 1, "'Alice' is not a statement; a message looks like 'Alice->>Bob: Hello', and other statements start with participant, actor, Note, loop, alt, opt, par, critical, break, rect or end"),
        Case("sequenceDiagram\nAlice: hello", 11, 6, "expected an arrow such as '->>' between the sender and the receiver before ':'"),
        Case("sequenceDiagram\nNote A: x", 11, 6, "expected 'left of', 'right of' or 'over' after 'Note', e.g. 'Note over Alice: text'"),
        Case("sequenceDiagram\nNote right A: x", 11, 12, "write 'right of', e.g. 'Note right of Alice: text'"),
        Case("sequenceDiagram\nNote right of A,B: x", 11, 16, "'Note left of' and 'Note right of' take one participant; use 'Note over A,B' to span two"),
        Case("sequenceDiagram\nNote over A,B,C: x", 11, 14, "'Note over' takes one or two participants"),
        Case("sequenceDiagram\nNote over A", 11, 12, "a note needs ':' and its text, e.g. 'Note right of Alice: text'"),
        Case("sequenceDiagram\nNote over A,: x", 11, 13, "the participant's name is missing"),
        Case("sequenceDiagram\ndeactivate A", 11, 1, "'A' is not active here; an activation starts with 'activate A' or '+' after an arrow"),
        Case("sequenceDiagram\nA->>-B: x", 11, 2, "'A' is not active here; an activation starts with 'activate A' or '+' after an arrow"),
        Case("sequenceDiagram\nA->>B: x\nsequenceDiagram", 12, 1, "a second 'sequenceDiagram' header; one block holds one diagram"),
        Case("sequenceDiagram\n%% only a comment", 10, 1, "the sequence diagram is empty; add a message such as 'Alice->>Bob: Hello'"),
        Case("", 10, 1, "empty Mermaid diagram; start it with the line 'sequenceDiagram'"),
        Case("\n  %% just a comment\n", 10, 1, "empty Mermaid diagram; start it with the line 'sequenceDiagram'"),
        Case("  SequenceDiagram\nA->>B: x", 10, 3, "write 'sequenceDiagram' with this capitalisation: Mermaid's diagram types are case-sensitive"),
        Case("sequence\nA->>B: x", 10, 1, "'sequence' is not a Mermaid diagram type; a sequence diagram starts with the line 'sequenceDiagram'"),
        Case("---\ntitle: x\nsequenceDiagram\nA->>B: x", 10, 1, "front matter opened here is not closed; end it with a line '---'"),
        Case("%%{init: {\n  \"theme\": \"dark\"\nsequenceDiagram", 10, 1, "directive '%%{' is not closed; end it with '}%%'"),
        Case("sequenceDiagram\nautonumber ten", 11, 12, "'autonumber' takes nothing, 'off', or a start and an optional step, e.g. 'autonumber 10 5'"),
        Case("sequenceDiagram\nparticipant", 11, 12, "'participant' needs a name, e.g. 'participant Alice' or 'participant A as Alice'"),
        Case("sequenceDiagram\nparticipant A: B", 11, 14, "a participant's name cannot contain ':'; give it a short name and a label, e.g. 'participant H as Hub:Spot'"),
        Case("sequenceDiagram\nparticipant A as   ", 11, 17, "write the label after 'as', e.g. 'participant A as Alice'"),
        Case("sequenceDiagram\ntitle", 11, 1, "'title' needs text, e.g. 'title Placing a call'"),
        Case("sequenceDiagram\naccDescr {\nA diagram\nA->>B: x", 11, 1, "'accDescr {' is not closed; end the description with '}'"),
        Case("sequenceDiagram\naccTitle The title", 11, 10, "write 'accTitle: text'"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorHasPositionAndAdvice(_ example: Case) {
        #expect(MermaidDiagram.render(example.source, startLine: 10) == example.expected)
    }

    @Test func errorBecomesABuildErrorDiagnostic() throws {
        let result = MermaidDiagram.render("sequenceDiagram\n    A->>>B: hi", startLine: 41)
        let diagnostic = try #require(result.diagnostic(path: "content/call-flow.md"))
        #expect(diagnostic == Diagnostic(path: "content/call-flow.md", line: 42, column: 6, severity: .error, message: "unknown arrow '->>>'; use \(Self.arrows)"))
        #expect(diagnostic.description == "content/call-flow.md:42:6: error: unknown arrow '->>>'; use \(Self.arrows)")
    }

    @Test(arguments: ["flowchart LR\n  A --> B", "graph TD\nA-->B", "classDiagram\n  Animal <|-- Duck", "gantt\n  title x",
                      "pie title Pets\n  \"Dogs\" : 386", "stateDiagram-v2\n  [*] --> Still", "erDiagram", "gitGraph\n  commit"])
    func otherDiagramTypesAreWarnings(_ source: String) throws {
        let kind = String(source.prefix { $0 != " " && $0 != "\n" })
        let result = MermaidDiagram.render("%% a comment\n\n" + source, startLine: 7)
        let message = "Mermaid '\(kind)' diagrams are not drawn at build time (only sequenceDiagram is); the block stays a code block"
        #expect(result == .unsupported(kind: kind, line: 9, message: message))
        let diagnostic = try #require(result.diagnostic(path: "content/x.md"))
        #expect(diagnostic.description == "content/x.md:9:1: warning: \(message)")
    }

    @Test(arguments: [
        ("sequenceDiagram\nbox Aqua Group\nparticipant A\nend", "box", 11),
        ("sequenceDiagram\nA->>B: x\ncreate participant C\nB->>C: y", "create", 12),
        ("sequenceDiagram\nA->>B: x\ndestroy B", "destroy", 12),
        ("sequenceDiagram\nlink A: Dashboard @ https://example.com", "link", 11),
    ])
    func undrawnSequenceStatementsAreWarnings(_ source: String, _ keyword: String, _ line: Int) {
        let message = "the sequenceDiagram statement '\(keyword)' is not drawn at build time; the block stays a code block"
        #expect(MermaidDiagram.render(source, startLine: 10) == .unsupported(kind: keyword, line: line, message: message))
    }

    @Test func participantSettingsAndCentralConnectionsAreWarnings() {
        #expect(MermaidDiagram.render("sequenceDiagram\nparticipant DB@{ \"type\": \"database\" }", startLine: 1)
            == .unsupported(kind: "participant @{…}", line: 2, message: "participant settings '@{…}' are not drawn at build time; the block stays a code block"))
        #expect(MermaidDiagram.render("sequenceDiagram\nA->>()B: x", startLine: 1)
            == .unsupported(kind: "()", line: 2, message: "central connections '()' on a message are not drawn at build time; the block stays a code block"))
        #expect(MermaidDiagram.render("sequenceDiagram\nA->>B: x\nA-|\\B: half", startLine: 1)
            == .unsupported(kind: "half arrow", line: 3, message: "half arrows such as '-|\\' are not drawn at build time; the block stays a code block"))
        #expect(MermaidDiagram.render("sequenceDiagram\nA /|-- B: reverse half", startLine: 1)
            == .unsupported(kind: "half arrow", line: 2, message: "half arrows such as '/|--' are not drawn at build time; the block stays a code block"))
    }

    @Test func drawnDiagramHasNoDiagnostic() {
        #expect(MermaidDiagram.render("sequenceDiagram\nA->>B: x", startLine: 1).diagnostic(path: "a.md") == nil)
    }
}
