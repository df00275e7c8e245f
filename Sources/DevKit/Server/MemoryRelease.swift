import Foundation
import Hummingbird
import ServiceLifecycle

/// Hands memory the server freed back to the system once a burst of requests is over. glibc keeps
/// freed memory in its arenas, so after a load test (or a thousand reloads) the resident size would
/// stay at its peak for as long as the server runs; `malloc_trim` returns the free pages.
struct MemoryRelease: Service {
    let activity: RequestActivity
    /// How often it looks; a quiet look after a busy one trims.
    var interval: Duration = .seconds(2)
    /// A quiet server trims this often anyway (connections that closed without a request free memory too).
    var idleTrimEvery = 5

    func run() async throws {
        var seen = activity.count
        var busy = false
        var quietLooks = 0
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            let now = activity.count
            if now != seen {
                seen = now
                busy = true
                continue
            }
            quietLooks += 1
            if busy || quietLooks >= idleTrimEvery {
                Self.trim()
                busy = false
                quietLooks = 0
            }
        }
    }

    static func trim() {
        GlibcMalloc.trim()
    }
}

/// Counts what makes the server allocate (requests, reload streams ending, rebuilds), for
/// `MemoryRelease` to tell a busy moment from a quiet one.
final class RequestActivity: Sendable {
    private let requests = LockedValue(0)

    /// Events seen so far.
    var count: Int { requests.withValue { $0 } }

    /// Counts one event.
    func record() { requests.withValue { $0 += 1 } }
}

/// The router middleware that counts every request in a `RequestActivity`.
struct RequestActivityMiddleware<Context: RequestContext>: RouterMiddleware {
    let activity: RequestActivity

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        activity.record()
        return try await next(request, context)
    }
}
