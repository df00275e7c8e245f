import Foundation
import Testing
@testable import DevKit

/// The guides' own diagrams: every ```mermaid block in content/ draws, and the call flow has the four
/// the guide promises.
@Suite struct MermaidContentTests {
    static func markdownFiles() -> [URL] {
        let content = DiagramFixtures.projectRoot.appendingPathComponent("content")
        let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    @Test func everyMermaidBlockInTheGuidesDraws() throws {
        var count = 0
        for file in Self.markdownFiles() {
            let markdown = try String(contentsOf: file, encoding: .utf8)
            for block in DiagramFixtures.mermaidBlocks(in: markdown) {
                count += 1
                let result = MermaidDiagram.render(block.source, startLine: block.line)
                guard case let .svg(svg) = result else {
                    Issue.record("\(file.lastPathComponent):\(block.line): \(result)")
                    continue
                }
                #expect(DiagramSVGDocument(svg).error == nil)
            }
        }
        #expect(count >= 4)
    }

    @Test func theCallFlowShowsTheHandshakeBothCallsAndTheCallingWindow() throws {
        let file = DiagramFixtures.projectRoot.appendingPathComponent("content/call-flow.md")
        let blocks = DiagramFixtures.mermaidBlocks(in: try String(contentsOf: file, encoding: .utf8))
        let descriptions = blocks.compactMap { block -> String? in
            guard case let .svg(svg) = MermaidDiagram.render(block.source, startLine: block.line) else { return nil }
            return DiagramSVGDocument(svg).desc
        }
        #expect(descriptions.count == blocks.count)
        let expected = ["SYNC_ACK", "OUTGOING_CALL_STARTED", "INCOMING_CALL", "BroadcastChannel"]
        for word in expected {
            #expect(descriptions.contains { $0.contains(word) }, "no call-flow diagram mentions \(word)")
        }
    }
}
