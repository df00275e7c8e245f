@testable import DevKit
import Foundation
import Testing

/// The search index as part of a site: one per language under its `search/` folder, written by
/// `devkit build`, answered by `devkit serve`, which follows edits.
@Suite struct SearchIndexSiteTests {
    private struct Entry: Decodable {
        var language: String
        var version: String
        var pages: Int
        var shards: [String]
    }

    private func shardTexts(_ entry: Entry, read: (String) async throws -> String?) async throws -> String {
        var text = ""
        for index in entry.shards.indices {
            text += try await read("shard-\(index).\(entry.version).json") ?? ""
        }
        return text
    }

    @Test func eachLanguageGetsItsIndexAndServeFollowsEdits() async throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("site/config.yml", "languages:\n  - code: en\n    name: English\n  - code: ja\n    name: 日本語\n")
        try temporary.write("content/index.md", "# Home\n")
        try temporary.write("content/guide.md", "# Guide\n\n## Calls\n\nCall onDialNumber here.\n")
        try temporary.write("content/ja/index.md", "# ホーム\n")
        let guide = try temporary.write("content/ja/guide.md", "# ガイド\n\n着信の処理。\n")
        let options = BuildOptions(root: temporary.url, outputDirectory: temporary.url.appendingPathComponent("dist"))
        try SiteBuilder(options: options).build()
        let english = try JSONDecoder().decode(Entry.self, from: Data(contentsOf: options.outputDirectory.appendingPathComponent("search/index.json")))
        let japanese = try JSONDecoder().decode(Entry.self, from: Data(contentsOf: options.outputDirectory.appendingPathComponent("ja/search/index.json")))
        #expect((english.language, english.pages, japanese.language, japanese.pages) == ("en", 2, "ja", 2))
        let englishTerms = try await shardTexts(english) { name in
            try? String(contentsOf: options.outputDirectory.appendingPathComponent("search/\(name)"), encoding: .utf8)
        }
        #expect(englishTerms.contains("ondialnumber"))
        #expect(!englishTerms.contains("着信"), "each language has its own index")

        let live = LiveSite(options: options, injectsReloadScript: false)
        await live.build()
        func served(_ path: String) async -> String? {
            guard case let .file(file) = await live.resolve(path) else { return nil }
            return String(decoding: file.body, as: UTF8.self)
        }
        let before = try JSONDecoder().decode(Entry.self, from: Data(try #require(await served("ja/search/index.json")).utf8))
        try "# ガイド\n\n発信ボタンの処理。\n".write(to: guide, atomically: true, encoding: .utf8)
        let report = await live.apply(changes: [guide.path])
        #expect(report.succeeded)
        let after = try JSONDecoder().decode(Entry.self, from: Data(try #require(await served("ja/search/index.json")).utf8))
        #expect(after.version != before.version)
        let terms = try await shardTexts(after) { name in await served("ja/search/\(name)") }
        #expect(terms.contains("発信"))
        #expect(await served("ja/search/shard-0.\(before.version).json") == nil, "the old index is gone")
        guard case let .notFound(missing) = await live.resolve("ja/nowhere/") else {
            Issue.record("ja/nowhere/ should not exist")
            return
        }
        #expect(String(decoding: missing.body, as: UTF8.self).contains("<html lang=\"ja\""), "a missing Japanese page gets the Japanese 404")
    }

    @Test func aFileInASearchFolderIsRefused() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("content/index.md", "# Home\n")
        try temporary.write("content/search/index.json", "{}")
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: BuildOptions(root: temporary.url)).render() }
    }
}
