@testable import DevKit
import Testing

/// Which `Host` headers the dev server answers: the defence against DNS rebinding.
@Suite struct HostCheckTests {
    @Test(arguments: ["localhost:9025", "LOCALHOST:9025", "localhost", "localhost.:9025", "app.localhost:9025",
                      "127.0.0.1:9025", "127.9.9.9", "[::1]:9025", "[::1]", "192.168.1.20:9025", "[fe80::1]:443"])
    func loopbackNamesAndAddressesPass(authority: String) {
        #expect(HostCheck().allows(authority: authority))
    }

    @Test(arguments: ["evil.example", "evil.example:9025", "localhost.evil.example:9025", "127.0.0.1.nip.io:9025",
                      "evil-localhost:9025", "my-laptop.local:9025"])
    func otherNamesAreRefused(authority: String) {
        #expect(!HostCheck().allows(authority: authority))
        let refusal = HostCheck().refusal(authority: authority)
        #expect(refusal.status == .forbidden)
        #expect(refusal.body.contains("devkit serve --allowed-host \(HostCheck.hostName(ofAuthority: authority)!)"))
    }

    @Test(arguments: [nil, "", "[::1", "[::1]x", "localhost:90x", "::1", ":9025"] as [String?])
    func missingOrMalformedHostsAreBadRequests(authority: String?) {
        #expect(!HostCheck().allows(authority: authority))
        #expect(HostCheck().refusal(authority: authority).status == .badRequest)
    }

    @Test func allowedNamesPassWhateverTheirCase() {
        let check = HostCheck(allowing: ["My-Laptop.local"])
        #expect(check.allows(authority: "my-laptop.local:9025"))
        #expect(check.allows(authority: "MY-LAPTOP.LOCAL"))
        #expect(!check.allows(authority: "other.local:9025"))
    }
}
