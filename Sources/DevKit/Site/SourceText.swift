import Foundation

/// Decoding of source files, with the place of the first bad byte when a file is not UTF-8.
enum SourceText {
    /// The file's text without a byte-order mark, or a diagnostic naming the first invalid byte.
    static func decode(_ data: Data, path: String) throws(Diagnostic) -> String {
        try decode(Array(data), path: path)
    }

    /// The text of a file's bytes, without a byte-order mark.
    static func decode(_ data: [UInt8], path: String) throws(Diagnostic) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column) = locateInvalidByte(in: Array(bytes))
        throw Diagnostic(path: path, line: line, column: column, message: "file is not valid UTF-8")
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    private static func locateInvalidByte(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }
}
