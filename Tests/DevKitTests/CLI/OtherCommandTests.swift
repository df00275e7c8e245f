import Foundation
import Testing

/// `devkit snippets` and `devkit cert` as processes.
@Suite struct OtherCommandTests {
    @Test func snippetsJSONIsTheSettingsPayload() throws {
        let result = try DevkitProcess.run(["snippets", "--name", "Acme \"Dialer\"", "--url", "https://acme.example/widget",
                                            "--width", "320", "--height", "500", "--ready", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "Acme \"Dialer\"")
        #expect(object["width"] as? Int == 320)
        #expect(object["isReady"] as? Bool == true)
        #expect(object["supportsCustomObjects"] as? Bool == false)
        #expect(object["usesCallingWindow"] as? Bool == true)
    }

    @Test func snippetsWithoutTheSettingsDescriptionSayWhere() throws {
        let temporary = try TemporaryDirectory()
        let result = try DevkitProcess.run(["snippets"], in: temporary.url)
        #expect(result.status == 66)
        #expect(result.standardError.hasPrefix("site/setup/calling-settings.json:1:1: error: cannot read the settings description"))
        #expect(result.standardError.contains("pass --site"))
    }

    @Test(arguments: [["--url", "http://example.com/"], ["--width", "0"], ["--height", "-3"], ["--width", "wide"], ["--format", "yaml"]])
    func badSnippetOptionsAreUsageErrors(arguments: [String]) throws {
        let result = try DevkitProcess.run(["snippets"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains("Usage: devkit snippets"))
    }

    @Test func snippetsTextShowsEveryRequest() throws {
        let result = try DevkitProcess.run(["snippets"])
        for method in ["POST", "PATCH", "GET", "DELETE"] {
            #expect(result.standardOutput.contains("curl --request \(method)"))
        }
        #expect(result.standardOutput.contains("/settings/recording?"))
        #expect(result.standardOutput.contains("/recordings/ready\""))
        #expect(result.standardOutput.contains("authorization: Bearer ${ACCESS_TOKEN}"))
        #expect(result.standardOutput.contains("/settings/channel-connection?"))
        #expect(result.standardOutput.contains("LocalSettings:Sales:CallingExtensions"), "names the retired key")
        #expect(result.standardOutput.contains("${APP_ID}"))
        #expect(result.standardOutput.contains("${DEVELOPER_ACCOUNT_API_KEY}"))
    }

    @Test func certPrintsFingerprintsButNoKeys() throws {
        let temporary = try TemporaryDirectory()
        let result = try DevkitProcess.run(["cert"], extraEnvironment: ["DEVKIT_HOME": temporary.url.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("SHA-256  "))
        #expect(result.standardOutput.contains(temporary.url.appendingPathComponent("ca.pem").path))
        #expect(!result.standardOutput.contains("PRIVATE KEY"))
    }
}
