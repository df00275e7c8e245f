import Foundation

/// A plain TCP connection to 127.0.0.1 that sends only what a test gives it: for idle, half-open and
/// malformed clients, which no HTTP library will play.
final class RawConnection: @unchecked Sendable { // one test at a time uses a connection
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerProcessError(message: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServerProcessError(message: "cannot connect to 127.0.0.1:\(port): \(reason)")
        }
    }

    deinit { close(descriptor) }

    /// Sends the bytes as they are.
    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection or `timeout` seconds pass; returns what it read
    /// and whether the server closed.
    func readUntilClosed(timeout: TimeInterval) -> (bytes: [UInt8], closed: Bool) {
        read(timeout: timeout) { _ in false }
    }

    /// Reads until what arrived contains `text`, the server closes, or `timeout` seconds pass.
    func read(until text: String, timeout: TimeInterval) -> String {
        String(decoding: read(timeout: timeout) { String(decoding: $0, as: UTF8.self).contains(text) }.bytes, as: UTF8.self)
    }

    private func read(timeout: TimeInterval, done: ([UInt8]) -> Bool) -> (bytes: [UInt8], closed: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, wait) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return (received, true) }
            received += buffer.prefix(count)
            if done(received) { return (received, false) }
        }
        return (received, false)
    }
}

extension RawConnection {
    /// `read(until:timeout:)` on a thread of its own: an async test must not block the few threads
    /// Swift concurrency has, or the server it talks to (and every other async test) stalls.
    func reading(until text: String, timeout: TimeInterval) async -> String {
        await offThePool { self.read(until: text, timeout: timeout) }
    }

    /// `readUntilClosed(timeout:)` on a thread of its own.
    func readingUntilClosed(timeout: TimeInterval) async -> (bytes: [UInt8], closed: Bool) {
        await offThePool { self.readUntilClosed(timeout: timeout) }
    }

    private func offThePool<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
