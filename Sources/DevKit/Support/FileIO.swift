import Foundation

/// Whole-file reads and writes with plain system calls: fast, and failures as a reason string.
enum FileIO {
    /// Writes a whole file; the reason on failure.
    static func writeFile(_ path: String, contents: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var contents = contents
        return contents.withUTF8 { buffer in writeAll(descriptor, buffer) }
    }

    /// Writes a whole file of bytes; the reason on failure.
    static func writeFile(_ path: String, bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return bytes.withUnsafeBufferPointer { writeAll(descriptor, $0) }
    }

    /// Copies a file's bytes; the reason on failure.
    static func copyFile(from source: String, to destination: String) -> String? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return String(cString: strerror(errno)) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { return String(cString: strerror(errno)) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { return nil }
            guard count > 0 else { return String(cString: strerror(errno)) }
            if let error = buffer.withUnsafeBufferPointer({ writeAll(output, UnsafeBufferPointer(rebasing: $0[0..<count])) }) {
                return error
            }
        }
    }

    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> String? {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            guard written > 0 else { return String(cString: strerror(errno)) }
            offset += written
        }
        return nil
    }

    /// Reads a whole file; the reason on failure.
    static func readFile(_ path: String) -> Result<[UInt8], FileIOError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileIOError(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileIOError(errno)) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            guard count > 0 else { return .failure(FileIOError(errno)) }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// Writes all of a string to an open file; the reason on failure.
    static func writeAll(_ descriptor: Int32, _ text: String) -> String? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, $0) }
    }
}

/// A failed read, with the system's reason.
struct FileIOError: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { code == ENOENT ? "no such file or folder" : String(cString: strerror(code)) }
}
