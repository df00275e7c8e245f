import DevKit
import Foundation
import Testing

/// JSON as `devkit check` sends it to chromedriver and writes it in reports.
@Suite struct JSONValueTests {
    @Test func aNumberJSONCannotHoldIsNullAndTheRestIsKept() {
        let value = JSONValue.object(["n": .number(.nan), "list": .array([.number(1), .number(-.infinity), .number(2.5)]), "s": .string("a/b")])
        #expect(value.jsonText == #"{"list":[1,null,2.5],"n":null,"s":"a/b"}"#)
    }
}
