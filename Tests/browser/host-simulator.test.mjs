// The host simulator (site/host/) in real headless Chromium: the simulator on one origin, the widget
// on another. Our demo widget goes through an outbound and an inbound call by its own buttons, the
// failure switches reach it, and a misbehaving widget's mistakes each show up in devkitHost.problems.
// Served by `$DEVKIT_BIN serve` over HTTPS when DEVKIT_BIN is set, else by a node static server over
// HTTP (see support/site-server.mjs). Screenshots go to artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot, fixturesDir } from "./support/site-server.mjs";
import { frozenContent } from "./support/frozen-content.mjs";

const artifacts = path.join(repoRoot, "artifacts");
const FRAME = "#hubspot-calling-extension-iframe";
let site;
let browser;

before(async () => {
  site = await startSite({ extras: { "bad-widget": path.join(fixturesDir, "bad-widget") }, serveArgs: frozenContent() });
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  browser = await Browser.start({ windowSize: [1280, 800], args: site.browserArgs });
  await browser.setViewportSize(1280, 800);
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

/** Opens the simulator on the host origin with a widget path on the widget origin. */
async function open(widgetPath = "/widget/", params = {}) {
  await browser.switchToFrame(null);
  const query = new URLSearchParams({ widget: `${site.widgetOrigin}${widgetPath}`, ...params });
  await browser.navigate(`${site.hostOrigin}/host/?${query}`);
}

async function openReady(widgetPath, params) {
  await open(widgetPath, params);
  await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake (devkitHost.ready)" });
}

/** Runs `fn` inside the widget's frame, then comes back to the simulator. */
async function inWidget(fn) {
  await browser.switchToFrame(FRAME);
  try {
    return await fn();
  } finally {
    await browser.switchToFrame(null);
  }
}

const clickAll = async (...ids) => {
  for (const id of ids) await browser.click(`#${id}`);
};
const messages = () => browser.execute(() => window.devkitHost.messages.map(({ direction, type, data, messageId, time }) => ({ direction, type, data, messageId, time })));
const types = (list, direction) => list.filter((m) => m.direction === direction && m.type !== "SYNC").map((m) => m.type);
const waitForMessage = (type, direction = "toWidget", count = 1) => browser.waitFor(
  (t, d, n) => window.devkitHost.messages.filter((m) => m.type === t && m.direction === d).length >= n,
  { args: [type, direction, count], message: `${count} × ${type} (${direction}) in devkitHost.messages` });
const widgetLog = () => browser.execute(() => [...document.querySelectorAll("#log li")].map((li) => `${li.dataset.direction} ${li.dataset.type}`).reverse());

test("an outbound call through the demo widget's buttons: every message in order, no problem", { timeout: 30000 }, async () => {
  await openReady();
  await browser.click('#records button[data-object-id="901"]'); // "Call" on Ada Lovelace's record
  await waitForMessage("DIAL_NUMBER");

  await inWidget(async () => {
    await browser.waitFor(() => document.getElementById("phone-number").value === "+1 617 555 0123", { message: "DIAL_NUMBER in the widget" });
    await clickAll("log-in", "available", "outgoing-call");
    await browser.waitFor(() => document.getElementById("engagement-id").value !== "", { message: "CREATE_ENGAGEMENT_SUCCEEDED in the widget" });
    await clickAll("call-answered");
  });
  await waitForMessage("CALL_ANSWERED", "toHost");
  await browser.screenshot(path.join(artifacts, "simulator-outbound-call.png"));

  const widgetEngagement = await inWidget(async () => {
    await clickAll("call-ended", "call-completed");
    await browser.waitFor(() => document.querySelector('#log li[data-type="UPDATE_ENGAGEMENT_SUCCEEDED"]'), { message: "UPDATE_ENGAGEMENT_SUCCEEDED in the widget" });
    return browser.execute(() => document.getElementById("engagement-id").value);
  });

  const list = await messages();
  assert.deepEqual(types(list, "toHost"), [
    "SYNC_ACK", "INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED",
  ]);
  assert.deepEqual(types(list, "toWidget"), ["DIAL_NUMBER", "CREATE_ENGAGEMENT_SUCCEEDED", "ENGAGEMENT_CREATED", "UPDATE_ENGAGEMENT_SUCCEEDED"]);
  const first = (type, direction = "toHost") => list.find((m) => m.type === type && m.direction === direction);

  // The handshake: SYNC from the simulator's origin, answered by the widget's origin, same messageId.
  const sync = first("SYNC", "toWidget");
  assert.equal(sync.data.hostUrl, site.hostOrigin);
  assert.deepEqual([sync.data.portalId, sync.data.iframeLocation, sync.data.usesCallingWindow], [123456, "widget", false]);
  const ack = first("SYNC_ACK");
  assert.equal(ack.data.iFrameUrl, site.widgetOrigin);
  assert.ok(list.some((m) => m.type === "SYNC" && m.messageId === ack.messageId), "SYNC_ACK keeps the messageId of a SYNC");

  // DIAL_NUMBER for the record, then the engagementId's round trip.
  const dialed = first("DIAL_NUMBER", "toWidget").data;
  assert.equal(typeof dialed.startTimestamp, "number");
  assert.deepEqual(dialed, {
    phoneNumber: "+1 617 555 0123", phone_number: "+1 617 555 0123", countryCode: "US",
    calleeInfo: { calleeId: 901, calleeObjectTypeId: "0-1" }, ownerId: 7, subjectId: 901, objectId: 901, objectType: "CONTACT",
    startTimestamp: dialed.startTimestamp, portalId: 123456, toPhoneNumberSrc: "Phone number", threadId: null, startCall: false,
  }, "called from Ada's own record: objectId is the record viewed, calleeInfo the callee");
  const { engagementId } = first("CREATE_ENGAGEMENT_SUCCEEDED", "toWidget").data;
  assert.equal(typeof engagementId, "number");
  assert.equal(first("ENGAGEMENT_CREATED", "toWidget").data.engagementId, engagementId);
  assert.equal(widgetEngagement, String(engagementId));
  assert.equal(first("CALL_ENDED").data.engagementId, engagementId);
  assert.equal(first("CALL_COMPLETED").data.engagementId, engagementId);
  assert.equal(first("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget").data.engagementId, engagementId);
  const externalCallId = first("OUTGOING_CALL_STARTED").data.externalCallId;
  for (const type of ["CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]) assert.equal(first(type).data.externalCallId, externalCallId);
  for (const m of list) {
    assert.equal(typeof m.time, "number");
    assert.match(m.messageId, /^\d+_\d+$/);
  }

  assert.deepEqual(await browser.execute(() => window.devkitHost.problems), []);
  const page = await browser.execute(() => ({
    count: document.getElementById("problem-count").textContent,
    rows: document.querySelectorAll("#timeline .entry").length,
    call: document.getElementById("call-card").textContent,
    connection: document.getElementById("connection").dataset.state,
    frame: (({ id, allow }) => ({ id, allow }))(document.querySelector("iframe")),
  }));
  assert.equal(page.count, "0");
  assert.ok(page.rows >= 13, `${page.rows} timeline rows`);
  assert.match(page.call, /Completed.*Outbound call · Ada Lovelace/);
  assert.equal(page.connection, "ready");
  assert.deepEqual(page.frame, { id: "hubspot-calling-extension-iframe", allow: "microphone; autoplay" });

  // Filtering the timeline by direction and text.
  const filtered = await browser.execute(() => {
    const direction = document.getElementById("filter-direction");
    direction.value = "toHost";
    direction.dispatchEvent(new Event("input", { bubbles: true }));
    const toHost = [...document.querySelectorAll("#timeline .entry")].map((row) => row.dataset.direction);
    direction.value = "";
    const text = document.getElementById("filter-text");
    text.value = "engagement_created";
    text.dispatchEvent(new Event("input", { bubbles: true }));
    const byText = [...document.querySelectorAll("#timeline .entry")].map((row) => row.dataset.type);
    return { toHost, byText };
  });
  assert.deepEqual([...new Set(filtered.toHost)], ["toHost"]);
  assert.equal(filtered.toHost.length, 8);
  assert.deepEqual(filtered.byText, ["ENGAGEMENT_CREATED"]);
});

test("an inbound call: caller-ID match, minimise and show, END_CALL from HubSpot; then an unknown caller", { timeout: 30000 }, async () => {
  await openReady();
  await inWidget(async () => {
    await browser.execute(() => (document.getElementById("phone-number").value = "+1 617 555 0142"));
    await clickAll("log-in", "available", "incoming-call");
    await browser.waitFor(() => document.getElementById("caller").value === "Grace Hopper", { message: "CALLER_ID_MATCH_SUCCEEDED to name the caller" });
    await browser.waitFor(() => document.getElementById("engagement-id").value !== "", { message: "the engagementId" });
    await clickAll("call-answered");
  });
  await waitForMessage("CALL_ANSWERED", "toHost");
  await browser.screenshot(path.join(artifacts, "simulator-inbound-call.png"));

  await clickAll("minimise");
  assert.equal(await browser.execute(() => document.getElementById("frame-box").dataset.visibility), "minimised");
  await clickAll("show", "end-call");
  await waitForMessage("CALL_ENDED", "toHost"); // the widget's onEndCall ends the call
  await inWidget(async () => {
    await clickAll("call-completed");
    await browser.waitFor(() => document.querySelector('#log li[data-type="UPDATE_ENGAGEMENT_SUCCEEDED"]'), { message: "UPDATE_ENGAGEMENT_SUCCEEDED" });
    await browser.execute(() => (document.getElementById("phone-number").value = "+33 1 99 99 99 99"));
    await clickAll("incoming-call");
    await browser.waitFor(() => document.getElementById("caller").value === "Unknown caller", { message: "CALLER_ID_MATCH_SUCCEEDED with no match" });
    await clickAll("call-ended", "call-completed");
  });
  await waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget", 2);

  const list = await messages();
  assert.deepEqual(types(list, "toHost"), [
    "SYNC_ACK", "INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "INCOMING_CALL", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED",
    "INCOMING_CALL", "CALL_ENDED", "CALL_COMPLETED",
  ]);
  assert.deepEqual(types(list, "toWidget"), [
    "CALLER_ID_MATCH_SUCCEEDED", "CREATE_ENGAGEMENT_SUCCEEDED", "ENGAGEMENT_CREATED",
    "VISIBILITY_CHANGED", "VISIBILITY_CHANGED", "END_CALL", "UPDATE_ENGAGEMENT_SUCCEEDED",
    "CALLER_ID_MATCH_SUCCEEDED", "CREATE_ENGAGEMENT_SUCCEEDED", "ENGAGEMENT_CREATED", "UPDATE_ENGAGEMENT_SUCCEEDED",
  ]);
  const of = (type, direction) => list.filter((m) => m.type === type && m.direction === direction);
  assert.deepEqual(of("CALLER_ID_MATCH_SUCCEEDED", "toWidget")[0].data.callerIdMatches, [{
    callerIdType: "CONTACT", objectCoordinates: { portalId: 123456, objectId: 902, objectTypeId: "0-1" },
    firstName: "Grace", lastName: "Hopper", email: "grace@example.com",
  }]);
  assert.deepEqual(of("CALLER_ID_MATCH_SUCCEEDED", "toWidget")[1].data, { callerIdMatches: [] }, "no match: SUCCEEDED with an empty list");
  assert.deepEqual(of("VISIBILITY_CHANGED", "toWidget").map((m) => m.data), [{ isMinimized: true, isHidden: false }, { isMinimized: false, isHidden: false }]);
  const [one, two] = of("CREATE_ENGAGEMENT_SUCCEEDED", "toWidget").map((m) => m.data.engagementId);
  assert.notEqual(one, two, "a fresh engagementId per call");
  const [ended1, ended2] = of("CALL_ENDED", "toHost").map((m) => m.data);
  assert.equal(ended1.engagementId, one);
  assert.equal(ended2.engagementId, two);
  assert.equal(of("CALL_COMPLETED", "toHost")[1].data.engagementId, two);
  assert.deepEqual(await browser.execute(() => window.devkitHost.problems), []);

  const log = await inWidget(widgetLog);
  assert.ok(log.includes("in END_CALL") && log.includes("in VISIBILITY_CHANGED") && log.includes("in CALLER_ID_MATCH_SUCCEEDED"), log.join("\n"));
});

test("failure switches: the widget gets CREATE_ENGAGEMENT_FAILED, then UPDATE_ENGAGEMENT_FAILED", { timeout: 30000 }, async () => {
  await openReady();
  await clickAll("fail-create"); // the page's switch
  await browser.execute(() => window.devkitHost.failNextEngagementUpdate(true)); // the script's
  await inWidget(async () => {
    await clickAll("log-in", "available", "outgoing-call");
    await browser.waitFor(() => document.querySelector('#log li[data-type="CREATE_ENGAGEMENT_FAILED"]'), { message: "CREATE_ENGAGEMENT_FAILED in the widget" });
    assert.match(await browser.execute(() => document.getElementById("status").textContent), /CREATE_ENGAGEMENT_FAILED/);
    assert.equal(await browser.execute(() => document.getElementById("engagement-id").value), "");
    await clickAll("call-answered", "call-ended", "call-completed");
    await browser.waitFor(() => document.querySelector('#log li[data-type="UPDATE_ENGAGEMENT_FAILED"]'), { message: "UPDATE_ENGAGEMENT_FAILED in the widget" });
  });
  const state = await browser.execute(() => ({
    create: document.getElementById("fail-create").checked,
    update: document.getElementById("fail-update").checked,
    problems: window.devkitHost.problems,
    sent: window.devkitHost.messages.filter((m) => m.direction === "toWidget" && m.type !== "SYNC").map((m) => m.type),
  }));
  assert.deepEqual(state.sent, ["CREATE_ENGAGEMENT_FAILED", "UPDATE_ENGAGEMENT_FAILED"]);
  assert.deepEqual([state.create, state.update], [false, false], "each switch fails one engagement, then turns off");
  assert.deepEqual(state.problems, [], "a call without an engagement is no protocol mistake");
});

test("the demo widget resizes the frame, raises an alert, moves to a new URL (a new handshake); then reset", { timeout: 30000 }, async () => {
  await openReady();
  await inWidget(async () => {
    await browser.execute(() => {
      document.getElementById("height").value = "520";
      document.getElementById("widget-url").value = `${location.origin}/widget/?moved=1`;
    });
    await clickAll("resize-widget", "send-error", "set-widget-url");
  });
  await browser.waitFor(() => window.devkitHost.timeline.filter((e) => e.type === "FRAME_LOADED").length === 2 && window.devkitHost.ready,
    { message: "the second handshake" });
  const page = await browser.execute(() => ({
    height: document.querySelector("iframe").getAttribute("height"),
    src: document.querySelector("iframe").src,
    alert: document.querySelector("#alerts .alert.error")?.textContent,
    url: new URL(location.href).searchParams.get("widget"),
    acks: window.devkitHost.messages.filter((m) => m.type === "SYNC_ACK").length,
    problems: window.devkitHost.problems,
    exported: Object.keys(window.devkitHost.export()),
  }));
  assert.equal(page.height, "650", "520 first, then 650 again from the new page's INITIALIZED");
  assert.equal(page.src, `${site.widgetOrigin}/widget/?moved=1`);
  assert.equal(page.url, page.src, "the page's URL follows");
  assert.match(page.alert, /Demo error from the widget/);
  assert.equal(page.acks, 2);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.exported, ["tool", "exportedAt", "hostUrl", "config", "ready", "frames", "widget", "calls", "problems", "timeline"]);
  const resized = await browser.execute(() => window.devkitHost.messages.find((m) => m.type === "RESIZE_WIDGET").data);
  assert.deepEqual(resized, { width: 400, height: 520 });

  await clickAll("reset");
  await browser.waitFor(() => window.devkitHost.ready && window.devkitHost.messages.some((m) => m.type === "INITIALIZED"), { message: "the handshake after reset" });
  const after = await browser.execute(() => ({
    frames: window.devkitHost.timeline.filter((e) => e.type === "FRAME_LOADED").length,
    rows: document.querySelectorAll("#timeline .entry").length,
    alerts: document.querySelectorAll("#alerts .alert").length,
  }));
  assert.equal(after.frames, 1, "the timeline starts again");
  assert.equal(after.alerts, 0);
  assert.ok(after.rows >= 3 && after.rows < 8, `${after.rows} rows`);
});

test("a misbehaving widget: each scripted mistake is a problem with its rule and messageId", { timeout: 30000 }, async () => {
  await open("/bad-widget/", { initTimeout: "1500" });
  await browser.waitFor(() => window.devkitHost && window.devkitHost.problems.some((p) => p.rule === "no-initialized"),
    { message: "no-initialized", timeout: 10000 });
  const sent = await inWidget(() => browser.execute(() => ({ done: window.done, failure: window.failure, sent: window.sent })));
  assert.equal(sent.failure ?? null, null, "the fixture ran to the end");
  assert.equal(sent.done, true);
  const problems = await browser.execute(() => window.devkitHost.problems);
  await browser.screenshot(path.join(artifacts, "simulator-bad-widget.png"));

  const expected = sent.sent.filter((s) => s.rule);
  assert.equal(expected.length, 10);
  assert.deepEqual(problems.map((p) => p.rule), [...expected.map((s) => s.rule), "no-initialized"], "every mistake, in order, and nothing else");
  for (const [i, s] of expected.entries()) {
    assert.equal(problems[i].messageId ?? null, s.messageId ?? null, `${s.rule} names its message`); // (LOGGED_IN had none)
    assert.equal(problems[i].type, s.type);
    assert.ok(problems[i].message.length > 40, "a human message that says how to fix it");
  }
  assert.equal(problems.at(-1).messageId, undefined);

  const page = await browser.execute(() => ({
    count: document.getElementById("problem-count").textContent,
    rules: [...document.querySelectorAll("#problems .problem")].map((li) => li.dataset.rule),
    flagged: document.querySelectorAll("#timeline .entry.has-problem").length,
  }));
  assert.equal(page.count, "11");
  assert.deepEqual(page.rules, problems.map((p) => p.rule));
  assert.equal(page.flagged, 10);
});

test("a widget that never answers SYNC (no-sync-ack), and one whose SYNC_ACK names another origin", { timeout: 30000 }, async () => {
  await open("/bad-widget/?mode=silent", { syncTimeout: "1500" });
  await browser.waitFor(() => window.devkitHost && window.devkitHost.problems.length > 0, { message: "no-sync-ack", timeout: 10000 });
  const silent = await browser.execute(() => ({
    rules: window.devkitHost.problems.map((p) => p.rule),
    ready: window.devkitHost.ready,
    syncs: window.devkitHost.messages.filter((m) => m.type === "SYNC").length,
    notes: window.devkitHost.timeline.filter((e) => e.direction === "host").map((e) => e.type),
    state: document.getElementById("connection").dataset.state,
    repeat: document.querySelector('#timeline .entry[data-type="SYNC"] .repeat')?.textContent,
  }));
  assert.deepEqual(silent.rules, ["no-sync-ack"]);
  assert.equal(silent.ready, false);
  assert.ok(silent.syncs >= 10, `${silent.syncs} SYNCs, one every 100 ms`);
  assert.deepEqual(silent.notes, ["FRAME_LOADED", "SYNC_ACK_FAILED"]);
  assert.equal(silent.state, "failed");
  assert.equal(silent.repeat, `×${silent.syncs}`, "the repeated SYNCs share one row");

  await open("/bad-widget/?mode=wrong-url");
  await browser.waitFor(() => window.devkitHost && window.devkitHost.problems.length > 0, { message: "wrong-iframe-url" });
  assert.deepEqual(await browser.execute(() => window.devkitHost.problems.map((p) => p.rule)), ["wrong-iframe-url"]);
});
