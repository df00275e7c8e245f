import Foundation

/// Numbers terms given as UTF-8 bytes: the first new term is 0, the next 1, and so on. The index
/// looks up every word of every page here, so the table keeps the bytes of its terms in one buffer
/// and hashes bytes (FNV-1a) instead of making a `String` per word.
struct SearchTermTable: Sendable {
    /// The bytes of every term, one after another.
    private var storage: [UInt8] = []
    /// Term `n` is `storage[starts[n]..<starts[n + 1]]`.
    private var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// Open addressing: 0 for an empty slot, else the term's hash (high half) and number + 1 (low half),
    /// so a probe compares hashes without a second look-up.
    private var slots: [UInt64]

    /// An empty table with room for about `capacity` terms before it grows.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        storage.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// The number of terms.
    var count: Int { hashes.count }

    /// The same terms without the look-up table and spare capacity, for keeping once every term is
    /// numbered: a site keeps one table per page until the postings are merged, and an empty look-up
    /// table for a short page would outweigh its terms. `number` must not be called on the result.
    func compacted() -> SearchTermTable {
        var copy = self
        copy.slots = []
        copy.storage = Array(storage)
        copy.starts = Array(starts)
        copy.hashes = Array(hashes)
        return copy
    }

    /// The number of `term`, adding it if it is new.
    mutating func number(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
        number(term, hash: Self.hash(term))
    }

    /// The same, for a term whose hash is known (the hash of another table's term).
    mutating func number(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        precondition(!slots.isEmpty, "a compacted term table cannot number terms")
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                            let candidate = Int(UInt32(truncatingIfNeeded: entry)) - 1
                            let start = Int(starts[candidate])
                            let length = Int(starts[candidate + 1]) - start
                            if length == term.count,
                               length == 0 || memcmp(storage.baseAddress! + start, term.baseAddress!, length) == 0 {
                                return Int32(candidate)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        let number = Int32(hashes.count)
        slots[slot] = Self.entry(hash: hash, number: number)
        hashes.append(hash)
        storage.append(contentsOf: term)
        starts.append(Int32(storage.count))
        if hashes.count * 2 > slots.count { grow() }
        return number
    }

    private static func entry(hash: UInt32, number: Int32) -> UInt64 {
        UInt64(hash) << 32 | UInt64(UInt32(number) + 1)
    }

    /// The bytes of all terms together.
    var byteCount: Int { storage.count }

    /// Copies every term, in number order, into flat lists: their bytes at `bytes`, where each ends
    /// (counted from the start of `bytes`' list, which is `byteOffset` before `bytes`) at `ends`, and
    /// their hashes at `hashes`. The lists must have room; pages copy into disjoint parts in parallel.
    func copyAll(bytes: UnsafeMutablePointer<UInt8>, byteOffset: Int, ends: UnsafeMutablePointer<Int32>, hashes target: UnsafeMutablePointer<UInt32>) {
        storage.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { bytes.update(from: base, count: source.count) }
        }
        for index in 0..<count {
            ends[index] = Int32(byteOffset) + starts[index + 1]
            target[index] = hashes[index]
        }
    }

    /// The hash of term `number`.
    func hash(of number: Int) -> UInt32 {
        hashes[number]
    }

    /// The bytes of term `number`, for the duration of `body`.
    func withBytes<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]))
        }
    }

    /// Term `number` as a string.
    func string(_ number: Int) -> String {
        withBytes(of: number) { String(decoding: $0, as: UTF8.self) }
    }

    /// The term numbers in the order of their bytes (which for UTF-8 is code point order).
    func sortedNumbers() -> [Int] {
        storage.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                (0..<count).sorted { a, b in
                    let lhs = UnsafeBufferPointer(rebasing: all[Int(starts[a])..<Int(starts[a + 1])])
                    let rhs = UnsafeBufferPointer(rebasing: all[Int(starts[b])..<Int(starts[b + 1])])
                    let common = min(lhs.count, rhs.count)
                    if common > 0, let base = lhs.baseAddress, let other = rhs.baseAddress {
                        let order = memcmp(base, other, common)
                        if order != 0 { return order < 0 }
                    }
                    return lhs.count < rhs.count
                }
            }
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Self.entry(hash: hash, number: Int32(number))
        }
        slots = bigger
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash ^ (hash >> 15)
    }
}
