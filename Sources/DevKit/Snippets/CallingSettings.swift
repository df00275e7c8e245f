import Foundation

/// The calling settings of an app, as HubSpot's settings API and the `CallingExtensions` override take
/// them: one value per field of the settings description, in its order.
public struct CallingSettings: Sendable {
    /// The fields, their types, defaults and messages.
    public let spec: SettingsSpec
    /// The values given; a field without one has its default.
    public private(set) var values: [String: SettingValue] = [:]

    /// Settings with the description's defaults.
    public init(spec: SettingsSpec) {
        self.spec = spec
    }

    /// Sets one field's value.
    public mutating func set(_ name: String, _ value: SettingValue) {
        values[name] = value
    }

    /// A field's value, or its default.
    public func value(_ field: SettingsSpec.Field) -> SettingValue {
        values[field.name] ?? field.default
    }

    /// The widget URL (trimmed, as the payload carries it).
    public var url: String {
        guard let field = spec.fields.first(where: { $0.type == .url }), case .text(let text) = value(field) else { return "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What is wrong, one message per field, in the words of the setup page.
    public func problems() -> [(field: String, message: String)] {
        spec.fields.compactMap { field in problem(field).map { (field.name, $0) } }
    }

    private func problem(_ field: SettingsSpec.Field) -> String? {
        switch (field.type, value(field)) {
        case (.text, .text(let text)):
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? spec.message("text.empty") : nil
        case (.url, .text):
            return urlProblem(url)
        case (.pixels, .number(let size)):
            return size > 0 ? nil : spec.message("pixels.invalid", ["field": field.name])
        case (.boolean, .bool):
            return nil
        case (.boolean, _):
            return spec.message("boolean.invalid", ["field": field.name])
        default:
            return spec.message("\(field.type.rawValue).invalid", ["field": field.name])
        }
    }

    /// HubSpot frames widgets over https; http is accepted for this machine only.
    private func urlProblem(_ text: String) -> String? {
        if text.isEmpty { return spec.message("url.empty") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return spec.message("url.notAbsolute")
        }
        if scheme != "https" && scheme != "http" { return spec.message("url.scheme", ["scheme": scheme + ":"]) }
        guard let host = components.host, !host.isEmpty, text.contains("//") else { return spec.message("url.notAbsolute") }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        if scheme == "http" && !spec.localHosts.contains(bracketed.lowercased()) { return spec.message("url.http") }
        if components.user != nil || components.password != nil { return spec.message("url.credentials") }
        return nil
    }

    /// The widget URL's origin (`https://calls.example.com`), for the example bodies of other requests.
    var origin: String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased()
        else { return "https://calls.example.com" }
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let defaultPort = (scheme == "https" && components.port == 443) || (scheme == "http" && components.port == 80)
        return "\(scheme)://\(shownHost)" + (components.port.map { defaultPort ? "" : ":\($0)" } ?? "")
    }

    private func payloadValue(_ field: SettingsSpec.Field) -> SettingValue {
        field.type == .url ? .text(url) : value(field)
    }

    /// The settings as compact JSON, keys in the API's order, as `JSON.stringify` writes them.
    public var json: String { compactJSON(visible: false) }

    /// The compact JSON with invisible characters escaped, for request bodies people read.
    public var visibleJSON: String { compactJSON(visible: true) }

    private func compactJSON(visible: Bool) -> String {
        "{" + spec.fields.map { "\(JavaScriptText.json($0.name)):\(payloadValue($0).json(visible: visible))" }.joined(separator: ",") + "}"
    }

    /// The settings as indented JSON, for reading and for request bodies in files.
    public var prettyJSON: String {
        "{\n" + spec.fields.map { "  \(JavaScriptText.json($0.name)): \(payloadValue($0).json(visible: true))" }.joined(separator: ",\n") + "\n}"
    }
}
