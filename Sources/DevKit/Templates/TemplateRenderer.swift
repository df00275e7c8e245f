/// Renders parsed templates against a stack of `TemplateValue`s, the way Mustache does: a name is
/// looked up from the innermost scope outwards, dotted parts inside what the first part found.
struct TemplateRenderer {
    /// Every template by name, for partials.
    let templates: [String: [TemplateNode]]
    /// Partials nested deeper than this render nothing, so a template that includes itself ends.
    static let maximumPartialDepth = 64
    /// At most this many partials are rendered per render: a partial that includes itself twice
    /// would otherwise render 2^64 times before the depth limit stops it.
    static let maximumPartials = 100_000

    /// The named template rendered with `scopes`, outermost first.
    func render(_ name: String, scopes: [TemplateObject]) -> String {
        guard let nodes = templates[name] else { return "" }
        var output = ""
        var stack = scopes.map(TemplateValue.object)
        var partialsLeft = Self.maximumPartials
        render(nodes, stack: &stack, depth: 0, partialsLeft: &partialsLeft, into: &output)
        return output
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], depth: Int, partialsLeft: inout Int,
                        into output: inout String) {
        for node in nodes {
            switch node {
            case let .text(text):
                output += text
            case let .value(name, escaped):
                switch lookup(name, in: stack) {
                case let .text(text)?: escaped ? HTML.appendEscaped(text, to: &output) : output.append(text)
                case let .flag(value)?: output += value ? "true" : "false"
                case .object?, .list?, nil: break
                }
            case let .section(name, body, inverted):
                let value = lookup(name, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body, stack: &stack, depth: depth, partialsLeft: &partialsLeft, into: &output) }
                    continue
                }
                switch value {
                case let .list(elements)?:
                    for element in elements { renderScoped(body, in: element, stack: &stack, depth: depth, partialsLeft: &partialsLeft, into: &output) }
                case let .flag(isOn)?:
                    if isOn { render(body, stack: &stack, depth: depth, partialsLeft: &partialsLeft, into: &output) }
                case let value?:
                    renderScoped(body, in: value, stack: &stack, depth: depth, partialsLeft: &partialsLeft, into: &output)
                case nil:
                    break
                }
            case let .partial(name, indentation, _, _):
                guard depth < Self.maximumPartialDepth, partialsLeft > 0, let partial = templates[name] else { continue }
                partialsLeft -= 1
                let nodes = indentation.isEmpty ? partial : Self.indent(partial, by: indentation)
                render(nodes, stack: &stack, depth: depth + 1, partialsLeft: &partialsLeft, into: &output)
            }
        }
    }

    private func renderScoped(_ body: [TemplateNode], in value: TemplateValue, stack: inout [TemplateValue], depth: Int,
                              partialsLeft: inout Int, into output: inout String) {
        stack.append(value)
        render(body, stack: &stack, depth: depth, partialsLeft: &partialsLeft, into: &output)
        stack.removeLast()
    }

    private func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for scope in stack.reversed() {
            if case let .object(object) = scope, let value = object.values[first] {
                found = value
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard case let .object(object)? = found else { return nil }
            found = object.values[part]
        }
        return found
    }

    /// A standalone partial with `indentation` before each line of its text (what its values show is
    /// not re-indented, as the spec says).
    static func indent(_ nodes: [TemplateNode], by indentation: String) -> [TemplateNode] {
        var atLineStart = true
        func walk(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.flatMap { node -> [TemplateNode] in
                switch node {
                case let .text(text):
                    var indented = ""
                    for character in text {
                        if atLineStart { indented += indentation }
                        indented.append(character)
                        atLineStart = character == "\n"
                    }
                    return [.text(indented)]
                case let .section(name, body, inverted):
                    return [.section(name, body: walk(body), inverted: inverted)]
                case .value, .partial:
                    defer { atLineStart = false }
                    return atLineStart ? [.text(indentation), node] : [node]
                }
            }
        }
        return walk(nodes)
    }
}
