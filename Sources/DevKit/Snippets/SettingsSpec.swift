import Foundation

/// `site/setup/calling-settings.json`: the one description of the override snippets and the calling
/// settings requests, read by the `/setup/` page and by `devkit snippets` alike.
public struct SettingsSpec: Decodable, Sendable {
    /// Where the file lives inside the site folder.
    public static let relativePath = "setup/calling-settings.json"

    /// The localStorage keys.
    public struct Keys: Decodable, Sendable {
        public var installDemoWidget: String
        public var callingExtensions: String
        public var retiredCallingExtensions: String
    }

    /// One value of the installDemoWidget key and what HubSpot loads for it.
    public struct DemoMode: Decodable, Sendable {
        public var mode: String
        public var meaning: String
    }

    /// One field of the settings API, in the order HubSpot documents them.
    public struct Field: Decodable, Sendable {
        /// text, url, pixels or boolean.
        public enum Kind: String, Decodable, Sendable { case text, url, pixels, boolean }
        public var name: String
        public var type: Kind
        public var `default`: SettingValue
        /// The command-line flag's name when it is not the field's name in kebab case (`ready`).
        public var option: String?
        public var help: String

        /// The long option of `devkit snippets`: `supportsCustomObjects` → `supports-custom-objects`.
        public var optionName: String {
            option ?? name.unicodeScalars.map { CharacterSet.uppercaseLetters.contains($0) ? "-" + String($0).lowercased() : String($0) }.joined()
        }
    }

    /// One request to HubSpot's API; `body` is the settings themselves or fixed example pairs.
    public struct Request: Decodable, Sendable {
        public enum Body: Decodable, Sendable {
            case settings
            case pairs([(String, SettingValue)])

            public init(from decoder: Decoder) throws {
                if let word = try? decoder.singleValueContainer().decode(String.self), word == "settings" {
                    self = .settings
                    return
                }
                var list = try decoder.unkeyedContainer()
                var pairs: [(String, SettingValue)] = []
                while !list.isAtEnd {
                    var pair = try list.nestedUnkeyedContainer()
                    pairs.append((try pair.decode(String.self), try pair.decode(SettingValue.self)))
                }
                self = .pairs(pairs)
            }
        }

        public var method: String
        public var url: String
        /// Extra headers, written in double quotes so the shell fills in `${VARIABLES}`.
        public var headers: [String]?
        public var body: Body?
        public var description: String
    }

    public var keys: Keys
    public var demoModes: [DemoMode]
    public var fields: [Field]
    public var messages: [String: String]
    public var localHosts: [String]
    public var requests: [Request]

    /// The message `id` with its `{placeholders}` filled in.
    func message(_ id: String, _ values: [String: String] = [:]) -> String {
        var text = messages[id] ?? id
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Reads the file from a site folder; a problem is a diagnostic naming the file.
    public static func load(siteDirectory: URL, displayPath: String? = nil) throws -> SettingsSpec {
        let file = siteDirectory.appendingPathComponent(relativePath)
        let shown = displayPath ?? file.path
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw Diagnostic(path: shown, message: "cannot read the settings description (\(error.localizedDescription)); run devkit from the project root or pass --site")
        }
        do {
            return try JSONDecoder().decode(SettingsSpec.self, from: data)
        } catch {
            throw Diagnostic(path: shown, message: "not a valid settings description: \(error)")
        }
    }
}

/// A field's value: the JSON types the settings API takes.
public enum SettingValue: Decodable, Equatable, Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// JSON as `JSON.stringify` writes it (`visible`: invisible characters as `\u` escapes).
    func json(visible: Bool) -> String {
        switch self {
        case .text(let text): visible ? JavaScriptText.visibleJSON(text) : JavaScriptText.json(text)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        }
    }
}
