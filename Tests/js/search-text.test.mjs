// The pure pieces of the search core on their own: reading a query into groups, cutting a snippet
// around the found words, decoding postings and ordering terms by code point as the index does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAXIMUM_GROUPS, parseQuery } from "../../Sources/DevKit/Theme/assets/search/query.mjs";
import { highlight, snippet, SNIPPET_LENGTH } from "../../Sources/DevKit/Theme/assets/search/snippet.mjs";
import { compareCodePoints, decodePostings } from "../../Sources/DevKit/Theme/assets/search/index-store.mjs";

const brief = (groups) => groups.map(({ term, kind, parts, prefix }) => [term, kind, parts.join(" "), prefix]);
const render = (pieces) => pieces.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

test("a query: one group per word, its pieces kept aside, the last word a prefix while typed", () => {
  assert.deepEqual(brief(parseQuery("tar -xvf")), [["tar", "word", "", false], ["xvf", "word", "", true]]);
  assert.deepEqual(brief(parseQuery("tar ")), [["tar", "word", "", false]], "a space after it: a whole word");
  assert.deepEqual(brief(parseQuery("calling-extensions.js x")), [
    ["calling-extensions.js", "word", "calling extensions js", false], ["x", "word", "", false],
  ], "a one-letter last word is not a prefix");
  assert.deepEqual(brief(parseQuery("onDialNumber")), [["ondialnumber", "word", "on dial number", true]]);
});

test("a query in Japanese: bigrams, and a lone character as a prefix", () => {
  assert.deepEqual(brief(parseQuery("発信ボタン")).map(([term]) => term), ["発信", "信ボ", "ボタ", "タン"]);
  assert.deepEqual(brief(parseQuery("着")), [["着", "cjk", "", true]]);
  assert.deepEqual(brief(parseQuery("API 着信")), [["api", "word", "", false], ["着信", "cjk", "", false]]);
});

test("a query repeats nothing and stays small", () => {
  assert.deepEqual(brief(parseQuery("tar tar TAR")), [["tar", "word", "", false], ["tar", "word", "", true]]);
  assert.equal(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")).length, MAXIMUM_GROUPS);
  assert.deepEqual(parseQuery("!!! ... ((( )))"), []);
  assert.deepEqual(parseQuery(undefined), []);
  assert.ok(parseQuery("a".repeat(100000)).length <= 1);
});

test("a snippet: the stretch with the most query words, cut at word boundaries, marked, with ellipses", () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
  words[60] = "needle";
  words[62] = "haystack";
  const text = words.join(" ");
  const pieces = snippet(text, (term) => term === "needle" || term === "haystack");
  const shown = render(pieces);
  assert.ok(shown.startsWith("…") && shown.endsWith("…"), shown);
  assert.match(shown, /\[needle\] word61 \[haystack\]/);
  assert.ok(shown.length <= SNIPPET_LENGTH + 45, `${shown.length} characters`);
  const visible = shown.slice(1, -1).replace(/[[\]]/g, "").trim().split(" ");
  assert.ok(words.includes(visible[0]) && words.includes(visible.at(-1)), `cut at word boundaries: ${visible[0]} … ${visible.at(-1)}`);
  for (const piece of pieces.slice(1, -1)) assert.ok(!piece.text.includes("…"));
});

test("a snippet of a short text is the whole text; without a match it is the start", () => {
  assert.equal(render(snippet("Archiving utility.", (t) => t === "utility")), "Archiving [utility].");
  const long = "start ".repeat(60);
  const shown = render(snippet(long, () => false));
  assert.ok(shown.startsWith("start start") && shown.endsWith("…"));
});

test("marks: a whole word when it matches, a piece when only the piece does, CJK bigrams joined", () => {
  assert.equal(render(highlight("Use onDialNumber here", (t) => t === "ondialnumber")), "Use [onDialNumber] here");
  assert.equal(render(highlight("Use onDialNumber here", (t) => t === "dial")), "Use on[Dial]Number here");
  assert.equal(render(highlight("発信ボタンを押す", (t) => ["発信", "信ボ", "ボタ", "タン"].includes(t))), "[発信ボタン]を押す");
  assert.equal(render(highlight("<script>alert(1)</script>", (t) => t === "script")), "<[script]>alert(1)</[script]>", "text stays text");
});

test("a snippet never cuts a surrogate pair", () => {
  const text = `${"𠮷".repeat(120)} 野家 ${"𠮷".repeat(120)}`;
  for (const piece of snippet(text, (t) => t === "野家")) {
    assert.ok(!/^[\uDC00-\uDFFF]/.test(piece.text) && !/[\uD800-\uDBFF]$/.test(piece.text), JSON.stringify(piece.text.slice(0, 4)));
  }
});

test("postings decode from their base-64 digits", () => {
  // page 0 slot 1 weight 5; page 33 (delta 33 = digits 33-32=1,+1*32 → "hB"), slot 0, weight 63
  const decoded = decodePostings("ABF" + "hBA_");
  assert.deepEqual([...decoded.pages], [0, 33]);
  assert.deepEqual([...decoded.slots], [1, 0]);
  assert.deepEqual([...decoded.weights], [5, 63]);
  assert.equal(decoded.documents, 2);
  assert.deepEqual([...decodePostings("ABFAAF").pages], [0, 0], "a second posting on the same page (its title and a section)");
  assert.equal(decodePostings("ABFAAF").documents, 1);
  assert.throws(() => decodePostings("A!F"), /bad postings digit/);
});

test("terms compare by code point, as the index sorts them", () => {
  assert.ok(compareCodePoints("a", "b") < 0);
  assert.ok(compareCodePoints("ab", "a") > 0);
  assert.ok(compareCodePoints("\uFF66", "𠮷") < 0, "U+FF66 before U+20BB7, though its UTF-16 unit is larger");
  assert.ok("\uFF66" > "𠮷", "(JavaScript's own < says otherwise)");
  assert.equal(compareCodePoints("着信", "着信"), 0);
});
