#if DEVKIT_FUZZING
import Foundation

/// The fuzzer this process runs, from `DEVKIT_FUZZ_TARGET` (read once).
private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DEVKIT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        writeError("devkit-fuzz: set DEVKIT_FUZZ_TARGET to one of: \(names)")
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

/// libFuzzer's driver (its `main` calls the same), given argc, argv and the entry point.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's `main`: SwiftPM links `main` to `<module>_main`, so the fuzz build defines that
/// symbol itself and hands over to libFuzzer (a replay build has `ReplayMain` instead).
@_cdecl("DevKitFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return withUnsafeMutablePointer(to: &arguments) { runFuzzerDriver(&count, $0, fuzzTestOneInput) }
}
#endif
