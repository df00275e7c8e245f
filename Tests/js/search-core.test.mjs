// The search core (Sources/DevKit/Theme/assets/search/search.mjs) against the golden index that the Swift tests
// build from Tests/js/fixtures/search/documents-*.json: what it finds, in which order, where each
// result points, what it shows, and what it downloads to get there.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, ORIGIN, fileFetch } from "./fixtures/search/file-fetch.mjs";
import { createSearch } from "../../Sources/DevKit/Theme/assets/search/search.mjs";

const EN = path.join(FIXTURES, "index/en");
const JA = path.join(FIXTURES, "index/ja");

function searchOver(folder, options) {
  const files = fileFetch(folder, options);
  const search = createSearch({ indexURL: `${ORIGIN}/search/`, fetch: files.fetch });
  return { search, files };
}

const text = (pieces) => pieces.map((piece) => piece.text).join("");
const marked = (pieces) => pieces.filter((piece) => piece.match).map((piece) => piece.text);

test("onDialNumber: the section whose heading names it, with the word marked in context", async () => {
  const { search } = searchOver(EN);
  const { total, results } = await search.query("onDialNumber");
  assert.ok(total >= 1);
  assert.equal(results[0].url, "/guides/testing/#handle-ondialnumber");
  assert.equal(results[0].title, "Testing your widget");
  assert.equal(results[0].heading, "Handle onDialNumber");
  assert.deepEqual(marked(results[0].headingPieces), ["onDialNumber"]);
  assert.ok(marked(results[0].snippet).includes("onDialNumber"), text(results[0].snippet));
});

test("a first search fetches the entry, the shards of its words and the fragments of its results only", async () => {
  const { search, files } = searchOver(EN);
  const all = fs.readdirSync(EN);
  const { results } = await search.query("gzip");
  const names = files.names();
  assert.equal(names[0], "index.json");
  const shards = names.filter((name) => name.startsWith("shard-"));
  const fragments = names.filter((name) => name.startsWith("fragment-"));
  assert.ok(shards.length >= 1 && shards.length <= 2, `shards fetched: ${shards}`);
  assert.ok(fragments.length >= 1 && fragments.length <= results.length, `fragments fetched: ${fragments}`);
  assert.equal(new Set(names).size, names.length, "no file fetched twice");
  assert.ok(names.length < all.length, `fetched ${names.length} of ${all.length} files`);
  assert.ok(files.bytes() < all.reduce((sum, name) => sum + fs.statSync(path.join(EN, name)).size, 0));

  files.reset();
  await search.query("gzip");
  assert.deepEqual(files.names(), [], "the same search again downloads nothing");
});

test("a command: its tldr page first (the title), linking to the page itself; then pages that mention it", async () => {
  const { search } = searchOver(EN);
  const { results } = await search.query("tar");
  assert.equal(results[0].url, "/pages/common/tar/");
  assert.equal(results[0].heading, "", "the page's own section has no heading to repeat");
  assert.deepEqual(marked(results[0].titlePieces), ["tar"]);
  assert.ok(results.some((result) => result.url === "/pages/common/gzip/"));
});

test("tar -xvf: every word present comes first and both are marked", async () => {
  const { search } = searchOver(EN);
  const { results } = await search.query("tar -xvf");
  assert.equal(results[0].url, "/pages/common/tar/");
  assert.equal(results[0].complete, true);
  assert.ok(marked(results[0].snippet).includes("xvf"), text(results[0].snippet));
  const firstIncomplete = results.findIndex((result) => !result.complete);
  if (firstIncomplete >= 0) assert.ok(results.slice(firstIncomplete).every((result) => !result.complete));
});

