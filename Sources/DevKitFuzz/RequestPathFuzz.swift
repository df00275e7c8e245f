#if DEBUG || DEVKIT_FUZZING
@testable import DevKit

/// Checks a request path against the root and a sub-path base; whatever it accepts is a site path that
/// cannot leave the site: no `.` or `..` segment (byte by byte), no backslash, NUL or `%`, no leading `/`,
/// and no dotfile.
enum RequestPathFuzz {
    static func run(_ text: String) {
        for base in ["/", "/docs/"] {
            for raw in [text, "/" + text] {
                guard case let .site(path)? = RequestPath.check(raw, basePath: base) else { continue }
                let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                let shown = "\(raw.debugDescription) under \(base) gave .site(\(path.debugDescription))"
                fuzzExpect(!segments.contains { $0.elementsEqual("..".utf8) || $0.elementsEqual(".".utf8) }, "dot segment: \(shown)")
                fuzzExpect(!segments.contains { $0.first == UInt8(ascii: ".") }, "dotfile: \(shown)")
                fuzzExpect(!path.utf8.contains(UInt8(ascii: "\\")) && !path.utf8.contains(0) && !path.utf8.contains(UInt8(ascii: "%")),
                           "backslash, NUL or %: \(shown)")
                fuzzExpect(path.utf8.first != UInt8(ascii: "/"), "absolute: \(shown)")
            }
        }
    }
}
#endif
