/// The named character codes Mermaid text may use as `#name;` (a practical subset of HTML's names).
enum SequenceEntities {
    /// Name → character.
    static let named: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{00A0}", "semi": ";", "num": "#",
        "colon": ":", "comma": ",", "percnt": "%", "commat": "@", "excl": "!", "quest": "?", "lpar": "(", "rpar": ")",
        "lsqb": "[", "rsqb": "]", "lbrace": "{", "rbrace": "}", "verbar": "|", "bsol": "\\", "sol": "/", "ast": "*",
        "plus": "+", "minus": "\u{2212}", "equals": "=", "lowbar": "_", "dollar": "$", "Hat": "^", "grave": "`",
        "tilde": "\u{02DC}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "hellip": "\u{2026}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "bull": "\u{2022}", "middot": "\u{00B7}",
        "deg": "\u{00B0}", "plusmn": "\u{00B1}", "times": "\u{00D7}", "divide": "\u{00F7}", "micro": "\u{00B5}",
        "para": "\u{00B6}", "sect": "\u{00A7}", "larr": "\u{2190}", "uarr": "\u{2191}", "rarr": "\u{2192}",
        "darr": "\u{2193}", "harr": "\u{2194}", "lArr": "\u{21D0}", "rArr": "\u{21D2}", "hArr": "\u{21D4}",
        "infin": "\u{221E}", "ne": "\u{2260}", "le": "\u{2264}", "ge": "\u{2265}", "asymp": "\u{2248}",
        "hearts": "\u{2665}", "spades": "\u{2660}", "clubs": "\u{2663}", "diams": "\u{2666}", "check": "\u{2713}",
        "cross": "\u{2717}", "star": "\u{2606}", "starf": "\u{2605}", "euro": "\u{20AC}", "pound": "\u{00A3}",
        "yen": "\u{00A5}", "cent": "\u{00A2}", "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}",
        "sup2": "\u{00B2}", "sup3": "\u{00B3}", "alpha": "\u{03B1}", "beta": "\u{03B2}", "gamma": "\u{03B3}",
        "delta": "\u{03B4}", "lambda": "\u{03BB}", "mu": "\u{03BC}", "pi": "\u{03C0}", "sigma": "\u{03C3}",
        "omega": "\u{03C9}", "Delta": "\u{0394}", "Sigma": "\u{03A3}", "Omega": "\u{03A9}",
    ]

    /// The character for the code between `#` and `;` (decimal digits or a name), or nil when unknown
    /// or not writable in SVG.
    static func character(for code: String) -> String? {
        if let first = code.unicodeScalars.first, ("0"..."9").contains(first) {
            guard code.unicodeScalars.count <= 7, let value = UInt32(code), let scalar = Unicode.Scalar(value),
                  DiagramXMLText.isAllowed(scalar) else { return nil }
            return String(scalar)
        }
        return named[code]
    }
}
