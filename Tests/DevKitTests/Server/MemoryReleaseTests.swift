@testable import DevKit
import Foundation
import Testing

/// `malloc_trim` gives freed memory back: the server's resident size comes down after a burst.
@Suite(.serialized) struct MemoryReleaseTests {
    private func residentBytes() throws -> Int {
        let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return Int(fields[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func trimmingReturnsFreedMemoryThatFreeAloneKeeps() throws {
        // 200 MB in 2 KB blocks; keeping every tenth pins the heap, so free() alone returns little.
        let count = 100_000
        var blocks = (0..<count).map { _ in
            let block = UnsafeMutableRawPointer.allocate(byteCount: 2048, alignment: 16)
            block.initializeMemory(as: UInt8.self, repeating: 1, count: 2048)
            return block
        }
        for index in blocks.indices where index % 10 != 0 { blocks[index].deallocate() }
        blocks = blocks.enumerated().filter { $0.offset % 10 == 0 }.map(\.element)
        let afterFree = try residentBytes()
        GlibcMalloc.trim()
        let afterTrim = try residentBytes()
        for block in blocks { block.deallocate() }
        #expect(afterFree - afterTrim > 80 << 20, "trimmed \((afterFree - afterTrim) >> 20) MB of the 180 MB freed")
    }
}

/// When `MemoryRelease` trims: after each burst, on the quiet looks that follow it, and now and then.
@Suite struct TrimScheduleTests {
    /// The looks (1-based) that trim, given the activity count seen at each look.
    private func trims(_ counts: [Int], _ schedule: TrimSchedule = TrimSchedule(trimsAfterBusy: 2, idleTrimEvery: 4)) -> [Int] {
        var schedule = schedule
        return counts.enumerated().compactMap { look, count in schedule.look(at: count) ? look + 1 : nil }
    }

    @Test func theFirstLookOnlyTakesTheCount() {
        #expect(trims([5]) == [])
    }

    @Test func aQuietServerTrimsEveryFewLooks() {
        #expect(trims(Array(repeating: 0, count: 9)) == [5, 9])
    }

    @Test func aBurstTrimsOnTheQuietLooksAfterIt() {
        // Busy at looks 2–4 (the count moves), quiet from look 5: trims at 5 and 6, then idle every 4.
        #expect(trims([0, 1, 2, 3, 3, 3, 3, 3, 3, 3]) == [5, 6, 8])
    }

    @Test func aLookDuringABurstNeverTrims() {
        #expect(trims(Array(0..<12)) == [])
    }

    @Test func aNewBurstStartsTheTrimsAgain() {
        #expect(trims([0, 1, 1, 2, 2, 2]) == [3, 5, 6])
    }
}
