/// Writes sections into fragments of about `limit` bytes of text, in page order.
struct SearchFragmentWriter {
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

    mutating func add(page: Int, document: SearchDocument, sectionNumber: Int, section: SearchSection?) {
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
        if let section {
            if sectionsInPage > 0 { json.raw(",") }
            json.raw("[")
            json.string(section.anchor); json.raw(",")
            json.string(section.heading); json.raw(",")
            json.string(section.text)
            json.raw("]")
            sectionsInPage += 1
            textBytes += section.anchor.utf8.count + section.heading.utf8.count + section.text.utf8.count
        }
        if textBytes >= limit { finishFragment() }
    }

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
