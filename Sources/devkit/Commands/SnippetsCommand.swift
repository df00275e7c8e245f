import ArgumentParser
import DevKit
import Foundation

/// `devkit snippets`: the localStorage overrides and settings requests, for the terminal.
struct SnippetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snippets",
        abstract: "Print the localStorage override snippets and the calling-settings API requests."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, js, json
    }

    @Option(help: "The app's name in HubSpot.") var name = CallingSettings().name
    @Option(help: "The widget URL (https; http only for localhost).") var url = CallingSettings().url
    @Option(help: "The widget width in pixels.") var width = CallingSettings().width
    @Option(help: "The widget height in pixels.") var height = CallingSettings().height
    @Flag(help: "Mark the settings ready for production (isReady: true).") var ready = false
    @Flag(help: "The app supports calls from custom objects.") var supportsCustomObjects = false
    @Option(help: "text (everything, explained), js (console statements only) or json (the settings payload).")
    var format: Format = .text

    var settings: CallingSettings {
        CallingSettings(name: name, url: url, width: width, height: height, isReady: ready, supportsCustomObjects: supportsCustomObjects)
    }

    func validate() throws {
        if let problem = settings.problems().first { throw ValidationError(problem) }
    }

    func run() {
        switch format {
        case .text: print(Snippets.text(settings), terminator: "")
        case .js: print(Snippets.script(settings), terminator: "")
        case .json: print(settings.prettyJSON)
        }
    }
}
