@testable import DevKit
import Foundation
import Testing

/// The search fixtures shared with the JavaScript tests (`Tests/js/fixtures/search/`), and a reader
/// for built index files so tests can look terms up the way the browser does.
enum SearchFixtures {
    /// `Tests/js/fixtures/search`.
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("js/fixtures/search")

    /// The fixture pages of one language (`documents-<language>.json`).
    static func documents(_ language: String) throws -> [SearchDocument] {
        struct File: Decodable {
            struct Document: Decodable { var url: String; var title: String; var html: String }
            var documents: [Document]
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("documents-\(language).json"))
        return try JSONDecoder().decode(File.self, from: data).documents.map { SearchDocument(url: $0.url, title: $0.title, html: $0.html) }
    }

    /// Whether golden files are to be rewritten (`DEVKIT_UPDATE_GOLDEN=1`).
    static var updatingGolden: Bool { ProcessInfo.processInfo.environment["DEVKIT_UPDATE_GOLDEN"] == "1" }
}

/// Reads the files `SearchIndexBuilder` made, as `index-store.mjs` does.
struct SearchIndexReader {
    struct Posting: Equatable { var page: Int; var slot: Int; var weight: Int }

    let files: [String: String]
    let entry: [String: Any]

    init(_ files: [SearchIndexFile]) throws {
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        entry = try Self.object(self.files["index.json"] ?? "")
    }

    var version: String { entry["version"] as? String ?? "" }
    var shardStarts: [String] { entry["shards"] as? [String] ?? [] }

    /// The fragments' starts, (page, section).
    var fragmentStarts: [(page: Int, section: Int)] {
        let flat = entry["fragments"] as? [Int] ?? []
        var page = 0
        return stride(from: 0, to: flat.count - 1, by: 2).map { index in
            page += flat[index]
            return (page, flat[index + 1])
        }
    }

    /// Every term of every shard, in file order, with its shard.
    func allTerms() throws -> [(term: String, shard: Int)] {
        try shardStarts.indices.flatMap { shard in try terms(ofShard: shard).map { ($0, shard) } }
    }

    func terms(ofShard shard: Int) throws -> [String] {
        try Self.object(files["shard-\(shard).\(version).json"] ?? "")["terms"] as? [String] ?? []
    }

    /// The postings of a term, found by the shard boundaries; nil if the index does not have it.
    func postings(_ term: String) throws -> [Posting]? {
        let shard = max(0, (shardStarts.lastIndex { $0.unicodeScalars.lexicographicallyPrecedes(term.unicodeScalars) || $0 == term }) ?? 0)
        let json = try Self.object(files["shard-\(shard).\(version).json"] ?? "")
        let terms = json["terms"] as? [String] ?? []
        let lists = json["postings"] as? [String] ?? []
        guard let index = terms.firstIndex(of: term) else { return nil }
        return Self.decode(lists[index])
    }

    /// The section record `[anchor, heading, text]` of a page's section, and the page's URL and title.
    func section(page: Int, section: Int) throws -> (url: String, title: String, anchor: String, heading: String, text: String)? {
        let starts = fragmentStarts
        guard let number = starts.lastIndex(where: { $0.page < page || ($0.page == page && $0.section <= section) }) else { return nil }
        let json = try Self.object(files["fragment-\(number).\(version).json"] ?? "")
        for record in json["pages"] as? [[String: Any]] ?? [] where record["page"] as? Int == page {
            let first = record["first"] as? Int ?? 0
            let sections = record["sections"] as? [[String]] ?? []
            guard section - first >= 0, section - first < sections.count else { return nil }
            let fields = sections[section - first]
            return (record["url"] as? String ?? "", record["title"] as? String ?? "", fields[0], fields[1], fields[2])
        }
        return nil
    }

    static func decode(_ encoded: String) -> [Posting] {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let values = encoded.map { digits.firstIndex(of: $0) ?? -1 }
        var result: [Posting] = []
        var index = 0
        var page = 0
        func number() -> Int {
            var value = 0
            var scale = 1
            while index < values.count {
                let digit = values[index]
                index += 1
                if digit < 32 { return value + digit * scale }
                value += (digit - 32) * scale
                scale *= 32
            }
            return value
        }
        while index < values.count {
            page += number()
            let slot = number()
            let weight = index < values.count ? values[index] : -1
            index += 1
            result.append(Posting(page: page, slot: slot, weight: weight))
        }
        return result
    }

    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return value as? [String: Any] ?? [:]
    }
}
