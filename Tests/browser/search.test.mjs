// The search box in real headless Chromium, on a static site made from the search fixtures (the
// golden index the Swift tests build, the real assets and partial): `/` and Ctrl-K focus it, typing
// shows results, the arrow keys move through them, Enter opens one at its section, Escape closes the
// list and goes back; "No results" is said; each language searches its own index; a site under a
// sub-path fetches its index there; axe finds nothing wrong with the open results in light and dark;
// on a phone the box opens from a button. Screenshots go to $SEARCH_SCREENSHOTS (default: a temp dir).
//
//   source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools   (AXE_JS, VNU_JAR)
//   node --test Tests/browser/search.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { serveStatic } from "./support/static-server.mjs";
import { KEY, press } from "./support/a11y-keyboard.mjs";
import { axeSource, axeViolations, expectScheme, schemeArgs, SCHEMES } from "./support/a11y-axe.mjs";
import { formatErrors, validateHtml } from "./support/a11y-vnu.mjs";
import { buildSearchSite } from "./fixtures/search/build-site.mjs";

const SHOTS = process.env.SEARCH_SCREENSHOTS || path.join(os.tmpdir(), "search-screenshots");
const ARROW_DOWN = "\uE015";
const ARROW_UP = "\uE013";
const META = "\uE03D";

let engine;
let site;
let server;
const browsers = {};

before(async () => {
  engine = axeSource();
  site = buildSearchSite();
  server = await serveStatic({ root: site.dir, fixtures: path.dirname(site.dir) });
  for (const scheme of SCHEMES) {
    browsers[scheme] = await Browser.start({ windowSize: [1280, 900], args: schemeArgs(scheme) });
    await browsers[scheme].setViewportSize(1280, 900);
  }
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.quit();
  await server?.close();
  site?.remove();
});

const origin = () => `http://127.0.0.1:${server.port}`;

async function open(browser, page, [width, height] = [1280, 900]) {
  await browser.setViewportSize(width, height);
  await browser.navigate(`${origin()}${page}`);
  await browser.waitFor(() => document.readyState === "complete", { message: `${page} to load` });
}

/** Holds `modifier` (a WebDriver key code) while pressing `key`. */
async function chord(browser, modifier, key) {
  const actions = [{ type: "keyDown", value: modifier }, { type: "keyDown", value: key }, { type: "keyUp", value: key }, { type: "keyUp", value: modifier }];
  await browser.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  await browser.command("DELETE", "/actions");
}

/** Types text key by key, as a reader does. */
const type = (browser, text) => press(browser, [...text]);

/** The search box's state, as assistive technology sees it. */
function boxState(browser) {
  return browser.execute(() => {
    const input = document.querySelector("#search-input");
    const options = [...document.querySelectorAll("#search-results [role=option]")];
    const popup = document.querySelector(".search-popup");
    return {
      focused: document.activeElement === input,
      active: document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName,
      expanded: input.getAttribute("aria-expanded"),
      activeDescendant: input.getAttribute("aria-activedescendant"),
      selected: options.filter((o) => o.getAttribute("aria-selected") === "true").map((o) => o.id),
      options: options.map((o) => o.getAttribute("href")),
      popupVisible: !popup.hidden && popup.getBoundingClientRect().height > 0,
      message: document.querySelector(".search-message").hidden ? "" : document.querySelector(".search-message").textContent,
      status: document.querySelector(".search-status").textContent,
      marks: [...document.querySelectorAll("#search-results mark")].map((m) => m.textContent),
    };
  });
}

const waitForOptions = (browser, message) =>
  browser.waitFor(() => document.querySelectorAll("#search-results [role=option]").length > 0, { message });

test("the partial in a page is valid HTML (the Nu checker)", { timeout: 120000 }, async () => {
  const files = ["index.html", "guides/testing/index.html", "ja/guides/testing/index.html"].map((file) => path.join(site.dir, file));
  const { errors } = await validateHtml(files);
  assert.deepEqual(formatErrors(errors), []);
});

