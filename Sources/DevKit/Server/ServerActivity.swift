import Hummingbird

/// Counts what makes the server allocate (requests, reload streams ending, rebuilds), for
/// `MemoryRelease` to tell a busy moment from a quiet one.
final class ServerActivity: Sendable {
    private let requests = LockedValue(0)

    /// Events seen so far.
    var count: Int { requests.withValue { $0 } }

    /// Counts one event.
    func record() { requests.withValue { $0 += 1 } }
}

/// The router middleware that counts every request in a `ServerActivity`.
struct ServerActivityMiddleware<Context: RequestContext>: RouterMiddleware {
    let activity: ServerActivity

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        activity.record()
        return try await next(request, context)
    }
}
