// HubSpot's own actions in the simulator (site/host/host.mjs): DIAL_NUMBER and the rest, the failure
// switches, reset and export; and correct widgets, ours and a hand-written one, raising no problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness, WIDGET } from "./support/host-harness.mjs";

function callHarness(options) {
  const t = harness(options);
  return t.handshake().then(() => {
    t.post({ type: "INITIALIZED", data: {} });
    return t;
  });
}

test("dial, endCall, setVisibility and send need the handshake, then post HubSpot's messages", async () => {
  const t = harness();
  t.load();
  assert.throws(() => t.sim.dial("+1 617 555 0123"), /has not answered SYNC yet/);
  assert.throws(() => t.sim.endCall(), /devkitHost\.send\(\)/);
  t.answerSync();
  await t.settle();
  t.clock.tick(100); // the repeated SYNC reaches the widget, which answers
  await t.settle();
  assert.equal(t.sim.ready, true);
  const dial = t.sim.dial("+1 617 555 0123");
  assert.deepEqual(dial.data, {
    phoneNumber: "+1 617 555 0123", phone_number: "+1 617 555 0123", countryCode: "US",
    calleeInfo: { calleeId: 901, calleeObjectTypeId: "0-1" }, ownerId: 7, subjectId: 0, objectId: 0,
    startTimestamp: t.clock.now, portalId: 123456, toPhoneNumberSrc: "Phone number", threadId: null, startCall: false,
  }, "from the dialer: objectId 0 and no objectType; the callee is in calleeInfo");
  // Calling Grace from the company's record: objectId is the record being viewed, not the callee.
  const fromCompany = t.sim.dial("+1 617 555 0142", { objectId: 951, startCall: true, toPhoneNumberSrc: "Mobile phone number" });
  assert.deepEqual([fromCompany.data.objectId, fromCompany.data.objectType, fromCompany.data.calleeInfo, fromCompany.data.startCall],
    [951, "COMPANY", { calleeId: 902, calleeObjectTypeId: "0-1" }, true]);
  assert.equal(fromCompany.data.toPhoneNumberSrc, "Mobile phone number");
  const company = t.sim.dial("+1 212 555 0187", { objectId: 952 });
  assert.deepEqual([company.data.objectType, company.data.calleeInfo.calleeObjectTypeId], ["COMPANY", "0-2"]);
  const unknown = t.sim.dial("+49 30 000000", { objectType: "2-1234", objectId: 77 });
  assert.deepEqual([unknown.data.countryCode, "calleeInfo" in unknown.data, unknown.data.objectType], ["DE", false, "2-1234"]);
  t.sim.endCall();
  t.sim.setVisibility({ isMinimized: true });
  t.sim.send("SET_CALL_STATE", { state: "IN_PROGRESS" });
  await t.settle();
  assert.deepEqual(t.flow().filter((f) => f.startsWith("toWidget")), ["toWidget DIAL_NUMBER", "toWidget DIAL_NUMBER", "toWidget DIAL_NUMBER", "toWidget DIAL_NUMBER", "toWidget END_CALL", "toWidget VISIBILITY_CHANGED", "toWidget SET_CALL_STATE"]);
  assert.deepEqual(t.sent("VISIBILITY_CHANGED")[0].data, { isMinimized: true, isHidden: false });
  assert.equal("data" in t.sent("END_CALL")[0].message, false);
  assert.throws(() => t.sim.send(""), TypeError);
});

test("failure switches: the next create and the next update fail, once each", async () => {
  const t = await callHarness();
  assert.equal(t.sim.failNextEngagementCreate(true), true);
  t.sim.failNextEngagementUpdate(true);
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", callEndStatus: "FAILED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1" } });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c2", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c2", engagementId: 72001, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c2", engagementId: 72001 } });
  await t.settle();
  assert.deepEqual(t.flow().filter((f) => f.startsWith("toWidget")), [
    "toWidget CREATE_ENGAGEMENT_FAILED", "toWidget UPDATE_ENGAGEMENT_FAILED",
    "toWidget CREATE_ENGAGEMENT_SUCCEEDED", "toWidget ENGAGEMENT_CREATED", "toWidget UPDATE_ENGAGEMENT_SUCCEEDED",
  ]);
  assert.match(t.sent("CREATE_ENGAGEMENT_FAILED")[0].data.error.message, /fail next engagement create/);
  assert.deepEqual(t.sim.switches, { failNextEngagementCreate: false, failNextEngagementUpdate: false, failNextCallerIdMatch: false });
  assert.equal(t.sim.calls.list[0].engagementFailed, true);
  assert.deepEqual(t.rules(), [], "CALL_ENDED and CALL_COMPLETED without an engagementId are fine when none was created");
});

test("the failure switches reach the bridge's FAILED and _FAILED handlers", async () => {
  const t = harness();
  const failed = [];
  const { cti, calls } = t.bridge({ FAILED: (data, message) => failed.push(message.type) });
  t.load();
  await t.settle();
  t.sim.failNextEngagementCreate(true);
  cti.outgoingCall({ externalCallId: "c1", toNumber: "+1 555", createEngagement: true });
  await t.settle();
  assert.deepEqual(failed, ["CREATE_ENGAGEMENT_FAILED"]);
  assert.ok(calls.some((c) => c.name === "onCreateEngagementFailed"));
});

