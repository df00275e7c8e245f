import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// The routes of `devkit serve`: the reload channel and its script, then every other path answered
/// from the live site, each behind the `Host` check. Every response carries
/// `X-Content-Type-Options: nosniff` and `Cache-Control: no-cache`, and none a CORS header.
public struct SiteRoutes: Sendable {
    let site: LiveSite
    let hub: ReloadHub
    let hostCheck: HostCheck
    let activity: ServerActivity

    /// Routes over a live site and its reload hub.
    init(site: LiveSite, hub: ReloadHub, hostCheck: HostCheck = HostCheck(), activity: ServerActivity = ServerActivity()) {
        self.site = site
        self.hub = hub
        self.hostCheck = hostCheck
        self.activity = activity
    }

    /// A router with every route.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServerActivityMiddleware(activity: activity))
        router.add(middleware: HostCheckMiddleware(check: hostCheck))
        router.get(RouterPath(ReloadClient.eventsPath)) { _, _ in try await events() }
        router.get(RouterPath(ReloadClient.scriptPath)) { request, _ in
            respond(.ok, ServedFile(body: Data(ReloadClient.source.utf8), contentType: "text/javascript; charset=utf-8"), request)
        }
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/", method: method) { request, _ in await serve(request) }
            router.on("**", method: method) { request, _ in await serve(request) }
        }
        return router
    }

    private func serve(_ request: Request) async -> Response {
        guard let checked = RequestPath.check(request.uri.path, basePath: site.basePath) else {
            if request.uri.path == "/" || request.uri.path.isEmpty {
                return redirect(site.basePath)
            }
            return await notFound(request)
        }
        switch checked {
        case .rejected:
            return respond(.badRequest, ServedFile(body: Data("Bad request path\n".utf8), contentType: "text/plain; charset=utf-8"), request)
        case .hidden:
            return await notFound(request)
        case let .site(path):
            let frame = request.headers[HTTPField.Name("Sec-Fetch-Dest")!] == "iframe"
            switch await site.resolve(path, frame: frame) {
            case let .file(file): return respond(.ok, file, request, vary: path.isEmpty)
            case let .redirect(location): return redirect(location)
            case let .notFound(file): return respond(.notFound, file, request)
            case let .buildFailed(file): return respond(.internalServerError, file, request)
            }
        }
    }

    private func notFound(_ request: Request) async -> Response {
        respond(.notFound, await site.notFoundPage(), request)
    }

    private func redirect(_ location: String) -> Response {
        var headers = Self.commonHeaders
        headers[.location] = location
        return Response(status: .movedPermanently, headers: headers)
    }

    /// The file as the request accepts it: gzipped text when the browser takes gzip, with its own ETag.
    private func respond(_ status: HTTPResponse.Status, _ file: ServedFile, _ request: Request, vary: Bool = false) -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = file.contentType
        var body = file.body
        var etag = file.etag
        var varies = vary ? ["Sec-Fetch-Dest"] : []
        if CompressedBodies.worthCompressing(file) {
            varies.append("Accept-Encoding")
            if CompressedBodies.accepts(request.headers[.acceptEncoding]), let gzipped = site.compressedBodies.gzipped(file) {
                body = gzipped
                etag = String(file.etag.dropLast()) + "-gzip\""
                headers[.contentEncoding] = "gzip"
            }
        }
        headers[.eTag] = etag
        if !varies.isEmpty { headers[.vary] = varies.joined(separator: ", ") }
        if status == .ok, let tags = request.headers[.ifNoneMatch],
           tags.split(separator: ",").contains(where: { $0.trimmedWhitespace() == etag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func events() async throws -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = "text/event-stream"
        let greeting = await site.status()
        let stream = hub.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { [activity] writer in
            // A stream that ends frees its connection's buffers: that counts as activity too.
            defer { activity.record() }
            try await writer.write(ByteBuffer(string: "retry: 1000\n" + greeting.wireFormat))
            for await event in stream { // the hub ends every stream on shutdown
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        })
    }

    static let commonHeaders: HTTPFields = [
        .cacheControl: "no-cache",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
    ]
}
