import Foundation

/// A minimal HTTP/1.1 client for one thing: JSON requests to chromedriver on 127.0.0.1. A blocking
/// socket per request (`Connection: close`), run off the cooperative thread pool. (Foundation's
/// URLSession on Linux fails these requests with "Failed writing header".)
enum LoopbackHTTP {
    /// A response: status code and body.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// Sends `method path` with an optional JSON body to 127.0.0.1:`port`, waiting up to `timeout` seconds.
    static func send(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) async throws(LoopbackHTTPError) -> Response {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Response, LoopbackHTTPError>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(LoopbackHTTPError) in
                    try exchange(port: port, method: method, path: path, body: body, timeout: timeout)
                })
            }
        }
        return try result.get()
    }

    private static func exchange(port: Int, method: String, path: String, body: Data?, timeout: TimeInterval) throws(LoopbackHTTPError) -> Response {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackHTTPError(errno: errno, during: "socket") }
        defer { close(descriptor) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw LoopbackHTTPError(errno: errno, during: "connect") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        var request = Data((head + "\r\n").utf8)
        if let body { request.append(body) }
        let bytes = [UInt8](request)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw LoopbackHTTPError(errno: errno, during: "send") }
            sent += n
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(descriptor, &buffer, buffer.count, 0)
            if n == 0 { break }
            guard n > 0 else { throw LoopbackHTTPError(errno: errno, during: "recv") }
            received.append(contentsOf: buffer[0..<n])
            if let response = try parse(received, complete: false) { return response }
        }
        guard let response = try parse(received, complete: true) else { throw LoopbackHTTPError(message: "malformed HTTP response") }
        return response
    }

    /// The response in `data` once it is all there (by Content-Length, or at the end of the stream);
    /// nil while more may come, an error for a chunked body that is not well-formed.
    static func parse(_ data: Data, complete: Bool) throws(LoopbackHTTPError) -> Response? {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { return nil }
            return Response(status: status, body: body.prefix(length))
        }
        guard complete else { return nil }
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Response(status: status, body: body)
    }

    /// A chunked body's data: chunks of `size-in-hex[;extensions]CRLF data CRLF` up to the chunk of size 0.
    private static func dechunk(_ data: Data) throws(LoopbackHTTPError) -> Data {
        let lineBreak = Data("\r\n".utf8)
        var out = Data()
        var index = data.startIndex
        while true {
            guard let lineEnd = data[index...].firstRange(of: lineBreak) else {
                throw LoopbackHTTPError(message: "malformed chunked response: it ends before its last chunk")
            }
            let line = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
            let digits = line.split(separator: ";", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(digits, radix: 16), size >= 0 else {
                throw LoopbackHTTPError(message: "malformed chunked response: '\(line.prefix(40))' is not a chunk size")
            }
            if size == 0 { return out } // the last chunk; trailers, if any, are of no use here
            let start = lineEnd.upperBound
            guard size <= data.endIndex - start - lineBreak.count, data[(start + size)..<(start + size + lineBreak.count)] == lineBreak else {
                throw LoopbackHTTPError(message: "malformed chunked response: a chunk of \(size) bytes is cut short")
            }
            out.append(data[start..<(start + size)])
            index = start + size + lineBreak.count
        }
    }
}

/// A request to chromedriver that failed below HTTP.
struct LoopbackHTTPError: Error, Equatable, CustomStringConvertible {
    var message: String

    init(message: String) {
        self.message = message
    }

    init(errno code: Int32, during step: String) {
        message = code == EAGAIN || code == EWOULDBLOCK ? "timed out (\(step))" : "\(step): \(SystemError.reason(code))"
    }

    var description: String { message }
}
