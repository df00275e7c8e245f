import Foundation
import ServiceLifecycle

/// Fans out live-reload events to every open page's Server-Sent Events stream. Every stream gets
/// every event in order; one that falls `backlogLimit` events behind (a stalled tab) is ended
/// rather than skipped over, and its page reconnects and compares generations in the `hello`.
/// As a service it sends a heartbeat every two seconds, so a stream whose page has gone is
/// noticed (its write fails) instead of holding a socket until the next edit, and it ends every
/// stream when the server shuts down, so open tabs do not hold it.
public final class ReloadHub: Service, Sendable {
    /// One event on the `/__devkit/reload` stream.
    public struct Event: Sendable, Equatable {
        /// The SSE event name: `hello`, `reload` or `errors`; empty for the heartbeat, a comment.
        public var name: String
        /// The event's data (JSON).
        public var data: String

        /// A comment line: browsers ignore it, but writing it tells whether the page is still there.
        public static let heartbeat = Event(name: "", data: "")

        /// The bytes on the wire.
        public var wireFormat: String { name.isEmpty ? ":\n\n" : "event: \(name)\ndata: \(data)\n\n" }
    }

    /// How many events a stream may have waiting before it is ended.
    public static let backlogLimit = 64

    /// How often open streams get a heartbeat.
    let heartbeatInterval: Duration
    /// The open streams; nil once the hub has ended them all, so a stream asked for during shutdown
    /// ends at once instead of holding the server.
    private let subscribers = LockedValue<[UUID: AsyncStream<Event>.Continuation]?>([:])

    /// An empty hub.
    public init(heartbeatInterval: Duration = .seconds(2)) {
        self.heartbeatInterval = heartbeatInterval
    }

    /// A stream of the events broadcast from now on; it ends when the hub shuts down or the reader stops.
    public func subscribe() -> AsyncStream<Event> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingOldest(Self.backlogLimit))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withValue { $0?[id] = nil }
        }
        let open = subscribers.withValue { streams in
            streams?[id] = continuation
            return streams != nil
        }
        if !open { continuation.finish() }
        return stream
    }

    private var streams: [AsyncStream<Event>.Continuation] {
        subscribers.withValue { $0.map { Array($0.values) } ?? [] }
    }

    /// Sends an event to every subscriber.
    public func broadcast(_ event: Event) {
        for continuation in streams {
            if case .dropped = continuation.yield(event) { continuation.finish() }
        }
    }

    /// Ends every stream, and every stream asked for from now on.
    public func finishAll() {
        let open = subscribers.withValue { streams in
            defer { streams = nil }
            return streams.map { Array($0.values) } ?? []
        }
        for continuation in open { continuation.finish() }
    }

    /// How many pages are listening.
    public var subscriberCount: Int { subscribers.withValue { $0?.count ?? 0 } }

    /// Beats until the server shuts down, then ends every stream.
    public func run() async throws {
        while await sleepUnlessShuttingDown(for: heartbeatInterval) {
            broadcast(.heartbeat)
        }
        finishAll()
    }
}
