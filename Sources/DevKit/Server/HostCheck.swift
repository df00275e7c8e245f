import Hummingbird

/// Refuses a request whose `Host` is not this machine, the way Vite and webpack-dev-server do: a web
/// page elsewhere could otherwise read the dev server through a DNS name it rebinds to 127.0.0.1.
/// Loopback names, any IP address (a rebinding attack needs a name) and the names given with
/// `--allowed-host` pass; everything else, a missing `Host` included, gets 403 and a way out.
public struct HostCheck: Sendable {
    /// Names allowed besides loopback names and IP addresses, lower-cased.
    public let extraNames: Set<String>

    /// A check that also lets `names` through (`--allowed-host`, the `--host` a server binds).
    public init(allowing names: [String] = []) {
        extraNames = Set(names.map { $0.lowercased() })
    }

    /// Whether a request with this `Host` header (`localhost:9025`, `[::1]:9025`, nil) is served.
    public func allows(authority: String?) -> Bool {
        guard let name = Self.hostName(ofAuthority: authority) else { return false }
        return LoopbackHost.contains(name) || IPAddressBytes.parse(name) != nil || extraNames.contains(name)
    }

    /// The name of a `Host` header without its port and brackets, lower-cased; nil when malformed.
    static func hostName(ofAuthority authority: String?) -> String? {
        guard var text = authority?.lowercased(), !text.isEmpty else { return nil }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if let colon = text.lastIndex(of: ":") {
            guard text[text.index(after: colon)...].allSatisfy(\.isNumber) else { return nil }
            text = String(text[..<colon])
        }
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty, !text.contains(":") else { return nil }
        return text
    }

    /// The answer to a refused request.
    func refusal(authority: String?) -> (status: HTTPResponse.Status, body: String) {
        guard let name = Self.hostName(ofAuthority: authority) else {
            return (.badRequest, "Bad request: a missing or malformed Host header.\n")
        }
        return (.forbidden, """
            Blocked request: this dev server answers only to loopback names and IP addresses, not "\(name)" \
            (a page could otherwise read it through a rebound DNS name). If "\(name)" is yours, \
            restart with: devkit serve --allowed-host \(name)

            """)
    }
}

/// The router middleware that applies a `HostCheck` to every route.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let check: HostCheck

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority
        guard check.allows(authority: authority) else {
            let refusal = check.refusal(authority: authority)
            var headers = SiteRoutes.commonHeaders
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.contentLength] = String(refusal.body.utf8.count)
            return Response(status: refusal.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: refusal.body)))
        }
        return try await next(request, context)
    }
}
