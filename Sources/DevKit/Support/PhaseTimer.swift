import Foundation

/// Prints how long each build step took to standard error when `DEVKIT_TIMINGS` is set, for profiling.
struct PhaseTimer {
    private static let enabled = ProcessInfo.processInfo.environment["DEVKIT_TIMINGS"] != nil
    private var last = DispatchTime.now()

    /// Reports the time since the previous mark under `name`.
    mutating func mark(_ name: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data(String(format: "timing: %-10@ %7.1f ms\n", name, milliseconds).utf8))
        last = now
    }
}
