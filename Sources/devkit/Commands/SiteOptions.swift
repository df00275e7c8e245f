import ArgumentParser
import DevKit
import Foundation

/// The options every command that builds the site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project root; diagnostics name files relative to it.", valueName: "dir"))
    var root: String = "."

    @Option(help: ArgumentHelp("The folder of Markdown guides (default: <root>/content).", valueName: "dir"))
    var content: String?

    @Option(help: ArgumentHelp("The folder with templates/ and the static folders (default: <root>/site).", valueName: "dir"))
    var site: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The URL or path the site is published under, e.g. /calling-devkit/.", valueName: "url"))
    var baseURL: String = "/"

    @Option(help: ArgumentHelp("What a broken link or anchor does: error or warn.", valueName: "policy"))
    var links: LinkPolicy = .error

    func validate() throws {
        do {
            _ = try BaseURL(baseURL)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The build options these flags describe.
    func buildOptions(output: String? = nil) throws -> BuildOptions {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootURL = URL(fileURLWithPath: root, relativeTo: current)
        func resolve(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0, relativeTo: current) } }
        return BuildOptions(root: rootURL, contentDirectory: resolve(content), siteDirectory: resolve(site),
                            outputDirectory: resolve(output), baseURL: try BaseURL(baseURL), linkPolicy: links)
    }
}

extension LinkPolicy: ExpressibleByArgument {}
