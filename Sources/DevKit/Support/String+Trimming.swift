extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, carriage returns and line feeds
    /// (Foundation's `trimmingCharacters` bridges through NSString, which showed in profiles).
    func trimmedWhitespace() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
