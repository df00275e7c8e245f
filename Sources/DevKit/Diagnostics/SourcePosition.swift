/// A place in a source file: 1-based line and column.
public struct SourcePosition: Equatable, Hashable, Sendable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// A position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
