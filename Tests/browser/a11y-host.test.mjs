// axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the host simulator (site/host/) in its states, in
// prefers-color-scheme light and dark: a widget framed and answering; then during a call with the
// timeline full, a problem shown and both failure switches on; and the blueprint widget framed.
// The simulator's page and the widget's frame (another origin) are checked each on their own.
//
//   source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools
//   DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/a11y-host.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot } from "./support/site-server.mjs";
import { axeSource, axeViolations, expectScheme, schemeArgs, SCHEMES } from "./support/a11y-axe.mjs";
import { SWEEP_ARGS } from "./support/a11y-pages.mjs";

const artifacts = path.join(repoRoot, "artifacts");
const FRAME = "#hubspot-calling-extension-iframe";
let engine;
let site;
const browsers = {};

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("a11y-host.test.mjs needs the dev server: set DEVKIT_BIN (scripts/test does).");
  engine = axeSource();
  site = await startSite({ serveArgs: ["--links", "warn"] }); // broken links are the build's to report
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  for (const scheme of SCHEMES) {
    browsers[scheme] = await Browser.start({ windowSize: [1280, 900], args: [...site.browserArgs, ...SWEEP_ARGS, ...schemeArgs(scheme)] });
    await browsers[scheme].setViewportSize(1280, 900);
  }
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.quit();
  await site?.close();
});

async function openReady(browser, widgetPath) {
  await browser.switchToFrame(null);
  await browser.navigate(`${site.hostOrigin}/host/?${new URLSearchParams({ widget: `${site.widgetOrigin}${widgetPath}` })}`);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake (devkitHost.ready)", timeout: 30000 });
}

/** axe on the simulator's page, then inside the widget's frame; every violation of both. */
async function checkPageAndFrame(browser, { page, scheme }) {
  await browser.switchToFrame(null);
  await expectScheme(browser, scheme);
  const found = await axeViolations(browser, engine, { page, scheme });
  await browser.switchToFrame(FRAME);
  try {
    await expectScheme(browser, scheme);
    found.push(...await axeViolations(browser, engine, { page: `${page} ⟩ widget frame`, scheme }));
  } finally {
    await browser.switchToFrame(null);
  }
  return found;
}

/** The demo widget through a call up to "answered", a protocol mistake, both failure switches on. */
async function duringACall(browser) {
  await browser.execute(() => window.devkitHost.dial("+1 617 555 0123"));
  await browser.switchToFrame(FRAME);
  for (const id of ["log-in", "available", "outgoing-call"]) await browser.click(`#${id}`);
  await browser.waitFor(() => document.getElementById("engagement-id").value !== "", { message: "the engagementId in the widget" });
  await browser.click("#call-answered");
  // A message with a type and no messageId: the simulator reports it as a problem.
  await browser.execute((origin) => window.parent.postMessage({ type: "CALL_ANSWERED", data: {} }, origin), site.hostOrigin);
  await browser.switchToFrame(null);
  await browser.waitFor(() => window.devkitHost.problems.length > 0 && document.querySelector("#problems li"), { message: "a problem on the page" });
  await browser.execute(() => {
    window.devkitHost.failNextEngagementCreate(true);
    window.devkitHost.failNextEngagementUpdate(true);
    // HubSpot minimises and shows the panel a few times: the timeline grows past its box.
    for (let i = 0; i < 12; i++) window.devkitHost.setVisibility({ isMinimized: i % 2 === 0, isHidden: false }); // ends shown
  });
  await browser.waitFor(() => [...document.querySelectorAll("#timeline-section, #timeline-section *")].some((e) =>
    e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(e).overflowY)), { message: "the timeline to scroll" });
  const state = await browser.execute(() => ({
    create: document.getElementById("fail-create").checked,
    update: document.getElementById("fail-update").checked,
    rows: document.querySelectorAll("#timeline .entry").length,
    call: document.getElementById("call-card").hidden,
  }));
  assert.deepEqual([state.create, state.update, state.call], [true, true, false], "switches on, a call on the page");
  assert.ok(state.rows >= 10, `the timeline holds the call (${state.rows} rows)`);
}

for (const scheme of SCHEMES) {
  test(`axe WCAG A/AA: the simulator with the demo widget framed, in ${scheme}`, { timeout: 180000 }, async () => {
    const browser = browsers[scheme];
    await openReady(browser, "/widget/");
    const found = await checkPageAndFrame(browser, { page: "/host/ (demo widget, ready)", scheme });
    assert.deepEqual(found, [], `${found.length} axe violation(s):\n${found.join("\n")}`);
  });

  test(`axe WCAG A/AA: the simulator during a call (timeline, a problem, failure switches), in ${scheme}`, { timeout: 180000 }, async () => {
    const browser = browsers[scheme];
    await openReady(browser, "/widget/");
    await duringACall(browser);
    await browser.screenshot(path.join(artifacts, `a11y-simulator-call-${scheme}.png`));
    const found = await checkPageAndFrame(browser, { page: "/host/ (demo widget, during a call)", scheme });
    assert.deepEqual(found, [], `${found.length} axe violation(s):\n${found.join("\n")}`);
  });

  test(`axe WCAG A/AA: the simulator with the blueprint widget framed, in ${scheme}`, { timeout: 180000 }, async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, "site/blueprint/index.html")), "site/blueprint/index.html exists");
    const browser = browsers[scheme];
    await openReady(browser, "/blueprint/");
    const found = await checkPageAndFrame(browser, { page: "/host/ (blueprint widget, ready)", scheme });
    assert.deepEqual(found, [], `${found.length} axe violation(s):\n${found.join("\n")}`);
  });
}
