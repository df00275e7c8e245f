import Foundation

/// The folder where devkit keeps its local CA and certificates: `$DEVKIT_HOME`, else `~/.devkit`.
public struct DevkitHome: Sendable, Equatable {
    /// The folder.
    public let url: URL

    /// The folder named by the environment, else `~/.devkit`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let path = environment["DEVKIT_HOME"], !path.isEmpty {
            url = URL(fileURLWithPath: path).standardizedFileURL
        } else {
            url = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".devkit")
        }
    }

    /// A specific folder.
    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The CA certificate users trust once.
    public var caCertificate: URL { url.appendingPathComponent("ca.pem") }
    /// The CA's private key (0600, never served or printed).
    public var caKey: URL { url.appendingPathComponent("ca-key.pem") }
    /// The server certificate for localhost.
    public var leafCertificate: URL { url.appendingPathComponent("localhost.pem") }
    /// The server's private key (0600).
    public var leafKey: URL { url.appendingPathComponent("localhost-key.pem") }
}
