@testable import DevKit
import Testing

@Suite struct RequestPathTests {
    @Test(arguments: [
        "/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
        "/%252e%252e/etc/passwd", "/assets/..%2f..%2fetc", "/assets/..\\..\\etc", "/assets/%5c..%5cetc",
        "/assets/%00", "/a/./b", "/%", "/%zz", "/assets/%c0%ae%c0%ae/etc",
    ])
    func hostilePathsAreRejected(path: String) {
        #expect(RequestPath.check(path) == .rejected)
    }

    @Test(arguments: ["/.git/config", "/assets/.env", "/.devkit/ca-key.pem", "/%2egit/config"])
    func dotfilesAreHidden(path: String) {
        #expect(RequestPath.check(path) == .hidden)
    }

    @Test func ordinaryPathsAreDecodedOnce() {
        #expect(RequestPath.check("/") == .site(""))
        #expect(RequestPath.check("/guides/testing/") == .site("guides/testing/"))
        #expect(RequestPath.check("/pages/common/%5B/") == .site("pages/common/[/"))
        #expect(RequestPath.check("/caf%C3%A9.png") == .site("café.png"))
    }

    @Test func basePathIsStrippedAndEnforced() {
        #expect(RequestPath.check("/docs/guides/", basePath: "/docs/") == .site("guides/"))
        #expect(RequestPath.check("/docs", basePath: "/docs/") == .site(""))
        #expect(RequestPath.check("/other/", basePath: "/docs/") == nil)
    }
}
