// The host simulator with the keyboard only and on a narrow screen, in real headless Chromium: Tab
// reaches the controls in order with a visible focus, passes through the widget's frames and out again
// (no trap), Enter places a call; the live region speaks new problems; at 320 pixels the page itself
// never scrolls sideways, in either layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Browser } from "./support/webdriver.mjs";
import { startSite } from "./support/site-server.mjs";
import { frozenContent } from "./support/frozen-content.mjs";

let site;
let browser;

before(async () => {
  site = await startSite({ serveArgs: frozenContent() });
  browser = await Browser.start({ windowSize: [1280, 900], args: site.browserArgs });
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

async function open(params = {}) {
  await browser.switchToFrame(null);
  const query = new URLSearchParams({ widget: `${site.widgetOrigin}/widget/`, ...params });
  await browser.navigate(`${site.hostOrigin}/host/?${query}`);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake" });
}

const KEYS = { tab: "\uE004", enter: "\uE007" };
const press = (key) => browser.command("POST", "/actions", {
  actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: key }, { type: "keyUp", value: key }] }],
});
/** Where focus is now, from the top page: an element id (or tag), and whether its focus is drawn. */
const focused = () => browser.execute(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { id: el.id || el.tagName.toLowerCase(), drawn: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, frame: el.tagName === "IFRAME" };
});

test("Tab walks the controls with a visible focus, through the widget's frames and out again; Enter dials", { timeout: 60000 }, async () => {
  await browser.setViewportSize(1280, 900);
  await open({ usesRemote: "1", usesCallingWindow: "1" });
  await browser.execute(() => document.activeElement.blur());
  const seen = [];
  let framesEntered = 0;
  for (let i = 0; i < 140 && !seen.includes("export"); i++) {
    await press(KEYS.tab);
    const now = await focused();
    if (now.frame) {
      framesEntered++;
      continue; // inside a cross-origin frame: the page sees only the iframe
    }
    seen.push(now.id);
    assert.ok(now.drawn, `${now.id} shows where focus is`);
  }
  for (const id of ["widget-choice", "widget-url", "reload", "end-session", "reset", "dial-number", "dial-from", "start-call", "dial-button",
    "end-call", "fail-create", "fail-caller-id", "main", "export"]) {
    assert.ok(seen.includes(id), `${id} is reached with Tab (got ${seen.join(" ")})`);
  }
  assert.ok(seen.indexOf("dial-number") < seen.indexOf("dial-button") && seen.indexOf("dial-button") < seen.indexOf("end-call"), "in reading order");
  assert.ok(framesEntered > 0, "Tab goes into the widget's frames");
  assert.ok(seen.indexOf("export") > seen.indexOf("main"), "and out of them again: no keyboard trap");

  await browser.execute(() => document.getElementById("dial-button").focus());
  await press(KEYS.enter);
  await browser.waitFor(() => window.devkitHost.messages.some((m) => m.type === "DIAL_NUMBER"), { message: "DIAL_NUMBER from the keyboard" });
});

test("the timeline, each message's JSON and the stage are focusable, named regions; problems reach the live region", { timeout: 30000 }, async () => {
  await browser.setViewportSize(1280, 900);
  await open();
  await browser.execute(() => window.devkitHost.send("SOMETHING_NEW", {}));
  const regions = await browser.execute(() => {
    const pre = document.querySelector("#timeline .entry pre");
    const list = document.getElementById("timeline");
    return {
      list: [list.tabIndex, list.getAttribute("aria-labelledby")],
      pre: [pre.tabIndex, pre.getAttribute("role"), pre.getAttribute("aria-label")],
      main: document.getElementById("main").tabIndex,
      live: [document.getElementById("announcer").getAttribute("aria-live"), document.getElementById("problems").getAttribute("aria-live")],
    };
  });
  assert.deepEqual(regions.list, [0, "timeline-title"]);
  assert.deepEqual(regions.pre.slice(0, 2), [0, "region"]);
  assert.match(regions.pre[2], / as JSON$/);
  assert.equal(regions.main, 0);
  assert.deepEqual(regions.live, ["polite", null], "one polite live region, not one per list");
  await browser.waitFor(() => /SOMETHING_NEW to the call panel/.test(document.getElementById("announcer").textContent), { message: "the message announced" });
  await browser.execute(() => window.devkitHost.reset());
  await browser.waitFor(() => window.devkitHost.ready, { message: "the handshake after reset" });
  await browser.switchToFrame("#hubspot-calling-extension-iframe");
  for (const id of ["log-in", "available", "outgoing-call"]) await browser.click(`#${id}`);
  await browser.switchToFrame(null);
  await browser.waitFor(() => window.devkitHost.messages.some((m) => m.type === "CREATE_ENGAGEMENT_SUCCEEDED"), { message: "the engagement" });
  await browser.execute(() => window.devkitHost.endSession());
  await browser.waitFor(() => /^Problem ghost-call: A call with an engagement was never completed\.$/.test(document.getElementById("announcer").textContent),
    { message: "the problem announced" });
});

test("at 320 pixels the page does not scroll sideways, in either layout, with an alert and a call", { timeout: 60000 }, async () => {
  await browser.setViewportSize(320, 800);
  for (const params of [{}, { usesRemote: "1", usesCallingWindow: "1" }]) {
    await open(params);
    await browser.execute(() => {
      window.devkitHost.dial("+1 617 555 0123");
      window.devkitHost.send("A_VERY_LONG_MESSAGE_TYPE_THAT_NO_WIDGET_KNOWS", {});
      document.getElementById("session-card").open = true;
    });
    await browser.waitFor(() => document.querySelector("#alerts .alert"), { message: "the UNKNOWN_MESSAGE_TYPE note" });
    await browser.execute(() => (document.querySelector("#timeline .entry details").open = true));
    const sizes = await browser.execute(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sizes[0] <= sizes[1], `${JSON.stringify(params)}: the page is ${sizes[0]} px wide in a ${sizes[1]} px viewport`);
  }
});
