import Foundation

/// A real `devkit serve` process on a free port, with its own certificate folder.
final class ServerProcess {
    let process = Process()
    let home: URL
    private let output = OutputBuffer()
    private(set) var port = 0

    /// Starts `devkit serve --port 0 arguments…` and waits until it says where it listens.
    init(arguments: [String], home: URL, in directory: URL? = nil) throws {
        self.home = home
        process.executableURL = DevkitProcess.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["DEVKIT_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        output.collect(pipe)
        try process.run()
        let line = try waitForOutput(matching: "Serving https://localhost:")
        let digits = line.split(separator: "Serving https://localhost:")[0].prefix { $0.isNumber }
        port = Int(digits) ?? 0
    }

    deinit {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Everything the server printed so far.
    var printed: String { output.text }

    /// Waits (up to `timeout` seconds) until the output contains `text`; returns the output after it.
    @discardableResult
    func waitForOutput(matching text: String, after offset: String.Index? = nil, timeout: TimeInterval = 30) throws -> Substring {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let current = output.text
            if let range = current.range(of: text) { return current[range.upperBound...] }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServerProcessError(message: "no '\(text)' from devkit serve; it printed:\n\(output.text)")
    }

    /// The CA the server's certificate chains to.
    var caFile: String { home.appendingPathComponent("ca.pem").path }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Bytes a process writes, collected from its reader thread.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    /// Reads `pipe` on a thread of its own until the writer closes it. (Not with `readabilityHandler`:
    /// Foundation's handler leaves a weak reference's side table behind for every pipe, which
    /// LeakSanitizer reports.)
    func collect(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData // blocks until there is output; empty at the end
                if chunk.isEmpty { return }
                append(chunk)
            }
        }
    }

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
