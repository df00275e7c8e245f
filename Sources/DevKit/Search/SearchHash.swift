/// FNV-1a, 64 bits (on 8-byte words, with a shift to mix the high bits down): a fast, stable fingerprint of the index's files (not a security measure), so their
/// names change when their contents do and a browser never mixes files of two builds.
struct SearchHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds bytes to the fingerprint, eight at a time (little-endian), then the rest one by one.
    mutating func add(_ bytes: [UInt8]) {
        var hash = value
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                hash = (hash &* 0x0000_0100_0000_01B3) ^ (hash >> 29)
            }
            for index in (words * 8)..<raw.count {
                hash ^= UInt64(raw[index])
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        value = hash
    }

    /// The first `digits` hex digits of the fingerprint.
    func hex(digits: Int = 12) -> String {
        let full = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - full.count)) + full
        return String(padded.prefix(digits))
    }
}
