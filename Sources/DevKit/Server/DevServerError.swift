/// Why `devkit serve` could not start.
public enum DevServerError: Error, CustomStringConvertible, Equatable {
    /// Someone else listens on the port.
    case portInUse(Int)
    /// The address cannot be bound.
    case cannotBind(String, Int, String)

    public var description: String {
        switch self {
        case let .portInUse(port):
            "port \(port) is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)"
        case let .cannotBind(host, port, reason):
            "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
