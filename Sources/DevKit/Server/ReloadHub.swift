import Foundation

/// Fans out live-reload events to every open page's Server-Sent Events stream.
public final class ReloadHub: Sendable {
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
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withValue { $0[id] = nil }
        }
        subscribers.withValue { $0[id] = continuation }
        return stream
    }

    /// Sends an event to every subscriber.
    public func broadcast(_ event: Event) {
        for continuation in subscribers.withValue({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Ends every stream, so open pages do not hold the server open on shutdown.
    public func finishAll() {
        for continuation in subscribers.withValue({ Array($0.values) }) { continuation.finish() }
    }

    /// How many pages are listening.
    public var subscriberCount: Int { subscribers.withValue { $0.count } }
}
