// Pages written for the SDK, unchanged but for the bridge's URL, in real headless Chromium across two
// origins: a host-side test page on IFrameManager (127.0.0.1) framing a widget (localhost) written for
// the CDN bundle, then one written for npm (an import map names the package).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Browser } from "./support/webdriver.mjs";
import { serveStatic, FIXTURES_PREFIX } from "./support/static-server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const siteDir = path.resolve(process.env.DEVKIT_SITE_DIR || path.join(repoRoot, "site"));

let server;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, "assets/calling-extensions.js")), `no assets/calling-extensions.js in ${siteDir}`);
  server = await serveStatic({ root: siteDir, fixtures: path.join(here, "fixtures") });
  browser = await Browser.start({ windowSize: [640, 800] });
});

after(async () => {
  await browser?.quit();
  await server?.close();
});

for (const page of ["cdn-style.html", "npm-style.html"]) {
  test(`${page}: one outbound call through IFrameManager, each side on its own origin`, { timeout: 30000 }, async () => {
    const hostOrigin = `http://127.0.0.1:${server.port}`;
    const widgetUrl = `http://localhost:${server.port}${FIXTURES_PREFIX}loading/${page}`;
    await browser.navigate(`${hostOrigin}${FIXTURES_PREFIX}loading/sdk-host.html?widget=${encodeURIComponent(widgetUrl)}`);
    await browser.waitFor(() => (window.hostLog || []).some((m) => m.type === "CALL_COMPLETED"),
      { message: "CALL_COMPLETED at the host" });
    const host = await browser.execute(() => ({
      log: window.hostLog.map((m) => m.type),
      frame: (({ id, allow, src }) => ({ id, allow, src }))(document.querySelector("#calling-frame iframe")),
      globals: [typeof window.default, typeof window.Constants, typeof window.IFrameManager, typeof window.CallingExtensions],
    }));
    assert.deepEqual(host.log, ["READY", "INITIALIZED", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
    assert.deepEqual(host.frame, { id: "hubspot-calling-extension-iframe", allow: "microphone; autoplay", src: widgetUrl });
    assert.deepEqual(host.globals, ["function", "object", "function", "function"], "the CDN bundle's globals");

    await browser.switchToFrame("#hubspot-calling-extension-iframe");
    await browser.waitFor(() => (window.widgetEvents || []).some((e) => e[0] === "saved"), { message: "UPDATE_ENGAGEMENT_SUCCEEDED in the widget" });
    const widget = await browser.execute(() => ({
      events: window.widgetEvents,
      origin: location.origin,
      moduleGlobals: typeof window.default,
    }));
    await browser.switchToFrame(null);
    assert.equal(widget.origin, `http://localhost:${server.port}`);
    assert.deepEqual(widget.events, [["ready", null], ["dial", "+16175550123"], ["engagement", 4242], ["saved", "0.9.6"]]);
    // As an ES module the bridge defines only window.CallingExtensions, not the CDN bundle's globals.
    assert.equal(widget.moduleGlobals, page === "npm-style.html" ? "undefined" : "function");
  });
}
