import Foundation
import Synchronization

/// Gzipped bodies of the served files, made on first request and kept by ETag, so a file is
/// compressed once however often it is asked for. Text only, and only when it pays. The live site
/// empties it when a rebuild is installed: every page of a new generation has a new ETag (the
/// reload script names the generation), so the old bodies would never be asked for again.
final class CompressedBodies: Sendable {
    /// Smaller bodies go out as they are: the gzip header would eat the gain.
    static let minimumSize = 1024
    /// The cache starts over past this many bytes of compressed bodies.
    static let capacity = 64 << 20

    private let cache = Mutex<(bodies: [String: Data], bytes: Int)>((bodies: [:], bytes: 0))

    /// Forgets every body (a new site generation).
    func removeAll() {
        cache.withLock { $0 = (bodies: [:], bytes: 0) }
    }

    /// The bytes of compressed bodies held.
    var heldBytes: Int { cache.withLock { $0.bytes } }

    /// Whether a body of this type and size is worth compressing.
    static func worthCompressing(_ file: ServedFile) -> Bool {
        guard file.body.count >= minimumSize else { return false }
        let type = file.contentType
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("application/javascript")
            || type.hasPrefix("image/svg+xml") || type.hasPrefix("application/xml")
    }

    /// The gzipped body of `file`, or nil when it goes out as it is.
    func gzipped(_ file: ServedFile) -> Data? {
        guard Self.worthCompressing(file) else { return nil }
        if let hit = cache.withLock({ $0.bodies[file.etag] }) { return hit }
        guard let compressed = Gzip.compress(file.body), compressed.count < file.body.count else { return nil }
        cache.withLock { state in
            if state.bytes + compressed.count > Self.capacity { state = (bodies: [:], bytes: 0) }
            state.bodies[file.etag] = compressed
            state.bytes += compressed.count
        }
        return compressed
    }

    /// Whether an `Accept-Encoding` header admits gzip (`gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`).
    static func accepts(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { return true }
        }
        return false
    }
}
