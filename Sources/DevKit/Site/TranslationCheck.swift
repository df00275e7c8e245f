/// The check that keeps a multilingual site's trees in step: each guide of the default language has
/// a translation at the same path under every other language's folder, and each translation has an
/// original. A missing page is a warning unless the configuration says `missingTranslations: error`.
struct TranslationCheck {
    let languages: [SiteConfiguration.Language]
    let severity: Diagnostic.Severity
    /// How diagnostics name the content folder's files (`content/`).
    let contentDisplayPrefix: String

    func check(_ pages: [Page]) -> [Diagnostic] {
        guard languages.count > 1, let original = languages.first else { return [] }
        var present: [String: Set<String>] = [:]
        for page in pages where page.contentPath != nil {
            present[page.translationKey, default: []].insert(page.language)
        }
        var diagnostics: [Diagnostic] = []
        for page in pages where page.contentPath != nil {
            let key = page.translationKey
            if page.language == original.code {
                for language in languages.dropFirst() where !(present[key]?.contains(language.code) ?? false) {
                    diagnostics.append(Diagnostic(path: page.sourcePath, severity: severity,
                                                  message: "not translated into \(language.name) (\(language.code)): there is no \(contentDisplayPrefix)\(language.code)/\(key)"))
                }
            } else if !(present[key]?.contains(original.code) ?? false) {
                diagnostics.append(Diagnostic(path: page.sourcePath, severity: severity,
                                              message: "a translation without an original: there is no \(contentDisplayPrefix)\(key) in \(original.name)"))
            }
        }
        return diagnostics
    }
}
