// Search on the built guides (DEVKIT_SITE_DIR, what `devkit build` wrote), served by a plain static
// server as any host would: "onDialNumber" finds the handler's section in English, a Japanese word
// finds a Japanese page in /ja/ from that language's own index, and the first search downloads only a
// small part of the index.
//
//   DEVKIT_SITE_DIR=dist node --test Tests/browser/search-site.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { serveStatic } from "./support/static-server.mjs";
import { press } from "./support/a11y-keyboard.mjs";

const siteDir = process.env.DEVKIT_SITE_DIR;
let server;
let browser;

before(async () => {
  assert.ok(siteDir && fs.existsSync(path.join(siteDir, "search", "index.json")), "DEVKIT_SITE_DIR holds a built site with its search index");
  server = await serveStatic({ root: path.resolve(siteDir), fixtures: path.resolve(siteDir) });
  browser = await Browser.start({ windowSize: [1280, 900] });
});

after(async () => {
  await browser?.quit();
  await server?.close();
});

async function search(page, text) {
  server.requests.length = 0;
  await browser.navigate(`http://127.0.0.1:${server.port}${page}`);
  await browser.waitFor(() => document.readyState === "complete", { message: `${page} to load` });
  await press(browser, "/");
  await press(browser, [...text]);
  await browser.waitFor(() => document.querySelectorAll("#search-results [role=option]").length > 0, { message: `results for ${text}` });
  return browser.execute(() => [...document.querySelectorAll("#search-results [role=option]")].map((option) => ({
    href: option.getAttribute("href"), text: option.textContent,
  })));
}

test("onDialNumber leads to the handler's section of the reference", { timeout: 60000 }, async () => {
  const results = await search("/getting-started/", "onDialNumber");
  assert.ok(results.some((result) => result.href === "/reference/host-events/#ondialnumber"), JSON.stringify(results.map((r) => r.href)));
  const fetched = server.requests.filter((request) => request.path.startsWith("/search/")).map((request) => request.path);
  assert.ok(fetched.includes("/search/index.json"));
  assert.ok(fetched.length < 12, `a first search fetches a few files: ${fetched}`);
  assert.ok(!server.requests.some((request) => request.path.startsWith("/ja/search/")), "the English page searches the English index");
});

test("a Japanese word finds Japanese pages from the Japanese index", { timeout: 60000 }, async () => {
  const results = await search("/ja/testing/", "着信");
  assert.ok(results.length > 0);
  assert.ok(results.every((result) => result.href.startsWith("/ja/")), JSON.stringify(results.map((r) => r.href)));
  assert.ok(server.requests.some((request) => request.path === "/ja/search/index.json"));
});
