import Foundation

/// Names and addresses that always mean this machine: `localhost` and its subdomains, 127.0.0.0/8 and
/// `::1` (with or without brackets). `127.example.com` is a name, not a loopback address.
public enum LoopbackHost {
    /// Whether `host` is this machine's loopback interface.
    public static func contains(_ host: String) -> Bool {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0)! <= 255 })
        else { return false }
        return octets[0] == "127"
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
