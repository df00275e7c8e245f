/// Text with runs of ASCII white space (and tag boundaries) written as one space, none at the ends,
/// in one buffer for the whole page: each piece (a heading, a section's text) is taken in turn.
struct SearchCollapsedText {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Where the current piece starts, and where the next byte goes.
    private var start = 0
    private var end = 0
    private var pendingSpace = false

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    func deallocate() {
        base.deallocate()
    }

    var isEmpty: Bool { end == start }

    /// The current piece as a string; the next piece starts empty.
    mutating func take() -> String {
        let piece = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        discard()
        return piece
    }

    /// Drops the current piece.
    mutating func discard() {
        start = end
        pendingSpace = false
    }

    mutating func separate() {
        pendingSpace = true
    }

    mutating func append(_ byte: UInt8) {
        if Self.isSpace(byte) {
            pendingSpace = true
            return
        }
        reserve(2)
        if pendingSpace, end > start {
            base[end] = 0x20
            end += 1
        }
        pendingSpace = false
        base[end] = byte
        end += 1
    }

    /// A run of text without markup.
    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        reserve(run.count + 1)
        var position = end
        var space = pendingSpace
        let hasText = end > start
        var wrote = hasText
        for byte in run {
            if Self.isSpace(byte) {
                space = true
                continue
            }
            if space, wrote {
                base[position] = 0x20
                position += 1
            }
            space = false
            wrote = true
            base[position] = byte
            position += 1
        }
        end = position
        pendingSpace = space
    }

    private mutating func reserve(_ more: Int) {
        guard end + more > capacity else { return }
        let bigger = max(capacity * 2, end + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        grown.update(from: base, count: end)
        base.deallocate()
        base = grown
        capacity = bigger
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}
