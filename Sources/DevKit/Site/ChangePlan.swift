import Foundation

/// What a set of changed files means for a rendered site: which guides to re-render and whether the
/// templates must be reloaded. Nil when the change needs a whole new build (files added, removed or
/// renamed, the configuration edited, folders changed).
struct ChangePlan: Equatable {
    var editedPages: [Int] = []
    var templatesChanged = false

    init?(_ paths: Set<String>, previous: RenderedSite, options: BuildOptions) {
        let content = options.contentDirectory.path + "/"
        let site = options.siteDirectory.path + "/"
        let templates = site + "templates/"
        let configuration = site + SiteConfiguration.fileName
        let pageIndex = Dictionary(previous.pages.enumerated().compactMap { index, page in
            page.contentPath.map { (content + $0, index) }
        }, uniquingKeysWith: { first, _ in first })
        let staticSources = Set(previous.staticFiles.compactMap(\.sourcePath))
        var edited: Set<Int> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { return nil }
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") { continue }
            if path == configuration { return nil }
            if path.hasPrefix(templates) {
                guard path.hasSuffix(".\(TemplateSet.fileExtension)") else { continue }
                guard exists, previous.templates.names.contains(String(name.dropLast(TemplateSet.fileExtension.count + 1))) else {
                    return nil
                }
                templatesChanged = true
            } else if let index = pageIndex[path] {
                guard exists else { return nil }
                edited.insert(index)
            } else if path.hasPrefix(content) && SiteLoader.isMarkdown(path) {
                return nil
            } else if staticSources.contains(path) {
                guard exists else { return nil }
            } else if path.hasPrefix(content) || path.hasPrefix(site) {
                guard !exists else { return nil }
            }
        }
        editedPages = edited.sorted()
    }
}
