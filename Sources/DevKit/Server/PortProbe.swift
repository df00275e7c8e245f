import Foundation

/// Checks a port before the server binds it, so the user gets one clear line instead of a stack of
/// NIO errors, and picks a free port for `--port 0`.
enum PortProbe {
    /// The port to listen on: `port` when it is free, a free one when it is 0.
    static func choose(host: String, port: Int) throws(DevServerError) -> Int {
        let result = bind(host: host, port: port)
        switch result {
        case let .success(bound): return bound
        case let .failure(error) where error.code == EADDRINUSE: throw .portInUse(port)
        case let .failure(error): throw .cannotBind(host, port, SystemError.reason(error.code))
        }
    }

    /// True when this machine has an IPv6 loopback.
    static let ipv6Available: Bool = {
        if case .success = bind(host: "::1", port: 0) { return true }
        return false
    }()

    /// Binds and closes a listening socket; the port it got, or errno.
    private static func bind(host: String, port: Int) -> Result<Int, SystemError> {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        let lookup = host == "localhost" ? "127.0.0.1" : host
        guard getaddrinfo(lookup, String(port), &hints, &info) == 0, let first = info else { return .failure(SystemError(code: EADDRNOTAVAIL)) }
        defer { freeaddrinfo(info) }
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else { return .failure(SystemError(code: errno)) }
        guard listen(descriptor, 1) == 0 else { return .failure(SystemError(code: errno)) }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let bound = withUnsafeBytes(of: address) { raw -> Int in
            // sin_port and sin6_port sit at the same offset, in network byte order.
            Int(UInt16(raw[2]) << 8 | UInt16(raw[3]))
        }
        return .success(bound)
    }
}