test("reset forgets everything and asks the page to reload the widget", async () => {
  const t = await callHarness();
  t.sim.failNextEngagementCreate(true);
  t.post({ type: "DANCE" });
  await t.settle();
  const messages = t.sim.messages;
  t.sim.reset();
  assert.equal(t.sim.ready, false);
  assert.deepEqual([t.sim.messages.length, t.sim.problems.length, t.sim.calls.list.length, t.sim.timeline.length], [0, 0, 0, 0]);
  assert.equal(messages, t.sim.messages, "the same arrays, emptied");
  assert.equal(t.sim.switches.failNextEngagementCreate, false);
  assert.ok(t.events.some((e) => e.effect === "reload"));
  t.clock.tick(60_000);
  assert.deepEqual(t.rules(), [], "no timer of the old handshake fires");
});

test("export() is JSON with the timeline and the problems", async () => {
  const t = await callHarness();
  t.post({ type: "DANCE" });
  await t.settle();
  const json = JSON.parse(JSON.stringify(t.sim.export()));
  assert.equal(json.tool, "Calling DevKit host simulator");
  assert.deepEqual(json.timeline.map((e) => e.type), ["FRAME_LOADED", "SYNC", "SYNC_ACK", "INITIALIZED", "DANCE"]);
  assert.deepEqual(json.problems.map((p) => p.rule), ["unknown-message-type"]);
  assert.equal(json.config.widgetUrl, `${WIDGET}/widget/`);
});

test("a full call through our bridge raises no problem", async () => {
  const t = harness();
  const engagement = {};
  const { cti, calls } = t.bridge({
    onReady: () => cti.initialized({ isLoggedIn: true, isAvailable: true, sizeInfo: { width: 400, height: 650 } }),
    onCreateEngagementSucceeded: (data) => (engagement.id ??= data.engagementId),
  });
  t.load();
  await t.settle();
  t.sim.dial("+1 617 555 0123");
  await t.settle();
  cti.outgoingCall({ externalCallId: "x1", toNumber: "+1 617 555 0123", fromNumber: "+1 617 555 0199", callStartTime: 1, createEngagement: true });
  await t.settle();
  cti.callAnswered({ externalCallId: "x1" });
  cti.callData({ anything: true });
  cti.initialized({ isLoggedIn: true }); // twice is fine
  t.sim.setVisibility({ isMinimized: true });
  cti.callEnded({ externalCallId: "x1", engagementId: engagement.id, callEndStatus: cti.constructor.Constants.callEndStatus.INTERNAL_COMPLETED });
  cti.callCompleted({ externalCallId: "x1", engagementId: engagement.id, hideWidget: false, engagementProperties: { hs_call_title: "t" } });
  cti.finalizeEngagement({ externalCallId: "x1", engagementId: engagement.id });
  cti.navigateToRecord({ objectCoordinates: { portalId: 123456, objectId: 901, objectTypeId: "0-1" } });
  cti.resizeWidget({ width: 400, height: 700 });
  cti.sendError({ message: "shown to the user" });
  cti.incomingCall({ externalCallId: "x2", fromNumber: "+1 617 555 0142", toNumber: "+1 617 555 0199", createEngagement: true });
  await t.settle();
  cti.callEnded({ externalCallId: "x2", callEndStatus: "MISSED" });
  cti.callCompleted({ externalCallId: "x2" });
  t.sim.send("SOMETHING_NEW", { a: 1 }); // the widget answers ERROR UNKNOWN_MESSAGE_TYPE: not its mistake
  await t.settle();
  t.clock.tick(60_000);
  assert.equal(engagement.id, 72001);
  assert.deepEqual(t.sim.problems, []);
  assert.deepEqual(calls.map((c) => c.name).filter((n) => n !== "onReady" && n !== "onCreateEngagementSucceeded"), [
    "onDialNumber", "onEngagementCreated", "onVisibilityChanged", "onUpdateEngagementSucceeded", "onFinalizeEngagementSucceeded",
    "onCallerIdMatchSucceeded", "onEngagementCreated", "onUpdateEngagementSucceeded",
  ]);
  assert.equal(t.got("ERROR").length, 2);
});

test("an SDK-0.9.6-style widget by hand: SYNC_ACK as the SYNC object, repeated ids, no engagementId on CALL_ENDED", async () => {
  const t = harness();
  await t.handshake();
  const id = "1700000000001_1700000000002"; // <instanceId>_<Date.now()>, repeated within one millisecond
  t.post({ type: "INITIALIZED", data: { isLoggedIn: true, sizeInfo: { width: 400, height: 600 } }, messageId: id });
  t.post({ type: "INITIALIZED", data: {}, messageId: id });
  t.post({ type: "USER_AVAILABLE", messageId: id });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "s1", fromNumber: "+1 617 555 0123", toNumber: "+1 617 555 0199", createEngagement: true }, messageId: id });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "s1" }, messageId: id });
  t.post({ type: "CALL_TRANSFERRED", data: { externalCallId: "s1" }, messageId: id });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "s1" }, messageId: id });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "s1", engagementId: "72001", hideWidget: true }, messageId: id });
  t.post({ type: "SET_WIDGET_URL", data: { iFrameUrl: `${WIDGET}/widget/` }, messageId: id });
  t.post({ type: "UNLOADING", messageId: id });
  await t.settle();
  t.clock.tick(60_000);
  assert.deepEqual(t.sim.problems, []);
});
