import Foundation

/// A TCP socket listening on 127.0.0.1 that never answers: a server that accepts connections (so a
/// probe finds it) but is not a widget. Closed on deinit; `closedPort()` gives a port nobody listens on,
/// and `answerNextConnection(with:)` makes it answer one connection with bytes of the test's choosing.
final class ListeningSocket: @unchecked Sendable { // the descriptor is set once in init
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerProcessError(message: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServerProcessError(message: "cannot listen on 127.0.0.1: \(reason)")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR)) // wakes an accept still waiting in answerNextConnection
        close(descriptor)
    }

    /// A port that was free a moment ago.
    static func closedPort() throws -> Int {
        try ListeningSocket().port
    }

    /// On a background thread: accepts one connection, reads the request's head, writes `response`
    /// as it is (well-formed HTTP or not) and closes the connection.
    func answerNextConnection(with response: Data) {
        let listener = descriptor
        DispatchQueue.global().async {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            var request = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while request.firstRange(of: Data("\r\n\r\n".utf8)) == nil {
                let n = recv(connection, &buffer, buffer.count, 0)
                guard n > 0 else { return }
                request.append(contentsOf: buffer[0..<n])
            }
            let bytes = [UInt8](response)
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeBufferPointer { Glibc.send(connection, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { return }
                sent += n
            }
        }
    }
}
