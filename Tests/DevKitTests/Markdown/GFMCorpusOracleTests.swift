@testable import DevKit
import Foundation
import Testing

/// The oracle over a whole folder of real pages (the tldr and rust-book corpora), when
/// `DEVKIT_GFM_CORPUS` names the folder: every `.md` file under it, rendered raw-HTML-allowed
/// and undecorated, must match cmark-gfm, but for the files listed in `DEVKIT_GFM_CORPUS_KNOWN`
/// (one path per line, relative to the folder).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DEVKIT_GFM_CORPUS"] != nil))
struct GFMCorpusOracleTests {
    @Test func everyPageMatchesCmarkGFM() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = URL(fileURLWithPath: environment["DEVKIT_GFM_CORPUS"] ?? ".")
        let known = Set((environment["DEVKIT_GFM_CORPUS_KNOWN"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "")
            .split(separator: "\n").map(String.init))
        var renderer = MarkdownRenderer(allowsRawHTML: true)
        renderer.decoratesBlocks = false
        var compared = 0
        var different: [String] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path } ?? []
        for file in files {
            let relative = String(file.path.dropFirst(folder.path.count + 1))
            let markdown = try String(contentsOf: file, encoding: .utf8)
            compared += 1
            let ours = GFMCorpus.normalized(renderer.render(markdown).html)
            let theirs = GFMCorpus.normalized(try GFMCorpus.oracle(markdown, unsafe: true))
            if ours != theirs, !known.contains(relative) { different.append(relative) }
        }
        #expect(compared > 0)
        #expect(different.isEmpty, "\(different.count) of \(compared) pages differ: \(different.prefix(20))")
    }
}
