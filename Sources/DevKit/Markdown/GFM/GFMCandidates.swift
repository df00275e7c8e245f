/// A quick byte scan that tells which GFM passes a page may need, so pages without a candidate
/// skip them (and are parsed once, as before).
struct GFMCandidates {
    /// Lines (1-based, ascending) that could be a table's delimiter row: only `|`, `-`, `:`, spaces
    /// and tabs after any `>` markers, with a `-` and a `|` or `:`.
    private(set) var delimiterLines: [Int] = []
    /// A line starts (after up to three spaces) with `[^`.
    private(set) var hasFootnoteDefinitions = false
    /// `[^` anywhere.
    private(set) var hasFootnoteReferences = false
    /// `~` anywhere.
    private(set) var hasTilde = false
    /// A `www.`, `scheme://` or `x@y.z` that GFM may link (angle-bracket and inline links are not candidates).
    private(set) var hasAutolinks = false
    /// `[ ]`, `[x]`, `[X]` or `[!` anywhere.
    private(set) var hasTasksOrAlerts = false

    init(_ bytes: [UInt8]) {
        var line = 1
        var lineStart = true
        var leading = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1; lineStart = true; leading = 0
                index += 1
                continue
            case 0x7E: hasTilde = true
            case 0x40:
                if !hasAutolinks, Self.mayBeEmail(bytes, at: index) { hasAutolinks = true }
            case 0x3A:
                if !hasAutolinks, index + 2 < count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F,
                   Self.mayBeBareURL(bytes, colon: index) { hasAutolinks = true }
            case 0x77:
                if !hasAutolinks, index + 3 < count, bytes[index + 1] == 0x77, bytes[index + 2] == 0x77, bytes[index + 3] == 0x2E,
                   index == 0 || Self.mayPrecedeWWW(bytes[index - 1]) { hasAutolinks = true }
            case 0x5B:
                if index + 1 < count {
                    let next = bytes[index + 1]
                    if next == 0x5E {
                        hasFootnoteReferences = true
                        if lineStart, leading < 4 { hasFootnoteDefinitions = true }
                    } else if next == 0x21 {
                        hasTasksOrAlerts = true
                    } else if index + 2 < count, next == 0x20 || next == 0x78 || next == 0x58, bytes[index + 2] == 0x5D {
                        hasTasksOrAlerts = true
                    }
                }
            default: break
            }
            if lineStart {
                if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.greater {
                    leading += 1
                } else {
                    lineStart = false
                    if byte == ASCII.pipe || byte == ASCII.dash || byte == ASCII.colon, Self.isDelimiterCandidate(bytes, from: index) {
                        delimiterLines.append(line)
                    }
                }
            }
            index += 1
        }
    }

    /// GFM links `www.` only after a blank, `*`, `_`, `~` or `(` (so not in `https://www.…`).
    private static func mayPrecedeWWW(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == 0x0A || byte == 0x0D || byte == 0x2A || byte == 0x5F || byte == 0x7E || byte == 0x28
    }

    /// `x@y.z`-like: an address character before, and a dot in the word after.
    private static func mayBeEmail(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0, ASCII.isAlnum(bytes[index - 1]) || bytes[index - 1] == 0x2E || bytes[index - 1] == 0x2D || bytes[index - 1] == 0x5F else { return false }
        var next = index + 1
        while next < bytes.count, ASCII.isAlnum(bytes[next]) || bytes[next] == 0x2D || bytes[next] == 0x5F || bytes[next] == 0x2E {
            if bytes[next] == 0x2E { return true }
            next += 1
        }
        return false
    }

    /// `scheme://` not written as `<scheme://…>`, `](scheme://…)` or an HTML attribute value.
    private static func mayBeBareURL(_ bytes: [UInt8], colon: Int) -> Bool {
        var start = colon
        while start > 0, ASCII.isAlpha(bytes[start - 1]) { start -= 1 }
        guard start < colon, start > 0 else { return start < colon }
        switch bytes[start - 1] {
        case ASCII.less, 0x3D: return false
        case 0x22, 0x27: return !(start >= 2 && bytes[start - 2] == 0x3D)
        case 0x28: return !(start >= 2 && bytes[start - 2] == 0x5D)
        default: return true
        }
    }

    private static func isDelimiterCandidate(_ bytes: [UInt8], from start: Int) -> Bool {
        var dash = false, separator = false
        var index = start
        while index < bytes.count, bytes[index] != 0x0A {
            switch bytes[index] {
            case ASCII.dash: dash = true
            case ASCII.pipe, ASCII.colon: separator = true
            case ASCII.space, ASCII.tab, 0x0D: break
            default: return false
            }
            index += 1
        }
        return dash && separator
    }

    /// True when no block-level GFM construct needs a second parse.
    var needsBlockPass: Bool { !delimiterLines.isEmpty || hasFootnoteDefinitions }
    /// True when some inline or AST pass may apply.
    var needsTreePass: Bool { hasTilde || hasAutolinks || hasTasksOrAlerts || hasFootnoteReferences || needsBlockPass }
}
