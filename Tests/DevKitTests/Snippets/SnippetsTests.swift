@testable import DevKit
import Foundation
import Testing

/// The override snippets run under node with a fake localStorage: whatever the name, the snippet is
/// valid JavaScript and stores exactly the settings.
@Suite struct SnippetsTests {
    static let hostileNames = [
        "Plain", "Quote \" and ' and `backtick`", "Back\\slash \\u0041", "</script><script>alert(1)</script>",
        "Line\nbreak\r\nand\ttab", "Separators \u{2028} \u{2029}", "Ünïcödé 日本語 😀", "${template} \u{202E}reversed", "\u{0}nul",
    ]

    /// Runs `script` in node with a localStorage that records `setItem` calls; returns what was stored.
    private func store(_ script: String) throws -> [String: String] {
        let temporary = try TemporaryDirectory()
        let file = try temporary.write("snippet.js", script)
        let runner = try temporary.write("run.mjs", """
            import { readFileSync } from "node:fs";
            import vm from "node:vm";
            const stored = {};
            const localStorage = { setItem(key, value) { stored[key] = String(value); }, removeItem(key) { delete stored[key]; } };
            vm.runInNewContext(readFileSync(process.argv[2], "utf8"), { localStorage });
            process.stdout.write(JSON.stringify(stored));
            """)
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["node", runner.path, file.path])
        guard result.status == 0 else { throw SnippetRunError(message: result.standardError) }
        let data = Data(result.standardOutput.utf8)
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test(arguments: hostileNames)
    func callingExtensionsSnippetStoresExactlyTheSettings(name: String) throws {
        let settings = CallingSettings(name: name, url: "https://example.com/widget?a=1&b=</script>", width: 320, height: 640,
                                       isReady: true, supportsCustomObjects: true)
        let snippet = Snippets.callingExtensions(settings)
        #expect(!snippet.contains("<"))
        #expect(!snippet.contains("\n"))
        let stored = try store(snippet)
        let json = try #require(stored[Snippets.callingExtensionsKey])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == name)
        #expect(object["url"] as? String == settings.url)
        #expect(object["width"] as? Int == 320)
        #expect(object["height"] as? Int == 640)
        #expect(object["isReady"] as? Bool == true)
        #expect(object["supportsCustomObjects"] as? Bool == true)
    }

    @Test func scriptFormatIsOneValidScript() throws {
        let stored = try store(Snippets.script(CallingSettings(name: "It's \"ours\"")))
        #expect(stored[Snippets.installDemoWidgetKey] == "local")
        #expect(stored[Snippets.callingExtensionsKey]?.contains("It's \\\"ours\\\"") == true)
    }

    @Test(arguments: ["local", "app:js", "app"])
    func demoWidgetSnippetsStoreTheMode(mode: String) throws {
        #expect(try store(Snippets.installDemoWidget(mode)) == [Snippets.installDemoWidgetKey: mode])
    }

    @Test func settingsAreValidated() {
        #expect(CallingSettings(url: "http://example.com/").problems() == ["the URL must use https (http is allowed only for localhost): http://example.com/"])
        #expect(CallingSettings(url: "http://localhost:9025/widget/").problems().isEmpty)
        #expect(CallingSettings(url: "ftp://x/").problems() == ["the URL must use https, not ftp: ftp://x/"])
        #expect(CallingSettings(url: "widget/").problems() == ["the URL 'widget/' is not a full URL such as https://example.com/widget/"])
        #expect(CallingSettings(name: "", width: 0, height: -5).problems() == [
            "the name must not be empty",
            "the width must be a positive whole number of pixels, not 0",
            "the height must be a positive whole number of pixels, not -5",
        ])
    }

    @Test func matchesTheSetupPageForTheSameSettings() throws {
        let settings = CallingSettings(name: "Ünï \"q\" </script> \u{2028}", url: "https://localhost:9025/widget/", width: 400, height: 600)
        let temporary = try TemporaryDirectory()
        let runner = try temporary.write("compare.mjs", """
            const setup = await import(\(JavaScriptText.json(Fixtures.projectRoot.appendingPathComponent("site/setup/setup.js").path)));
            const settings = { name: \(JavaScriptText.json(settings.name)), url: "\(settings.url)", width: 400, height: 600, isReady: false, supportsCustomObjects: false };
            process.stdout.write(JSON.stringify({ snippet: setup.callingExtensionsSnippet(settings), json: setup.settingsJson(settings),
              curl: setup.apiRequests(settings).map((request) => request.command) }));
            """)
        let data = Data(try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["node", runner.path]).standardOutput.utf8)
        let page = try JSONDecoder().decode(PageSnippets.self, from: data)
        #expect(page.snippet == Snippets.callingExtensions(settings))
        #expect(page.json == settings.prettyJSON)
        #expect(page.curl.first == Snippets.apiRequests(settings).first?.command)
    }

    private struct PageSnippets: Decodable {
        var snippet: String
        var json: String
        var curl: [String]
    }
}

struct SnippetRunError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
