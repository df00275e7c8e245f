import Crypto
import Foundation

/// A response body the server can send, with its type and entity tag.
public struct ServedFile: Sendable, Equatable {
    /// The bytes.
    public var body: Data
    /// The `Content-Type`.
    public var contentType: String
    /// A strong `ETag`, quoted.
    public var etag: String

    /// A file with its tag computed from the bytes.
    public init(body: Data, contentType: String) {
        self.body = body
        self.contentType = contentType
        let digest = SHA256.hash(data: body)
        etag = "\"" + digest.prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }
}
