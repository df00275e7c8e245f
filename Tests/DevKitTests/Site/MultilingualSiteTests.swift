@testable import DevKit
import Foundation
import Testing

/// A site in two languages: the default at the root and Japanese under `/ja/`, paired page by page.
@Suite struct MultilingualSiteTests {
    private static let configuration = """
        name: Docs
        languages:
          - code: en
            name: English
          - code: ja
            name: 日本語

        """

    /// A two-language site; `extra` adds or replaces files. Returns the built files and the summary.
    private func build(_ extra: [String: String] = [:], baseURL: String = "/") throws -> ([String: String], BuildSummary) {
        let temporary = try TemporaryDirectory()
        var files = [
            "site/config.yml": Self.configuration,
            "content/index.md": "# Home\n\nWelcome.\n",
            "content/guide.md": "---\norder: 1\n---\n# Guide\n\n## Set up\n\nSee [the other page](other.md).\n",
            "content/other.md": "---\norder: 2\n---\n# Other\n\nBack to [the guide](guide.md#set-up).\n",
            "content/ja/index.md": "# ホーム\n\nようこそ。\n",
            "content/ja/guide.md": "---\norder: 1\n---\n# ガイド\n\n## 準備する\n\n[もう一つのページ](other.md)と[準備](#準備する)。\n",
        ]
        files.merge(extra) { _, new in new }
        for (path, text) in files { try temporary.write(path, text) }
        let output = temporary.url.appendingPathComponent("dist")
        let summary = try SiteBuilder(options: BuildOptions(root: temporary.url, outputDirectory: output, baseURL: try BaseURL(baseURL))).build()
        let built = try FileTree.read(output).mapValues { String(decoding: $0, as: UTF8.self) }
        return (built, summary)
    }

    @Test func eachLanguageHasItsTreeLangAndWords() throws {
        let (files, _) = try build()
        let japanese = try #require(files["ja/guide/index.html"])
        #expect(japanese.contains("<html lang=\"ja\""))
        #expect(japanese.contains("<p>このページの内容</p>"))
        #expect(japanese.contains("aria-label=\"この節へのリンク\""))
        #expect(try #require(files["guide/index.html"]).contains("<html lang=\"en\""))
        // Each language's sidebar and previous/next stay in that language.
        #expect(!japanese.contains("href=\"/guide/\" aria-current") && japanese.contains("href=\"/ja/guide/\" aria-current=\"page\""))
        let english = try #require(files["guide/index.html"])
        #expect(!english.contains("/ja/guide/\">ガイド"))
        #expect(files["ja/404.html"]?.contains("ページが見つかりません") == true)
        #expect(files["404.html"]?.contains("Page not found") == true)
    }

    @Test func pagesLinkToTheirTranslationsOrSayThereIsNone() throws {
        let (files, summary) = try build()
        let guide = try #require(files["guide/index.html"])
        #expect(guide.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"/ja/guide/\">"))
        #expect(guide.contains("<a href=\"/ja/guide/\" hreflang=\"ja\" lang=\"ja\">日本語</a>"))
        let other = try #require(files["other/index.html"])
        #expect(other.contains("<span class=\"missing\"><span lang=\"ja\">日本語</span> (not translated)</span>"))
        #expect(!other.contains("hreflang=\"ja\""))
        #expect(summary.warnings.map(\.description) == [
            "content/other.md:1:1: warning: not translated into 日本語 (ja): there is no content/ja/other.md",
        ])
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(sitemap.contains("<loc>/ja/guide/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"/guide/\"/><xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"/ja/guide/\"/>"))
    }

    @Test func linksResolveInTheirLanguageAndFallBackToTheDefault() throws {
        let (files, _) = try build(baseURL: "/docs/")
        let japanese = try #require(files["ja/guide/index.html"])
        #expect(japanese.contains("<a href=\"/docs/other/\">もう一つのページ</a>"), "no Japanese twin: the English page")
        #expect(japanese.contains("<h2 id=\"準備する\">"))
        let (withTwin, _) = try build(["content/ja/other.md": "---\norder: 2\n---\n# その他\n\n[ガイド](guide.md#準備する)\n"])
        #expect(withTwin["ja/guide/index.html"]?.contains("<a href=\"/ja/other/\">もう一つのページ</a>") == true)
        #expect(withTwin["ja/other/index.html"]?.contains("<a href=\"/ja/guide/#%E6%BA%96%E5%82%99%E3%81%99%E3%82%8B\">") == true
                || withTwin["ja/other/index.html"]?.contains("<a href=\"/ja/guide/#準備する\">") == true)
    }

    @Test func aBrokenAnchorIntoATranslationIsAnError() throws {
        #expect(throws: BuildFailure.self) {
            try build(["content/ja/other.md": "# その他\n\n[ガイド](guide.md#set-up)\n"])
        }
    }

    @Test func missingTranslationsCanFailTheBuild() throws {
        do {
            _ = try build(["site/config.yml": Self.configuration + "missingTranslations: error\n"])
            Issue.record("the build succeeded")
        } catch {
            #expect((error as? BuildFailure)?.diagnostics.map(\.description) == [
                "content/other.md:1:1: error: not translated into 日本語 (ja): there is no content/ja/other.md",
            ])
        }
    }

    @Test func aTranslationWithoutAnOriginalIsReported() throws {
        let (_, summary) = try build(["content/ja/extra.md": "# 追加\n"])
        #expect(summary.warnings.map(\.description).contains(
            "content/ja/extra.md:1:1: warning: a translation without an original: there is no content/extra.md in English"))
    }

    @Test func theSiteReplacesTheLayoutsWordsKeyByKey() throws {
        let (files, summary) = try build(["site/strings/ja.yml": "onThisPage: 目次\nnoSuchKey: x\n"])
        #expect(files["ja/guide/index.html"]?.contains("<p>目次</p>") == true)
        #expect(files["ja/guide/index.html"]?.contains("前へ") == true || files["ja/guide/index.html"]?.contains("次へ") == true)
        #expect(summary.warnings.contains { $0.path == "site/strings/ja.yml" && $0.line == 2 && $0.message.hasPrefix("unknown key 'noSuchKey'") })
        #expect(files["strings/ja.yml"] == nil, "strings are read, not published")
    }

    @Test func aBadLanguagesEntryIsADiagnostic() throws {
        do {
            _ = try build(["site/config.yml": "languages:\n  - code: en\n    name: English\n  - code: ja/x\n    name: Bad\n",
                           "content/ja/guide.md": "# ガイド\n"])
            Issue.record("the build succeeded")
        } catch {
            #expect((error as? BuildFailure)?.diagnostics.map(\.description) == [
                "site/config.yml:4:5: error: 'ja/x' is not a language code: use a BCP 47 code such as en, ja or pt-BR",
            ])
        }
    }
}
