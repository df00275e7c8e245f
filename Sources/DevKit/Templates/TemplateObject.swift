import Mustache

/// A template context object. Mustache looks children up through `MustacheParent`; a final class
/// answers that cast from the conformance cache, where a `[String: Any]` (a conditional
/// conformance) is re-checked on every lookup, which dominated page rendering in profiles.
final class TemplateObject: MustacheParent, @unchecked Sendable {
    private var values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    /// A new object with the same values, to add a page's own to.
    func copy() -> TemplateObject {
        TemplateObject(values)
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }
}
