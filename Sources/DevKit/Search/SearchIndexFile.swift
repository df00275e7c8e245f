/// One file of a search index, relative to the folder the index is published in.
public struct SearchIndexFile: Sendable, Equatable {
    /// The path inside the index folder (`index.json`, `shard-3.1a2b3c4d5e6f.json`, …).
    public var path: String
    /// The file's text (JSON, UTF-8).
    public var contents: String

    /// A file of the index.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
