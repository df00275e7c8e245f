@testable import DevKit
import Testing

/// What the index reads from a page's HTML: sections at headings with ids, tags stripped,
/// references decoded, code kept, buttons and scripts left out.
@Suite struct SearchTextExtractorTests {
    private func sections(_ html: String) -> [SearchSection] {
        SearchTextExtractor.sections(in: html)
    }

    @Test func textBeforeTheFirstHeadingIsThePagesOwnSection() {
        let html = "<p>Intro text.</p>\n<h2 id=\"setup\">Setup<a class=\"anchor\" href=\"#setup\" aria-label=\"Link to this section\"></a></h2>\n<p>Run it.</p>\n"
        #expect(sections(html) == [
            SearchSection(anchor: "", heading: "", text: "Intro text."),
            SearchSection(anchor: "setup", heading: "Setup", text: "Run it."),
        ])
    }

    @Test func aLevelOneHeadingAtTheTopIsThePageItself() {
        let html = "<h1 id=\"tar\">tar<a class=\"anchor\" href=\"#tar\"></a></h1>\n<p>Archiving utility.</p>\n<h2 id=\"more\">More</h2><p>x</p>"
        #expect(sections(html) == [
            SearchSection(anchor: "", heading: "tar", text: "Archiving utility."),
            SearchSection(anchor: "more", heading: "More", text: "x"),
        ])
    }

    @Test func aLevelOneHeadingAfterTextStartsASection() {
        #expect(sections("<p>a</p><h1 id=\"b\">B</h1><p>c</p>") == [
            SearchSection(anchor: "", heading: "", text: "a"),
            SearchSection(anchor: "b", heading: "B", text: "c"),
        ])
    }

    @Test func headingsKeepTheirInlineMarkupAsText() {
        let html = "<h3 id=\"handle-ondialnumber\">Handle <code>onDialNumber</code> <em>now</em><a class=\"anchor\" href=\"#handle-ondialnumber\"></a></h3><p>Body</p>"
        #expect(sections(html) == [SearchSection(anchor: "handle-ondialnumber", heading: "Handle onDialNumber now", text: "Body")])
    }

    @Test func headingsWithoutAnIdDoNotStartASection() {
        #expect(sections("<p>a</p><h2>Plain</h2><p>b</p>") == [SearchSection(anchor: "", heading: "", text: "a Plain b")])
    }

    @Test(arguments: [
        ("&amp; &lt; &gt; &quot; &#39; &apos;", "& < > \" ' '"),
        ("&#65;&#x42;&#X43; &#128512; &#xA0;x", "ABC 😀 \u{A0}x"),
        ("&nbsp;&copy;&mdash;&hellip;", "\u{A0}©—…"),
        ("&unknown; & alone &amp", "&unknown; & alone &amp"),
        ("&#0; &#xD800; &#99999999;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
    ])
    func decodesCharacterReferences(html: String, text: String) {
        #expect(sections("<p>\(html)</p>").first?.text == text)
    }

    @Test func anchorsAreDecodedToo() {
        #expect(sections("<h2 id=\"a&amp;b\">A &amp; B</h2><p>x</p>").first?.anchor == "a&b")
    }

    @Test func codeIsKeptAndTheCopyButtonIsNot() {
        let html = "<div class=\"code-block\"><button type=\"button\" class=\"copy\" aria-label=\"Copy code\">Copy</button><pre><code class=\"language-sh\"><span class=\"hl-prompt\">$ </span>tar -xvf <span class=\"hl-str\">&quot;a.tar&quot;</span>\nls</code></pre></div>"
        #expect(sections(html).first?.text == "$ tar -xvf \"a.tar\" ls")
    }

    @Test func inlineTagsDoNotSplitWordsAndBlockTagsDo() {
        #expect(sections("<p>on<code>Dial</code><strong>Number</strong></p><p>next</p><ul><li>one</li><li>two</li></ul>").first?.text
            == "onDialNumber next one two")
        #expect(sections("<p>see<sup class=\"footnote-ref\"><a href=\"#fn-1\">1</a></sup> x<br>y</p>").first?.text == "see 1 x y")
    }

    @Test func scriptsStylesCommentsPicturesAndTemplatesAreLeftOut() {
        let html = "<p>a</p><script>if (a < b) { x = '</p>' }</script><style>p{}</style><!-- <p>no</p> -->"
            + "<svg><title>t</title><svg><text>inner</text></svg><text>outer</text></svg><template><p>no</p></template><p>b</p>"
        #expect(sections(html).first?.text == "a b")
    }

    @Test func imagesCountAsTheirAltText() {
        #expect(sections("<p><img src=\"a.png\" alt=\"A &amp; B diagram\">shows</p>").first?.text == "A & B diagram shows")
    }

    @Test func whiteSpaceIsCollapsedAndLoneAngleBracketsStay() {
        #expect(sections("<p>  a \n\t b  </p>\n\n<p> 1 < 2 </p>").first?.text == "a b 1 < 2")
    }

    @Test func emptyAndUnclosedInputGiveWhatThereIs() {
        #expect(sections("") == [])
        #expect(sections("<h2 id=\"x\">Open heading") == [SearchSection(anchor: "x", heading: "Open heading", text: "")])
        #expect(sections("<p>text <b") == [SearchSection(anchor: "", heading: "", text: "text <b")])
    }

    @Test func everyRoleConstantNamesItsElements() {
        for (names, role) in SearchTag.namesByRole {
            for name in names {
                var html = "<\(name)>"
                let tag = html.withUTF8 { SearchTag($0, at: 0) }
                #expect(tag?.name == SearchTag.packed(name), "\(name)")
                let found: String
                switch tag?.role {
                case .inline: found = "inline"
                case .skipped: found = "skipped"
                case .rawText: found = "rawText"
                case .image: found = "image"
                case .heading: found = "heading"
                case .block: found = "block"
                case nil: found = "none"
                }
                #expect(found == role, "<\(name)> should be \(role)")
            }
        }
    }
}
