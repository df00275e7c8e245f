import Crypto
import Foundation
import SwiftASN1
import X509

/// A local certificate authority in the manner of mkcert: a P-256 CA that the user trusts once, and a
/// leaf certificate for `localhost`, `127.0.0.1` and `::1` signed by it, renewed without asking.
public struct CertificateAuthority: Sendable {
    /// How long the CA lives.
    public static let caLifetime: TimeInterval = 10 * 365.25 * 24 * 3600
    /// How long a leaf lives (browsers accept at most 398 days).
    public static let leafLifetime: TimeInterval = 397 * 24 * 3600
    /// A leaf with less than this left is renewed.
    public static let renewalMargin: TimeInterval = 30 * 24 * 3600
    /// The names every leaf covers.
    public static let defaultNames = ["localhost", "127.0.0.1", "::1"]

    /// Where the files live.
    public let home: DevkitHome
    private let now: @Sendable () -> Date

    /// An authority keeping its files in `home`; `now` lets tests move the clock.
    public init(home: DevkitHome, now: @escaping @Sendable () -> Date = Date.init) {
        self.home = home
        self.now = now
    }

    /// What `ensure` did.
    public struct Outcome: Equatable, Sendable {
        /// A new CA was made (the user has to trust it).
        public var createdAuthority: Bool
        /// A new leaf was made.
        public var issuedLeaf: Bool
        /// Why the leaf was (re)issued, when it was.
        public var reason: String?
        /// What the user should know: a key whose mode devkit fixed, a CA that expires soon.
        public var notes: [String] = []
    }

    /// Makes the CA if there is none, and a leaf if there is none or it is near expiry, names other
    /// hosts, or was signed by another CA. Keys are written 0600, and set back to 0600 when found
    /// readable by others. A CA that exists but cannot be read, or has expired, is an error naming
    /// the fix: it is never replaced without asking, since the user's browsers trust it.
    @discardableResult
    public func ensure(names: [String] = defaultNames) throws -> Outcome {
        try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var outcome = Outcome(createdAuthority: false, issuedLeaf: false, reason: nil)
        outcome.notes = try KeyPermissions.secure(home)
        let authority: (certificate: Certificate, key: P256.Signing.PrivateKey)
        if let existing = try loadAuthorityIfPresent() {
            authority = existing
        } else {
            authority = try makeAuthority()
            outcome.createdAuthority = true
        }
        let expiry = authority.certificate.notValidAfter
        if expiry <= now() {
            throw CertificateError("""
                the local CA (\(home.caCertificate.path)) expired on \(Self.day(expiry)). \
                Make a new one with devkit cert --regenerate, then trust it again: devkit cert --install
                """)
        }
        if expiry.timeIntervalSince(now()) < Self.leafLifetime {
            outcome.notes.append("""
                warning: the local CA expires on \(Self.day(expiry)), and the localhost certificate with it. \
                Before then, run devkit cert --regenerate and trust the new CA (devkit cert --install).
                """)
        }
        if let reason = leafRenewalReason(names: names, authority: authority.certificate) {
            try issueLeaf(names: names, authority: authority)
            outcome.issuedLeaf = true
            outcome.reason = reason
        }
        return outcome
    }

    /// Throws away the leaf (and, when asked, the CA) and makes new ones.
    public func regenerate(includingAuthority: Bool, names: [String] = defaultNames) throws -> Outcome {
        let files = includingAuthority ? [home.leafCertificate, home.leafKey, home.caCertificate, home.caKey]
                                       : [home.leafCertificate, home.leafKey]
        for file in files { try? FileManager.default.removeItem(at: file) }
        return try ensure(names: names)
    }

