/// The console statements and API requests a partner engineer pastes to try a widget in HubSpot:
/// the same text the `/setup/` page makes, for the terminal.
public enum Snippets {
    /// The localStorage key that installs one of HubSpot's demo widgets.
    public static let installDemoWidgetKey = "LocalSettings:Calling:installDemoWidget"
    /// The localStorage key that overrides the calling settings.
    public static let callingExtensionsKey = "LocalSettings:Calling:CallingExtensions"
    /// The settings API, with shell variables for the app and key.
    public static let settingsAPI = "https://api.hubapi.com/crm/v3/extensions/calling/${APP_ID}/settings?hapikey=${DEVELOPER_ACCOUNT_API_KEY}"

    /// The demo modes and what each loads.
    public static let demoModes: [(mode: String, meaning: String)] = [
        ("local", "the demo widget served by devkit serve at https://localhost:9025/"),
        ("app:js", "HubSpot's hosted minimal JavaScript demo"),
        ("app", "HubSpot's hosted React demo"),
    ]

    /// `localStorage.setItem("LocalSettings:Calling:installDemoWidget", "local");`
    public static func installDemoWidget(_ mode: String) -> String {
        "localStorage.setItem(\(JavaScriptText.literal(installDemoWidgetKey)), \(JavaScriptText.literal(mode)));"
    }

    /// The statement that removes an override again.
    public static func remove(_ key: String = installDemoWidgetKey) -> String {
        "localStorage.removeItem(\(JavaScriptText.literal(key)));"
    }

    /// The statement that stores exactly these settings as the `CallingExtensions` override.
    public static func callingExtensions(_ settings: CallingSettings) -> String {
        "localStorage.setItem(\(JavaScriptText.literal(callingExtensionsKey)), \(JavaScriptText.literal(settings.json)));"
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

    /// curl commands to create, update, read and delete the settings.
    public static func apiRequests(_ settings: CallingSettings) -> [Request] {
        let body = JavaScriptText.shellQuoted(settings.visibleJSON)
        func command(_ method: String, withBody: Bool) -> String {
            var lines = ["curl --request \(method)", "  --url \"\(settingsAPI)\""]
            if method != "DELETE" { lines.append("  --header 'accept: application/json'") }
            if withBody {
                lines.append("  --header 'content-type: application/json'")
                lines.append("  --data \(body)")
            }
            return lines.joined(separator: " \\\n")
        }
        return [
            Request(method: "POST", description: "Create the settings of your app.", command: command("POST", withBody: true)),
            Request(method: "PATCH", description: "Update the settings (for example set isReady to true when you go to production).",
                    command: command("PATCH", withBody: true)),
            Request(method: "GET", description: "Read the stored settings back.", command: command("GET", withBody: false)),
            Request(method: "DELETE", description: "Remove the settings.", command: command("DELETE", withBody: false)),
        ]
    }

    /// The console statements only: a valid script as a whole.
    public static func script(_ settings: CallingSettings) -> String {
        """
        // Run one of these in the browser console of a HubSpot tab, then reload the tab.
        // Use the demo widget served by devkit serve (https://localhost:9025/):
        \(installDemoWidget("local"))
        // Or use the widget at \(settings.url.replacingOccurrences(of: "\n", with: " ")):
        \(callingExtensions(settings))

        """
    }

    /// Everything, explained, for reading in a terminal.
    public static func text(_ settings: CallingSettings) -> String {
        var text = "Run the demo widget inside HubSpot (paste into the browser console of a HubSpot tab, then reload it):\n"
        for (mode, meaning) in demoModes {
            text += "  # \(mode): \(meaning)\n  \(installDemoWidget(mode))\n"
        }
        text += "  # undo\n  \(remove())\n\n"
        text += "Use your own widget in this browser only (settings below):\n  \(callingExtensions(settings))\n"
        text += "  # undo\n  \(remove(callingExtensionsKey))\n\n"
        text += "Settings payload:\n\(settings.prettyJSON)\n\n"
        text += "Calling settings API (export APP_ID and DEVELOPER_ACCOUNT_API_KEY from your developer account first):\n"
        for request in apiRequests(settings) {
            text += "  # \(request.method): \(request.description)\n" + request.command.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
