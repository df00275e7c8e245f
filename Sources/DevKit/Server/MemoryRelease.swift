import Foundation
import Hummingbird
import ServiceLifecycle

/// Hands memory the server freed back to the system once a burst of requests is over. glibc keeps
/// freed memory in its arenas, so after a load test (or a thousand reloads) the resident size would
/// stay at its peak for as long as the server runs; `malloc_trim` returns the free pages.
struct MemoryRelease: Service {
    let activity: ServerActivity
    /// How often it looks at the activity count.
    var interval: Duration = .seconds(1)

    func run() async throws {
        var schedule = TrimSchedule()
        _ = schedule.look(at: activity.count)
        while await sleepUnlessShuttingDown(for: interval) {
            if schedule.look(at: activity.count) { GlibcMalloc.trim() }
        }
    }
}

/// When to trim, look by look: on each of the first few quiet looks after a busy one (a burst's memory
/// is not all freed at once: a reload stream whose page closed goes only at the next heartbeat), and
/// now and then on a quiet server (a connection that closed without a request frees memory too).
struct TrimSchedule {
    /// Quiet looks after a busy one that each trim.
    let trimsAfterBusy: Int
    /// A quiet server trims every this many looks.
    let idleTrimEvery: Int

    private var seen: Int?
    private var trimsLeft = 0
    private var quietLooks = 0

    init(trimsAfterBusy: Int = 3, idleTrimEvery: Int = 10) {
        self.trimsAfterBusy = trimsAfterBusy
        self.idleTrimEvery = idleTrimEvery
    }

    /// Takes the activity count at one look; true when this look should trim.
    mutating func look(at count: Int) -> Bool {
        guard count == seen else {
            if seen != nil { trimsLeft = trimsAfterBusy }
            seen = count
            quietLooks = 0
            return false
        }
        quietLooks += 1
        if trimsLeft > 0 {
            trimsLeft -= 1
            return true
        }
        return quietLooks % idleTrimEvery == 0
    }
}
