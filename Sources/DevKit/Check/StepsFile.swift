import Foundation
import Yams

/// A steps file (YAML, or JSON, which YAML reads too): scenarios a partner writes to drive their own
/// widget through a call without browser code. Every mistake is a diagnostic at its line and column.
///
///     scenarios:
///       - name: outbound call
///         steps:
///           - dial: "+1 617 555 0123"
///           - click: "#call"
///           - waitFor: CREATE_ENGAGEMENT_SUCCEEDED
///           - expectNoProblems
public enum StepsFile {
    /// The steps that take no value, written as a bare word (`- endCall`) or with `true`.
    static let bareSteps: [String: CheckStep] = ["expectNoProblems": .expectNoProblems, "endCall": .endCall,
                                                 "reload": .reload, "endSession": .endSession]
    /// Every step name, for error messages.
    public static let stepNames = ["click", "type", "dial", "waitFor", "failNext", "expectNoProblems", "endCall",
                                   "setVisibility", "send", "reload", "endSession", "pause"]

    /// Reads the file at `url`; diagnostics name it `displayPath`.
    public static func load(_ url: URL, displayPath: String) throws(CheckError) -> [CheckScenario] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .stepsFile([Diagnostic(path: displayPath, message: "cannot read the steps file: \(error.localizedDescription)")])
        }
        return try parse(text, path: displayPath)
    }

    /// Parses steps-file text; `path` names it in diagnostics and in each scenario's `source`.
    public static func parse(_ text: String, path: String) throws(CheckError) -> [CheckScenario] {
        var reader = Reader(path: path)
        let scenarios = reader.document(text)
        if !reader.diagnostics.isEmpty { throw .stepsFile(reader.diagnostics) }
        return scenarios
    }

    /// Walks the YAML tree, collecting diagnostics instead of stopping at the first.
    private struct Reader {
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

        mutating func step(_ node: Node) -> ScenarioStep? {
            let location = place(node)
            if let word = node.scalar?.string {
                guard let step = StepsFile.bareSteps[word] else {
                    fail(node, StepsFile.stepNames.contains(word) ? "'\(word)' needs a value, e.g. \(word): ..." : unknownStep(word))
                    return nil
                }
                return ScenarioStep(step, location: location)
            }
            guard case let .mapping(mapping) = node, mapping.count == 1, let (key, value) = mapping.first, let name = key.string else {
                fail(node, "a step is a mapping with one key, the step's name (\(StepsFile.stepNames.joined(separator: ", ")))")
                return nil
            }
            let action: CheckStep?
            switch name {
            case "click": action = selector(value, of: name).map { .click(selector: $0) }
            case "type": action = typeStep(value)
            case "dial": action = dialStep(value)
            case "waitFor": action = waitForStep(value)
            case "failNext": action = failNextStep(value)
            case "setVisibility": action = visibilityStep(value)
            case "send": action = sendStep(value)
            case "pause":
                if let ms = value.int, (0...60_000).contains(ms) { action = .pause(milliseconds: ms) } else {
                    fail(value, "'pause' is a number of milliseconds between 0 and 60000")
                    action = nil
                }
            default:
                if let bare = StepsFile.bareSteps[name] {
                    if value.bool == true || value.null != nil { action = bare } else {
                        fail(value, "'\(name)' takes no value; write it as '- \(name)'")
                        action = nil
                    }
                } else {
                    fail(key, unknownStep(name))
                    action = nil
                }
            }
            return action.map { ScenarioStep($0, location: location) }
        }

        mutating func selector(_ node: Node, of step: String) -> String? {
            guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                fail(node, "'\(step)' needs a CSS selector, e.g. \(step): \"#call-button\"")
                return nil
            }
            return text
        }

        mutating func typeStep(_ node: Node) -> CheckStep? {
            guard let fields = fields(node, of: "type", allowed: ["selector", "text", "clear"], required: ["selector", "text"]) else { return nil }
            guard let selector = selector(fields["selector"]!, of: "type") else { return nil }
            guard let text = fields["text"]!.scalar?.string else {
                fail(fields["text"]!, "'text' must be a string")
                return nil
            }
            var clear = true
            if let node = fields["clear"] {
                guard let value = node.bool else {
                    fail(node, "'clear' must be true or false")
                    return nil
                }
                clear = value
            }
            return .type(selector: selector, text: text, clear: clear)
        }

        mutating func dialStep(_ node: Node) -> CheckStep? {
            if let number = node.scalar?.string, !number.isEmpty { return .dial(number: number, options: [:]) }
            guard case let .mapping(mapping) = node, let numberNode = mapping["number"], let number = numberNode.scalar?.string, !number.isEmpty else {
                fail(node, "'dial' needs a phone number, e.g. dial: \"+1 617 555 0123\", or { number, startCall, objectId, ... }")
                return nil
            }
            var options: [String: JSONValue] = [:]
            for (key, value) in mapping where key.string != "number" {
                if let name = key.string { options[name] = json(value) }
            }
            return .dial(number: number, options: options)
        }

        mutating func waitForStep(_ node: Node) -> CheckStep? {
            if let type = node.scalar?.string {
                guard messageType(type, at: node) else { return nil }
                return .waitFor(type: type, count: 1, source: nil, timeout: nil)
            }
            guard let fields = fields(node, of: "waitFor", allowed: ["type", "count", "from", "timeout"], required: ["type"]),
                  let type = fields["type"]!.scalar?.string, messageType(type, at: fields["type"]!)
            else { return nil }
            var count = 1
            var source: CheckStep.MessageSource?
            var timeout: Double?
            if let node = fields["count"] {
                guard let value = node.int, value >= 1 else {
                    fail(node, "'count' must be a whole number of messages, 1 or more")
                    return nil
                }
                count = value
            }
            if let node = fields["from"] {
                guard let value = node.scalar.flatMap({ CheckStep.MessageSource(rawValue: $0.string) }) else {
                    fail(node, "'from' must be widget or hubspot")
                    return nil
                }
                source = value
            }
            if let node = fields["timeout"] {
                guard let value = node.float, value > 0, value <= 600 else {
                    fail(node, "'timeout' must be a number of seconds above 0 (at most 600)")
                    return nil
                }
                timeout = value
            }
            return .waitFor(type: type, count: count, source: source, timeout: timeout)
        }

        mutating func failNextStep(_ node: Node) -> CheckStep? {
            let names = CheckStep.FailureSwitch.allCases.map(\.rawValue).joined(separator: ", ")
            if let word = node.scalar?.string {
                guard let which = CheckStep.FailureSwitch(rawValue: word) else {
                    fail(node, "unknown failure switch '\(word)'; use one of \(names)")
                    return nil
                }
                return .failNext(which, on: true)
            }
            guard let fields = fields(node, of: "failNext", allowed: ["switch", "on"], required: ["switch"]) else { return nil }
            guard let which = fields["switch"]!.scalar.flatMap({ CheckStep.FailureSwitch(rawValue: $0.string) }) else {
                fail(fields["switch"]!, "'switch' must be one of \(names)")
                return nil
            }
            var on = true
            if let node = fields["on"] {
                guard let value = node.bool else {
                    fail(node, "'on' must be true or false")
                    return nil
                }
                on = value
            }
            return .failNext(which, on: on)
        }

        mutating func visibilityStep(_ node: Node) -> CheckStep? {
            guard let fields = fields(node, of: "setVisibility", allowed: ["isMinimized", "isHidden"], required: []) else { return nil }
            var flags: [String: Bool] = [:]
            for (name, node) in fields {
                guard let value = node.bool else {
                    fail(node, "'\(name)' must be true or false")
                    return nil
                }
                flags[name] = value
            }
            return .setVisibility(isMinimized: flags["isMinimized"] ?? false, isHidden: flags["isHidden"] ?? false)
        }

        mutating func sendStep(_ node: Node) -> CheckStep? {
            if let type = node.scalar?.string {
                return messageType(type, at: node) ? .send(type: type, data: nil) : nil
            }
            guard let fields = fields(node, of: "send", allowed: ["type", "data"], required: ["type"]),
                  let type = fields["type"]!.scalar?.string, messageType(type, at: fields["type"]!)
            else { return nil }
            return .send(type: type, data: fields["data"].map(json))
        }

        /// A mapping's entries by key, after checking the keys; nil (with diagnostics) when wrong.
        mutating func fields(_ node: Node, of step: String, allowed: [String], required: [String]) -> [String: Node]? {
            guard case let .mapping(mapping) = node else {
                fail(node, "'\(step)' needs a mapping with \(allowed.joined(separator: ", "))")
                return nil
            }
            var result: [String: Node] = [:]
            var good = true
            for (key, value) in mapping {
                guard let name = key.string, allowed.contains(name) else {
                    fail(key, "unknown key '\(key.string ?? "?")' in '\(step)'; use \(allowed.joined(separator: ", "))")
                    good = false
                    continue
                }
                result[name] = value
            }
            for name in required where result[name] == nil {
                fail(node, "'\(step)' needs '\(name)'")
                good = false
            }
            return good ? result : nil
        }

        mutating func messageType(_ type: String, at node: Node) -> Bool {
            guard type.range(of: "^[A-Z][A-Z0-9_]*$", options: .regularExpression) != nil else {
                fail(node, "'\(type)' is not a message type; types are upper case, e.g. CREATE_ENGAGEMENT_SUCCEEDED")
                return false
            }
            return true
        }

        func unknownStep(_ name: String) -> String {
            let close = StepsFile.stepNames.first { $0.lowercased() == name.lowercased() }
                ?? StepsFile.stepNames.first { Self.distance($0.lowercased(), name.lowercased()) <= 2 }
            return "unknown step '\(name)'" + (close.map { "; did you mean '\($0)'?" } ?? "; steps are \(StepsFile.stepNames.joined(separator: ", "))")
        }

        /// YAML values as JSON: plain scalars by their resolved tag, quoted ones as strings.
        func json(_ node: Node) -> JSONValue {
            switch node {
            case let .scalar(scalar):
                switch node.tag.rawValue {
                case Tag.Name.null.rawValue: return .null
                case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
                case Tag.Name.int.rawValue: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
                case Tag.Name.float.rawValue: return node.float.map(JSONValue.number) ?? .string(scalar.string)
                default: return .string(scalar.string)
                }
            case let .sequence(list): return .array(list.map(json))
            case let .mapping(mapping):
                return .object(Dictionary(mapping.compactMap { key, value in key.string.map { ($0, json(value)) } }, uniquingKeysWith: { first, _ in first }))
            case .alias: return .null
            }
        }

        func place(_ node: Node) -> String {
            "\(path):\(node.mark?.line ?? 1):\(node.mark?.column ?? 1)"
        }

        mutating func fail(_ node: Node?, _ message: String) {
            diagnostics.append(Diagnostic(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message))
        }

        static func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a), b = Array(b)
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var next = [i]
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    next.append(min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)))
                }
                row = b.isEmpty ? [i] : next
            }
            return row[b.count]
        }
    }
}
