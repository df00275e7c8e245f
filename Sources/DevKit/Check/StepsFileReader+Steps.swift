import Yams

/// Reading one step: the table of step names and how each is written, and a decoder per step.
extension StepsFileReader {
    /// How a step is written: a bare word (`- endCall`, or `endCall: true`), or a name and a value.
    enum StepForm: Sendable {
        case bare(CheckStep)
        case valued(@Sendable (inout StepsFileReader, Node) -> CheckStep?)
    }

    /// Every step a steps file may use, in the order messages list them: the one source of the names.
    static let stepForms: [(name: String, form: StepForm)] = [
        ("click", .valued { reader, node in reader.selector(node, of: "click").map { .click(selector: $0) } }),
        ("type", .valued { reader, node in reader.typeStep(node) }),
        ("dial", .valued { reader, node in reader.dialStep(node) }),
        ("waitFor", .valued { reader, node in reader.waitForStep(node) }),
        ("failNext", .valued { reader, node in reader.failNextStep(node) }),
        ("expectNoProblems", .bare(.expectNoProblems)),
        ("endCall", .bare(.endCall)),
        ("setVisibility", .valued { reader, node in reader.visibilityStep(node) }),
        ("send", .valued { reader, node in reader.sendStep(node) }),
        ("reload", .bare(.reload)),
        ("endSession", .bare(.endSession)),
        ("pause", .valued { reader, node in reader.pauseStep(node) }),
    ]

    static func form(of name: String) -> StepForm? {
        stepForms.first { $0.name == name }?.form
    }

    mutating func step(_ node: Node) -> ScenarioStep? {
        let location = place(node)
        if let word = node.scalar?.string {
            switch Self.form(of: word) {
            case let .bare(step): return ScenarioStep(step, location: location)
            case .valued: fail(node, "'\(word)' needs a value, e.g. \(word): ...")
            case nil: fail(node, unknownStep(word))
            }
            return nil
        }
        guard case let .mapping(mapping) = node, mapping.count == 1, let (key, value) = mapping.first, let name = key.string else {
            fail(node, "a step is a mapping with one key, the step's name (\(StepsFile.stepNames.joined(separator: ", ")))")
            return nil
        }
        let action: CheckStep?
        switch Self.form(of: name) {
        case let .valued(decode):
            action = decode(&self, value)
        case let .bare(step):
            if value.bool == true || value.null != nil { action = step } else {
                fail(value, "'\(name)' takes no value; write it as '- \(name)'")
                action = nil
            }
        case nil:
            fail(key, unknownStep(name))
            action = nil
        }
        return action.map { ScenarioStep($0, location: location) }
    }

    mutating func pauseStep(_ node: Node) -> CheckStep? {
        guard let ms = node.int, (0...60_000).contains(ms) else {
            fail(node, "'pause' is a number of milliseconds between 0 and 60000")
            return nil
        }
        return .pause(milliseconds: ms)
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
        var data: JSONValue?
        if let node = fields["data"] { data = json(node) }
        return .send(type: type, data: data)
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

    /// YAML values as JSON: plain scalars by their resolved tag, quoted ones as strings. A number
    /// JSON cannot hold (`.nan`, `.inf`, `1e999`) is a diagnostic at its place.
    mutating func json(_ node: Node) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue:
                guard let number = node.float else { return .string(scalar.string) }
                guard number.isFinite else {
                    fail(node, "'\(scalar.string)' is not a finite number, and JSON has no NaN or infinity; " +
                        "write a number such as 1.5, or quote it to send it as a string")
                    return .null
                }
                return .number(number)
            default: return .string(scalar.string)
            }
        case let .sequence(list):
            var values: [JSONValue] = []
            for item in list { values.append(json(item)) }
            return .array(values)
        case let .mapping(mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let member = json(value)
                if members[name] == nil { members[name] = member }
            }
            return .object(members)
        case .alias: return .null
        }
    }

    /// Edit distance between two names, for "did you mean" suggestions.
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
