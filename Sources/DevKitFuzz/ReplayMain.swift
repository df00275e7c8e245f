#if !DEVKIT_FUZZING
import Foundation

/// Without libFuzzer (a plain `swift build`): `devkit-fuzz TARGET FILE|FOLDER...` runs one fuzzer on each
/// saved input, so a crash file from artifacts/fuzz/ can be replayed in a debug build, under a debugger.
@main
struct ReplayMain {
    static func main() {
        var arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.popFirst(), let target = FuzzTarget.named(name), !arguments.isEmpty else {
            let names = FuzzTarget.all.map(\.name).joined(separator: "|")
            writeError("usage: devkit-fuzz \(names.isEmpty ? "TARGET" : names) FILE|FOLDER...")
            exit(2)
        }
        var count = 0
        for path in arguments {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    writeError("devkit-fuzz: cannot read \(file)")
                    exit(1)
                }
                target.run(Array(data))
                count += 1
            }
        }
        print("\(target.name): \(count) input(s) passed")
    }

    /// The file itself, or the files of a folder, sorted.
    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
#endif
