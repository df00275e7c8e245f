import Foundation
@testable import DevKit

/// The golden diagrams beside these tests: `Fixtures/<name>.mmd` and the `<name>.svg` it must render to.
enum DiagramFixtures {
    /// `Tests/DevKitTests/Diagrams/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's root folder.
    static let projectRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every fixture's name, sorted (the `.mmd` files).
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".mmd") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The text of `name.ext`.
    static func text(_ name: String, _ ext: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).\(ext)"), encoding: .utf8)
    }

    /// The SVG of a diagram that must render, or nil (with the result) when it did not.
    static func svg(_ source: String, startLine: Int = 1) -> (svg: String?, result: MermaidResult) {
        let result = MermaidDiagram.render(source, startLine: startLine)
        if case let .svg(svg) = result { return (svg, result) }
        return (nil, result)
    }

    /// The ```mermaid blocks of a Markdown file, with the file line of each block's first content line.
    static func mermaidBlocks(in markdown: String) -> [(line: Int, source: String)] {
        var blocks: [(Int, String)] = []
        var current: (Int, [String])?
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var open = current {
                if line.hasPrefix("```") {
                    blocks.append((open.0, open.1.joined(separator: "\n")))
                    current = nil
                } else {
                    open.1.append(String(line))
                    current = open
                }
            } else if line == "```mermaid" {
                current = (offset + 2, [])
            }
        }
        return blocks
    }
}
