import Foundation

/// Writes a rendered site into a temporary folder beside the output and swaps it in only when every
/// file is written, so a failed build leaves the previous output exactly as it was.
struct SiteWriter {
    let options: BuildOptions

    /// Writes every page, static file and generated file.
    func write(_ site: RenderedSite) throws(BuildFailure) {
        let output = options.outputDirectory
        let display = options.displayPath(output)
        try checkOutputIsSafe(output, display: display)

        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        let staging = parent.appendingPathComponent(InterruptedBuildRecovery.stagingPrefix(of: output) + String(getpid()))
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw failure(display, "cannot create the output folder: \(SystemError.reason(error))")
        }

        do {
            try fill(staging, with: site)
            try swap(staging, into: output)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure(display, error.message)
        }
    }

    private struct WriteError: Error {
        var message: String
    }

    private func fill(_ staging: URL, with site: RenderedSite) throws(WriteError) {
        var timer = PhaseTimer()
        // The search index is made on another thread while the pages are written, then written itself.
        let searchFiles = startInBackground { site.searchFiles() }
        let files = site.outputFiles()
        var folders: Set<String> = []
        for path in files.map(\.path) + site.searchFolders.map({ $0 + "index.json" }) {
            var rest = path[...]
            while let slash = rest.firstIndex(of: "/") {
                folders.insert(String(path[...slash]))
                rest = path[path.index(after: slash)...]
            }
        }
        let root = staging.path + "/"
        // Folders one level deep at a time, each level on every core: a level's parents already exist.
        let levels = Dictionary(grouping: folders) { $0.utf8.reduce(0) { $1 == 47 ? $0 + 1 : $0 } }
        for depth in levels.keys.sorted() {
            let failures = parallelMap(levels[depth]!) { folder -> String? in
                mkdir(root + folder, 0o755) == 0 || errno == EEXIST ? nil : "cannot create '\(folder)': \(SystemError.reason(errno))"
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw WriteError(message: failure) }
        }
        timer.mark("folders")
        try write(files, into: root)
        timer.mark("files")
        try write(searchFiles(), into: root)
        timer.mark("search")
    }

    private func write(_ files: [OutputFile], into root: String) throws(WriteError) {
        let failures = parallelMap(files) { file -> String? in
            switch file.body {
            case let .text(make):
                return FileIO.writeFile(root + file.path, contents: make()).map { "cannot write '\(file.path)': \($0)" }
            case let .copy(source):
                let failure = switch source.source {
                case let .file(url): FileIO.copyFile(from: url.path, to: root + file.path)
                case let .embedded(bytes): FileIO.writeFile(root + file.path, bytes: bytes)
                }
                return failure.map { "cannot copy '\(source.displayPath)': \($0)" }
            }
        }
        if let first = failures.lazy.compactMap({ $0 }).first { throw WriteError(message: first) }
    }

    /// Moves the new folder into place and removes the old one.
    private func swap(_ staging: URL, into output: URL) throws(WriteError) {
        let fileManager = FileManager.default
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(InterruptedBuildRecovery.retiredPrefix(of: output) + String(getpid()))
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput {
            try? fileManager.removeItem(at: retired)
            guard rename(output.path, retired.path) == 0 else {
                throw WriteError(message: "cannot replace the output folder: \(SystemError.reason(errno))")
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = SystemError.reason(errno)
            if hadOutput { _ = rename(retired.path, output.path) }
            throw WriteError(message: "cannot move the new site into place: \(reason)")
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
    }

    /// Refuses an output folder that holds, or is, the sources: swapping it would delete them.
    private func checkOutputIsSafe(_ output: URL, display: String) throws(BuildFailure) {
        let outputPath = output.path.hasSuffix("/") ? output.path : output.path + "/"
        for source in [options.root, options.contentDirectory, options.siteDirectory] {
            let sourcePath = source.path.hasSuffix("/") ? source.path : source.path + "/"
            if sourcePath.hasPrefix(outputPath) {
                throw failure(display, "the output folder must not contain the sources ('\(options.displayPath(source))'); choose another --output")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw failure(display, "the output path is a file, not a folder")
        }
    }

    private func failure(_ path: String, _ message: String) -> BuildFailure {
        BuildFailure(diagnostics: [Diagnostic(path: path, message: message)])
    }
}
