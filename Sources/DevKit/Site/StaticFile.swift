import Foundation

/// A file copied into the site as it is.
public struct StaticFile: Sendable, Equatable {
    /// Where it is read from.
    public var source: URL
    /// Its path in the output, `/`-separated, no leading slash.
    public var outputPath: String
    /// The source as diagnostics name it.
    public var displayPath: String
}
