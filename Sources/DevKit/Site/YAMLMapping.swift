import Yams

/// A YAML mapping read key by key, each entry knowing where it stands, for front matter and config.
enum YAMLMapping {
    /// One `key: value` pair and its place in the file.
    struct Entry {
        var key: String
        var value: Node
        var path: String
        var valueLine: Int
        var valueColumn: Int

        /// The diagnostic for a value of the wrong kind.
        func invalid(_ expected: String) -> Diagnostic {
            Diagnostic(path: path, line: valueLine, column: valueColumn,
                       message: "'\(key)' must be \(expected), not \(Self.describe(value))")
        }

        private static func describe(_ node: Node) -> String {
            switch node {
            case let .scalar(scalar): "'\(scalar.string)'"
            case .mapping: "a mapping"
            case .sequence: "a list"
            case .alias: "an alias"
            }
        }
    }

    /// The entries of `yaml`, whose first line is line `firstLine` of the file at `path`.
    static func entries(_ yaml: String, path: String, firstLine: Int) throws(Diagnostic) -> [Entry] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, firstLine: firstLine)
        } catch {
            throw Diagnostic(path: path, line: firstLine, message: "malformed YAML: \(error)")
        }
        guard let node else { return [] }
        guard case let .mapping(mapping) = node else {
            throw Diagnostic(path: path, line: firstLine + (node.mark?.line ?? 1) - 1, column: node.mark?.column ?? 1,
                             message: "expected a mapping of keys to values")
        }
        return mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            let mark = value.mark ?? key.mark
            return Entry(key: name, value: value, path: path,
                         valueLine: firstLine + (mark?.line ?? 1) - 1, valueColumn: mark?.column ?? 1)
        }
    }

    /// A Yams error as a diagnostic at its place in the file (`firstLine`: where the YAML starts).
    static func diagnostic(for error: YamlError, path: String, firstLine: Int = 1) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(path: path, line: firstLine + mark.line - 1, column: mark.column,
                              message: "malformed YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(path: path, line: firstLine + context.mark.line - 1, column: context.mark.column,
                              message: "malformed YAML: duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(path: path, line: firstLine, message: "malformed YAML: \(error)")
        }
    }
}
