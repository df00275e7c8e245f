@testable import DevKit
import Foundation
import Testing

/// Builds the fixture pages into `Tests/js/fixtures/search/index/<language>/` so the JavaScript
/// tests search a real index made by this code. Small limits make several shards and fragments, so
/// those tests can check that a search fetches only the ones it needs.
/// `DEVKIT_UPDATE_GOLDEN=1 swift test` rewrites the files (and says so in the failure).
@Suite struct SearchGoldenIndexTests {
    static let limits = SearchIndexLayout.Limits(shardBytes: 600, fragmentBytes: 700)

    @Test(arguments: ["en", "ja"])
    func fixtureIndexMatchesTheGoldenFiles(language: String) throws {
        let files = SearchIndexBuilder.build(try SearchFixtures.documents(language), language: language, limits: Self.limits)
        let folder = SearchFixtures.folder.appendingPathComponent("index/\(language)")
        let manager = FileManager.default
        if SearchFixtures.updatingGolden {
            try? manager.removeItem(at: folder)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.path)) }
            Issue.record("rewrote \(folder.path); rerun without DEVKIT_UPDATE_GOLDEN")
            return
        }
        let expected = try manager.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.map(\.path).sorted() == expected, "the golden index is out of date: DEVKIT_UPDATE_GOLDEN=1 swift test")
        for file in files {
            let golden = try? String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(golden == file.contents, "index/\(language)/\(file.path) differs")
        }
    }
}
