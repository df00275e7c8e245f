@testable import DevKit
import Testing

/// Paths scripts/fuzz found (request-path target): each got past `RequestPath.check` as a site path that
/// breaks its promise, because the check compared Characters, in which a `/` or `\` can hide.
@Suite struct RequestPathFuzzFindingsTests {
    /// U+0600 (a grapheme "prepend" mark) joins the `/` after it into one Character, so splitting on
    /// Characters missed that `..` segment.
    @Test(arguments: ["/x%D8%80/../etc/passwd", "/x\u{600}/../etc/passwd", "/docs/a%D8%80/./b"])
    func dotSegmentsAfterAPrependMarkAreRejected(path: String) {
        #expect(RequestPath.check(path) == .rejected)
        #expect(RequestPath.check(path, basePath: "/docs/") == .rejected)
    }

    /// `\` followed by a combining mark is one Character, so `contains("\\")` missed it.
    @Test(arguments: ["/a%5C%CC%81b", "/a\\\u{301}b"])
    func backslashesBeforeACombiningMarkAreRejected(path: String) {
        #expect(RequestPath.check(path) == .rejected)
    }

    /// A dotfile hidden behind a prepend mark is still a dotfile.
    @Test func dotfilesAfterAPrependMarkAreHidden() {
        #expect(RequestPath.check("/x%D8%80/.git/config") == .hidden)
    }

    /// `//` made a site path starting with `/`.
    @Test(arguments: ["//etc/passwd", "/guides//testing/", "/docs//x"])
    func emptySegmentsAreRejected(path: String) {
        #expect(RequestPath.check(path) == .rejected)
        #expect(RequestPath.check(path, basePath: "/docs/") == .rejected)
    }

    /// Ordinary paths, with non-ASCII names, are unchanged.
    @Test func ordinaryPathsStillPass() {
        #expect(RequestPath.check("/guides/testing/") == .site("guides/testing/"))
        #expect(RequestPath.check("/caf%C3%A9/e\u{301}.png") == .site("café/e\u{301}.png"))
        #expect(RequestPath.check("/docs", basePath: "/docs/") == .site(""))
    }
}
