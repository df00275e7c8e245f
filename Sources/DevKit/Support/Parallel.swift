import Dispatch
import Foundation

/// Maps over an array on every core; results keep the input order.
/// The transform must be safe to call from several threads at once.
func parallelMap<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()
        results.deallocate()
    }
    let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
    let chunkSize = (count + chunks - 1) / chunks
    withoutActuallyEscaping(transform) { transform in
        let shared = UncheckedShare((items, results, transform))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let (items, output, transform) = shared.value
            let start = chunk * chunkSize
            let end = min(start + chunkSize, count)
            guard start < end else { return }
            for index in start..<end { output[index] = transform(items[index]) }
        }
    }
    return results.map { $0! }
}

/// Hands values to worker threads that only read them (or write disjoint slots).
private struct UncheckedShare<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Starts `work` on another thread at once; the returned function waits for its result.
func startInBackground<Result>(_ work: @escaping @Sendable () -> Result) -> () -> Result {
    let result = LockedValue<Result?>(nil)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        let value = work()
        result.withValue { $0 = value }
        done.signal()
    }
    return {
        done.wait()
        done.signal()
        return result.withValue { $0! }
    }
}
