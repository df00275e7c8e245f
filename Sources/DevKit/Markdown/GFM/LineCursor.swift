/// A position in one source line that counts columns as libcmark does (tabs stop every 4 columns).
struct LineCursor {
    let bytes: ArraySlice<UInt8>
    /// Index into `bytes` of the next unread byte.
    private(set) var position: Int
    /// Visual column of `position`, counting a partly consumed tab.
    private(set) var column = 0
    /// Columns of a tab already passed over only in part.
    private var pendingColumns = 0

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The first byte that is not a space or tab, from here.
    var firstNonspace: Int {
        var index = position
        while index < bytes.endIndex, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
        return index
    }

    /// True when nothing but spaces and tabs remains.
    var isBlank: Bool { firstNonspace == bytes.endIndex }

    /// Columns of indentation before `firstNonspace`.
    var indent: Int {
        var columns = pendingColumns
        var visual = column + pendingColumns
        var index = position
        while index < bytes.endIndex {
            if bytes[index] == ASCII.space {
                columns += 1; visual += 1
            } else if bytes[index] == ASCII.tab {
                let width = 4 - visual % 4
                columns += width; visual += width
            } else {
                break
            }
            index += 1
        }
        return columns
    }

    /// Skips `count` bytes that are not tabs.
    mutating func skipBytes(_ count: Int) {
        pendingColumns = 0
        position += count
        column += count
    }

    /// Consumes `count` columns of spaces and tabs (a tab may be consumed in part).
    mutating func skipColumns(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            if pendingColumns > 0 {
                let used = min(pendingColumns, remaining)
                pendingColumns -= used; column += used; remaining -= used
                continue
            }
            guard position < bytes.endIndex else { return }
            let byte = bytes[position]
            if byte == ASCII.tab {
                let width = 4 - column % 4
                position += 1
                if width <= remaining {
                    column += width; remaining -= width
                } else {
                    column += remaining; pendingColumns = width - remaining; remaining = 0
                }
            } else if byte == ASCII.space {
                position += 1; column += 1; remaining -= 1
            } else {
                return
            }
        }
    }

    /// Moves to the first non-space byte.
    mutating func skipToNonspace() { skipColumns(indent) }
}
