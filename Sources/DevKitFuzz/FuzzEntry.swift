#if DEVKIT_FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzzer this process runs, from `DEVKIT_FUZZ_TARGET` (read once).
private let selectedTarget: FuzzTarget = {
    let name = getenv("DEVKIT_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        fputs("devkit-fuzz: set DEVKIT_FUZZ_TARGET to one of: \(names)\n", stderr)
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input, checked by the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}
#endif
