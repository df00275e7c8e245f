extension Highlighter {
    /// A fixed set of words (keywords, literals, type names) with the style of each, looked up by
    /// their bytes without making a String: words of up to 16 bytes are packed into two integers
    /// and found in a small open-addressing table.
    struct WordTable: Sendable {
        private var low: [UInt64]
        private var high: [UInt64]
        /// Per slot: 0 when empty, else the word's length.
        private var lengths: [UInt8]
        private var styles: [Style]
        private let shift: UInt64
        private let slotMask: Int
        private let longest: Int

        /// `groups` pairs a style with its words, separated by spaces.
        init(_ groups: [(Style, String)]) {
            let words = groups.flatMap { style, list in list.split(separator: " ").map { (style, Array($0.utf8)) } }
            var bits = 4
            while 1 << bits < words.count * 4 { bits += 1 }
            let size = 1 << bits
            low = Array(repeating: 0, count: size)
            high = Array(repeating: 0, count: size)
            lengths = Array(repeating: 0, count: size)
            styles = Array(repeating: .keyword, count: size)
            shift = UInt64(64 - bits)
            slotMask = size - 1
            longest = words.map(\.1.count).max() ?? 0
            for (style, word) in words where word.count <= 16 {
                let (a, b) = word.withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
                var slot = Self.slot(a, b, word.count, shift)
                while lengths[slot] != 0, !(low[slot] == a && high[slot] == b && Int(lengths[slot]) == word.count) {
                    slot = (slot + 1) & slotMask
                }
                low[slot] = a
                high[slot] = b
                lengths[slot] = UInt8(word.count)
                styles[slot] = style
            }
        }

        /// The style of the word `bytes[start..<end]`, or nil when it is not in the table.
        @inline(__always)
        func style(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Style? {
            let count = end - start
            guard count > 0, count <= longest else { return nil }
            let (a, b) = Self.pack(bytes, start, end)
            var slot = Self.slot(a, b, count, shift)
            while true {
                let length = lengths[slot]
                if length == 0 { return nil }
                if Int(length) == count, low[slot] == a, high[slot] == b { return styles[slot] }
                slot = (slot + 1) & slotMask
            }
        }

        @inline(__always)
        private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
            var a: UInt64 = 0
            var b: UInt64 = 0
            var index = start
            var shift: UInt64 = 0
            while index < end, shift < 64 {
                a |= UInt64(bytes[index]) << shift
                index += 1
                shift += 8
            }
            shift = 0
            while index < end, shift < 64 {
                b |= UInt64(bytes[index]) << shift
                index += 1
                shift += 8
            }
            return (a, b)
        }

        @inline(__always)
        private static func slot(_ a: UInt64, _ b: UInt64, _ count: Int, _ shift: UInt64) -> Int {
            let mixed = (a ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> shift)
        }
    }
}
