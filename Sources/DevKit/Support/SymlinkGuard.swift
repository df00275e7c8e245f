import Foundation

/// Keeps symbolic links from pulling files from outside a folder into the site.
enum SymlinkGuard {
    /// For a symbolic link whose real target lies outside `folder`'s real path, that target; else nil
    /// (also for a link that leads nowhere, which the caller reports as such).
    static func escape(_ entry: URL, from folder: URL) -> String? {
        var status = stat()
        guard lstat(entry.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let target = realPath(entry.path), let base = realPath(folder.path) else { return nil }
        return isInside(target, base) ? nil : target
    }

    /// The canonical path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` is `base` or below it.
    static func isInside(_ path: String, _ base: String) -> Bool {
        path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
