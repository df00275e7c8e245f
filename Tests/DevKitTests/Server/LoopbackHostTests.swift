@testable import DevKit
import Testing

/// Which hosts count as this machine: for the serve warning and for the certificate `devkit check` pins.
@Suite struct LoopbackHostTests {
    @Test(arguments: ["localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"])
    func loopback(host: String) {
        #expect(LoopbackHost.contains(host))
    }

    @Test(arguments: ["127.example.com", "127.0.0.1.nip.io", "localhost.example.com", "128.0.0.1", "0.0.0.0",
                      "127.0.0.256", "127.0.0", "example.com", "", "::2", "evil-localhost"])
    func notLoopback(host: String) {
        #expect(!LoopbackHost.contains(host))
    }
}
