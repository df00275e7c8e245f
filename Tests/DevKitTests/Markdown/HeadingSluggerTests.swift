@testable import DevKit
import Testing

@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("callEnded(p)", "callendedp"),
        ("What's `SYNC_ACK`?", "whats-sync_ack"),
        ("Details & more", "details--more"),
        ("  Leading and trailing  ", "--leading-and-trailing--"),
        ("Ünïcödé Überschrift", "ünïcödé-überschrift"),
        ("電話拡張 SDK", "電話拡張-sdk"),
        ("Emoji 🎉 party", "emoji--party"),
        ("A.B/C:D", "abcd"),
        ("-- dashes --", "---dashes---"),
    ])
    func followsGitHubRules(text: String, slug: String) {
        #expect(HeadingSlugger.slug(text) == slug)
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugger = HeadingSlugger()
        #expect(["Intro", "Intro", "Intro-1", "Intro"].map { slugger.slug(for: $0) } == ["intro", "intro-1", "intro-1-1", "intro-2"])
    }
}
