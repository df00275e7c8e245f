import Foundation

/// Compares a snapshot of modification times and sizes every half second.
struct PollingWatcher: Sendable {
    let roots: [URL]

    func run(until stopped: () -> Bool, deliver: (Set<String>) -> Void) {
        var previous = snapshot()
        while !stopped() {
            Thread.sleep(forTimeInterval: 0.5)
            let current = snapshot()
            var changed: Set<String> = []
            for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
            for path in previous.keys where current[path] == nil { changed.insert(path) }
            previous = current
            if !changed.isEmpty { deliver(changed) }
        }
    }

    private func snapshot() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                let time = Int((values?.contentModificationDate?.timeIntervalSince1970 ?? 0) * 1000)
                result[url.standardizedFileURL.path] = [time, values?.fileSize ?? -1]
            }
        }
        return result
    }
}
