import Foundation

#if os(Linux)
import Glibc

/// inotify on every folder below the roots, adding folders as they appear.
final class InotifyWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

    init?(roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        for root in roots where FileManager.default.fileExists(atPath: root.path) { add(root.path) }
        if folders.isEmpty {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    private func add(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return }
        folders[watch] = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            var isDirectory: ObjCBool = false
            let child = folder + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue { add(child) }
        }
    }

    func run(until stopped: () -> Bool, deliver: (Set<String>) -> Void) {
        var pending: Set<String> = []
        var firstEvent: Date?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped() {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let timeout = firstEvent == nil ? 250 : Int32(FileWatcher.quietPeriod * 1000)
            let ready = poll(&poller, 1, timeout)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    pending.formUnion(parse(buffer, count: count))
                    if firstEvent == nil { firstEvent = Date() }
                }
            }
            guard let first = firstEvent else { continue }
            if ready == 0 || Date().timeIntervalSince(first) >= FileWatcher.maximumDelay {
                if !pending.isEmpty { deliver(pending) }
                pending = []
                firstEvent = nil
            }
        }
    }

    private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
        var changed: Set<String> = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(offset + headerSize + length, count)].prefix { $0 != 0 }
            offset += headerSize + length
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(path) }
            changed.insert(path)
        }
        return changed
    }
}
#endif
