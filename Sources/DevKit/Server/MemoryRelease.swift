import Foundation
import Hummingbird
import ServiceLifecycle

/// Hands memory the server freed back to the system once a burst of requests is over. glibc keeps
/// freed memory in its arenas, so after a load test (or a thousand reloads) the resident size would
/// stay at its peak for as long as the server runs; `malloc_trim` returns the free pages.
struct MemoryRelease: Service {
    let activity: ServerActivity
    /// How often it looks; a quiet look after a busy one trims.
    var interval: Duration = .seconds(2)
    /// A quiet server trims this often anyway (connections that closed without a request free memory too).
    var idleTrimEvery = 5

    func run() async throws {
        var seen = activity.count
        var busy = false
        var quietLooks = 0
        while await sleepUnlessShuttingDown(for: interval) {
            let now = activity.count
            if now != seen {
                seen = now
                busy = true
                continue
            }
            quietLooks += 1
            if busy || quietLooks >= idleTrimEvery {
                GlibcMalloc.trim()
                busy = false
                quietLooks = 0
            }
        }
    }
}
