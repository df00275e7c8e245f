#if DEBUG || DEVKIT_FUZZING
@testable import DevKit
#endif

/// One fuzzer of scripts/fuzz: a name and a check of one input (it stops the process on a failure).
struct FuzzTarget: Sendable {
    /// The name scripts/fuzz and `DEVKIT_FUZZ_TARGET` use, and the folder under Tests/Fuzz/.
    let name: String
    /// Runs the code under test on the input and checks what it returned.
    let run: @Sendable ([UInt8]) -> Void

    /// Every fuzzer, in the order scripts/fuzz runs them.
    static let all: [FuzzTarget] = {
        #if DEBUG || DEVKIT_FUZZING
        [
            FuzzTarget(name: "markdown") { MarkdownFuzz.run(text($0)) },
            FuzzTarget(name: "front-matter") { FrontMatterFuzz.run(text($0)) },
            FuzzTarget(name: "request-path") { RequestPathFuzz.run(text($0)) },
            FuzzTarget(name: "snippets") { SnippetFuzz.run(text($0)) },
            FuzzTarget(name: "templates") { TemplateFuzz.run(text($0)) },
            FuzzTarget(name: "mermaid") { MermaidFuzz.run(text($0)) },
        ]
        #else
        // The targets reach internal parts of DevKit, which only a testable (debug or fuzz) build exposes.
        []
        #endif
    }()

    /// The target called `name`, if there is one.
    static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    /// The input as text, as the site builder reads it: invalid UTF-8 becomes U+FFFD.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
