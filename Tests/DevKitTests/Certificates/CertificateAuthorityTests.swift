@testable import DevKit
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite struct CertificateAuthorityTests {
    private func load(_ url: URL) throws -> Certificate {
        try Certificate(pemEncoded: String(contentsOf: url, encoding: .utf8))
    }

    @Test func firstRunMakesACAAndALeafSignedByIt() async throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url.appendingPathComponent("home"))
        let outcome = try CertificateAuthority(home: home).ensure()
        #expect(outcome == .init(createdAuthority: true, issuedLeaf: true, reason: "no certificate yet"))

        let ca = try load(home.caCertificate)
        let leaf = try load(home.leafCertificate)
        #expect(ca.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(ca.notValidAfter.timeIntervalSince(ca.notValidBefore) > 9.9 * 365 * 24 * 3600)
        #expect(leaf.notValidAfter.timeIntervalSince(leaf.notValidBefore) <= 397 * 24 * 3600)
        #expect(try leaf.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        let names = try #require(try leaf.extensions.subjectAlternativeNames)
        #expect(Set(names.map(CertificateAuthority.describe)) == ["localhost", "127.0.0.1", "::1"])

        var verifier = Verifier(rootCertificates: CertificateStore([ca])) { RFC5280Policy(validationTime: Date()) }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore())
        guard case .validCertificate = result else {
            Issue.record("the leaf does not chain to the CA: \(result)")
            return
        }

        for key in [home.caKey, home.leafKey] {
            let mode = try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(key.lastPathComponent) must be 0600")
        }
    }

    @Test func secondRunChangesNothing() throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url)
        try CertificateAuthority(home: home).ensure()
        let before = try Data(contentsOf: home.leafCertificate)
        #expect(try CertificateAuthority(home: home).ensure() == .init(createdAuthority: false, issuedLeaf: false, reason: nil))
        #expect(try Data(contentsOf: home.leafCertificate) == before)
    }

    @Test func leafNearExpiryIsRenewedAndTheCAKept() throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url)
        try CertificateAuthority(home: home).ensure()
        let ca = try Data(contentsOf: home.caCertificate)
        let later = Date().addingTimeInterval(380 * 24 * 3600)
        let outcome = try CertificateAuthority(home: home, now: { later }).ensure()
        #expect(outcome == .init(createdAuthority: false, issuedLeaf: true, reason: "it expires soon"))
        #expect(try Data(contentsOf: home.caCertificate) == ca)
        #expect(try load(home.leafCertificate).notValidAfter > later.addingTimeInterval(300 * 24 * 3600))
    }

    @Test func leafIsRenewedWhenTheNamesChange() throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url)
        try CertificateAuthority(home: home).ensure()
        let outcome = try CertificateAuthority(home: home).ensure(names: ["localhost", "127.0.0.1", "::1", "devkit.test"])
        #expect(outcome.reason == "its names changed")
    }

    @Test func leafFromAnotherCAIsReplaced() throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url.appendingPathComponent("a"))
        let other = DevkitHome(url: temporary.url.appendingPathComponent("b"))
        try CertificateAuthority(home: home).ensure()
        try CertificateAuthority(home: other).ensure()
        try FileManager.default.removeItem(at: home.leafCertificate)
        try FileManager.default.removeItem(at: home.leafKey)
        try FileManager.default.copyItem(at: other.leafCertificate, to: home.leafCertificate)
        try FileManager.default.copyItem(at: other.leafKey, to: home.leafKey)
        #expect(try CertificateAuthority(home: home).ensure().reason == "it was signed by another CA")
    }

    @Test func reportNeverShowsKeys() throws {
        let temporary = try TemporaryDirectory()
        let home = DevkitHome(url: temporary.url)
        try CertificateAuthority(home: home).ensure()
        let text = try CertificateReport(home: home).text
        #expect(!text.contains("PRIVATE KEY"))
        #expect(text.contains("update-ca-certificates"))
        #expect(text.contains("security add-trusted-cert"))
        #expect(text.contains("certutil -addstore"))
        #expect(text.contains("certutil -d sql:$HOME/.pki/nssdb"))
        let caKey = try String(contentsOf: home.caKey, encoding: .utf8)
        let body = caKey.split(separator: "\n").dropFirst().first.map(String.init) ?? "unlikely"
        #expect(!text.contains(body))
    }
}
