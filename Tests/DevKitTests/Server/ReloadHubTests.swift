@testable import DevKit
import Testing

/// The reload hub: every stream gets every event in order, and a stalled one is ended, not skipped over.
@Suite struct ReloadHubTests {
    private func event(_ number: Int) -> ReloadHub.Event { ReloadHub.Event(name: "reload", data: String(number)) }

    @Test func everyStreamGetsEveryEventInOrder() async {
        let hub = ReloadHub()
        let streams = (0..<20).map { _ in hub.subscribe() }
        for number in 1...50 { hub.broadcast(event(number)) }
        hub.finishAll()
        for stream in streams {
            var received: [String] = []
            for await event in stream { received.append(event.data) }
            #expect(received == (1...50).map(String.init))
        }
    }

    @Test func aStreamThatFallsTooFarBehindIsEndedAfterItsBacklog() async {
        let hub = ReloadHub()
        let stalled = hub.subscribe()
        for number in 1...(ReloadHub.backlogLimit + 10) { hub.broadcast(event(number)) }
        #expect(hub.subscriberCount == 0, "the stalled stream is dropped from the hub")
        var received: [String] = []
        for await event in stalled { received.append(event.data) }
        #expect(received == (1...ReloadHub.backlogLimit).map(String.init), "what it had is delivered in order, then it ends")
    }

    @Test func aStreamThatStopsReadingLeavesTheHub() async {
        let hub = ReloadHub()
        do {
            let stream = hub.subscribe()
            let task = Task { for await _ in stream {} }
            #expect(hub.subscriberCount == 1)
            task.cancel()
            await task.value
        }
        #expect(hub.subscriberCount == 0)
    }

    @Test(.timeLimit(.minutes(1))) func aStreamAskedForAfterShutdownEndsAtOnce() async {
        let hub = ReloadHub()
        hub.finishAll()
        let late = hub.subscribe()
        hub.broadcast(event(1))
        var received: [String] = []
        for await event in late { received.append(event.data) }
        #expect(received.isEmpty, "a page that connects while the server stops does not hold it")
        #expect(hub.subscriberCount == 0)
    }
}
