// "Copy as Mermaid" in the real simulator (site/host/), in headless Chromium: a call through the demo
// widget's own buttons, copied with the keyboard to the real clipboard (permission granted over
// WebDriver) and read back; the fallback when the clipboard is refused (the text selected in a dialog,
// Escape closes it); the remote and calling window layout; axe-core on the page with the button and with
// the dialog open, in light and dark, with screenshots of the timeline's toolbar in artifacts/.
//
//   source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools
//   DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/host-mermaid.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot } from "./support/site-server.mjs";
import { frozenContent } from "./support/frozen-content.mjs";
import { axeSource, axeViolations, expectScheme, schemeArgs, SCHEMES } from "./support/a11y-axe.mjs";
import { KEY, press } from "./support/a11y-keyboard.mjs";

const artifacts = path.join(repoRoot, "artifacts");
const FRAME = "#hubspot-calling-extension-iframe";
const SECRET = "tok_s3cret_51f0";
let engine;
let site;
const browsers = {};

before(async () => {
  engine = axeSource();
  site = await startSite({ serveArgs: frozenContent() });
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  for (const scheme of SCHEMES) {
    browsers[scheme] = await Browser.start({ windowSize: [1280, 900], args: [...site.browserArgs, ...schemeArgs(scheme)] });
    await browsers[scheme].setViewportSize(1280, 900);
  }
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.quit();
  await site?.close();
});

/** The simulator with the demo widget, its URL carrying a token that must never reach the diagram. */
async function openReady(browser, params = {}) {
  await browser.switchToFrame(null);
  const query = new URLSearchParams({ widget: `${site.widgetOrigin}/widget/?accessToken=${SECRET}`, ...params });
  await browser.navigate(`${site.hostOrigin}/host/?${query}`);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake (devkitHost.ready)", timeout: 30000 });
}

/** Waits for the live region to say `pattern`; a timeout names what it said instead. */
async function announced(browser, pattern) {
  try {
    await browser.waitFor((source) => new RegExp(source).test(document.getElementById("announcer").textContent), { args: [pattern.source] });
  } catch (error) {
    const said = await browser.execute(() => document.getElementById("announcer").textContent);
    const messages = await browser.execute(() => window.devkitHost.messages.map((m) => m.type));
    throw new Error(`the live region said ${JSON.stringify(said)}, not ${pattern} (messages: ${messages.join(", ")})`, { cause: error });
  }
}
const arrows = (text) => text.split("\n").map((l) => l.trim()).filter((l) => /^(HubSpot|Widget|Remote|Window)(->>|-->>|-x)/.test(l));

test("a call through the demo widget, copied with the keyboard to the clipboard: the diagram of the session", { timeout: 90000 }, async () => {
  const browser = browsers.light;
  await openReady(browser);
  await browser.click('#records button[data-object-id="901"]'); // "Call" on Ada Lovelace's record
  await browser.switchToFrame(FRAME);
  try {
    await browser.waitFor(() => document.getElementById("phone-number").value === "+1 617 555 0123", { message: "DIAL_NUMBER in the widget" });
    for (const id of ["log-in", "available", "outgoing-call"]) await browser.click(`#${id}`);
    await browser.waitFor(() => document.getElementById("engagement-id").value !== "", { message: "the engagementId in the widget" });
    for (const id of ["call-answered", "call-ended", "call-completed"]) await browser.click(`#${id}`);
  } finally {
    await browser.switchToFrame(null);
  }
  await browser.waitFor(() => window.devkitHost.messages.some((m) => m.type === "UPDATE_ENGAGEMENT_SUCCEEDED"), { message: "UPDATE_ENGAGEMENT_SUCCEEDED" });

  for (const name of ["clipboard-read", "clipboard-write"]) {
    await browser.command("POST", "/permissions", { descriptor: { name }, state: "granted" });
  }
  await browser.execute(() => document.getElementById("copy-mermaid").focus());
  await press(browser, KEY.ENTER);
  const count = await browser.execute(() => window.devkitHost.messages.length);
  await announced(browser, new RegExp(`^Copied ${count} messages as Mermaid\\.$`));
  const copied = await browser.execute(() => navigator.clipboard.readText());
  const { exported, messages } = await browser.execute(() => ({ exported: window.devkitHost.timelineAsMermaid(), messages: window.devkitHost.messages }));
  assert.equal(copied, exported, "the clipboard holds what devkitHost.timelineAsMermaid() returns");
  assert.equal(await browser.execute(() => document.getElementById("mermaid-dialog").open), false, "no fallback when the clipboard works");

  assert.ok(copied.startsWith("```mermaid\nsequenceDiagram\n") && copied.endsWith("\n```\n"), copied);
  const lines = copied.split("\n").map((l) => l.trim());
  assert.ok(lines.includes("autonumber"));
  const startedAt = new Date(await browser.execute(() => window.devkitHost.timeline[0].time)).toISOString().slice(0, 19).replace("T", " ");
  assert.ok(lines.includes(`title Host simulator session, ${startedAt} UTC, widget ${site.widgetOrigin}`), lines.join("\n"));
  assert.deepEqual(lines.filter((l) => l.startsWith("participant")), ["participant HubSpot", "participant Widget as Widget (call panel)"]);
  const started = messages.find((m) => m.type === "OUTGOING_CALL_STARTED").data;
  const ended = messages.find((m) => m.type === "CALL_ENDED").data;
  const { engagementId } = messages.find((m) => m.type === "CREATE_ENGAGEMENT_SUCCEEDED").data;
  const got = arrows(copied);
  for (const line of [
    "HubSpot->>Widget: DIAL_NUMBER phoneNumber=+1 617 555 0123, startCall=false",
    `Widget->>HubSpot: OUTGOING_CALL_STARTED externalCallId=${started.externalCallId}, ${started.fromNumber ? `fromNumber=${started.fromNumber}, ` : ""}` +
      `toNumber=${started.toNumber}, createEngagement=true`,
    `HubSpot->>Widget: CREATE_ENGAGEMENT_SUCCEEDED engagementId=${engagementId}`,
    `Widget->>HubSpot: CALL_ENDED externalCallId=${started.externalCallId}, callEndStatus=${ended.callEndStatus}, engagementId=${engagementId}`,
    `HubSpot->>Widget: UPDATE_ENGAGEMENT_SUCCEEDED engagementId=${engagementId}`,
  ]) assert.ok(got.includes(line), `${line}\nin\n${got.join("\n")}`);
  assert.match(got[1], /^Widget-->>HubSpot: SYNC_ACK /, "the handshake's answer is dashed");
  const syncs = messages.filter((m) => m.type === "SYNC").length;
  assert.equal(got.length, messages.length - syncs + 1, "one arrow per message; the SYNCs before the answer are one");
  assert.doesNotMatch(copied, new RegExp(`${SECRET}|accessToken|/widget/`), "the widget's origin only, never its URL's query");
  assert.doesNotMatch(copied, /⚠/, "the demo widget raises no problem");
});

