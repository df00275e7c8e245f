import Yams

/// Walks a steps file's YAML tree (the document, its scenarios), collecting every diagnostic instead
/// of stopping at the first; the steps themselves are read by `StepsFileReader+Steps.swift`.
struct StepsFileReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func document(_ text: String) -> [CheckScenario] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(YAMLMapping.diagnostic(for: error, path: path))
            return []
        } catch {
            diagnostics.append(Diagnostic(path: path, message: "malformed YAML: \(error)"))
            return []
        }
        guard let root, case let .mapping(mapping) = root else {
            fail(root, "a steps file is a mapping with a 'scenarios' list, e.g. scenarios: [{ name: ..., steps: [...] }]")
            return []
        }
        var scenarios: [CheckScenario] = []
        var found = false
        for (key, value) in mapping {
            guard key.string == "scenarios" else {
                fail(key, "unknown key '\(key.string ?? "?")'; a steps file has only 'scenarios'")
                continue
            }
            found = true
            guard case let .sequence(list) = value, !list.isEmpty else {
                fail(value, "'scenarios' must be a non-empty list of scenarios")
                continue
            }
            var names = Set(BuiltInScenarios.all.map(\.name))
            for item in list {
                guard let scenario = self.scenario(item) else { continue }
                if !names.insert(scenario.name).inserted {
                    fail(item, "a scenario named '\(scenario.name)' already exists (scenario names are unique, built-in ones included)")
                }
                scenarios.append(scenario)
            }
        }
        if !found { fail(root, "missing 'scenarios': the list of scenarios to run") }
        return scenarios
    }

    mutating func scenario(_ node: Node) -> CheckScenario? {
        guard case let .mapping(mapping) = node else {
            fail(node, "a scenario is a mapping with 'name' and 'steps'")
            return nil
        }
        var name: String?
        var summary = ""
        var steps: [ScenarioStep]?
        for (key, value) in mapping {
            switch key.string {
            case "name":
                if let text = value.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty { name = text } else {
                    fail(value, "'name' must be a non-empty string")
                }
            case "description":
                if let text = value.scalar?.string { summary = text } else { fail(value, "'description' must be a string") }
            case "steps":
                guard case let .sequence(list) = value, !list.isEmpty else {
                    fail(value, "'steps' must be a non-empty list of steps")
                    continue
                }
                steps = list.compactMap { self.step($0) }
            default:
                fail(key, "unknown key '\(key.string ?? "?")' in a scenario; use name, description and steps")
            }
        }
        if name == nil, !mapping.keys.contains(where: { $0.string == "name" }) { fail(node, "this scenario has no 'name'") }
        if steps == nil, !mapping.keys.contains(where: { $0.string == "steps" }) { fail(node, "this scenario has no 'steps'") }
        guard let name, let steps else { return nil }
        return CheckScenario(name: name, summary: summary.isEmpty ? "from \(path)" : summary, steps: steps, source: path)
    }

    /// `path:line:col` of a node, for a step's place in reports.
    func place(_ node: Node) -> String {
        "\(path):\(node.mark?.line ?? 1):\(node.mark?.column ?? 1)"
    }

    mutating func fail(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message))
    }
}
