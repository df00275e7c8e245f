// The browser's tokenizer against the Swift one: every case of tokens.json (written by
// SearchTokenizerTests.swift from the Swift code) must split into the same terms, of the same kinds;
// and the spans it reports cover what each term was made from.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES } from "./fixtures/search/file-fetch.mjs";
import { forEachTerm, tokens } from "../../Sources/DevKit/Theme/assets/search/tokenizer.mjs";

const { cases } = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokens.json"), "utf8"));

test("tokens.json has the cases the Swift tests wrote", () => {
  assert.ok(cases.length >= 10);
  assert.ok(cases.some((c) => c.tokens.some(([, kind]) => kind === "cjk")));
  assert.ok(cases.some((c) => c.tokens.some(([, kind]) => kind === "part")));
});

for (const { text, tokens: expected } of cases) {
  test(`same terms as Swift: ${JSON.stringify(text).slice(0, 60)}`, () => {
    assert.deepEqual(tokens(text).map(({ term, kind }) => [term, kind]), expected);
  });
}

test("spans point at the text each term came from", () => {
  const seen = [];
  const text = "Call onDialNumber, then 発信ボタン and ｶﾞｲﾄﾞ 😀 x";
  forEachTerm(text, (term, kind, start, end) => seen.push([term, kind, text.slice(start, end)]));
  assert.deepEqual(seen, [
    ["call", "word", "Call"],
    ["ondialnumber", "word", "onDialNumber"],
    ["on", "part", "on"],
    ["dial", "part", "Dial"],
    ["number", "part", "Number"],
    ["then", "word", "then"],
    ["発信", "cjk", "発信"],
    ["信ボ", "cjk", "信ボ"],
    ["ボタ", "cjk", "ボタ"],
    ["タン", "cjk", "タン"],
    ["and", "word", "and"],
    ["ガイ", "cjk", "ｶﾞｲ"],
    ["イド", "cjk", "ｲﾄﾞ"],
    ["x", "word", "x"],
  ]);
});

test("hostile text tokenizes quickly and safely", () => {
  assert.deepEqual(tokens("((((.*+?^${}()|[]\\/))))"), []);
  assert.deepEqual(tokens("-".repeat(10000)), []);
  const long = "a".repeat(100000);
  assert.deepEqual(tokens(long), []);
  assert.equal(tokens("ab ".repeat(20000)).length, 20000);
});
