import Foundation

/// Keeps devkit's private keys private: a key file that other users can read is set back to 0600
/// (and the user told, since the key may already have been copied); one devkit cannot fix stops
/// the server with the command that fixes it.
enum KeyPermissions {
    /// Fixes the mode of each key in `home` that exists; returns what it changed, in words.
    static func secure(_ home: DevkitHome) throws -> [String] {
        var notes: [String] = []
        for key in [home.caKey, home.leafKey] {
            var status = stat()
            guard stat(key.path, &status) == 0 else { continue }
            let mode = status.st_mode & 0o777
            guard mode & 0o077 != 0 else { continue }
            let shown = String(mode, radix: 8)
            guard chmod(key.path, 0o600) == 0 else {
                throw CertificateError("""
                    \(key.path) can be read by other users (mode \(shown)) and devkit cannot change that \
                    (\(SystemError.reason(errno))): run chmod 600 \(key.path)
                    """)
            }
            let exposure = key == home.caKey
                ? " If other people use this machine, make a new CA: devkit cert --regenerate (then trust it again)."
                : ""
            notes.append("\(key.lastPathComponent) could be read by other users (mode \(shown)); devkit set it to 600.\(exposure)")
        }
        return notes
    }
}
