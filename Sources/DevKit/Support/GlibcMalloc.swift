import Foundation

/// The two settings devkit makes to glibc's allocator, looked up at run time (Swift's Glibc module
/// does not import malloc.h; with another C library both do nothing).
public enum GlibcMalloc {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }

    private static let mallocTrim = function("malloc_trim", as: Trim.self)
    private static let mallopt = function("mallopt", as: Option.self)

    /// Returns free memory to the system (`malloc_trim(0)`): glibc keeps what was freed in its arenas.
    public static func trim() {
        _ = mallocTrim?(0)
    }

    /// Limits glibc to one allocation arena per core (its default is eight per core). A thread's
    /// extra arena grows a page at a time, one `mprotect` call each: a tldr build made 22,000 of
    /// them, and with one arena per core it is about a tenth faster, at the same peak memory.
    /// Call it first thing, before any thread starts.
    public static func limitArenasToCores() {
        let M_ARENA_MAX: Int32 = -8
        _ = mallopt?(M_ARENA_MAX, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
    }
}
