import ArgumentParser
import DevKit
import Foundation

/// `devkit snippets`: the localStorage overrides and settings requests, for the terminal. The fields,
/// defaults, messages and requests come from site/setup/calling-settings.json, as on the setup page.
struct SnippetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snippets",
        abstract: "Print the localStorage override snippets and the calling-settings API requests.",
        discussion: "The fields, their defaults and the requests come from setup/calling-settings.json in the site folder, the file the /setup/ page reads."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, js, json
    }

    @Option(help: ArgumentHelp("The folder with setup/calling-settings.json.", valueName: "dir")) var site = "site"
    @Option(help: "The app's name in HubSpot.") var name: String?
    @Option(help: "The widget URL (https; http only for localhost).") var url: String?
    @Option(help: "The widget width in pixels.") var width: Int?
    @Option(help: "The widget height in pixels.") var height: Int?
    @Flag(inversion: .prefixedNo, help: "Ready for production (isReady).") var ready: Bool?
    @Flag(inversion: .prefixedNo, help: "Calls from custom-object records (supportsCustomObjects).")
    var supportsCustomObjects: Bool?
    @Flag(inversion: .prefixedNo, help: "The app takes inbound calls (supportsInboundCalling).")
    var supportsInboundCalling: Bool?
    @Flag(inversion: .prefixedNo, help: "HubSpot opens a calling window (usesCallingWindow).")
    var usesCallingWindow: Bool?
    @Flag(inversion: .prefixedNo, help: "HubSpot shows the calling remote (usesRemote).")
    var usesRemote: Bool?
    @Option(help: "text (everything, explained), js (console statements only) or json (the settings payload).")
    var format: Format = .text

    /// The options given, by the settings field they set.
    var given: [String: SettingValue] {
        var values: [String: SettingValue] = [:]
        values["name"] = name.map(SettingValue.text)
        values["url"] = url.map(SettingValue.text)
        values["width"] = width.map(SettingValue.number)
        values["height"] = height.map(SettingValue.number)
        values["isReady"] = ready.map(SettingValue.bool)
        values["supportsCustomObjects"] = supportsCustomObjects.map(SettingValue.bool)
        values["supportsInboundCalling"] = supportsInboundCalling.map(SettingValue.bool)
        values["usesCallingWindow"] = usesCallingWindow.map(SettingValue.bool)
        values["usesRemote"] = usesRemote.map(SettingValue.bool)
        return values
    }

    func loadSettings() throws -> CallingSettings {
        let directory = URL(fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let spec = try SettingsSpec.load(siteDirectory: directory, displayPath: (site as NSString).appendingPathComponent(SettingsSpec.relativePath))
        var settings = CallingSettings(spec: spec)
        for field in spec.fields {
            if let value = given[field.name] { settings.set(field.name, value) }
        }
        return settings
    }

    /// Bad values are usage errors (exit 64), worded as on the setup page. A missing description is run()'s to report.
    func validate() throws {
        guard let settings = try? loadSettings(), let problem = settings.problems().first else { return }
        throw ValidationError("--\(settings.spec.fields.first { $0.name == problem.field }?.optionName ?? problem.field): \(problem.message)")
    }

    func run() throws {
        let settings: CallingSettings
        do {
            settings = try loadSettings()
        } catch let diagnostic as Diagnostic {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            throw ExitCode(66)
        }
        switch format {
        case .text: print(Snippets.text(settings), terminator: "")
        case .js: print(Snippets.script(settings), terminator: "")
        case .json: print(settings.prettyJSON)
        }
    }
}
