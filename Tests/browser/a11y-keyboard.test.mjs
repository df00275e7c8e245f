// Keyboard-only use of the guides and /setup/ in real headless Chromium over `devkit serve`: the skip
// link first, every Tab stop on screen with a visible focus ring, code blocks that scroll reachable
// and scrollable with the arrow keys, the copy buttons' result read out (a polite live region), the
// small-screen menu opened with Enter and closed with Escape, and the setup form used by keyboard.
//
//   DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/a11y-keyboard.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Browser } from "./support/webdriver.mjs";
import { startSite } from "./support/site-server.mjs";
import { describe, focused, KEY, press, tabThrough } from "./support/a11y-keyboard.mjs";
import { SWEEP_ARGS } from "./support/a11y-pages.mjs";

let site;
let browser;

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("a11y-keyboard.test.mjs needs the dev server: set DEVKIT_BIN (scripts/test does).");
  site = await startSite({ serveArgs: ["--links", "warn"] }); // broken links are the build's to report
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  browser = await Browser.start({ windowSize: [1280, 900], args: [...site.browserArgs, ...SWEEP_ARGS] });
  await browser.setViewportSize(1280, 900);
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

async function open(page, [width, height] = [1280, 900]) {
  await browser.setViewportSize(width, height);
  await browser.navigate(`${site.hostOrigin}${page}`);
  await browser.waitFor(() => document.readyState === "complete", { message: `${page} to load` });
}

/** Every stop must be on screen when focused and show a focus ring. */
function assertVisibleFocus(stops, page) {
  for (const stop of stops) {
    assert.ok(stop.onScreen, `${page}: ${describe(stop)} is focused but off screen`);
    assert.ok(stop.focusVisible && stop.ring, `${page}: ${describe(stop)} shows no focus ring`);
  }
}

test("a guide by keyboard: skip link first, then every stop visible, in page order", { timeout: 120000 }, async () => {
  await open("/getting-started/");
  await press(browser, KEY.TAB);
  const skip = await focused(browser);
  assert.equal(skip?.name, "Skip to content", `the first Tab stop is the skip link, not ${describe(skip)}`);
  assert.ok(skip.onScreen && skip.ring, "the skip link appears, with a focus ring, when focused");
  await press(browser, KEY.ENTER);
  await press(browser, KEY.TAB);
  const inMain = await focused(browser);
  assert.ok(inMain?.inMain, `after the skip link, Tab goes into the main content (got ${describe(inMain)})`);

  await open("/getting-started/");
  const stops = await tabThrough(browser);
  assertVisibleFocus(stops, "/getting-started/");
  const names = stops.map((s) => s.name);
  const order = ["Skip to content", "Calling DevKit", "Demo widget", "Getting started"];
  assert.deepEqual(order.map((name) => names.indexOf(name) >= 0), order.map(() => true), `stops: ${names.join(" | ")}`);
  assert.deepEqual([...order].map((name) => names.indexOf(name)), [...order].map((name) => names.indexOf(name)).sort((a, b) => a - b),
    "skip link, brand, tools, then the sidebar");
  const firstMain = stops.findIndex((s) => s.inMain);
  assert.ok(firstMain > names.indexOf("Getting started"), "the sidebar comes before the content");
  assert.ok(stops.some((s) => s.className.includes("copy")), "the copy buttons are Tab stops");
});

test("a code block that scrolls sideways is a named Tab stop and scrolls with the arrow keys", { timeout: 120000 }, async () => {
  await open("/bridge/", [390, 800]);
  const regions = await browser.execute(() => [...document.querySelectorAll(".code-block pre")].map((pre) => ({
    scrolls: pre.scrollWidth > pre.clientWidth, tabIndex: pre.tabIndex, role: pre.getAttribute("role"), label: pre.getAttribute("aria-label"),
  })));
  assert.ok(regions.some((r) => r.scrolls), "some code block scrolls at 390 px");
  for (const region of regions) {
    if (region.scrolls) assert.deepEqual([region.tabIndex, region.role, /^Code/.test(region.label)], [0, "region", true], JSON.stringify(region));
    else assert.deepEqual([region.tabIndex, region.role], [-1, null], `a code block that fits stays out of the tab order: ${JSON.stringify(region)}`);
  }
  await browser.execute(() => document.querySelector(".code-block pre[tabindex='0']").previousElementSibling.focus());
  await press(browser, KEY.TAB);
  const pre = await focused(browser);
  assert.equal(pre?.tag, "pre", `Tab from a copy button reaches its code block (got ${describe(pre)})`);
  assert.ok(pre.ring && pre.onScreen, `the code block shows its focus: ${JSON.stringify(pre)}`);
  await press(browser, [KEY.RIGHT, KEY.RIGHT, KEY.RIGHT, KEY.END]);
  // Scrolling by key may be animated: wait for it (bounded) rather than read it at once.
  await browser.waitFor(() => document.activeElement.scrollLeft > 0, { message: "the arrow keys scroll the focused code block", timeout: 5000 });
});

