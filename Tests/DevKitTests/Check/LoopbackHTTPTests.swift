@testable import DevKit
import Foundation
import Testing

/// The HTTP client `devkit check` talks to chromedriver with, against a local socket that answers
/// with bytes written here.
@Suite struct LoopbackHTTPTests {
    private func exchange(_ response: String) async throws(LoopbackHTTPError) -> LoopbackHTTP.Response {
        let server: ListeningSocket
        do { server = try ListeningSocket() } catch { throw LoopbackHTTPError(message: "test server: \(error)") }
        defer { withExtendedLifetime(server) {} } // the socket stays open until the exchange is over
        server.answerNextConnection(with: Data(response.utf8))
        return try await LoopbackHTTP.send(port: server.port, method: "GET", path: "/status", body: nil, timeout: 5)
    }

    @Test func aChunkedBodyIsPutBackTogether() async throws {
        let response = try await exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "7;note=first\r\n{\"value\r\n4\r\n\": 1\r\n1\r\n}\r\n0\r\n\r\n")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"value\": 1}")
    }

    @Test(arguments: [
        ("\r\n\r\n", "malformed chunked response: '' is not a chunk size"),
        (";ext\r\n{}\r\n0\r\n\r\n", "malformed chunked response: ';ext' is not a chunk size"),
        ("zz\r\n{}\r\n0\r\n\r\n", "malformed chunked response: 'zz' is not a chunk size"),
        ("10\r\n{}\r\n0\r\n\r\n", "malformed chunked response: a chunk of 16 bytes is cut short"),
        ("2\r\n{}\r\n", "malformed chunked response: it ends before its last chunk"),
    ])
    func aMalformedChunkedBodyIsAnError(body: String, message: String) async {
        await #expect(throws: LoopbackHTTPError(message: message)) {
            try await exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
        }
    }
}
