/// The report as JUnit XML (`--report junit`), the format CI systems show as test results: one
/// `<testsuite>` for the widget, one `<testcase>` per scenario, `<failure>` naming the rule ids.
public enum JUnitReport {
    /// The XML document.
    public static func render(_ report: CheckReport) -> String {
        let failures = report.count(.failed)
        let skipped = report.count(.skipped)
        let counts = "tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(report.duration.reportSeconds)\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"devkit check\" \(counts)>",
            "  <testsuite name=\"\(escape("devkit check " + report.widgetURL))\" \(counts)>",
        ]
        for result in report.results {
            let open = "    <testcase name=\"\(escape(result.name))\" classname=\"\(escape("devkit.check." + result.source))\" time=\"\(result.duration.reportSeconds)\""
            let body = TextReport.details(result).joined(separator: "\n")
            switch result.status {
            case .passed:
                lines.append(open + "/>")
            case .skipped:
                lines.append(open + ">")
                lines.append("      <skipped message=\"\(escape(result.reason ?? "skipped"))\"/>")
                lines.append("    </testcase>")
            case .failed:
                let rules = result.ruleIds.joined(separator: " ")
                let message = [result.reason, rules.isEmpty ? nil : "rules: " + rules].compactMap { $0 }.joined(separator: "; ")
                lines.append(open + ">")
                lines.append("      <failure message=\"\(escape(message))\" type=\"\(escape(rules.isEmpty ? "step" : rules))\">\(escape(body, attribute: false))</failure>")
                lines.append("    </testcase>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside XML content and attribute values (control characters XML 1.0 forbids are dropped).
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
