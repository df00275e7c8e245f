// The demo widget in real headless Chromium, inside a cross-origin test host that plays HubSpot's
// side of one outbound call. Serves DEVKIT_SITE_DIR (the output of `devkit build`) or site/.
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
const artifacts = path.join(repoRoot, "artifacts");

let server;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, "widget/index.html")), `no widget/index.html in ${siteDir}`);
  server = await serveStatic({ root: siteDir, fixtures: path.join(here, "fixtures") });
  // No skip: if Chromium cannot start, this throws and the suite fails with the reason.
  browser = await Browser.start({ windowSize: [480, 900] });
});

after(async () => {
  await browser?.quit();
  await server?.close();
});

const click = async (id) => browser.click(`#${id}`);

test("one outbound call between a host on 127.0.0.1 and the widget on localhost", { timeout: 45000 }, async () => {
  const { port } = server;
  const hostOrigin = `http://127.0.0.1:${port}`;
  const widgetOrigin = `http://localhost:${port}`;
  await browser.navigate(`${hostOrigin}${FIXTURES_PREFIX}host.html?widget=${encodeURIComponent(`${widgetOrigin}/widget/`)}`);
  await browser.waitFor(() => window.hostState && window.hostState.ready, { message: "SYNC_ACK at the host" });

  await browser.switchToFrame("#hubspot-calling-extension-iframe");
  await browser.waitFor(() => document.getElementById("phone-number").value === "+1 617 555 0123",
    { message: "DIAL_NUMBER to fill the phone number" });
  for (const id of ["initialized", "log-in", "available", "outgoing-call"]) await click(id);
  await browser.waitFor(() => document.getElementById("engagement-id").value === "4242",
    { message: "CREATE_ENGAGEMENT_SUCCEEDED to set the engagementId" });
  for (const id of ["call-answered", "call-ended", "call-completed"]) await click(id);
  await browser.waitFor(() => document.querySelector('#log li[data-type="UPDATE_ENGAGEMENT_SUCCEEDED"]'),
    { message: "UPDATE_ENGAGEMENT_SUCCEEDED in the widget's log" });

  const widget = await browser.execute(() => ({
    origin: location.origin,
    referrer: document.referrer,
    status: document.getElementById("status").textContent,
    externalCallId: document.getElementById("external-call-id").value,
    log: [...document.querySelectorAll("#log li")].map((li) => [li.dataset.direction, li.dataset.type, li.querySelector(".brief").textContent]),
    resources: performance.getEntriesByType("resource").map((entry) => entry.name),
  }));
  await browser.switchToFrame(null);
  fs.mkdirSync(artifacts, { recursive: true });
  await browser.screenshot(path.join(artifacts, "widget-outbound-call.png"), "#hubspot-calling-extension-iframe");
  await browser.screenshot(path.join(artifacts, "host-outbound-call.png"));
  const log = await browser.execute(() => window.log);

  // The widget ran cross-origin, found its host through document.referrer, and loaded nothing foreign.
  assert.equal(widget.origin, widgetOrigin);
  assert.equal(new URL(widget.referrer).origin, hostOrigin);
  assert.ok(widget.resources.length >= 3, widget.resources.join("\n"));
  for (const url of widget.resources) assert.equal(new URL(url).origin, widgetOrigin, url);

  // What the host received, in order (repeated SYNCs are not answered twice).
  const received = log.filter((e) => e.direction === "in").map((e) => e.message);
  assert.ok(log.filter((e) => e.direction === "in").every((e) => e.origin === widgetOrigin));
  assert.deepEqual(received.map((m) => m.type), [
    "SYNC_ACK", "INITIALIZED", "INITIALIZED", "LOGGED_IN", "USER_AVAILABLE",
    "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED",
  ]);
  const byType = (type) => received.filter((m) => m.type === type).at(-1);
  const firstSync = log.find((e) => e.direction === "out" && e.message.type === "SYNC").message;
  const ack = byType("SYNC_ACK");
  assert.equal(ack.messageId, firstSync.messageId);
  assert.equal(ack.iFrameUrl, widgetOrigin);
  assert.equal(ack.version, "0.9.6");
  assert.equal(ack.hostUrl, hostOrigin);
  assert.equal(ack.portalId, 123456);
  assert.deepEqual(byType("INITIALIZED").data, { isLoggedIn: false, isAvailable: false, sizeInfo: { width: 400, height: 650 } });
  assert.equal("data" in byType("LOGGED_IN"), false);

  const started = byType("OUTGOING_CALL_STARTED").data;
  assert.equal(started.toNumber, "+1 617 555 0123");
  assert.equal(started.createEngagement, true);
  assert.equal(typeof started.callStartTime, "number");
  assert.match(started.externalCallId, /^devkit-/);
  assert.equal(widget.externalCallId, started.externalCallId);
  for (const type of ["CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]) {
    assert.equal(byType(type).data.externalCallId, started.externalCallId, `${type} keeps the externalCallId`);
  }
  assert.equal(byType("CALL_ENDED").data.engagementId, 4242);
  assert.equal(byType("CALL_ENDED").data.callEndStatus, "COMPLETED");
  const completed = byType("CALL_COMPLETED").data;
  assert.equal(completed.engagementId, 4242, "the engagementId made the round trip");
  assert.equal(completed.hideWidget, false);
  assert.equal(completed.engagementProperties.hs_call_body, "Called from the DevKit demo widget");
  const widgetIds = received.slice(1).map((m) => m.messageId.split("_")[0]);
  assert.equal(new Set(widgetIds).size, 1, "one widget instance id");

  // What the host sent after the handshake.
  const sent = log.filter((e) => e.direction === "out" && e.message.type !== "SYNC").map((e) => e.message);
  assert.deepEqual(sent.map((m) => m.type), ["DIAL_NUMBER", "CREATE_ENGAGEMENT_SUCCEEDED", "UPDATE_ENGAGEMENT_SUCCEEDED"]);
  assert.equal(sent[2].data.engagementId, 4242);

  // The widget's visible log, newest first.
  assert.deepEqual(widget.log.map(([direction, type]) => `${direction} ${type}`), [
    "in SYNC", "out SYNC_ACK", "out INITIALIZED", "in DIAL_NUMBER", "out INITIALIZED", "out LOGGED_IN",
    "out USER_AVAILABLE", "out OUTGOING_CALL_STARTED", "in CREATE_ENGAGEMENT_SUCCEEDED", "out CALL_ANSWERED",
    "out CALL_ENDED", "out CALL_COMPLETED", "in UPDATE_ENGAGEMENT_SUCCEEDED",
  ].reverse());
  const brief = Object.fromEntries(widget.log.map(([, type, text]) => [type, text]));
  assert.match(brief.CREATE_ENGAGEMENT_SUCCEEDED, /"engagementId":4242/);
  assert.match(brief.OUTGOING_CALL_STARTED, /"toNumber":"\+1 617 555 0123"/);
  assert.match(widget.status, /Engagement updated/);

  // Nothing else was requested from the server by the widget but its own three files (and maybe an icon).
  const widgetRequests = server.requests.filter((r) => r.host === `localhost:${port}`).map((r) => r.path);
  assert.deepEqual(widgetRequests.filter((p) => p !== "/favicon.ico").sort(),
    ["/assets/calling-extensions.js", "/widget/", "/widget/widget.css", "/widget/widget.js"]);
});

const enabledButtons = () => browser.execute(() =>
  [...document.querySelectorAll(".buttons button")].filter((button) => !button.disabled).map((button) => button.id));

test("enforced button order through an inbound call that the host ends", { timeout: 45000 }, async () => {
  const { port } = server;
  await browser.switchToFrame(null);
  await browser.navigate(`http://127.0.0.1:${port}${FIXTURES_PREFIX}host.html?widget=${encodeURIComponent(`http://localhost:${port}/widget/`)}`);
  await browser.waitFor(() => window.hostState && window.hostState.ready, { message: "SYNC_ACK at the host" });
  await browser.switchToFrame("#hubspot-calling-extension-iframe");
  await browser.waitFor(() => document.getElementById("phone-number").value === "+1 617 555 0123", { message: "DIAL_NUMBER" });
  await click("enforce-order");

  const always = ["set-widget-url", "send-error", "resize-widget"];
  const expectEnabled = async (ids, step) => assert.deepEqual((await enabledButtons()).sort(), [...always, ...ids].sort(), step);
  await expectEnabled(["log-in"], "after the automatic INITIALIZED");
  await click("log-in");
  await expectEnabled(["log-out", "available"], "logged in");
  await click("available");
  await expectEnabled(["log-out", "unavailable", "incoming-call", "outgoing-call"], "available");
  await click("incoming-call");
  await expectEnabled(["call-answered", "call-ended"], "ringing");
  await browser.waitFor(() => document.getElementById("caller").value === "Ada Lovelace", { message: "the caller-ID match to name the caller" });
  await browser.waitFor(() => document.getElementById("engagement-id").value === "4243", { message: "the engagementId" });
  await click("call-answered");
  await expectEnabled(["call-ended", "call-transferred"], "answered");

  await browser.switchToFrame(null);
  await browser.execute(() => window.sendToWidget({ type: "END_CALL" }));
  await browser.switchToFrame("#hubspot-calling-extension-iframe");
  await browser.waitFor(() => !document.getElementById("call-completed").disabled, { message: "END_CALL to end the call" });
  await expectEnabled(["call-completed"], "ended by the host");
  await click("call-completed");
  await expectEnabled(["log-out", "unavailable", "incoming-call", "outgoing-call"], "completed");
  await browser.screenshot(path.join(artifacts, "widget-enforced-order.png"));

  await browser.switchToFrame(null);
  const received = (await browser.execute(() => window.log)).filter((e) => e.direction === "in").map((e) => e.message);
  const incoming = received.find((m) => m.type === "INCOMING_CALL").data;
  assert.equal(incoming.fromNumber, "+1 617 555 0123");
  assert.equal(incoming.toNumber, "+1 617 555 0199");
  const ended = received.find((m) => m.type === "CALL_ENDED").data;
  assert.deepEqual(ended, { externalCallId: incoming.externalCallId, engagementId: 4243, callEndStatus: "COMPLETED" });
  assert.equal(received.at(-1).type, "CALL_COMPLETED");
  assert.equal(received.filter((m) => m.type === "ERROR").length, 0, "no UNKNOWN_MESSAGE_TYPE");
});