test("keyboard: / focuses, typing lists results, arrows move, Enter opens the section", { timeout: 120000 }, async () => {
  const browser = browsers.light;
  await open(browser, "/guides/getting-started/");
  await press(browser, "/");
  let state = await boxState(browser);
  assert.ok(state.focused, `/ focuses the search box (focus is on ${state.active})`);
  assert.equal(state.expanded, "false");

  await type(browser, "ondial");
  await waitForOptions(browser, "results for ondial");
  state = await boxState(browser);
  assert.equal(state.expanded, "true");
  assert.ok(state.popupVisible);
  assert.equal(state.options[0], "/guides/testing/#handle-ondialnumber");
  assert.ok(state.marks.includes("onDialNumber"), `marked: ${state.marks}`);
  assert.equal(state.activeDescendant, null, "no result is active before an arrow key");
  await browser.waitFor(() => /\d+ results?/.test(document.querySelector(".search-status").textContent), { message: "the count read out" });

  await press(browser, ARROW_DOWN);
  state = await boxState(browser);
  assert.equal(state.activeDescendant, "search-result-0");
  assert.deepEqual(state.selected, ["search-result-0"]);
  assert.ok(state.focused, "focus stays in the box (aria-activedescendant points at the result)");
  if (state.options.length > 1) {
    await press(browser, ARROW_DOWN);
    assert.equal((await boxState(browser)).activeDescendant, "search-result-1");
    await press(browser, ARROW_UP);
  }
  await press(browser, ARROW_UP);
  assert.equal((await boxState(browser)).activeDescendant, `search-result-${state.options.length - 1}`, "ArrowUp from the first wraps to the last");
  await press(browser, ARROW_DOWN);
  assert.equal((await boxState(browser)).activeDescendant, "search-result-0", "and ArrowDown from the last wraps to the first");

  await shot(browser, "desktop-light-results");
  await press(browser, KEY.ENTER);
  await browser.waitFor(() => location.pathname === "/guides/testing/", { message: "Enter to open the result" });
  assert.equal(await browser.execute(() => decodeURIComponent(location.hash)), "#handle-ondialnumber");
});

test("Ctrl-K focuses from anywhere; No results is shown and said; Escape closes and goes back", { timeout: 120000 }, async () => {
  const browser = browsers.light;
  await open(browser, "/guides/testing/");
  await browser.execute(() => document.querySelector(".brand").focus());
  await chord(browser, KEY.CONTROL, "k");
  assert.ok((await boxState(browser)).focused, "Ctrl-K focuses the search box");
  await type(browser, "zebra");
  await browser.waitFor(() => !document.querySelector(".search-message").hidden, { message: "the no-results message" });
  let state = await boxState(browser);
  assert.equal(state.message, "No results for “zebra”");
  assert.deepEqual(state.options, []);
  assert.equal(state.expanded, "true");
  await browser.waitFor(() => document.querySelector(".search-status").textContent === "No results for “zebra”", { message: "no results read out" });

  await press(browser, KEY.ESCAPE);
  state = await boxState(browser);
  assert.equal(state.expanded, "false");
  assert.equal(state.popupVisible, false);
  assert.equal(state.active, "brand", "Escape gives the focus back to where Ctrl-K was pressed");

  // A / typed in the box (or any field) is text, not the shortcut.
  await press(browser, "/");
  await type(browser, "a/b");
  assert.equal(await browser.execute(() => document.querySelector("#search-input").value), "a/b");
});

test("Meta-K works too, and clicking a result opens it", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  await open(browser, "/faq/");
  await chord(browser, META, "k");
  assert.ok((await boxState(browser)).focused, "Cmd-K (Meta-K) focuses the search box");
  await type(browser, "tar");
  await waitForOptions(browser, "results for tar");
  await browser.click("#search-result-0");
  await browser.waitFor(() => location.pathname === "/pages/common/tar/", { message: "the click to open the tar page" });
});

test("a result on the page already open: the section scrolls into view and takes the focus", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  await open(browser, "/guides/testing/", [1280, 400]); // a short window, so the section starts out of view
  await press(browser, "/");
  await type(browser, "callCompleted");
  await waitForOptions(browser, "results for callCompleted");
  assert.equal((await boxState(browser)).options[0], "/guides/testing/#end-the-call");
  await press(browser, KEY.ENTER);
  await browser.waitFor(() => document.activeElement?.id === "end-the-call", { message: "focus on the section's heading" });
  const state = await browser.execute(() => {
    const box = document.getElementById("end-the-call").getBoundingClientRect();
    return { hash: location.hash, top: box.top, bottom: box.bottom, height: innerHeight };
  });
  assert.equal(state.hash, "#end-the-call");
  assert.ok(state.top >= 0 && state.bottom <= state.height, `the heading is in view (${state.top}…${state.bottom} of ${state.height})`);
  assert.equal((await boxState(browser)).expanded, "false");
});

test("Enter straight after typing searches first, then opens the best result", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  await open(browser, "/faq/");
  await press(browser, ["/", ..."gzip", KEY.ENTER]);
  await browser.waitFor(() => location.pathname === "/pages/common/gzip/", { message: "Enter to open the gzip page" });
});

