// devkit serve's live-reload stream and the back/forward cache, in real headless Chromium with the
// cache on (its default): every page holds one EventSource, and Chromium allows six connections per
// host, so pages kept in the cache must let theirs go. Ten pages in a row, then back, must all load,
// and the page restored from the cache must still reload after a rebuild.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot } from "./support/site-server.mjs";

const PAGES = ["/", "/getting-started/", "/install-sdk/", "/create-extension/", "/call-flow/", "/testing/",
  "/bridge/", "/simulator/", "/cli/", "/faq/"];
let contentDir;
let site;
let browser;

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("reload-streams.test.mjs needs the dev server: set DEVKIT_BIN.");
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-streams-"));
  fs.cpSync(path.join(repoRoot, "content"), path.join(contentDir, "content"), { recursive: true });
  site = await startSite({ serveArgs: ["--content", path.join(contentDir, "content")] });
  browser = await Browser.start({ windowSize: [1024, 800], args: site.browserArgs });
});

after(async () => {
  await browser?.quit();
  await site?.close();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

test("ten pages in a row and back again all load, and the restored page still reloads on an edit", { timeout: 90000 }, async () => {
  await browser.navigate(`${site.hostOrigin}${PAGES[0]}`);
  for (const page of PAGES) {
    // Each page notes whether it came back from the back/forward cache.
    await browser.execute(() => addEventListener("pageshow", (event) => { window.restoredFromCache = event.persisted; }));
    // As a reader goes, by the page's own navigation (a renderer-initiated one, which the cache keeps).
    await browser.execute((url) => { location.href = url; }, `${site.hostOrigin}${page}`);
    await browser.waitFor((expected) => location.pathname === expected, { args: [page], message: `${page} to open`, timeout: 8000 });
    await browser.waitFor(() => document.readyState === "complete" && document.querySelector("main"),
      { message: `${page} to load`, timeout: 8000 });
  }
  await browser.execute(() => history.back());
  await browser.waitFor((expected) => location.pathname === expected && document.readyState === "complete",
    { args: [PAGES.at(-2)], message: "the previous page back from the cache", timeout: 8000 });
  assert.equal(await browser.execute(() => window.restoredFromCache), true,
    "the page came back from the back/forward cache, the case this test is about");
  await browser.execute(() => { window.markedBeforeReload = true; });
  const cli = path.join(contentDir, "content", "cli.md");
  fs.appendFileSync(cli, "\n\nThe reload-streams test added this line.\n");
  await browser.waitFor(() => !window.markedBeforeReload && document.body.textContent.includes("The reload-streams test added this line."),
    { message: "the restored page to reload after the edit", timeout: 15000 });
  assert.equal(await browser.execute(() => location.pathname), "/cli/");
});
