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

    static let spec = try! SettingsSpec.load(siteDirectory: Fixtures.projectRoot.appendingPathComponent("site"))

    /// Settings from the spec's defaults with these values set.
    static func settings(_ values: [String: SettingValue]) -> CallingSettings {
        var settings = CallingSettings(spec: spec)
        for (name, value) in values { settings.set(name, value) }
        return settings
    }

    @Test(arguments: hostileNames)
    func callingExtensionsSnippetStoresExactlyTheSettings(name: String) throws {
        let settings = Self.settings(["name": .text(name), "url": .text("https://example.com/widget?a=1&b=</script>"),
                                      "width": .number(320), "height": .number(640), "isReady": .bool(true), "usesRemote": .bool(false)])
        let snippet = Snippets.callingExtensions(settings)
        #expect(!snippet.contains("<"))
        #expect(!snippet.contains("\n"))
        let stored = try store(snippet)
        let json = try #require(stored[Self.spec.keys.callingExtensions])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == name)
        #expect(object["url"] as? String == settings.url)
        #expect(object["width"] as? Int == 320)
        #expect(object["height"] as? Int == 640)
        #expect(object["isReady"] as? Bool == true)
        #expect(object["supportsCustomObjects"] as? Bool == false)
        #expect(object["usesRemote"] as? Bool == false)
        #expect(object.count == Self.spec.fields.count)
    }

    @Test func scriptFormatIsOneValidScript() throws {
        let stored = try store(Snippets.script(Self.settings(["name": .text("It's \"ours\"")])))
        #expect(stored[Self.spec.keys.installDemoWidget] == "local")
        #expect(stored[Self.spec.keys.callingExtensions]?.contains("It's \\\"ours\\\"") == true)
    }

    @Test(arguments: ["local", "app:js", "app"])
    func demoWidgetSnippetsStoreTheMode(mode: String) throws {
        #expect(try store(Snippets.installDemoWidget(mode, spec: Self.spec)) == [Self.spec.keys.installDemoWidget: mode])
    }

    /// Valid and invalid settings, each given to the setup page (setup.js under node) and to the Swift side.
    static let parityCases: [[String: SettingValue]] = [
        [:],
        ["name": .text("Ünï \"q\" </script> \u{2028}"), "url": .text("https://calls.example.com:8443/app/widget?x=1")],
        ["name": .text("O'Brien"), "isReady": .bool(true), "supportsCustomObjects": .bool(true), "supportsInboundCalling": .bool(false),
         "usesCallingWindow": .bool(false), "usesRemote": .bool(false), "width": .number(320), "height": .number(900)],
        ["url": .text("http://localhost:3000/")],
        ["url": .text("http://[::1]:3000/")],
        ["name": .text("")],
        ["name": .text("   ")],
        ["url": .text("")],
        ["url": .text("widget/")],
        ["url": .text("http://example.com/")],
        ["url": .text("ftp://files.example.com/")],
        ["url": .text("javascript:alert(1)")],
        ["url": .text("https://user:secret@example.com/")],
        ["width": .number(0), "height": .number(-5)],
        ["name": .text(""), "url": .text("http://evil.example/"), "width": .number(0)],
    ]

    @Test func everyRequestAndProblemMatchesTheSetupPage() throws {
        let temporary = try TemporaryDirectory()
        let inputs = Self.parityCases.map { values in
            "{" + values.sorted { $0.key < $1.key }.map { "\(JavaScriptText.json($0.key)):\($0.value.json(visible: false))" }.joined(separator: ",") + "}"
        }
        let runner = try temporary.write("compare.mjs", """
            const setup = await import(\(JavaScriptText.json(Fixtures.projectRoot.appendingPathComponent("site/setup/setup.js").path)));
            const cases = [\(inputs.joined(separator: ","))];
            process.stdout.write(JSON.stringify(cases.map((values) => ({
              problems: setup.validateSettings(values).map((p) => [p.field, p.message]),
              snippet: setup.callingExtensionsSnippet(values), json: setup.settingsJson(values),
              requests: setup.apiRequests(values).map((r) => [r.method, r.description, r.command]),
            }))));
            """)
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["node", runner.path])
        try #require(result.status == 0, "\(result.standardError)")
        let page = try JSONDecoder().decode([PageSnippets].self, from: Data(result.standardOutput.utf8))
        try #require(page.count == Self.parityCases.count)
        for (values, expected) in zip(Self.parityCases, page) {
            let settings = Self.settings(values)
            let problems = settings.problems().map { [$0.field, $0.message] }
            #expect(problems == expected.problems, "\(values)")
            guard problems.isEmpty else { continue }
            #expect(Snippets.callingExtensions(settings) == expected.snippet, "\(values)")
            #expect(settings.prettyJSON == expected.json, "\(values)")
            #expect(Snippets.apiRequests(settings).map { [$0.method, $0.description, $0.command] } == expected.requests, "\(values)")
        }
        #expect(page.filter(\.problems.isEmpty).count == 5, "the valid cases")
        #expect(Snippets.apiRequests(Self.settings([:])).count == Self.spec.requests.count)
    }

    @Test func theCommandHasAnOptionForEveryField() throws {
        let help = try DevkitProcess.run(["snippets", "--help"], in: Fixtures.projectRoot).standardOutput
        for field in Self.spec.fields {
            #expect(help.contains("--\(field.optionName)"), "\(field.name)")
            if field.type == .boolean { #expect(help.contains("--no-\(field.optionName)"), "\(field.name)") }
        }
    }

    private struct PageSnippets: Decodable {
        var problems: [[String]]
        var snippet: String
        var json: String
        var requests: [[String]]
    }
}

struct SnippetRunError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
