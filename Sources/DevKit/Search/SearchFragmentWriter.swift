/// Writes sections into fragments of about `limit` bytes of text, in page order. Each section comes
/// already encoded (`encode(_:)`, done page by page in parallel), so writing a fragment is copying.
struct SearchFragmentWriter {
    /// A section as a fragment holds it: `["anchor","heading","text"]`.
    static func encode(_ section: SearchSection) -> [UInt8] {
        var json = SearchJSONWriter(capacity: section.text.utf8.count + section.heading.utf8.count + section.anchor.utf8.count + 16)
        json.raw("[")
        json.string(section.anchor); json.raw(",")
        json.string(section.heading); json.raw(",")
        json.string(section.text)
        json.raw("]")
        return json.bytes
    }

    let limit: Int
    var fragments: [[UInt8]] = []
    var starts: [(page: Int, section: Int)] = []
    private var json = SearchJSONWriter()
    private var isOpen = false
    private var openPage: Int?
    private var sectionsInPage = 0
    private var textBytes = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds section `sectionNumber` of a page (`encoded` by `encode(_:)`), or the page alone when `encoded` is nil.
    mutating func add(page: Int, document: SearchDocument, sectionNumber: Int, encoded: [UInt8]?) {
        if !isOpen {
            json = SearchJSONWriter(capacity: limit + 4096)
            json.raw("{")
            json.key("pages")
            json.raw("[")
            starts.append((page, sectionNumber))
            isOpen = true
        }
        if openPage != page {
            if openPage != nil { json.raw("]},") }
            json.raw("{")
            json.key("page"); json.integer(page); json.raw(",")
            json.key("url"); json.string(document.url); json.raw(",")
            json.key("title"); json.string(document.title); json.raw(",")
            json.key("first"); json.integer(sectionNumber); json.raw(",")
            json.key("sections"); json.raw("[")
            openPage = page
            sectionsInPage = 0
            textBytes += document.url.utf8.count + document.title.utf8.count
        }
        if let encoded {
            if sectionsInPage > 0 { json.raw(",") }
            json.append(encoded)
            sectionsInPage += 1
            textBytes += encoded.count
        }
        if textBytes >= limit { finishFragment() }
    }

    /// Closes the fragment being written, if any.
    mutating func finishFragment() {
        guard isOpen else { return }
        if openPage != nil { json.raw("]}") }
        json.raw("]}\n")
        fragments.append(json.bytes)
        isOpen = false
        openPage = nil
        textBytes = 0
    }
}
