/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text copied to the output.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateName, body: [TemplateNode], inverted: Bool)
    /// `{{> name}}`: another template rendered in place, each of its lines after `indentation`
    /// when the tag stood alone on its line.
    case partial(String, indentation: String, line: Int, column: Int)
}

/// A name a tag looks up: dotted parts (`site.name`), or none for `.`, the current value.
struct TemplateName: Sendable, Equatable {
    /// The parts between the dots; empty for `.`.
    let parts: [String]
}
