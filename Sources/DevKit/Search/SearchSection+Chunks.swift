extension SearchSection {
    /// The most bytes of text one section keeps in one piece of a fragment.
    static let chunkBytes = 6_000

    /// This section cut into pieces of at most about `limit` bytes of text, at spaces, each with the
    /// section's anchor and heading: a result then carries only the stretch of a long section where
    /// its words are, not the whole section.
    func chunked(limit: Int = chunkBytes) -> [SearchSection] {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else { return [self] }
        var chunks: [SearchSection] = []
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            if end < bytes.count {
                // Back to a space in the last quarter, else to the start of a character.
                var cut = end
                while cut > start + limit * 3 / 4, bytes[cut] != 0x20 { cut -= 1 }
                if bytes[cut] == 0x20 {
                    end = cut
                } else {
                    while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                }
            }
            let piece = String(decoding: bytes[start..<end], as: UTF8.self)
            chunks.append(SearchSection(anchor: anchor, heading: heading, text: piece))
            start = end
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        }
        return chunks
    }
}
