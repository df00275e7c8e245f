import ArgumentParser
import DevKit
import Foundation

/// `devkit build`: render the guides and copy the site into a static folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render content/ and site/ into a static site that can be published anywhere."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Where to write the site (default: <root>/dist).", valueName: "dir"))
    var output: String?

    func run() throws {
        let options = try site.buildOptions(output: output)
        let printer = DiagnosticPrinter()
        do {
            let summary = try SiteBuilder(options: options).build()
            printer.print(summary.warnings)
            print(summary)
        } catch {
            printer.print(error.diagnostics)
            let count = error.errors.count
            FileHandle.standardError.write(Data("build failed with \(count) error\(count == 1 ? "" : "s"); the previous output is unchanged\n".utf8))
            throw ExitCode.failure
        }
    }
}
