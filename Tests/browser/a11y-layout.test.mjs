// Reflow and motion, in real headless Chromium over `devkit serve`: at 320 CSS pixels wide (WCAG 1.4.10;
// also what 1280 px at 400% zoom gives) no page of the built site scrolls sideways itself (code blocks
// and tables may scroll inside their own box); the simulator at 640 px (1280 px at 200% zoom); and
// prefers-reduced-motion turns the guides' transitions off.
//
//   DEVKIT_SITE_DIR=<built site> DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/a11y-layout.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Browser } from "./support/webdriver.mjs";
import { startSite } from "./support/site-server.mjs";
import { sitePages, SWEEP_ARGS } from "./support/a11y-pages.mjs";

let site;
let browser;
let reduced;

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("a11y-layout.test.mjs needs the dev server: set DEVKIT_BIN (scripts/test does).");
  site = await startSite({ serveArgs: ["--links", "warn"] }); // broken links are the build's to report
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  browser = await Browser.start({ windowSize: [320, 800], args: [...site.browserArgs, ...SWEEP_ARGS] });
  await browser.setViewportSize(320, 800);
});

after(async () => {
  await browser?.quit();
  await reduced?.quit();
  await site?.close();
});

/** Elements that stick out of the viewport and are not inside a box that scrolls (or clips) them. */
function overflow() {
  const width = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX !== "visible" || style.display === "none") return true;
    }
    return false;
  };
  const out = [...document.body.querySelectorAll("*")].filter((element) => {
    const rect = element.getBoundingClientRect();
    // (Off to the left, as hidden skip links are, makes no scrollbar.)
    return rect.width > 0 && rect.right > width + 1 && !clipped(element) && getComputedStyle(element).position !== "fixed";
  });
  return {
    pageScrolls: document.documentElement.scrollWidth > width,
    scrollWidth: document.documentElement.scrollWidth,
    width,
    out: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.split(" ")[0]}` : ""}`),
  };
}

test("the check finds a page wider than the window", { timeout: 60000 }, async () => {
  await browser.setViewportSize(320, 800);
  const html = '<!doctype html><html lang="en"><title>Wide</title><p id="wide" style="width:500px">Too wide</p><pre style="overflow:auto"><span style="display:inline-block;width:900px">scrolls inside</span></pre></html>';
  await browser.navigate(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  const result = await browser.execute(overflow);
  assert.deepEqual({ pageScrolls: result.pageScrolls, out: result.out }, { pageScrolls: true, out: ["p#wide"] });
});

for (const page of sitePages()) {
  test(`320 px wide, no sideways scrolling of the page: ${page}`, { timeout: 60000 }, async () => {
    await browser.setViewportSize(320, 800);
    await browser.navigate(`${site.hostOrigin}${page}`);
    await browser.waitFor(() => document.readyState === "complete", { message: `${page} to load` });
    const result = await browser.execute(overflow);
    assert.deepEqual({ pageScrolls: result.pageScrolls, out: result.out }, { pageScrolls: false, out: [] },
      `${page} at ${result.width} px: the page is ${result.scrollWidth} px wide`);
  });
}

test("the simulator at 640 px (1280 px at 200% zoom): no sideways scrolling of the page", { timeout: 60000 }, async () => {
  await browser.setViewportSize(640, 800);
  await browser.navigate(`${site.hostOrigin}/host/?${new URLSearchParams({ widget: `${site.widgetOrigin}/widget/` })}`);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake", timeout: 30000 });
  const result = await browser.execute(overflow);
  assert.deepEqual({ pageScrolls: result.pageScrolls, out: result.out }, { pageScrolls: false, out: [] },
    `/host/ at ${result.width} px: the page is ${result.scrollWidth} px wide`);
});

test("prefers-reduced-motion: the guides' transitions are off; without it they run", { timeout: 60000 }, async () => {
  const durations = async (b) => {
    await b.navigate(`${site.hostOrigin}/getting-started/`);
    return b.execute(() => ({
      reduce: matchMedia("(prefers-reduced-motion: reduce)").matches,
      copy: getComputedStyle(document.querySelector("button.copy")).transitionDuration.split(",").map(parseFloat),
    }));
  };
  const normal = await durations(browser);
  assert.equal(normal.reduce, false);
  assert.ok(normal.copy.some((seconds) => seconds >= 0.1), `a copy button fades its colours: ${normal.copy}`);
  reduced = await Browser.start({ windowSize: [1024, 800], args: [...site.browserArgs, ...SWEEP_ARGS, "--force-prefers-reduced-motion"] });
  const calm = await durations(reduced);
  assert.equal(calm.reduce, true, "the page sees prefers-reduced-motion: reduce");
  assert.ok(calm.copy.every((seconds) => seconds < 0.01), `no transition left: ${calm.copy}`);
});
