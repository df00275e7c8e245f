/// Bounds on one sequence diagram, so hostile input fails fast with a clear message instead of
/// producing a drawing nobody can read (or a page of many megabytes).
enum SequenceLimits {
    /// Participants in one diagram.
    static let participants = 200
    /// Messages and notes in one diagram.
    static let items = 5_000
    /// Blocks (`alt`, `loop`, …) open inside each other at once.
    static let depth = 20
}
