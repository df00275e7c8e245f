import Foundation

/// A Server-Sent Events stream read with `curl -N`, as the page's EventSource reads it.
final class EventStream {
    private let process = Process()
    private let buffer = OutputBuffer()
    private var consumed = 0

    init(url: String, ca: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--no-buffer", "--cacert", ca, url]
        let pipe = Pipe()
        process.standardOutput = pipe
        buffer.collect(pipe)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Forgets what arrived so far.
    func clear() { consumed = buffer.text.utf8.count }

    /// Waits until `text` arrives after the last `clear` or match.
    func wait(for text: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = buffer.text
            let fresh = String(decoding: Array(all.utf8.dropFirst(consumed)), as: UTF8.self)
            if let range = fresh.range(of: text) {
                consumed += fresh[..<range.upperBound].utf8.count
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServerProcessError(message: "no '\(text)' on the reload stream; got:\n\(buffer.text)")
    }
}
