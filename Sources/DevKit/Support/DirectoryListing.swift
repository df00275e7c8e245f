import Foundation

/// The entries of one folder from `readdir`, with their kind from `d_type`, so a walk over thousands
/// of files needs no `stat` per file (Foundation's listing plus `fileExists` did two system calls each).
enum DirectoryListing {
    enum Kind {
        case file
        case directory
        case symbolicLink
        case other
    }

    struct Entry {
        var name: String
        var kind: Kind
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entries sorted by name, without `.` and `..`; the errno text on failure.
    static func entries(at path: String) -> Result<[Entry], SystemError> {
        guard let directory = opendir(path) else { return .failure(SystemError(code: errno)) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            // Read in place, up to its NUL: a dirent record can be shorter than `dirent`, so copying the
            // whole 256-byte `d_name` reads past the end of readdir's buffer (found by AddressSanitizer).
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = classify(path + "/" + name)
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return .success(entries.sorted { $0.name < $1.name })
    }

    /// What a path is, following nothing (for file systems that do not fill in `d_type`).
    private static func classify(_ path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether a path (following links) is a folder, a file, or missing.
    static func resolvedKind(_ path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
