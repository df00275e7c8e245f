// The host simulator's remote and calling window in real headless Chromium (simulator and widget on
// two origins): the demo widget relays from the remote to the calling window and raises no problem,
// through a call, a reload and the end of the session; the remote alone reports calls itself; and a
// misbehaving widget trips the layout's checks (call-from-remote, duplicate-call,
// unresponsive-after-hide, ghost-call). Screenshots go to artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot, fixturesDir } from "./support/site-server.mjs";
import { frozenContent } from "./support/frozen-content.mjs";

const artifacts = path.join(repoRoot, "artifacts");
const WINDOW = "#hubspot-calling-extension-iframe";
const REMOTE = "#hubspot-calling-extension-remote-iframe";
let site;
let browser;

before(async () => {
  site = await startSite({ extras: { "bad-widget": path.join(fixturesDir, "bad-widget") }, serveArgs: frozenContent() });
  browser = await Browser.start({ windowSize: [1280, 900], args: site.browserArgs });
  await browser.setViewportSize(1280, 900);
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

async function open(widgetPath, params) {
  await browser.switchToFrame(null);
  const query = new URLSearchParams({ widget: `${site.widgetOrigin}${widgetPath}`, ...params });
  await browser.navigate(`${site.hostOrigin}/host/?${query}`);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "every frame's handshake (devkitHost.ready)" });
}

async function inFrame(selector, fn) {
  await browser.switchToFrame(selector);
  try {
    return await fn();
  } finally {
    await browser.switchToFrame(null);
  }
}

const clickAll = async (...ids) => {
  for (const id of ids) await browser.click(`#${id}`);
};
const lanes = (type, direction = "toHost") => browser.execute((t, d) =>
  window.devkitHost.messages.filter((m) => m.type === t && m.direction === d).map((m) => m.location), type, direction);
const waitForMessage = (type, direction, count = 1) => browser.waitFor(
  (t, d, n) => window.devkitHost.messages.filter((m) => m.type === t && m.direction === d).length >= n,
  { args: [type, direction, count], message: `${count} × ${type} (${direction})` });
const rules = () => browser.execute(() => window.devkitHost.problems.map((p) => p.rule));

