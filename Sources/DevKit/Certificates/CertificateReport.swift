import Crypto
import Foundation
import X509

/// What `devkit cert` prints: where the files are, their fingerprints and expiry, and how to trust
/// the CA on each system. Never the private keys.
public struct CertificateReport: Sendable {
    /// One certificate's public facts.
    public struct Entry: Sendable {
        public var path: String
        public var subject: String
        public var sha256: String
        public var notValidAfter: Date
    }

    /// The CA certificate.
    public var authority: Entry
    /// The localhost certificate.
    public var leaf: Entry
    /// The key files (paths only).
    public var keyPaths: [String]
    /// The CA file path.
    public var caPath: String

    /// Reads the certificates in `home` (run `CertificateAuthority.ensure` first).
    public init(home: DevkitHome) throws {
        func entry(_ url: URL) throws -> Entry {
            let certificate = try Certificate(pemEncoded: String(contentsOf: url, encoding: .utf8))
            let der = try certificate.serializeAsPEM().derBytes
            let digest = SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
            return Entry(path: url.path, subject: certificate.subject.description, sha256: digest,
                         notValidAfter: certificate.notValidAfter)
        }
        authority = try entry(home.caCertificate)
        leaf = try entry(home.leafCertificate)
        keyPaths = [home.caKey.path, home.leafKey.path]
        caPath = home.caCertificate.path
    }

    /// The whole report.
    public var text: String {
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withFullDate]
        let ca = caPath
        return """
            Local certificate authority
              file     \(authority.path)
              subject  \(authority.subject)
              SHA-256  \(authority.sha256)
              expires  \(dates.string(from: authority.notValidAfter))
            Server certificate (localhost, 127.0.0.1, ::1)
              file     \(leaf.path)
              SHA-256  \(leaf.sha256)
              expires  \(dates.string(from: leaf.notValidAfter)) (renewed automatically by devkit serve)
            Private keys (0600, never served): \(keyPaths.joined(separator: ", "))

            Trust the CA once, so browsers accept https://localhost:9025/ without a warning:
              Debian/Ubuntu (system):  sudo cp \(ca) /usr/local/share/ca-certificates/calling-devkit-ca.crt && sudo update-ca-certificates
              Chromium/Chrome/Firefox on Linux (NSS; apt install libnss3-tools):
                                       certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Calling DevKit local CA" -i \(ca)
              macOS:                   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain \(ca)
              Windows (admin):         certutil -addstore -f ROOT ca.pem
              Or on Debian, let devkit do it: devkit cert --install
            """
    }
}
