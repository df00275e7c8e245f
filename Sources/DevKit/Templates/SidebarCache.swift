/// Rendered sidebar pieces shared by the pages of one rendered site, safe to use from every core.
final class SidebarCache: Sendable {
    /// A level's frame (all but its entries) is the same on every page that shows that block.
    struct LevelKey: Hashable {
        var section: Int
        var start: Int
        var count: Int
    }

    /// A level rendered around its entries.
    struct Frame: Sendable {
        var before: String
        var after: String
    }

    /// Stands in for the entries while a level's frame is rendered.
    static let entriesMarker = "\u{1}devkit-sidebar-entries\u{1}"

    /// An entry looks the same wherever it is shown with the same state.
    struct EntryKey: Hashable {
        var page: Int
        var isCurrent: Bool
        var isActive: Bool
    }

    private let levels = LockedValue<[LevelKey: Frame]>([:])
    private let entries = LockedValue<[EntryKey: String]>([:])

    func level(_ key: LevelKey) -> Frame? { levels.withValue { $0[key] } }
    func store(_ frame: Frame, for key: LevelKey) { levels.withValue { $0[key] = frame } }
    func entry(_ key: EntryKey) -> String? { entries.withValue { $0[key] } }
    func store(_ html: String, for key: EntryKey) { entries.withValue { $0[key] = html } }
}
