// axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every page of the built site (guides, sections, the
// reference, the 404 page, /setup/, /widget/, /blueprint/ when it exists, …) and on a listing page
// (section/page/2/), served by `devkit serve`, in prefers-color-scheme light and dark. A failure lists
// every violation: page, scheme, rule, selector. The simulator, in its states, is a11y-host.test.mjs.
//
//   source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools
//   DEVKIT_SITE_DIR=<built site> DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/a11y-axe.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { Browser } from "./support/webdriver.mjs";
import { startSite } from "./support/site-server.mjs";
import { axeSource, axeViolations, expectScheme, schemeArgs, SCHEMES } from "./support/a11y-axe.mjs";
import { builtTitle, LISTING_PATH, makeListingContent, sitePages, SWEEP_ARGS } from "./support/a11y-pages.mjs";

let engine;
let content;
let site;
const browsers = {};

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("a11y-axe.test.mjs needs the dev server: set DEVKIT_BIN (scripts/test does).");
  engine = axeSource();
  content = makeListingContent();
  // Broken links are the build's to report (scripts/test builds first); here they must not hide the pages.
  site = await startSite({ serveArgs: ["--content", content.content, "--links", "warn"] });
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  for (const scheme of SCHEMES) {
    browsers[scheme] = await Browser.start({ windowSize: [1280, 900], args: [...site.browserArgs, ...SWEEP_ARGS, ...schemeArgs(scheme)] });
    await browsers[scheme].setViewportSize(1280, 900);
  }
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.quit();
  await site?.close();
  if (content) fs.rmSync(content.dir, { recursive: true, force: true });
});

const pages = [...sitePages(), LISTING_PATH];
/** The <title> the built site gives a page (the listing page, made from the generated section, is not in it). */
const expectedTitle = (page) => (page === LISTING_PATH ? "Many pages (Page 2 of 2) · Calling DevKit" : builtTitle(page));

test("the harness finds what it should: low contrast and a scrollable region out of keyboard reach", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  const html = `<!doctype html><html lang="en"><title>Bad page</title><main><h1>Bad</h1>
    <p style="color:#999;background:#fff">Grey on white</p>
    <pre id="wide" style="width:10rem;overflow-x:auto">${"x".repeat(200)}</pre></main></html>`;
  await browser.navigate(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  const violations = await axeViolations(browser, engine, { page: "bad page", scheme: "light" });
  assert.deepEqual(violations.map((line) => /\] (\S+) \(/.exec(line)[1]).sort(), ["color-contrast", "scrollable-region-focusable"], violations.join("\n"));
  assert.match(violations.find((line) => line.includes("scrollable")), /^bad page \[light\] scrollable-region-focusable \(serious\): #wide: /);
});

test("the pages include every kind DevKit makes", () => {
  for (const page of ["/", "/getting-started/", "/reference/", "/reference/widget-messages/", "/no-such-page/", "/setup/", "/widget/", LISTING_PATH]) {
    assert.ok(pages.includes(page), `${page} is checked (pages: ${pages.join(" ")})`);
  }
  if (fs.existsSync(new URL("../../site/blueprint/index.html", import.meta.url))) assert.ok(pages.includes("/blueprint/"));
});

for (const scheme of SCHEMES) {
  for (const page of pages) {
    test(`axe WCAG A/AA: ${page} in ${scheme}`, { timeout: 120000 }, async () => {
      const browser = browsers[scheme];
      await browser.navigate(`${site.hostOrigin}${page}`);
      await browser.waitFor(() => document.readyState === "complete", { message: `${page} to load` });
      await expectScheme(browser, scheme);
      assert.equal(await browser.execute(() => document.title), expectedTitle(page), `${page} is the page itself, not an error page`);
      const violations = await axeViolations(browser, engine, { page, scheme });
      assert.deepEqual(violations, [], `${violations.length} axe violation(s):\n${violations.join("\n")}`);
    });
  }
}
