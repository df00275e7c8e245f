import Foundation
import Testing

/// The golden files beside the highlighter's tests: `Fixtures/<name>.code` is the input and
/// `Fixtures/<name>.html` the expected HTML. The language is the name up to its first `-`
/// (`console-cargo.code` is console).
enum HighlightFixtures {
    /// `Tests/DevKitTests/Highlight/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's root folder.
    static let projectRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var language: String { String(name.prefix { $0 != "-" }) }
        var codeURL: URL { HighlightFixtures.folder.appendingPathComponent(name + ".code") }
        var expectedURL: URL { HighlightFixtures.folder.appendingPathComponent(name + ".html") }
        var testDescription: String { name }

        func code() throws -> String { try String(contentsOf: codeURL, encoding: .utf8) }
        func expected() throws -> String { try String(contentsOf: expectedURL, encoding: .utf8) }
    }

    /// Every fixture, by name.
    static let cases: [Case] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".code") }.map { Case(name: String($0.dropLast(5))) }.sorted { $0.name < $1.name }
    }()

    /// Set `DEVKIT_RECORD_HIGHLIGHT=1` to write the expected files from the current output (then read
    /// the diff before committing it).
    static let recording = ProcessInfo.processInfo.environment["DEVKIT_RECORD_HIGHLIGHT"] == "1"
}
