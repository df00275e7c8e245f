import Foundation

/// Cleans up after a build that was killed while it wrote or swapped its output (SIGKILL, power
/// loss): the previous site is put back if the kill fell between the two renames of the swap, and
/// half-written folders are removed. Folders of a build still running (its process id alive) are left.
struct InterruptedBuildRecovery {
    let output: URL
    let displayPath: String

    /// The prefix of the folder a build writes into before the swap.
    static func stagingPrefix(of output: URL) -> String { ".\(output.lastPathComponent).devkit-new-" }
    /// The prefix of the previous output while the swap moves it aside.
    static func retiredPrefix(of output: URL) -> String { ".\(output.lastPathComponent).devkit-old-" }

    /// Recovers and says what it did, as warnings on the output folder.
    func run() -> [Diagnostic] {
        let parent = output.deletingLastPathComponent()
        guard case let .success(entries) = DirectoryListing.entries(at: parent.path) else { return [] }
        let staging = Self.stagingPrefix(of: output)
        let retired = Self.retiredPrefix(of: output)
        var notes: [String] = []
        let leftovers = entries.map(\.name).filter { name in
            guard let pid = Self.processID(in: name, after: name.hasPrefix(staging) ? staging : retired),
                  name.hasPrefix(staging) || name.hasPrefix(retired) else { return false }
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }.sorted()
        let fileManager = FileManager.default
        for name in leftovers where name.hasPrefix(retired) {
            let folder = parent.appendingPathComponent(name)
            if !fileManager.fileExists(atPath: output.path), rename(folder.path, output.path) == 0 {
                notes.append("an earlier build was interrupted while it swapped in its output: the site it replaced is back in place")
            } else if (try? fileManager.removeItem(at: folder)) != nil {
                notes.append("removed '\(name)', left by an interrupted build")
            }
        }
        for name in leftovers where name.hasPrefix(staging) {
            if (try? fileManager.removeItem(at: parent.appendingPathComponent(name))) != nil {
                notes.append("removed '\(name)', the half-written output of an interrupted build")
            }
        }
        return notes.map { Diagnostic(path: displayPath, severity: .warning, message: $0) }
    }

    private static func processID(in name: String, after prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        return pid_t(name.dropFirst(prefix.count))
    }
}
