// The build-error overlay of `devkit serve` in real headless Chromium: a page open at /faq/, its
// Markdown broken on disk (malformed YAML front matter) shows #devkit-error-overlay naming the file while
// the server keeps serving the last good page; fixing the file removes the overlay and the page reloads
// itself with the new content. Needs the real dev server:
//
//   DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/overlay.test.mjs
//
// The server reads a temporary copy of content/ (--content), so the repository's files are never edited.
// Screenshots go to artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot } from "./support/site-server.mjs";

const artifacts = path.join(repoRoot, "artifacts");
const OLD_TEXT = "How are users authenticated?"; // a heading of content/faq.md
const MARKER = "The overlay test fixed this page.";
const BROKEN = "---\ntitle: [broken\n---\nBody\n";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let contentDir; // the temporary folder holding the content copy
let faq; // the copy's faq.md
let site;
let browser;

before(async () => {
  if (!process.env.DEVKIT_BIN) {
    throw new Error("overlay.test.mjs needs the real dev server: build it (`swift build`), then run "
      + "`DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/overlay.test.mjs`.");
  }
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-content-"));
  const content = path.join(contentDir, "content");
  fs.cpSync(path.join(repoRoot, "content"), content, { recursive: true });
  faq = path.join(content, "faq.md");
  site = await startSite({ serveArgs: ["--content", content] });
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  browser = await Browser.start({ windowSize: [1024, 800], args: site.browserArgs });
});

after(async () => {
  await browser?.quit();
  await site?.close();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

/**
 * Polls `script` in the page until it returns something truthy. WebDriver errors while the page reloads
 * (a script run across a navigation) are retried; the last value or error is in the timeout's message.
 */
async function poll(script, { timeout = 10000, interval = 100, message }) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await browser.execute(script);
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `last error: ${last.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${message} (${detail}).\nServer output:\n${site.output()}`);
    }
    await sleep(interval);
  }
}

test("a broken page shows the error overlay, the last good page stays served, and a fix clears it and reloads", { timeout: 30000 }, async () => {
  const original = fs.readFileSync(faq, "utf8");
  assert.ok(original.includes(OLD_TEXT), `content/faq.md has the heading "${OLD_TEXT}" that this test looks for`);
  // The fix keeps the body (other pages link to its anchors; with --links error, dropping them would be
  // a build error too) and changes the title and adds a marker sentence.
  const fixed = original.replace(/^title: FAQ$/m, "title: FAQ fixed") + `\n${MARKER}\n`;
  assert.notEqual(fixed.indexOf("title: FAQ fixed"), -1, "the fix changes faq.md's title");

  const url = `${site.widgetOrigin}/faq/`;
  await browser.navigate(url);
  const loaded = await poll(() => document.readyState === "complete"
    && document.querySelector('script[src="/__devkit/client.js"]') !== null
    && { text: document.body.innerText, overlay: document.getElementById("devkit-error-overlay") !== null },
  { message: "/faq/ to load with the dev script" });
  assert.ok(loaded.text.includes(OLD_TEXT), "the page shows faq.md");
  assert.ok(!loaded.text.includes(MARKER));
  assert.equal(loaded.overlay, false, "no overlay while the build is good");
  await sleep(300); // time for the EventSource to connect (if it connects later, its hello event carries the errors anyway)
  // Survives only as long as the page does not reload.
  await browser.execute(() => (window.overlayTestNoReload = true));

  // Break it.
  fs.writeFileSync(faq, BROKEN);
  const shown = await poll(() => {
    const overlay = document.getElementById("devkit-error-overlay");
    if (!overlay) return null;
    const text = overlay.innerText;
    if (!text.includes("faq.md:") || !text.includes("error: malformed YAML")) return null;
    const box = overlay.getBoundingClientRect();
    return {
      text,
      errors: [...overlay.querySelectorAll("pre")].map((pre) => pre.textContent),
      role: overlay.getAttribute("role"),
      position: getComputedStyle(overlay).position,
      covers: box.left === 0 && box.top === 0 && box.width >= document.documentElement.clientWidth
        && box.height >= document.documentElement.clientHeight,
      noReload: window.overlayTestNoReload === true,
      pageText: document.body.innerText,
    };
  }, { message: "#devkit-error-overlay naming faq.md with `error: malformed YAML`" });
  await browser.screenshot(path.join(artifacts, "overlay-shown.png"));
  assert.ok(shown.errors.length >= 1, "one <pre> per error");
  const yaml = shown.errors.find((error) => error.includes("error: malformed YAML"));
  assert.match(yaml, /faq\.md:\d+:\d+: error: malformed YAML/, "the error names file:line:column");
  assert.equal(shown.role, "alert");
  assert.equal(shown.position, "fixed");
  assert.ok(shown.covers, "the overlay covers the viewport");
  assert.match(shown.text, /Build failed: the last good version is still served/);
  assert.equal(shown.noReload, true, "a failed build does not reload the page");
  assert.ok(shown.pageText.includes(OLD_TEXT), "the page under the overlay is still the old one");

  // While broken, the server still serves the last good /faq/.
  const served = await browser.execute(() => fetch("/faq/", { cache: "no-store" })
    .then(async (response) => ({ status: response.status, type: response.headers.get("content-type"), html: await response.text() })));
  assert.equal(served.status, 200);
  assert.match(served.type, /^text\/html/);
  assert.ok(served.html.includes(OLD_TEXT), "the last good faq.md is served while the file is broken");
  assert.ok(!served.html.includes("[broken"), "nothing of the broken file is served");

  // Fix it: the overlay goes, and the page reloads itself with the new content.
  fs.writeFileSync(faq, fixed);
  const cleared = await poll(() => document.readyState === "complete"
    && document.getElementById("devkit-error-overlay") === null
    && document.body.innerText.includes("The overlay test fixed this page.")
    && { title: document.title, noReload: window.overlayTestNoReload === true, href: location.href, text: document.body.innerText },
  { message: "the overlay to go and /faq/ to show the fixed content" });
  await browser.screenshot(path.join(artifacts, "overlay-cleared.png"));
  assert.equal(cleared.noReload, false, "the page reloaded itself");
  assert.equal(cleared.href, url, "still /faq/");
  assert.match(cleared.title, /FAQ fixed/);
  assert.ok(cleared.text.includes(OLD_TEXT), "the rest of faq.md is back");
  assert.equal(await browser.execute(() => document.querySelectorAll("#devkit-error-overlay").length), 0);
});
