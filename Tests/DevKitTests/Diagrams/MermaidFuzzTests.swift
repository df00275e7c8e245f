import Testing
@testable import DevKit

/// Random statements built from Mermaid's own pieces never trap: each renders well-formed SVG, or fails
/// or warns at a line and column inside the block.
@Suite struct MermaidFuzzTests {
    /// A small deterministic generator (so a failure can be replayed from its seed).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let names = ["A", "Bob", "my-service", "Hub Spot", "ウ", "x1"]
    static let arrows = SequenceArrow.allCases.map(\.rawValue)
    static let texts = ["hello", "", "a #35; b", "two<br>lines", "<b> & \"q\"", "長い日本語のテキスト", "x\u{FFFE}y"]
    static let pieces = [
        " ", "->>", "->>>", "+", "-", ":", ",", ";", "#", "#foo;", "<", ">", "&", "participant ", " as ", "Note ",
        "over ", "loop ", "else ", "end", "autonumber", "activate ", "accDescr {", "}", "%%", "box ", "@{", "()", "\t",
        "\u{0}", "\r",
    ]

    /// One statement, mostly valid, so both drawings and errors come out.
    static func statement(_ random: inout Generator, depth: inout Int) -> String {
        let name = { (r: inout Generator) in names[r.next(names.count)] }
        switch random.next(12) {
        case 0: return "participant \(name(&random)) as \(texts[random.next(texts.count)])"
        case 1: return "actor \(name(&random))"
        case 2: return "Note \(["left of", "right of", "over"][random.next(3)]) \(name(&random)): \(texts[random.next(texts.count)])"
        case 3: return "Note over \(name(&random)),\(name(&random)): \(texts[random.next(texts.count)])"
        case 4:
            depth += 1
            return ["loop", "alt", "opt", "par", "critical", "break", "rect"][random.next(7)] + " " + texts[random.next(texts.count)]
        case 5: return ["else x", "and y", "option z"][random.next(3)]
        case 6:
            depth -= 1
            return "end"
        case 7: return ["autonumber", "autonumber 3 2", "autonumber off", "title T", "accTitle: t"][random.next(5)]
        default:
            let sign = ["", "", "+", "-"][random.next(4)]
            return "\(name(&random))\(arrows[random.next(arrows.count)])\(sign)\(name(&random)): \(texts[random.next(texts.count)])"
        }
    }

    @Test(arguments: 0..<8)
    func randomStatementsNeverTrap(_ seed: Int) {
        var random = Generator(state: UInt64(seed) &* 2_654_435_761 &+ 1)
        var drawn = 0
        var failed = 0
        for _ in 0..<250 {
            var lines = ["sequenceDiagram"]
            var depth = 0
            for _ in 0..<(1 + random.next(12)) {
                var line = Self.statement(&random, depth: &depth)
                if random.next(6) == 0 {
                    let cut = line.index(line.startIndex, offsetBy: random.next(line.count + 1))
                    line.insert(contentsOf: Self.pieces[random.next(Self.pieces.count)], at: cut)
                }
                lines.append(line)
            }
            while depth > 0, random.next(2) == 0 {
                lines.append("end")
                depth -= 1
            }
            let source = lines.joined(separator: "\n")
            let lastLine = MermaidSource(source, startLine: 5).lines.last?.number ?? 5
            switch MermaidDiagram.render(source, startLine: 5) {
            case let .svg(svg):
                drawn += 1
                let document = DiagramSVGDocument(svg)
                #expect(document.error == nil, "\(source.debugDescription): \(document.error ?? "")")
            case let .failure(line, column, message):
                failed += 1
                #expect((5...lastLine).contains(line) && column >= 1 && !message.isEmpty, "\(source.debugDescription)")
            case let .unsupported(kind, line, message):
                #expect((5...lastLine).contains(line) && !kind.isEmpty && !message.isEmpty, "\(source.debugDescription)")
            }
        }
        #expect(drawn >= 5, "the generator should also make valid diagrams")
        #expect(failed >= 50)
    }
}
