import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG read back with Foundation's XML parser: proof it is well-formed, and its parts for checks.
struct DiagramSVGDocument {
    /// The parser's error, when the text is not well-formed XML.
    var error: String?
    /// The root element's attributes.
    var rootAttributes: [String: String] = [:]
    /// Every `id` attribute, in order.
    var ids: [String] = []
    /// Every element's name, in order.
    var elements: [String] = []
    /// Every `class` attribute value, in order.
    var classes: [String] = []
    /// The text of `<title>` and `<desc>`.
    var title = ""
    var desc = ""
    /// The text of every `<text>`, in order.
    var texts: [String] = []
    /// Attribute names used anywhere.
    var attributeNames: Set<String> = []
    /// Every attribute value, in order.
    var attributeValues: [String] = []

    /// Parses `svg`.
    init(_ svg: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        if !parser.parse() {
            error = parser.parserError.map { "\($0)" } ?? "not well-formed"
        }
        self.rootAttributes = collector.root
        self.ids = collector.ids
        self.elements = collector.elements
        self.classes = collector.classes
        self.title = collector.title
        self.desc = collector.desc
        self.texts = collector.texts
        self.attributeNames = collector.attributeNames
        self.attributeValues = collector.attributeValues
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: [String: String] = [:]
        var ids: [String] = []
        var elements: [String] = []
        var classes: [String] = []
        var title = ""
        var desc = ""
        var texts: [String] = []
        var attributeNames: Set<String> = []
        var attributeValues: [String] = []
        private var open: [String] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if elements.isEmpty { root = attributes }
            elements.append(elementName)
            open.append(elementName)
            if let id = attributes["id"] { ids.append(id) }
            if let value = attributes["class"] { classes.append(value) }
            attributeNames.formUnion(attributes.keys)
            attributeValues.append(contentsOf: attributes.keys.sorted().compactMap { attributes[$0] })
            if elementName == "text" { texts.append("") }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            switch open.last {
            case "title": title += string
            case "desc": desc += string
            case "text": texts[texts.count - 1] += string
            default: break
            }
        }
    }
}
