import ArgumentParser
import DevKit

/// `devkit`: build, serve and check a Calling DevKit site.
@main
struct DevkitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devkit",
        abstract: "Build and serve the Calling DevKit guides, demo widget and host simulator.",
        subcommands: [BuildCommand.self, ServeCommand.self, CertCommand.self, SnippetsCommand.self, CheckCommand.self]
    )

    static func main() async {
        GlibcMalloc.limitArenasToCores()
        await main(nil)
    }
}
