import Foundation

/// A file copied into the site as it is.
public struct StaticFile: Sendable, Equatable {
    /// Where its bytes come from.
    public enum Source: Sendable, Equatable {
        /// A file of the content or site folder.
        case file(URL)
        /// A file of the built-in theme.
        case embedded([UInt8])
    }

    /// Where it is read from.
    public var source: Source
    /// Its path in the output, `/`-separated, no leading slash.
    public var outputPath: String
    /// The source as diagnostics name it.
    public var displayPath: String

    /// The path it is read from, for a file on disk.
    public var sourcePath: String? {
        if case let .file(url) = source { return url.path }
        return nil
    }
}
