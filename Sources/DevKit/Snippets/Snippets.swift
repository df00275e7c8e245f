/// The console statements and API requests a partner engineer pastes to try a widget in HubSpot:
/// the same text the `/setup/` page makes from the same description, for the terminal.
public enum Snippets {
    /// `localStorage.setItem("LocalSettings:Calling:installDemoWidget", "local");`
    public static func installDemoWidget(_ mode: String, spec: SettingsSpec) -> String {
        "localStorage.setItem(\(JavaScriptText.literal(spec.keys.installDemoWidget)), \(JavaScriptText.literal(mode)));"
    }

    /// The statement that removes a localStorage setting again.
    public static func remove(_ key: String) -> String {
        "localStorage.removeItem(\(JavaScriptText.literal(key)));"
    }

    /// The statement that stores exactly these settings as the `CallingExtensions` override.
    public static func callingExtensions(_ settings: CallingSettings) -> String {
        "localStorage.setItem(\(JavaScriptText.literal(settings.spec.keys.callingExtensions)), \(JavaScriptText.literal(settings.json)));"
    }

    /// One request to the settings API.
    public struct Request: Equatable, Sendable {
        /// POST, PATCH, GET or DELETE.
        public var method: String
        /// What it does.
        public var description: String
        /// A curl command for POSIX shells.
        public var command: String
    }

    /// curl commands for the settings API and its recording and channel-connection settings.
    public static func apiRequests(_ settings: CallingSettings) -> [Request] {
        settings.spec.requests.map { request in
            var lines = ["curl --request \(request.method)", "  --url \"\(request.url)\""] + (request.headers ?? []).map { "  --header \"\($0)\"" }
            if request.method != "DELETE" { lines.append("  --header 'accept: application/json'") }
            if let body = request.body {
                lines.append("  --header 'content-type: application/json'")
                lines.append("  --data \(JavaScriptText.shellQuoted(json(body, settings)))")
            }
            return Request(method: request.method, description: request.description, command: lines.joined(separator: " \\\n"))
        }
    }

    private static func json(_ body: SettingsSpec.Request.Body, _ settings: CallingSettings) -> String {
        switch body {
        case .settings:
            return settings.visibleJSON
        case .pairs(let pairs):
            let members = pairs.map { key, value -> String in
                let filled = if case .text(let text) = value { SettingValue.text(text.replacingOccurrences(of: "{origin}", with: settings.origin)) } else { value }
                return "\(JavaScriptText.json(key)):\(filled.json(visible: true))"
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// The console statements only: a valid script as a whole.
    public static func script(_ settings: CallingSettings) -> String {
        """
        // Run one of these in the browser console of a HubSpot tab, then reload the tab.
        // Use the demo widget served by devkit serve (https://localhost:9025/):
        \(installDemoWidget("local", spec: settings.spec))
        // Or use the widget at \(settings.url.replacingOccurrences(of: "\n", with: " ")):
        \(callingExtensions(settings))

        """
    }

    /// Everything, explained, for reading in a terminal.
    public static func text(_ settings: CallingSettings) -> String {
        let spec = settings.spec
        var text = "Run the demo widget inside HubSpot (paste into the browser console of a HubSpot tab, then reload it):\n"
        for demo in spec.demoModes {
            text += "  # \(demo.mode): \(demo.meaning)\n  \(installDemoWidget(demo.mode, spec: spec))\n"
        }
        text += "  # undo\n  \(remove(spec.keys.installDemoWidget))\n\n"
        text += "Use your own widget in this browser only (settings below):\n  \(callingExtensions(settings))\n"
        text += "  # undo\n  \(remove(spec.keys.callingExtensions))\n"
        text += "  # override does nothing? The key is \(spec.keys.callingExtensions); HubSpot no longer reads \(spec.keys.retiredCallingExtensions).\n\n"
        text += "Settings payload:\n\(settings.prettyJSON)\n\n"
        text += "Calling settings API (export APP_ID and DEVELOPER_ACCOUNT_API_KEY from your developer account first):\n"
        for request in apiRequests(settings) {
            text += "  # \(request.method): \(request.description)\n" + request.command.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
