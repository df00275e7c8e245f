import Foundation

/// Adds the local CA to the trust stores of a Debian or Ubuntu machine: the system store
/// (update-ca-certificates) and, where certutil is installed, the NSS databases Chromium and Firefox use.
public struct TrustStoreInstaller: Sendable {
    let home: DevkitHome
    /// The folder update-ca-certificates reads.
    var systemFolder = URL(fileURLWithPath: "/usr/local/share/ca-certificates")
    /// The user's home, where the NSS databases live.
    var userHome = FileManager.default.homeDirectoryForCurrentUser

    /// An installer for the CA in `home`.
    public init(home: DevkitHome) {
        self.home = home
    }

    /// Installs the CA everywhere it can and returns one line per change (or failure).
    public func install() -> [String] {
        var report: [String] = []
        let target = systemFolder.appendingPathComponent("calling-devkit-ca.crt")
        if let updater = Self.which("update-ca-certificates") {
            do {
                try FileManager.default.createDirectory(at: systemFolder, withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
                try FileManager.default.copyItem(at: home.caCertificate, to: target)
                let status = Self.run(updater, [])
                report.append(status == 0 ? "system store: added \(target.path) and ran update-ca-certificates"
                                          : "system store: update-ca-certificates failed (exit \(status)); are you root? try: sudo devkit cert --install")
            } catch {
                report.append("system store: cannot write \(target.path) (\(SystemError.reason(error))); try: sudo devkit cert --install")
            }
        } else {
            report.append("system store: update-ca-certificates not found (apt install ca-certificates)")
        }
        guard let certutil = Self.which("certutil") else {
            report.append("browsers (NSS): certutil not found; install libnss3-tools and run devkit cert --install again")
            return report
        }
        var databases = [userHome.appendingPathComponent(".pki/nssdb")]
        let firefox = userHome.appendingPathComponent(".mozilla/firefox")
        for profile in (try? FileManager.default.contentsOfDirectory(atPath: firefox.path)) ?? []
        where FileManager.default.fileExists(atPath: firefox.appendingPathComponent(profile + "/cert9.db").path) {
            databases.append(firefox.appendingPathComponent(profile))
        }
        for database in databases {
            try? FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: database.appendingPathComponent("cert9.db").path) {
                _ = Self.run(certutil, ["-d", "sql:" + database.path, "-N", "--empty-password"])
            }
            let status = Self.run(certutil, ["-d", "sql:" + database.path, "-A", "-t", "C,,", "-n", "Calling DevKit local CA",
                                             "-i", home.caCertificate.path])
            report.append(status == 0 ? "browsers (NSS): trusted in \(database.path)" : "browsers (NSS): certutil failed for \(database.path)")
        }
        return report
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        return paths.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        } catch {
            return -1
        }
    }
}
