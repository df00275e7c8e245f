import Foundation

/// curl as an HTTPS client that verifies the server against a given CA, the way a user's browser would.
enum Curl {
    /// Runs curl with `--cacert ca` and the arguments; `output` is the body (or what `--write-out` asks for).
    static func run(_ arguments: [String], ca: String) throws -> (status: Int32, output: String, error: String) {
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/curl"),
                                          ["--silent", "--show-error", "--max-time", "20", "--cacert", ca] + arguments)
        return (result.status, result.standardOutput, result.standardError)
    }
}
