import Foundation

/// The calling settings of an app, as HubSpot's settings API and the `CallingExtensions` override take them.
public struct CallingSettings: Equatable, Sendable {
    /// The name users see in HubSpot.
    public var name: String
    /// The widget's URL.
    public var url: String
    /// The iframe's width in pixels.
    public var width: Int
    /// The iframe's height in pixels.
    public var height: Int
    /// False while testing: only then can the settings be tried with the override.
    public var isReady: Bool
    /// Whether calls can be placed from custom objects.
    public var supportsCustomObjects: Bool

    /// Settings with the demo's defaults.
    public init(name: String = "Calling DevKit demo", url: String = "https://localhost:9025/widget/", width: Int = 400,
                height: Int = 600, isReady: Bool = false, supportsCustomObjects: Bool = false) {
        self.name = name
        self.url = url
        self.width = width
        self.height = height
        self.isReady = isReady
        self.supportsCustomObjects = supportsCustomObjects
    }

    /// What is wrong with these settings, one sentence each (empty when they are fine).
    public func problems() -> [String] {
        var problems: [String] = []
        if name.isEmpty { problems.append("the name must not be empty") }
        if let reason = Self.urlProblem(url) { problems.append(reason) }
        if width <= 0 { problems.append("the width must be a positive whole number of pixels, not \(width)") }
        if height <= 0 { problems.append("the height must be a positive whole number of pixels, not \(height)") }
        return problems
    }

    /// Why a widget URL is not acceptable: HubSpot loads widgets over https (http only for this machine).
    static func urlProblem(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { return "the URL '\(text)' is not a full URL such as https://example.com/widget/" }
        if components.user != nil || components.password != nil { return "the URL must not contain a user name or password" }
        let local = ["localhost", "127.0.0.1", "[::1]", "::1"].contains(host.lowercased())
        switch scheme {
        case "https": return nil
        case "http" where local: return nil
        case "http": return "the URL must use https (http is allowed only for localhost): \(text)"
        default: return "the URL must use https, not \(scheme): \(text)"
        }
    }

    /// The settings as compact JSON, keys in the API's order, as `JSON.stringify` writes them.
    public var json: String { compactJSON(JavaScriptText.json) }

    /// The compact JSON with invisible characters escaped, for request bodies people read.
    public var visibleJSON: String { compactJSON(JavaScriptText.visibleJSON) }

    private func compactJSON(_ string: (String) -> String) -> String {
        "{\"name\":\(string(name)),\"url\":\(string(url)),\"width\":\(width),\"height\":\(height),"
            + "\"isReady\":\(isReady),\"supportsCustomObjects\":\(supportsCustomObjects)}"
    }

    /// The settings as indented JSON, for reading and for request bodies in files.
    public var prettyJSON: String {
        """
        {
          "name": \(JavaScriptText.visibleJSON(name)),
          "url": \(JavaScriptText.visibleJSON(url)),
          "width": \(width),
          "height": \(height),
          "isReady": \(isReady),
          "supportsCustomObjects": \(supportsCustomObjects)
        }
        """
    }
}