test("all words present first, then by score", async () => {
  const { search } = searchOver(EN);
  const { results } = await search.query("widget call");
  assert.ok(results.length >= 3);
  const complete = results.map((result) => result.complete);
  assert.deepEqual(complete, [...complete].sort((a, b) => Number(b) - Number(a)));
  const scores = results.filter((result) => result.complete).map((result) => result.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
});

test("a title outweighs a heading, which outweighs the text", async () => {
  const { search } = searchOver(EN);
  assert.equal((await search.query("messages")).results[0].url, "/reference/messages/");
  const { results } = await search.query("dialog");
  assert.equal(results[0].url, "/faq/#dialog");
});

test("the last word typed is a prefix; a finished word is not", async () => {
  const { search } = searchOver(EN);
  const dia = await search.query("dia");
  assert.ok(dia.results.some((result) => result.url.startsWith("/faq/")), "dialog, dialer");
  assert.ok(dia.results.some((result) => result.url.startsWith("/guides/testing/")), "dial, dialling");
  const onDial = await search.query("onDial");
  assert.equal(onDial.results[0].url, "/guides/testing/#handle-ondialnumber");
  assert.ok(marked(onDial.results[0].headingPieces).includes("onDialNumber"));
  assert.equal((await search.query("dia ")).total, 0, "with a space after it, dia is a whole word");
  const dial = await search.query("dial");
  assert.equal(dial.results[0].url, "/guides/testing/#dial-a-number", "the word typed outranks rarer words it starts (dialog)");
  assert.equal((await search.query("dia tar")).results.filter((result) => result.complete).length, 0);
});

test("identifiers: whole, by their pieces, and a compound the index only has longer", async () => {
  const { search } = searchOver(EN);
  assert.equal((await search.query("SET_WIDGET_URL")).results[0].url, "/reference/messages/#from-hubspot");
  assert.equal((await search.query("set widget url")).results[0].url, "/reference/messages/#from-hubspot");
  const js = await search.query("calling-extensions.js");
  assert.equal(js.results[0].url, "/guides/getting-started/#load-calling-extensionsjs");
  const compound = await search.query("calling-extensions install");
  assert.equal(compound.results[0].url, "/guides/getting-started/#install-the-bridge");
  assert.equal(compound.results[0].complete, true);
});

test("entities are searched as the characters they stand for", async () => {
  const { search } = searchOver(EN);
  const { results } = await search.query("quotes iframe");
  assert.equal(results[0].url, "/reference/messages/#escaping");
  assert.match(text(results[0].snippet), /<iframe> URLs keep "quotes" and &/);
});

test("Japanese: words without spaces, a lone character as a prefix, half-width kana", async () => {
  const { search } = searchOver(JA);
  const incoming = await search.query("着信");
  assert.equal(incoming.results[0].url, "/ja/guides/testing/#着信をテストする");
  assert.deepEqual(marked(incoming.results[0].headingPieces), ["着信"]);
  const button = await search.query("発信ボタン");
  assert.equal(button.results[0].url, "/ja/guides/testing/#発信");
  assert.ok(marked(button.results[0].snippet).includes("発信ボタン"), text(button.results[0].snippet));
  assert.equal((await search.query("着")).results[0].url.startsWith("/ja/guides/testing/"), true);
  assert.equal((await search.query("ハンカク")).results[0].url, "/ja/reference/messages/");
  assert.equal((await search.query("電話拡張SDK")).results[0].url, "/ja/guides/getting-started/");
  assert.equal((await search.query("calling-extensions.js")).results[0].url, "/ja/guides/getting-started/");
});

test("a long section is kept in pieces: a result fetches the piece where its word is", async () => {
  const { search, files } = searchOver(EN);
  const { results } = await search.query("zephyr");
  assert.equal(results[0].url, "/guides/long/#a-long-section");
  assert.deepEqual(marked(results[0].snippet), ["zephyr"]);
  assert.ok(text(results[0].snippet).startsWith("…"));
  const fragments = files.requests.filter((request) => request.name.startsWith("fragment-"));
  assert.equal(fragments.length, 1);
  assert.ok(fragments[0].bytes < 8000, `${fragments[0].bytes} bytes for one result of a ${8670}-byte page`);
});

test("no results: an empty answer, after fetching only what the word needs", async () => {
  const { search, files } = searchOver(EN);
  const answer = await search.query("zebra");
  assert.deepEqual(answer, { query: "zebra", total: 0, results: [] });
  assert.ok(files.names().every((name) => !name.startsWith("fragment-")));
});

test("hostile queries: very long, regular-expression characters, only punctuation", async () => {
  const { search, files } = searchOver(EN);
  for (const query of ["", "   ", "!!! ??? ...", "((.*+?^${}()|[]\\/", "&amp; <script>", "\u0000\u200b"]) {
    const answer = await search.query(query);
    assert.equal(answer.total, answer.results.length === 0 ? answer.total : answer.total);
    assert.ok(answer.results.every((result) => typeof result.url === "string"));
  }
  assert.equal((await search.query("((.*+?^${}()|[]\\/")).total, 0);
  assert.equal((await search.query("!!! ??? ...")).total, 0);
  files.reset();
  const long = await search.query("tar ".repeat(5000) + "x".repeat(50000));
  assert.equal(long.results[0].url, "/pages/common/tar/");
  assert.ok(files.requests.length <= 10, `a long query fetched ${files.requests.length} files`);
  const many = await search.query(Array.from({ length: 50 }, (_, i) => `word${i}`).join(" "));
  assert.equal(many.total, 0);
});

test("a rebuilt site: when the entry in hand names files that are gone, the entry is fetched again past the cache", async () => {
  const real = JSON.parse(fs.readFileSync(path.join(EN, "index.json"), "utf8"));
  const files = fileFetch(EN);
  let entries = 0;
  const fetch = async (url, options) => {
    if (url.endsWith("/index.json") && entries++ === 0) {
      return { ok: true, status: 200, json: async () => ({ ...real, version: "000000000000" }) };
    }
    return files.fetch(url, options);
  };
  const search = createSearch({ indexURL: `${ORIGIN}/search/`, fetch });
  const { results } = await search.query("tar");
  assert.equal(results[0].url, "/pages/common/tar/");
  const reload = files.requests.find((request) => request.name === "index.json");
  assert.equal(reload.options.cache, "reload");
});

test("an index of another format is refused with a clear error", async () => {
  const fetch = async () => ({ ok: true, status: 200, json: async () => ({ format: 99 }) });
  const search = createSearch({ indexURL: `${ORIGIN}/search/`, fetch });
  await assert.rejects(search.query("tar"), /not a format 1 index/);
});

test("an index under any sub-path is fetched relative to its folder", async () => {
  const files = fileFetch(EN, { prefix: "/calling-devkit/ja/search/" });
  const search = createSearch({ indexURL: `${ORIGIN}/calling-devkit/ja/search/`, fetch: files.fetch });
  assert.equal((await search.query("tar")).results[0].url, "/pages/common/tar/");
  assert.ok(files.requests.every((request) => request.url.startsWith(`${ORIGIN}/calling-devkit/ja/search/`)));
});
