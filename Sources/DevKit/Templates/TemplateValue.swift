/// A value a template shows (`{{name}}`) or branches on (`{{#name}}`): Mustache's data model, typed,
/// so that looking a name up is a dictionary read, not a chain of dynamic casts.
enum TemplateValue: Sendable {
    /// Shown as it is (`{{{x}}}`) or escaped (`{{x}}`); truthy even when empty, as in swift-mustache.
    case text(String)
    /// `{{#x}}` renders its block once when true; shown as `true` or `false`.
    case flag(Bool)
    /// `{{#x}}` renders its block once with the object's names in scope.
    case object(TemplateObject)
    /// `{{#x}}` renders its block once per element; an empty list is falsy.
    case list([TemplateValue])

    /// A number, shown in decimal.
    static func number(_ value: Int) -> TemplateValue { .text(String(value)) }

    /// A list of objects.
    static func objects(_ objects: [TemplateObject]) -> TemplateValue { .list(objects.map(TemplateValue.object)) }

    /// Whether `{{#x}}` renders its block (and `{{^x}}` does not).
    var isTruthy: Bool {
        switch self {
        case .text, .object: true
        case let .flag(value): value
        case let .list(values): !values.isEmpty
        }
    }
}

/// The names a template can look up at one level of its context.
struct TemplateObject: Sendable {
    /// The values by name.
    var values: [String: TemplateValue]

    init(_ values: [String: TemplateValue] = [:]) {
        self.values = values
    }

    subscript(name: String) -> TemplateValue? {
        get { values[name] }
        set { values[name] = newValue }
    }
}
