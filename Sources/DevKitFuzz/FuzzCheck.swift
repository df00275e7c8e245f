#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the process when an invariant a fuzzer checks does not hold, so libFuzzer saves the input as a
/// crash; the message says which invariant and shows the value that broke it.
func fuzzExpect(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if condition { return }
    fputs("devkit-fuzz: invariant broken at \(file):\(line): \(message())\n", stderr)
    abort()
}