test("remote and calling window: two labelled frames, a SYNC each; the demo widget relays a call from the remote to the window", { timeout: 60000 }, async () => {
  await open("/widget/", { usesRemote: "1", usesCallingWindow: "1" });
  const page = await browser.execute(() => ({
    frames: window.devkitHost.frames.map(({ location, reportsCalls, selector }) => ({ location, reportsCalls, selector })),
    syncs: window.devkitHost.messages.filter((m) => m.type === "SYNC_ACK").map((m) => m.location),
    sent: window.devkitHost.messages.filter((m) => m.type === "SYNC").map((m) => [m.location, m.data.iframeLocation, m.data.usesCallingWindow]),
    titles: [...document.querySelectorAll("#frame-holder iframe")].map((f) => f.title),
    lanes: [...document.querySelectorAll("#timeline .lane")].map((l) => l.title),
    url: new URL(location.href).searchParams.toString(),
  }));
  assert.deepEqual(page.frames, [
    { location: "remote", reportsCalls: false, selector: REMOTE },
    { location: "window", reportsCalls: true, selector: WINDOW },
  ]);
  assert.deepEqual(page.syncs.sort(), ["remote", "window"]);
  assert.ok(page.sent.some((s) => s.join() === "remote,remote,true") && page.sent.some((s) => s.join() === "window,window,true"));
  assert.deepEqual(page.titles, ["The calling widget: remote (iframeLocation remote)", "The calling widget: calling window (iframeLocation window)"]);
  assert.ok(page.lanes.includes("Remote") && page.lanes.includes("Calling window"), page.lanes.join());
  assert.match(page.url, /usesRemote=1&usesCallingWindow=1/);

  // The user works in the remote; the calling window reports.
  await inFrame(REMOTE, async () => {
    await browser.waitFor(() => /Remote: your clicks go to the calling window/.test(document.getElementById("role").textContent), { message: "the remote's role" });
    await clickAll("log-in", "available", "outgoing-call");
    await browser.waitFor(() => document.getElementById("engagement-id").value !== "", { message: "the engagementId mirrored in the remote" });
    await clickAll("call-answered", "call-ended", "call-completed");
  });
  await waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget");
  await browser.screenshot(path.join(artifacts, "simulator-remote-and-window.png"));
  for (const type of ["LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]) {
    assert.deepEqual(await lanes(type), ["window"], `${type} from the calling window only`);
  }
  assert.deepEqual(await lanes("CREATE_ENGAGEMENT_SUCCEEDED", "toWidget"), ["window"]);

  // HubSpot dials with startCall: the calling window places the call by itself.
  await browser.execute(() => window.devkitHost.dial("+1 617 555 0142", { startCall: true }));
  await waitForMessage("OUTGOING_CALL_STARTED", "toHost", 2);
  assert.deepEqual(await lanes("OUTGOING_CALL_STARTED"), ["window", "window"]);
  await inFrame(REMOTE, async () => {
    await browser.waitFor(() => document.getElementById("phone-number").value === "+1 617 555 0142", { message: "the number mirrored" });
    await clickAll("call-ended", "call-completed");
  });
  await waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget", 2);

  // A reload of the frames: a fresh SYNC for each, then the end of the session; no problem anywhere.
  const acks = (await lanes("SYNC_ACK")).length;
  await browser.execute(() => window.devkitHost.reload());
  await browser.waitFor((n) => window.devkitHost.messages.filter((m) => m.type === "SYNC_ACK").length >= n + 2 && window.devkitHost.ready,
    { args: [acks], message: "a fresh handshake with both frames" });
  const ended = await browser.execute(() => window.devkitHost.endSession());
  assert.deepEqual(ended, []);
  assert.deepEqual(await rules(), []);
});

test("usesRemote without the calling window: one remote frame that reports the call itself", { timeout: 30000 }, async () => {
  await open("/widget/", { usesRemote: "1" });
  assert.deepEqual(await browser.execute(() => window.devkitHost.frames.map((f) => [f.location, f.selector])), [["remote", WINDOW]]);
  await inFrame(WINDOW, async () => {
    await browser.waitFor(() => /Remote \(no calling window\)/.test(document.getElementById("role").textContent), { message: "the remote's role" });
    await clickAll("log-in", "available", "incoming-call");
    await browser.waitFor(() => document.getElementById("caller").value !== "–", { message: "the caller-ID answer" });
    await clickAll("call-ended", "call-completed");
  });
  await waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget");
  assert.deepEqual(await lanes("INCOMING_CALL"), ["remote"]);
  assert.deepEqual(await rules(), []);
});

test("ghost-call: the demo widget's call left open when the frame reloads, and when the session ends", { timeout: 30000 }, async () => {
  await open("/widget/");
  await inFrame(WINDOW, () => clickAll("log-in", "available", "outgoing-call"));
  await waitForMessage("CREATE_ENGAGEMENT_SUCCEEDED", "toWidget");
  await browser.execute(() => window.devkitHost.reload());
  await browser.waitFor(() => window.devkitHost.problems.length > 0, { message: "ghost-call on the reload" });
  const problem = await browser.execute(() => window.devkitHost.problems[0]);
  assert.equal(problem.rule, "ghost-call");
  assert.match(problem.message, /when the call panel reloaded/);
  await browser.waitFor(() => window.devkitHost.ready, { message: "the handshake after the reload" });
  await inFrame(WINDOW, () => clickAll("log-in", "available", "incoming-call"));
  await waitForMessage("CREATE_ENGAGEMENT_SUCCEEDED", "toWidget", 2);
  await browser.click("#end-session");
  assert.deepEqual(await rules(), ["ghost-call", "ghost-call"]);
  const shown = await browser.execute(() => [...document.querySelectorAll("#problems .problem")].map((li) => ({
    rule: li.dataset.rule, fix: li.querySelector(".problem-fix")?.textContent,
  })));
  assert.equal(shown.length, 2);
  assert.match(shown[1].fix, /^Fix: Finish every call started with createEngagement: true/, "the page shows each problem's fix");
});

test("a misbehaving widget in the remote and the calling window trips every layout check", { timeout: 30000 }, async () => {
  await open("/bad-widget/?mode=layout", { usesRemote: "1", usesCallingWindow: "1", dialTimeout: "1000" });
  for (const frame of [REMOTE, WINDOW]) {
    await inFrame(frame, () => browser.waitFor(() => window.done || window.failure, { message: "the fixture's script" }));
    assert.equal(await inFrame(frame, () => browser.execute(() => window.failure ?? null)), null);
  }
  await waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget");
  assert.deepEqual(await rules(), ["call-from-remote", "duplicate-call"]);
  assert.equal(await browser.execute(() => document.getElementById("frame-box").dataset.visibility), "hidden", "CALL_COMPLETED hid the widget");
  await browser.execute(() => window.devkitHost.dial("+1 617 555 0142", { startCall: true }));
  await browser.waitFor(() => window.devkitHost.problems.some((p) => p.rule === "unresponsive-after-hide"), { message: "unresponsive-after-hide" });
  await browser.execute(() => window.devkitHost.endSession());
  const problems = await browser.execute(() => window.devkitHost.problems.map(({ rule, location, type }) => ({ rule, location, type: type ?? null })));
  assert.deepEqual(problems, [
    { rule: "call-from-remote", location: "remote", type: "OUTGOING_CALL_STARTED" },
    { rule: "duplicate-call", location: "remote", type: "OUTGOING_CALL_STARTED" },
    { rule: "unresponsive-after-hide", location: "window", type: "DIAL_NUMBER" },
    { rule: "ghost-call", location: "remote", type: null },
  ]);
  const page = await browser.execute(() => ({
    count: document.getElementById("problem-count").textContent,
    lanes: [...document.querySelectorAll("#problems .problem .lane")].map((l) => l.textContent),
    announced: document.getElementById("announcer").textContent,
  }));
  assert.equal(page.count, "4");
  assert.deepEqual(page.lanes, ["Remote", "Remote", "Calling window", "Remote"]);
  await browser.waitFor(() => /Problem ghost-call/.test(document.getElementById("announcer").textContent), { message: "the live region" });
  await browser.screenshot(path.join(artifacts, "simulator-layout-problems.png"));
});
