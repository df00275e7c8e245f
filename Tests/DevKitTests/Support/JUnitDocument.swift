import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A JUnit XML report read back with XMLParser: the suites' counts and each test case's outcome.
struct JUnitDocument {
    struct TestCase: Equatable {
        var name: String
        var classname: String
        /// "passed", "failed" or "skipped".
        var outcome: String
        /// The failure's or skip's message attribute.
        var message: String?
        /// The failure's type attribute (the rule ids).
        var type: String?
        /// The text inside `<failure>`.
        var details: String = ""
    }

    /// The attributes of `<testsuites>`.
    var totals: [String: String] = [:]
    /// The attributes of each `<testsuite>`.
    var suites: [[String: String]] = []
    var testCases: [TestCase] = []

    /// Parses `xml`; throws when it is not well-formed.
    init(_ xml: String) throws {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw ServerProcessError(message: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")\n\(xml)")
        }
        totals = collector.totals
        suites = collector.suites
        testCases = collector.testCases
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var totals: [String: String] = [:]
        var suites: [[String: String]] = []
        var testCases: [TestCase] = []
        private var inFailure = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "testsuites": totals = attributes
            case "testsuite": suites.append(attributes)
            case "testcase":
                testCases.append(TestCase(name: attributes["name"] ?? "", classname: attributes["classname"] ?? "", outcome: "passed"))
            case "failure", "skipped":
                testCases[testCases.count - 1].outcome = name == "failure" ? "failed" : "skipped"
                testCases[testCases.count - 1].message = attributes["message"]
                testCases[testCases.count - 1].type = attributes["type"]
                inFailure = name == "failure"
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inFailure { testCases[testCases.count - 1].details += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "failure" { inFailure = false }
        }
    }
}
