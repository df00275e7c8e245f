import Foundation

/// The fixture sites beside the tests, and the project's own folders.
enum Fixtures {
    /// `Tests/DevKitTests/Fixtures`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's root folder.
    static let projectRoot = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One fixture folder.
    static func url(_ name: String) -> URL {
        root.appendingPathComponent(name)
    }
}