    /// The CA certificate and key on disk; nil when neither file exists.
    func loadAuthorityIfPresent() throws -> (certificate: Certificate, key: P256.Signing.PrivateKey)? {
        let files = [home.caCertificate, home.caKey]
        let present = files.filter { FileManager.default.fileExists(atPath: $0.path) }
        if present.isEmpty { return nil }
        let fix = "Restore it from a backup, or make a new CA with devkit cert --regenerate and trust it again (devkit cert --install)."
        if let missing = files.first(where: { !present.contains($0) }) {
            throw CertificateError("\(missing.path) is missing beside \(present[0].lastPathComponent). \(fix)")
        }
        func read<Value>(_ url: URL, as what: String, _ parse: (String) throws -> Value) throws -> Value {
            do {
                return try parse(String(contentsOf: url, encoding: .utf8))
            } catch {
                throw CertificateError("\(url.path) is not a readable \(what) (truncated or corrupted?). \(fix)")
            }
        }
        let certificate = try read(home.caCertificate, as: "PEM certificate") { try Certificate(pemEncoded: $0) }
        let key = try read(home.caKey, as: "PEM private key") { try P256.Signing.PrivateKey(pemRepresentation: $0) }
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw CertificateError("\(home.caKey.path) does not belong to \(home.caCertificate.path). \(fix)")
        }
        return (certificate, key)
    }

    private static func day(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        return format.string(from: date)
    }

    /// Why the leaf on disk cannot be used as it is, or nil when it can.
    func leafRenewalReason(names: [String], authority: Certificate) -> String? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: home.leafCertificate.path) || fileManager.fileExists(atPath: home.leafKey.path)
        else { return "no certificate yet" }
        guard let text = try? String(contentsOf: home.leafCertificate, encoding: .utf8),
              let leaf = try? Certificate(pemEncoded: text),
              let keyText = try? String(contentsOf: home.leafKey, encoding: .utf8),
              let key = try? P256.Signing.PrivateKey(pemRepresentation: keyText)
        else { return "the certificate or its key could not be read" }
        if leaf.publicKey != Certificate.PublicKey(key.publicKey) { return "the key does not match the certificate" }
        if leaf.issuer != authority.subject || !authority.publicKey.isValidSignature(leaf.signature, for: leaf) {
            return "it was signed by another CA"
        }
        // A leaf already ending with its CA is not renewed again and again: a new one would end then too.
        if leaf.notValidAfter.timeIntervalSince(now()) < Self.renewalMargin, leaf.notValidAfter < authority.notValidAfter {
            return leaf.notValidAfter <= now() ? "it expired" : "it expires soon"
        }
        if leaf.notValidBefore > now() { return "it is not valid yet" }
        let covered = (try? leaf.extensions.subjectAlternativeNames.map { Set($0.map(Self.describe)) }) ?? nil
        if covered != Set(names) { return "its names changed" }
        return nil
    }

    private func makeAuthority() throws -> (certificate: Certificate, key: P256.Signing.PrivateKey) {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "user"
        let name = try DistinguishedName {
            OrganizationName("Calling DevKit development CA")
            OrganizationalUnitName("\(user)@\(ProcessInfo.processInfo.hostName)")
            CommonName("Calling DevKit local CA")
        }
        let start = now().addingTimeInterval(-3600)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: start, notValidAfter: start.addingTimeInterval(Self.caLifetime),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        try write(certificate.serializeAsPEM().pemString, to: home.caCertificate, mode: 0o644)
        try write(key.pemRepresentation, to: home.caKey, mode: 0o600)
        return (certificate, key)
    }

    private func issueLeaf(names: [String], authority: (certificate: Certificate, key: P256.Signing.PrivateKey)) throws {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let start = now().addingTimeInterval(-3600)
        let end = min(start.addingTimeInterval(Self.leafLifetime), authority.certificate.notValidAfter)
        let alternativeNames = try SubjectAlternativeNames(names.map(Self.generalName))
        let authorityKeyID = try authority.certificate.extensions.subjectKeyIdentifier?.keyIdentifier
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: start, notValidAfter: end,
            issuer: authority.certificate.subject,
            subject: try DistinguishedName {
                OrganizationName("Calling DevKit development certificate")
                CommonName(names.first ?? "localhost")
            },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                alternativeNames
                SubjectKeyIdentifier(hash: publicKey)
                if let authorityKeyID { AuthorityKeyIdentifier(keyIdentifier: authorityKeyID) }
            },
            issuerPrivateKey: Certificate.PrivateKey(authority.key))
        try write(key.pemRepresentation, to: home.leafKey, mode: 0o600)
        try write(certificate.serializeAsPEM().pemString, to: home.leafCertificate, mode: 0o644)
    }

    /// Writes through a temporary file created with the final mode, then renames it into place.
    private func write(_ text: String, to url: URL, mode: mode_t) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw CertificateError("cannot write \(url.path): \(SystemError.reason(errno))") }
        let failure = FileIO.writeAll(descriptor, text)
        fchmod(descriptor, mode)
        close(descriptor)
        if let failure { throw CertificateError("cannot write \(url.path): \(failure)") }
        guard rename(temporary.path, url.path) == 0 else {
            throw CertificateError("cannot write \(url.path): \(SystemError.reason(errno))")
        }
    }

    static func generalName(_ name: String) throws -> GeneralName {
        if let bytes = IPAddressBytes.parse(name) { return .ipAddress(ASN1OctetString(contentBytes: bytes[...])) }
        return .dnsName(name)
    }

    static func describe(_ name: GeneralName) -> String {
        switch name {
        case let .dnsName(dns): return dns
        case let .ipAddress(octets): return IPAddressBytes.format(Array(octets.bytes))
        default: return "\(name)"
        }
    }
}

/// A certificate problem, in words.
public struct CertificateError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