test("each language searches its own index: Japanese words without spaces", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  server.requests.length = 0;
  await open(browser, "/ja/");
  await press(browser, "/");
  await type(browser, "着信");
  await waitForOptions(browser, "results for 着信");
  const state = await boxState(browser);
  assert.equal(decodeURIComponent(state.options[0]), "/ja/guides/testing/#着信をテストする");
  assert.ok(state.marks.includes("着信"));
  const fetched = server.requests.map((r) => r.path).filter((p) => p.includes("/search/") && p.endsWith(".json"));
  assert.ok(fetched.length > 0 && fetched.every((p) => p.startsWith("/ja/search/")), `fetched: ${fetched.join(" ")}`);
  await shot(browser, "desktop-light-japanese");
});

test("a site under a sub-path fetches its index there", { timeout: 60000 }, async () => {
  const nested = buildSearchSite({ base: "/docs/" });
  const nestedServer = await serveStatic({ root: nested.dir, fixtures: path.dirname(nested.dir) });
  try {
    const browser = browsers.light;
    await browser.navigate(`http://127.0.0.1:${nestedServer.port}/docs/guides/testing/`);
    await browser.waitFor(() => document.readyState === "complete", { message: "the nested page" });
    await press(browser, "/");
    await type(browser, "gzip");
    await waitForOptions(browser, "results under /docs/");
    const fetched = nestedServer.requests.map((r) => r.path).filter((p) => p.endsWith(".json"));
    assert.ok(fetched.includes("/docs/search/index.json"), `fetched: ${fetched.join(" ")}`);
    assert.ok(fetched.every((p) => p.startsWith("/docs/search/")));
  } finally {
    await nestedServer.close();
    nested.remove();
  }
});

for (const scheme of SCHEMES) {
  test(`axe WCAG A/AA with the results open, ${scheme}`, { timeout: 120000 }, async () => {
    const browser = browsers[scheme];
    await open(browser, "/guides/getting-started/");
    await expectScheme(browser, scheme);
    await press(browser, "/");
    await type(browser, "call widget");
    await waitForOptions(browser, "results for call widget");
    await press(browser, ARROW_DOWN);
    const violations = await axeViolations(browser, engine, { page: "/guides/getting-started/ (results open)", scheme });
    assert.deepEqual(violations, [], violations.join("\n"));
    await shot(browser, `desktop-${scheme}-active`);

    await press(browser, KEY.ESCAPE);
    await press(browser, "/");
    await browser.execute(() => {
      const input = document.querySelector("#search-input");
      input.value = "";
    });
    await type(browser, "qqqzzz");
    await browser.waitFor(() => !document.querySelector(".search-message").hidden, { message: "no results" });
    const empty = await axeViolations(browser, engine, { page: "/guides/getting-started/ (no results)", scheme });
    assert.deepEqual(empty, [], empty.join("\n"));
  });

  test(`phone width: a button opens the box, ${scheme}`, { timeout: 120000 }, async () => {
    const browser = browsers[scheme];
    await open(browser, "/guides/testing/", [390, 844]);
    const closed = await browser.execute(() => ({
      button: getComputedStyle(document.querySelector(".search-open")).display !== "none",
      input: document.querySelector("#search-input").getBoundingClientRect().width,
    }));
    assert.ok(closed.button, "the search button shows on a phone");
    assert.equal(closed.input, 0, "the box itself is folded away");
    await shot(browser, `phone-${scheme}-closed`);
    await browser.click(".search-open");
    let state = await boxState(browser);
    assert.ok(state.focused, "the button opens the box and focuses it");
    assert.equal(await browser.execute(() => document.querySelector(".search-open").getAttribute("aria-expanded")), "true");
    await type(browser, "tar");
    await waitForOptions(browser, "results on a phone");
    const fits = await browser.execute(() => {
      const popup = document.querySelector(".search-popup").getBoundingClientRect();
      return popup.left >= 0 && popup.right <= innerWidth;
    });
    assert.ok(fits, "the results fit the phone's width");
    const violations = await axeViolations(browser, engine, { page: "/guides/testing/ (phone, results open)", scheme });
    assert.deepEqual(violations, [], violations.join("\n"));
    await shot(browser, `phone-${scheme}-results`);
    await press(browser, KEY.ESCAPE);
    state = await boxState(browser);
    assert.equal(state.expanded, "false");
    assert.equal(state.active, "search-open", "Escape on a phone folds the box and focuses its button");
  });
}

async function shot(browser, name) {
  await browser.screenshot(path.join(SHOTS, `${name}.png`));
}
