@testable import DevKit
import Foundation
import Testing

/// How text becomes search terms; `tokens.json` carries the same cases to the JavaScript tokenizer,
/// which must agree term for term (`Tests/js/search-tokenizer.test.mjs`).
@Suite struct SearchTokenizerTests {
    private func terms(_ text: String) -> [String] {
        SearchTokenizer.tokens(in: text).map(\.term)
    }

    @Test func wordsAreLowerCasedAndSplitAtAnythingElse() {
        #expect(terms("Extract a (compressed) archive, verbosely!") == ["extract", "a", "compressed", "archive", "verbosely"])
        #expect(terms("path/to/file  x+y=z") == ["path", "to", "file", "x", "y", "z"])
    }

    @Test func identifiersStayWholeAndTheirPiecesAreTermsToo() {
        #expect(SearchTokenizer.tokens(in: "onDialNumber") == [
            SearchToken(term: "ondialnumber", kind: .word), SearchToken(term: "on", kind: .part),
            SearchToken(term: "dial", kind: .part), SearchToken(term: "number", kind: .part),
        ])
        #expect(terms("SET_WIDGET_URL") == ["set_widget_url", "set", "widget", "url"])
        #expect(terms("calling-extensions.js") == ["calling-extensions.js", "calling", "extensions", "js"])
        #expect(terms("HTMLParser utf8Decode") == ["htmlparser", "html", "parser", "utf8decode", "utf8", "decode"])
        #expect(terms("v0.9.6") == ["v0.9.6", "v0", "9", "6"])
    }

    @Test func dashesAndDotsOutsideAWordSeparate() {
        #expect(terms("tar -xvf --directory=out. end.") == ["tar", "xvf", "directory", "out", "end"])
        #expect(terms("a--b a.-b") == ["a", "b", "a", "b"])
    }

    @Test func cjkRunsGiveOverlappingBigrams() {
        #expect(terms("発信ボタン") == ["発信", "信ボ", "ボタ", "タン"])
        #expect(terms("着信") == ["着信"])
        #expect(terms("着") == ["着"])
        #expect(SearchTokenizer.tokens(in: "API呼び出し") == [
            SearchToken(term: "api", kind: .word), SearchToken(term: "呼び", kind: .cjk),
            SearchToken(term: "び出", kind: .cjk), SearchToken(term: "出し", kind: .cjk),
        ])
        #expect(terms("한국어 검색") == ["한국", "국어", "검색"])
        #expect(terms("テスト・ガイド、です。") == ["テス", "スト", "ガイ", "イド", "です"])
    }

    @Test func textIsNormalisedLikeTheQuery() {
        #expect(terms("ＡＢＣ ﾃｽﾄ ΟΔΟΣ Straße") == ["abc", "テス", "スト", "οδοσ", "straße"])
        #expect(terms("ｶﾞ") == ["ガ"]) // half-width kana are normalised one by one
        #expect(terms("café") == ["café"])
    }

    @Test func overlongWordsAreDroppedButTheirPiecesStay() {
        let long = String(repeating: "a", count: 65)
        #expect(terms(long).isEmpty)
        #expect(terms("\(long)-b") == [long, "b"].filter { $0.count <= 64 })
        #expect(terms(String(repeating: "b", count: 64)) == [String(repeating: "b", count: 64)])
    }

    /// The cases shared with the JavaScript tokenizer.
    static let sharedCases = [
        "Extract a (compressed) archive [f]ile verbosely:", "tar -xvf {{path/to/source.tar[.gz|.bz2|.xz]}}",
        "onDialNumber SET_WIDGET_URL calling-extensions.js @hubspot/calling-extensions-sdk", "HTMLParser utf8Decode iOS macOS",
        "v0.9.6 3.14 e.g. a--b _private __proto__ x_", "発信ボタン 着信をテストする 電話拡張SDKを読み込みます。",
        "API呼び出し 着 々 〇〇", "한국어 검색 ｶﾞｲﾄﾞ ＡＢＣ１２３", "ΟΔΟΣ Σίσυφος Straße İstanbul ǅemal",
        "café naïve e\u{301}t\u{301}é ﬁle ½ ² ①", "😀 emoji 𠮷野家 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", String(repeating: "x", count: 70) + "-y",
        "Ünïcödé-Wörd_Mix", "a.b.c.d-e_f-gH", "",
    ]

    /// Writes (with DEVKIT_UPDATE_GOLDEN=1) or checks `tokens.json`: each case's terms and kinds.
    @Test func sharedCasesMatchTheGoldenFile() throws {
        var writer = SearchJSONWriter()
        writer.raw("{\"cases\":[\n")
        for (index, text) in Self.sharedCases.enumerated() {
            if index > 0 { writer.raw(",\n") }
            writer.raw("{\"text\":")
            writer.string(text)
            writer.raw(",\"tokens\":[")
            for (position, token) in SearchTokenizer.tokens(in: text).enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("[")
                writer.string(token.term)
                writer.raw(",")
                writer.string(token.kind.rawValue)
                writer.raw("]")
            }
            writer.raw("]}")
        }
        writer.raw("\n]}\n")
        let file = SearchFixtures.folder.appendingPathComponent("tokens.json")
        if SearchFixtures.updatingGolden {
            try Data(writer.bytes).write(to: file)
            Issue.record("rewrote \(file.path); rerun without DEVKIT_UPDATE_GOLDEN")
            return
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == writer.string, "tokens.json is out of date: DEVKIT_UPDATE_GOLDEN=1 swift test")
    }
}
