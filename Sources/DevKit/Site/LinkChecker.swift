/// The link-check step: every link a page's render flagged, checked once all anchors are known.
struct LinkChecker {
    /// One link that has to be verified, with what it must point at.
    struct Check: Sendable {
        var link: MarkdownLink
        var target: LinkResolver.Target
    }

    let policy: LinkPolicy

    /// A diagnostic for each broken link or anchor (errors or warnings, by policy).
    func check(_ parts: RenderedSite.Parts) -> [Diagnostic] {
        var anchors: [Int: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        let severity: Diagnostic.Severity = policy == .error ? .error : .warning
        for (index, checks) in parts.linkChecks.enumerated() {
            let page = parts.pages[index]
            for check in checks {
                let message: String
                switch check.target {
                case .none: continue
                case let .broken(reason): message = reason
                case let .anchor(target, fragment):
                    let known = anchors[target] ?? {
                        let set = parts.fragments[target].anchors
                        anchors[target] = set
                        return set
                    }()
                    guard !known.contains(fragment) else { continue }
                    let owner = target == index ? "this page has" : "'\(parts.pages[target].sourcePath)' has"
                    message = "broken anchor in link '\(check.link.destination)': \(owner) no heading '#\(fragment)'"
                }
                diagnostics.append(Diagnostic(path: page.sourcePath, line: check.link.line + page.bodyLineOffset,
                                              column: check.link.column, severity: severity, message: message))
            }
        }
        return diagnostics
    }
}
