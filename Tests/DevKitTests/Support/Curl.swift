import Foundation

/// curl as an HTTPS client that verifies the server against a given CA, the way a user's browser would.
enum Curl {
    struct Response {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs curl with `--cacert ca` and the arguments.
    static func run(_ arguments: [String], ca: String) throws -> Response {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--show-error", "--max-time", "20", "--cacert", ca] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Response(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                        error: String(decoding: errorData, as: UTF8.self))
    }
}
