import Foundation

/// Fans out live-reload events to every open page's Server-Sent Events stream. Every stream gets
/// every event in order; one that falls `backlogLimit` events behind (a stalled tab) is ended
/// rather than skipped over, and its page reconnects and compares generations in the `hello`.
public final class ReloadHub: Sendable {
    /// How many events a stream may have waiting before it is ended.
    public static let backlogLimit = 64

    /// One event on the `/__devkit/reload` stream.
    public struct Event: Sendable, Equatable {
        /// The SSE event name: `hello`, `reload` or `errors`.
        public var name: String
        /// The event's data (JSON).
        public var data: String

        /// The bytes on the wire.
        public var wireFormat: String { "event: \(name)\ndata: \(data)\n\n" }
    }

    private let subscribers = LockedValue<[UUID: AsyncStream<Event>.Continuation]>([:])

    /// An empty hub.
    public init() {}

    /// A stream of the events broadcast from now on; it ends when the hub shuts down or the reader stops.
    public func subscribe() -> AsyncStream<Event> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingOldest(Self.backlogLimit))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withValue { $0[id] = nil }
        }
        subscribers.withValue { $0[id] = continuation }
        return stream
    }

    /// Sends an event to every subscriber.
    public func broadcast(_ event: Event) {
        for continuation in subscribers.withValue({ Array($0.values) }) {
            if case .dropped = continuation.yield(event) { continuation.finish() }
        }
    }

    /// Ends every stream, so open pages do not hold the server open on shutdown.
    public func finishAll() {
        for continuation in subscribers.withValue({ Array($0.values) }) { continuation.finish() }
    }

    /// How many pages are listening.
    public var subscriberCount: Int { subscribers.withValue { $0.count } }
}
