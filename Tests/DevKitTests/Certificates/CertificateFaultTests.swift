@testable import DevKit
import Foundation
import Testing
import X509

/// Broken certificate files: each is either fixed where that is safe (a leaf, a key's mode) or an
/// error naming the file and the fix, never a CA silently replaced behind the user's browsers.
@Suite struct CertificateFaultTests {
    private let year: TimeInterval = 365.25 * 24 * 3600

    /// A folder with a CA and a leaf made today; the folder lives as long as the value.
    private func madeHome() throws -> TemporaryDirectory {
        let temporary = try TemporaryDirectory()
        try CertificateAuthority(home: DevkitHome(url: temporary.url)).ensure()
        return temporary
    }

    private func mode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    @Test(arguments: ["garbage", "truncated", "empty"])
    func aDamagedCAIsAnErrorAndIsKept(damage: String) throws {
        for file in ["ca.pem", "ca-key.pem"] {
            let temporary = try madeHome()
            let home = DevkitHome(url: temporary.url)
            let url = temporary.url.appendingPathComponent(file)
            let original = try Data(contentsOf: url)
            let damaged = switch damage {
            case "garbage": Data("not a pem file\n".utf8)
            case "truncated": original.prefix(original.count / 2)
            default: Data()
            }
            try damaged.write(to: url)
            let error = #expect(throws: DevKit.CertificateError.self) { _ = try CertificateAuthority(home: home).ensure() }
            #expect(error?.description.hasPrefix("\(url.path) is not a readable PEM ") == true, "\(file): \(String(describing: error))")
            #expect(error?.description.contains("devkit cert --regenerate") == true)
            #expect(try Data(contentsOf: url) == damaged, "\(file) is left for the user to restore")
        }
    }

    @Test func aMissingHalfOfTheCAIsAnError() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        try FileManager.default.removeItem(at: home.caKey)
        let error = #expect(throws: DevKit.CertificateError.self) { _ = try CertificateAuthority(home: home).ensure() }
        #expect(error?.description.hasPrefix("\(home.caKey.path) is missing beside ca.pem.") == true)
    }

    @Test func aKeyOfAnotherCAIsAnError() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        let other = try madeHome()
        let otherHome = DevkitHome(url: other.url)
        try FileManager.default.removeItem(at: home.caKey)
        try FileManager.default.copyItem(at: otherHome.caKey, to: home.caKey)
        let error = #expect(throws: DevKit.CertificateError.self) { _ = try CertificateAuthority(home: home).ensure() }
        #expect(error?.description.hasPrefix("\(home.caKey.path) does not belong to \(home.caCertificate.path).") == true)
    }

    @Test func aDamagedLeafIsReissuedWithoutAsking() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        let ca = try Data(contentsOf: home.caCertificate)
        try Data("-----BEGIN CERTIFICATE-----\nAAAA".utf8).write(to: home.leafCertificate)
        let outcome = try CertificateAuthority(home: home).ensure()
        #expect(outcome == .init(createdAuthority: false, issuedLeaf: true, reason: "the certificate or its key could not be read"))
        #expect(try Data(contentsOf: home.caCertificate) == ca)
        _ = try Certificate(pemEncoded: String(contentsOf: home.leafCertificate, encoding: .utf8))
    }

    @Test func keysReadableByOthersAreSetTo600AndTheUserIsTold() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        chmod(home.caKey.path, 0o644)
        chmod(home.leafKey.path, 0o640)
        let outcome = try CertificateAuthority(home: home).ensure()
        #expect(try mode(home.caKey) == 0o600)
        #expect(try mode(home.leafKey) == 0o600)
        #expect(outcome.notes == [
            "ca-key.pem could be read by other users (mode 644); devkit set it to 600. If other people use this machine, make a new CA: devkit cert --regenerate (then trust it again).",
            "localhost-key.pem could be read by other users (mode 640); devkit set it to 600.",
        ])
        #expect(try CertificateAuthority(home: home).ensure().notes.isEmpty, "nothing to say the second time")
    }

    @Test func anExpiredLeafIsReissued() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        let later = Date().addingTimeInterval(2 * year)
        let outcome = try CertificateAuthority(home: home, now: { later }).ensure()
        #expect(outcome.issuedLeaf && outcome.reason == "it expired")
        #expect(try Certificate(pemEncoded: String(contentsOf: home.leafCertificate, encoding: .utf8)).notValidAfter > later)
    }

    @Test func anExpiredCAIsAnErrorWithTheFix() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        let later = Date().addingTimeInterval(11 * year)
        let error = #expect(throws: DevKit.CertificateError.self) { _ = try CertificateAuthority(home: home, now: { later }).ensure() }
        #expect(error?.description.contains("expired on") == true)
        #expect(error?.description.hasSuffix("Make a new one with devkit cert --regenerate, then trust it again: devkit cert --install") == true)
    }

    @Test func aCAEndingBeforeALeafWouldIsAWarningAndTheLeafEndsWithIt() throws {
        let temporary = try madeHome()
        let home = DevkitHome(url: temporary.url)
        let ca = try Certificate(pemEncoded: String(contentsOf: home.caCertificate, encoding: .utf8))
        let nearTheEnd = ca.notValidAfter.addingTimeInterval(-100 * 24 * 3600)
        let first = try CertificateAuthority(home: home, now: { nearTheEnd }).ensure()
        #expect(first.issuedLeaf)
        #expect(first.notes.count == 1 && first.notes[0].hasPrefix("warning: the local CA expires on "))
        let leaf = try Certificate(pemEncoded: String(contentsOf: home.leafCertificate, encoding: .utf8))
        #expect(leaf.notValidAfter == ca.notValidAfter)

        // Close to the end, the capped leaf is not reissued on every start: a new one would end then too.
        let lastWeeks = ca.notValidAfter.addingTimeInterval(-10 * 24 * 3600)
        let again = try CertificateAuthority(home: home, now: { lastWeeks }).ensure()
        #expect(!again.issuedLeaf)
        #expect(again.notes.count == 1)
    }
}
