// The simulator's checks of every incoming message (site/host/inbox.mjs) and its answers to the ones
// that are not call events: dropped and unknown messages, sizes, errors, records and new URLs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./support/host-harness.mjs";

function callHarness(options) {
  const t = harness(options);
  return t.handshake().then(() => {
    t.post({ type: "INITIALIZED", data: {} });
    return t;
  });
}

test("missing-message-id and missing-message-type: dropped messages from the widget's frame are named", async () => {
  const t = harness();
  await t.handshake();
  t.post({ type: "LOGGED_IN" }, { id: false });
  t.post({ messageId: "w_x", data: {} }, { id: false });
  t.post({ hello: "not a protocol message" }, { id: false });
  t.post("a string", { id: false });
  await t.settle();
  assert.deepEqual(t.rules(), ["missing-message-id", "missing-message-type"]);
  assert.equal(t.sim.problems[1].messageId, "w_x");
  assert.equal(t.sim.widget.loggedIn, undefined, "HubSpot ignored LOGGED_IN");
  assert.equal(t.got("LOGGED_IN")[0].ignored, true);
});

test("wrong-origin: a message from the widget's frame at another origin; other windows are not the widget's business", async () => {
  const t = harness();
  await t.handshake();
  const moved = t.world.window("widget", "https://moved.example"); // the same frame, now at another origin
  t.post({ type: "LOGGED_IN" }, { from: moved });
  const other = t.world.window("other-frame", "https://ads.example");
  t.post({ type: "LOGGED_IN" }, { from: other });
  await t.settle();
  assert.deepEqual(t.rules(), ["wrong-origin"]);
  assert.match(t.sim.problems[0].message, /https:\/\/moved\.example.*https:\/\/localhost:9025/);
});

test("unknown-message-type: unknown types, host types and SYNC from the widget; known ones pass", async () => {
  const t = harness();
  await t.handshake();
  t.post({ type: "OUTGOING_CALL_START", data: {} });
  t.post({ type: "DIAL_NUMBER", data: {} });
  t.post({ type: "SYNC" });
  t.post({ type: "DANCE" });
  for (const type of ["INITIALIZED", "LOGGED_IN", "LOGGED_OUT", "USER_AVAILABLE", "USER_UNAVAILABLE", "CALL_DATA", "UNLOADING"]) t.post({ type });
  await t.settle();
  assert.deepEqual(t.rules(), Array(4).fill("unknown-message-type"));
  const [typo, hostType, sync, dance] = t.sim.problems.map((p) => p.message);
  assert.match(typo, /Did you mean OUTGOING_CALL_STARTED\?/);
  assert.match(hostType, /DIAL_NUMBER is a message HubSpot sends/);
  assert.match(sync, /SYNC/);
  assert.doesNotMatch(dance, /Did you mean/);
});

test("reused-host-message-id: a new message carrying one of HubSpot's ids is dropped as a reply", async () => {
  const t = harness();
  await t.handshake();
  const dial = t.sim.dial("+1 617 555 0123");
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1" }, messageId: dial.messageId });
  await t.settle();
  assert.deepEqual(t.rules(), ["reused-host-message-id"]);
  assert.equal(t.sim.calls.list.length, 0);
});

test("non-numeric-resize: strings, NaN, zero, nothing; numbers resize the frame (also INITIALIZED's sizeInfo)", async () => {
  const t = await callHarness();
  for (const data of [{ width: "400px", height: 600 }, { width: 400, height: NaN }, { width: 0, height: 10 }, undefined, {}]) {
    t.post({ type: "RESIZE_WIDGET", data });
  }
  t.post({ type: "INITIALIZED", data: { sizeInfo: { width: "wide", height: 300 } } });
  t.post({ type: "RESIZE_WIDGET", data: { width: 320, height: 480 } });
  t.post({ type: "RESIZE_WIDGET", data: { height: 700 } });
  t.post({ type: "INITIALIZED", data: { sizeInfo: { width: 300, height: 500 } } });
  await t.settle();
  assert.deepEqual(t.rules(), Array(6).fill("non-numeric-resize"));
  const sizes = t.events.filter((e) => e.effect === "resize").map((e) => [e.width, e.height]);
  assert.deepEqual(sizes, [[320, 480], [undefined, 700], [300, 500]]);
});

test("invalid-payload: ERROR without a message, NAVIGATE_TO_RECORD without coordinates, SET_WIDGET_URL without a URL", async () => {
  const t = await callHarness();
  t.post({ type: "ERROR", data: { text: "oops" } });
  t.post({ type: "NAVIGATE_TO_RECORD", data: { objectCoordinates: { objectId: 901 } } });
  t.post({ type: "SET_WIDGET_URL", data: { iFrameUrl: "javascript:alert(1)" } });
  await t.settle();
  assert.deepEqual(t.rules(), ["invalid-payload", "invalid-payload", "invalid-payload"]);
  assert.equal(t.sent("NAVIGATE_TO_RECORD_FAILED").length, 1);
  assert.equal(t.sent("SET_WIDGET_URL_FAILED").length, 1);
});

test("ERROR alerts; NAVIGATE_TO_RECORD shows the record; SET_WIDGET_URL navigates (data or top level)", async () => {
  const t = await callHarness();
  t.post({ type: "ERROR", data: { message: "Microphone blocked" } });
  t.post({ type: "ERROR", data: { type: "UNKNOWN_MESSAGE_TYPE", data: { originalMessage: { type: "NEW_THING" } } } });
  t.post({ type: "NAVIGATE_TO_RECORD", data: { objectCoordinates: { portalId: 123456, objectId: 902, objectTypeId: "0-1" } } });
  t.post({ type: "NAVIGATE_TO_RECORD", data: { objectCoordinates: { portalId: 123456, objectId: 7, objectTypeId: "2-1234" } } });
  t.post({ type: "SET_WIDGET_URL", data: { iFrameUrl: "https://localhost:9025/widget/?step=2" } });
  t.post({ type: "SET_WIDGET_URL", iFrameUrl: "https://other.example:8443/w" });
  await t.settle();
  assert.deepEqual(t.rules(), []);
  const effects = t.events.filter((e) => e.kind === "effect");
  assert.deepEqual(effects.filter((e) => e.effect === "alert").map((e) => [e.level, e.message]), [
    ["error", "Microphone blocked"], ["info", "The widget does not handle NEW_THING (UNKNOWN_MESSAGE_TYPE)."],
  ]);
  const records = effects.filter((e) => e.effect === "record");
  assert.equal(records[0].record.firstName, "Grace");
  assert.equal(records[1].record, undefined, "a custom object is shown by its coordinates");
  assert.deepEqual(effects.filter((e) => e.effect === "navigate").map((e) => e.url), ["https://localhost:9025/widget/?step=2", "https://other.example:8443/w"]);
  assert.equal(t.sim.config.widgetUrl, "https://other.example:8443/w");
  t.load();
  assert.equal(t.sim.channel.origin, "https://other.example:8443", "the next handshake talks to the new origin");
});