test("the clipboard refused: the text selected in a dialog, announced; Escape closes it; the remote and calling window", { timeout: 60000 }, async () => {
  const browser = browsers.light;
  await openReady(browser, { usesRemote: "1", usesCallingWindow: "1" });
  await browser.execute(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    document.getElementById("copy-mermaid").focus();
  });
  await press(browser, KEY.ENTER);
  await announced(browser, /selected in a box\. Press Control\+C/);
  const state = await browser.execute(() => {
    const box = document.getElementById("mermaid-text");
    return { open: document.getElementById("mermaid-dialog").open, focused: document.activeElement.id, value: box.value,
      selected: [box.selectionStart, box.selectionEnd], expected: window.devkitHost.timelineAsMermaid(), visible: box.getBoundingClientRect().height > 100 };
  });
  assert.deepEqual([state.open, state.focused, state.visible], [true, "mermaid-text", true]);
  assert.equal(state.value, state.expected);
  assert.deepEqual(state.selected, [0, state.value.length], "all of it is selected, ready for Ctrl+C");
  const lines = state.value.split("\n").map((l) => l.trim());
  assert.deepEqual(lines.filter((l) => l.startsWith("participant")),
    ["participant HubSpot", "participant Remote as Widget (remote)", "participant Window as Widget (calling window)"]);
  assert.ok(lines.includes("HubSpot->>Remote: SYNC iframeLocation=remote, usesCallingWindow=true"));
  assert.ok(lines.includes("HubSpot->>Window: SYNC iframeLocation=window, usesCallingWindow=true"));
  assert.ok(lines.some((l) => l.startsWith("Window-->>HubSpot: SYNC_ACK ")) && lines.some((l) => l.startsWith("Remote-->>HubSpot: SYNC_ACK ")));
  await press(browser, KEY.ESCAPE);
  const after = await browser.execute(() => ({ open: document.getElementById("mermaid-dialog").open, focused: document.activeElement.id }));
  assert.deepEqual(after, { open: false, focused: "copy-mermaid" }, "Escape closes the dialog and focus goes back to the button");
  await press(browser, KEY.ENTER);
  await browser.waitFor(() => document.getElementById("mermaid-dialog").open, { message: "the dialog again" });
  await browser.click("#mermaid-close");
  assert.equal(await browser.execute(() => document.getElementById("mermaid-dialog").open), false, "its Close button closes it");
});

for (const scheme of SCHEMES) {
  test(`axe WCAG A/AA with Copy as Mermaid, and with its dialog open, in ${scheme}`, { timeout: 120000 }, async () => {
    const browser = browsers[scheme];
    await openReady(browser);
    await expectScheme(browser, scheme);
    const button = await browser.execute(() => {
      const b = document.getElementById("copy-mermaid");
      const r = b.getBoundingClientRect();
      return { text: b.textContent, type: b.type, width: r.width, height: r.height, inToolbar: Boolean(b.closest(".timeline-head")) };
    });
    assert.equal(button.text, "Copy as Mermaid", "a visible label");
    assert.ok(button.inToolbar && button.width > 40 && button.height >= 20, JSON.stringify(button));
    await browser.screenshot(path.join(artifacts, `host-mermaid-toolbar-${scheme}.png`), ".timeline-head");
    const found = await axeViolations(browser, engine, { page: "/host/ (Copy as Mermaid)", scheme });

    await browser.execute(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
      document.getElementById("copy-mermaid").click();
    });
    await browser.waitFor(() => document.getElementById("mermaid-dialog").open, { message: "the fallback dialog" });
    await browser.screenshot(path.join(artifacts, `host-mermaid-dialog-${scheme}.png`));
    found.push(...await axeViolations(browser, engine, { page: "/host/ (Mermaid dialog open)", scheme }));
    assert.deepEqual(found, [], `${found.length} axe violation(s):\n${found.join("\n")}`);
  });
}
