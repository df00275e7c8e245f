import Foundation

/// Prints how long each build step took, and the resident memory after it, to standard error when
/// `DEVKIT_TIMINGS` is set, for profiling.
struct PhaseTimer {
    private static let enabled = ProcessInfo.processInfo.environment["DEVKIT_TIMINGS"] != nil
    private var last = DispatchTime.now()

    /// Reports the time since the previous mark under `name`.
    mutating func mark(_ name: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        let resident = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
            .map { ($0 * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20 } ?? 0
        FileHandle.standardError.write(Data(String(format: "timing: %-10@ %7.1f ms  %4d MB resident\n", name, milliseconds, resident).utf8))
        last = now
    }
}
