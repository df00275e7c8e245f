import Foundation
import Testing

/// The oracle corpus: Markdown cases from `Fixtures/gfm/*.md`, and cmark-gfm (Debian's `cmark-gfm`,
/// installed by `scripts/test`) run on each with the five GFM extensions.
enum GFMCorpus {
    /// One input, named by its file and position.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        var testDescription: String { name }
    }

    static let folder = Fixtures.url("gfm")
    static let separator = "%%%%"
    static let executable = URL(fileURLWithPath: "/usr/bin/cmark-gfm")

    /// Every case of every corpus file, in file order.
    static func load() -> [Case] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var cases: [Case] = []
        for file in files.sorted() where file.hasSuffix(".md") && file != "README.md" {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let parts = text.components(separatedBy: "\n\(separator)\n")
            for (index, part) in parts.enumerated() {
                let markdown = part.hasSuffix("\n") ? part : part + "\n"
                cases.append(Case(name: "\(file)#\(index + 1)", markdown: markdown))
            }
        }
        return cases
    }

    /// cmark-gfm's HTML for `markdown`; `unsafe` adds `--unsafe`, `styleAlignment`
    /// `--table-prefer-style-attributes`.
    static func oracle(_ markdown: String, unsafe: Bool, styleAlignment: Bool = false) throws -> String {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("gfm-oracle-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        var arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
        if unsafe { arguments.append("--unsafe") }
        if styleAlignment { arguments.append("--table-prefer-style-attributes") }
        let result = try ChildProcess.run(executable, arguments + [input.path])
        guard result.status == 0 else { throw OracleFailure(message: result.standardError) }
        return result.standardOutput
    }

    struct OracleFailure: Error { var message: String }

    /// The only normalisation: line ends trimmed of trailing blanks, and blank lines dropped.
    static func normalized(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.replacingOccurrences(of: "[ \t]+$", with: "", options: .regularExpression) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
