import Crypto
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Connects to the widget's server before the browser does: a widget that is not running fails at
/// once with the reason, and for an HTTPS widget on a loopback address it learns the certificate the
/// server presents, so the browser can accept exactly that one (dev servers use self-signed ones).
public enum WidgetProbe {
    /// What the probe found.
    public enum Outcome: Equatable, Sendable {
        /// The server answered; `certificateKey` is the SPKI pin of its certificate when the browser
        /// should accept it (HTTPS on a loopback host), else nil.
        case reachable(certificateKey: String?)
        /// The server did not answer: why.
        case unreachable(String)
    }


    /// Connects to the URL's host and port (TLS for https) within `timeout` seconds; `localhost` is
    /// tried on 127.0.0.1, then on ::1 (where dev servers that listen on "localhost" often are).
    public static func probe(_ url: URL, timeout: TimeInterval = 3) async -> Outcome {
        guard let rawHost = url.host, let scheme = url.scheme?.lowercased() else { return .unreachable("\(url.absoluteString) has no host") }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        var first: Outcome?
        for address in host.lowercased() == "localhost" ? ["127.0.0.1", "::1"] : [host] {
            let outcome = await attempt(host: host, address: address, port: port, tls: scheme == "https", timeout: timeout)
            if case .reachable = outcome { return outcome }
            first = first ?? outcome
        }
        return first ?? .unreachable("cannot connect to \(host):\(port)")
    }

    private static func attempt(host: String, address: String, port: Int, tls: Bool, timeout: TimeInterval) async -> Outcome {
        let captured = LockedValue<NIOSSLCertificate?>(nil)
        let handshake = LockedValue<EventLoopPromise<Void>?>(nil)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(timeout * 1000)))
            .channelInitializer { channel in
                guard tls else { return channel.eventLoop.makeSucceededVoidFuture() }
                let promise = channel.eventLoop.makePromise(of: Void.self)
                handshake.withValue { $0 = promise }
                return channel.eventLoop.makeCompletedFuture {
                    do {
                        var configuration = TLSConfiguration.makeClientConfiguration()
                        configuration.certificateVerification = .noHostnameVerification
                        let context = try NIOSSLContext(configuration: configuration)
                        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
                        let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host) { certificates, verdict in
                            // Accept whatever the server shows: the point is to learn it, not to judge it.
                            captured.withValue { $0 = certificates.first }
                            verdict.succeed(.certificateVerified)
                            promise.succeed() // the certificate is all the probe needs
                        }
                        try channel.pipeline.syncOperations.addHandler(handler)
                        try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: promise))
                    } catch {
                        promise.fail(error)
                        throw error
                    }
                }
            }
        do {
            let channel = try await bootstrap.connect(host: address, port: port).get()
            defer { channel.close(promise: nil) }
            if let promise = handshake.withValue({ $0 }) {
                let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
                    promise.fail(ProbeTimeout())
                }
                defer { timer.cancel() }
                try await promise.futureResult.get()
            }
        } catch is ProbeTimeout {
            return .unreachable("\(host):\(port) accepted the connection but did not show a TLS certificate within \(Self.seconds(timeout))")
        } catch {
            return .unreachable("cannot connect to \(host):\(port) (\(Self.describe(error)))")
        }
        guard tls, LoopbackHost.contains(host), let certificate = captured.withValue({ $0 }) else { return .reachable(certificateKey: nil) }
        return .reachable(certificateKey: try? publicKeyPin(of: certificate))
    }

    /// Chromium's pin for a certificate: base64 of the SHA-256 of its SubjectPublicKeyInfo.
    public static func publicKeyPin(of certificate: NIOSSLCertificate) throws -> String {
        let spki = try certificate.extractPublicKey().toSPKIBytes()
        return Data(SHA256.hash(data: spki)).base64EncodedString()
    }

    /// The pin of the first certificate in a PEM file.
    public static func publicKeyPin(pemFile: URL) throws -> String {
        guard let first = try NIOSSLCertificate.fromPEMFile(pemFile.path).first else {
            throw CheckError.simulatorUnavailable("no certificate in \(pemFile.path)")
        }
        return try publicKeyPin(of: first)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError, let last = error.connectionErrors.last { return describe(last.error) }
        if let error = error as? IOError { return SystemError.reason(error.errnoCode).lowercased() }
        if error is ChannelError { return "timed out" }
        return "\(error)"
    }

    static func seconds(_ value: TimeInterval) -> String {
        value.rounded() == value ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    private struct ProbeTimeout: Error {}

    /// Fails the handshake's promise on the first error, or when the connection ends before the server
    /// showed its certificate.
    private final class HandshakeWatcher: ChannelInboundHandler, Sendable {
        typealias InboundIn = NIOAny
        let promise: EventLoopPromise<Void>

        init(promise: EventLoopPromise<Void>) {
            self.promise = promise
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(ChannelError.eof)
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            promise.fail(ChannelError.eof) // never leave the promise open (a failed connect never activates)
        }
    }
}
