import Foundation
import Testing
@testable import DevKit

/// Found by `scripts/fuzz --sanitizers` (AddressSanitizer, in BuildFaultTests): DirectoryListing copied
/// each entry's whole 256-byte `d_name`, reading past the end of readdir's buffer after a short record.
/// Under ASan this listing of many short and long names fails; without it, it checks every name is exact.
@Suite struct DirectoryListingTests {
    @Test func listsEveryNameExactly() throws {
        let folder = try TemporaryDirectory()
        var expected: [String] = []
        for index in 0..<600 {
            let name = index % 3 == 0 ? "\(index)" : String(repeating: "n", count: index % 200 + 1) + "-\(index).md"
            _ = try folder.write(name, "")
            expected.append(name)
        }
        _ = try folder.write("sub/inner.md", "")
        expected.append("sub")
        guard case let .success(entries) = DirectoryListing.entries(at: folder.url.path) else {
            Issue.record("the folder could not be listed")
            return
        }
        #expect(entries.map(\.name) == expected.sorted())
        #expect(entries.first { $0.name == "sub" }?.kind == .directory)
        #expect(entries.filter { $0.kind == .file }.count == 600)
    }
}