test("a copy button by keyboard: Enter copies, and a polite live region says what happened", { timeout: 60000 }, async () => {
  await open("/getting-started/");
  const region = await browser.execute(() => {
    const live = document.querySelector('[role="status"][aria-live="polite"]');
    return live && { text: live.textContent, hidden: live.getBoundingClientRect().width <= 1 };
  });
  assert.deepEqual(region, { text: "", hidden: true }, "an empty, visually hidden live region is on the page before any copy");
  await browser.execute(() => document.querySelector("button.copy").focus());
  await press(browser, KEY.ENTER);
  const said = await browser.waitFor(() => document.querySelector('[role="status"][aria-live="polite"]').textContent,
    { message: "the live region to announce the copy" });
  assert.match(said, /copied to the clipboard|is selected: press Control\+C/);
  const button = await browser.execute(() => document.querySelector("button.copy").textContent);
  assert.match(button, /^(Copied|Press Ctrl\+C)$/);
});

test("the small-screen menu: Enter opens it (sidebar and tools shown), Escape closes it and focus returns", { timeout: 60000 }, async () => {
  await open("/faq/", [390, 800]);
  const state = () => browser.execute(() => ({
    expanded: document.querySelector("button.menu").getAttribute("aria-expanded"),
    sidebar: getComputedStyle(document.getElementById("sidebar")).display !== "none",
    tools: getComputedStyle(document.querySelector(".quick")).display !== "none",
  }));
  assert.deepEqual(await state(), { expanded: "false", sidebar: false, tools: false });
  await press(browser, [KEY.TAB, KEY.TAB]);
  assert.equal((await focused(browser))?.name, "Menu", "the menu button comes right after the skip link");
  await press(browser, KEY.ENTER);
  assert.deepEqual(await state(), { expanded: "true", sidebar: true, tools: true });
  await press(browser, KEY.TAB);
  assert.notEqual((await focused(browser))?.name, "Menu", "Tab moves on into the open menu");
  await press(browser, KEY.ESCAPE);
  assert.deepEqual(await state(), { expanded: "false", sidebar: false, tools: false });
  assert.equal((await focused(browser))?.name, "Menu", "Escape gives focus back to the menu button");
});

test("/setup/ by keyboard: every stop visible, the form filled and checked, snippets copied", { timeout: 120000 }, async () => {
  await open("/setup/");
  await browser.waitFor(() => !document.getElementById("settings-form").hidden, { message: "setup.js to show the form" });
  const stops = await tabThrough(browser);
  assertVisibleFocus(stops, "/setup/");
  const ids = stops.map((s) => s.id);
  for (const id of ["name", "url", "width", "height", "isReady"]) assert.ok(ids.includes(id), `#${id} is a Tab stop (stops: ${stops.map(describe).join(", ")})`);
  assert.ok(ids.indexOf("name") < ids.indexOf("url") && ids.indexOf("url") < ids.indexOf("width"), "the fields in reading order");
  for (const stop of stops.filter((s) => s.tag === "pre")) assert.equal(stop.role, "region", `${describe(stop)} is a named region`);

  // Type a bad width by keyboard: the error is shown and tied to the field.
  await browser.execute(() => document.getElementById("width").focus());
  await press(browser, [KEY.CONTROL, "a"]); // select all: the typing replaces the value
  await press(browser, [..."abc"]);
  const invalid = await browser.waitFor(() => {
    const field = document.getElementById("width");
    const error = document.getElementById("width-error");
    return field.getAttribute("aria-invalid") === "true" && !error.hidden && { described: field.getAttribute("aria-describedby"), text: error.textContent };
  }, { message: "the width field to be marked invalid" });
  assert.ok(invalid.described.split(" ").includes("width-error"), "the error is the field's description");
  assert.ok(invalid.text.length > 5, `a message says what is wrong: ${invalid.text}`);

  // Fix it by keyboard and copy the override snippet with Enter: the live region says so.
  await press(browser, [KEY.CONTROL, "a"]);
  await press(browser, [..."420"]);
  assert.equal(await browser.execute(() => document.getElementById("width").value), "420");
  await browser.waitFor(() => {
    const button = document.getElementById("snippets").hidden ? null : document.querySelector("#override button.copy");
    button?.focus();
    return button && document.activeElement === button;
  }, { message: "the snippets, back, with a copy button to focus" });
  await press(browser, KEY.ENTER);
  const said = await browser.waitFor(() => document.querySelector('[role="status"][aria-live="polite"]').textContent,
    { message: "the live region to announce the copy" });
  assert.match(said, /copied to the clipboard|is selected: press Control\+C/);
});
