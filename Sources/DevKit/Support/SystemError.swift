import Foundation

/// A failed system call's `errno`, and the words for it: the same everywhere devkit prints one.
struct SystemError: Error, CustomStringConvertible {
    let code: Int32

    init(code: Int32) { self.code = code }

    /// The reason, as printed.
    var description: String { Self.reason(code) }
    /// The reason, as printed.
    var reason: String { Self.reason(code) }

    /// The reason for an `errno` value.
    static func reason(_ code: Int32) -> String {
        code == ENOENT ? "no such file or folder" : String(cString: strerror(code))
    }

    /// The reason for an error thrown by Foundation's file APIs.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return reason(code.rawValue)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return reason(EACCES)
            case NSFileWriteOutOfSpaceError: return reason(ENOSPC)
            case NSFileWriteVolumeReadOnlyError: return reason(EROFS)
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return reason(ENOENT)
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
