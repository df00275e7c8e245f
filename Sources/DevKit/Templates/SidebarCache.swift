/// Rendered sidebar pieces shared by the pages of one rendered site, safe to use from every core.
final class SidebarCache: Sendable {
    /// A level that does not hold the current page looks the same on every page that shows it.
    struct LevelKey: Hashable {
        var section: Int
        var start: Int
        var count: Int
        var active: Int
    }

    /// An entry looks the same wherever it is shown with the same state.
    struct EntryKey: Hashable {
        var page: Int
        var isCurrent: Bool
        var isActive: Bool
    }

    private let levels = LockedValue<[LevelKey: String]>([:])
    private let entries = LockedValue<[EntryKey: String]>([:])

    func level(_ key: LevelKey) -> String? { levels.withValue { $0[key] } }
    func store(_ html: String, for key: LevelKey) { levels.withValue { $0[key] = html } }
    func entry(_ key: EntryKey) -> String? { entries.withValue { $0[key] } }
    func store(_ html: String, for key: EntryKey) { entries.withValue { $0[key] = html } }
}
