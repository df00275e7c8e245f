// Every widget -> host method: the message it puts on the wire, and the warnings on bad payloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./support/fake-window.mjs";

const call = { externalCallId: "call-1" };
const NO_DATA = Symbol("no data");

// [method, arguments, expected type, expected data (NO_DATA: the message has no data key)]
const methods = [
  ["initialized", [{ isLoggedIn: true, isAvailable: false, sizeInfo: { width: 400, height: 650 }, engagementId: 5 }],
    "INITIALIZED", { isLoggedIn: true, isAvailable: false, sizeInfo: { width: 400, height: 650 }, engagementId: 5 }],
  ["initialized", [], "INITIALIZED", undefined], // the SDK posts data: undefined (the key is there)
  ["userLoggedIn", [], "LOGGED_IN", NO_DATA],
  ["userLoggedOut", [], "LOGGED_OUT", NO_DATA],
  ["userAvailable", [], "USER_AVAILABLE", NO_DATA],
  ["userUnavailable", [], "USER_UNAVAILABLE", NO_DATA],
  ["incomingCall", [{ ...call, fromNumber: "+1 617 555 0100", toNumber: "+1 617 555 0199", callStartTime: 1700000000000, createEngagement: true }],
    "INCOMING_CALL", { ...call, fromNumber: "+1 617 555 0100", toNumber: "+1 617 555 0199", callStartTime: 1700000000000, createEngagement: true }],
  ["outgoingCall", [{ ...call, toNumber: "+1 617 555 0100", fromNumber: "+1 617 555 0199", callStartTime: 1700000000000, createEngagement: true }],
    "OUTGOING_CALL_STARTED", { ...call, toNumber: "+1 617 555 0100", fromNumber: "+1 617 555 0199", callStartTime: 1700000000000, createEngagement: true }],
  ["outgoingCall", [{ ...call, phoneNumber: "+1 617 555 0100" }], "OUTGOING_CALL_STARTED", { ...call, phoneNumber: "+1 617 555 0100" }],
  ["callAnswered", [call], "CALL_ANSWERED", call],
  ["callTransferred", [call], "CALL_TRANSFERRED", call],
  ["callData", [{ anything: ["goes", 1] }], "CALL_DATA", { anything: ["goes", 1] }],
  ["callData", ["free-form"], "CALL_DATA", "free-form"],
  ["callEnded", [{ ...call, engagementId: 9, callEndStatus: "COMPLETED" }], "CALL_ENDED", { ...call, engagementId: 9, callEndStatus: "COMPLETED" }],
  ["callEnded", [{ ...call, callEndStatus: "MISSED" }], "CALL_ENDED", { ...call, callEndStatus: "MISSED" }],
  ["callCompleted", [{ ...call, engagementId: 9, hideWidget: false, engagementProperties: { hs_call_title: "Demo", hs_call_body: "Notes" } }],
    "CALL_COMPLETED", { ...call, engagementId: 9, hideWidget: false, engagementProperties: { hs_call_title: "Demo", hs_call_body: "Notes" } }],
  ["finalizeEngagement", [{ ...call, engagementId: 9 }], "FINALIZE_ENGAGEMENT", { ...call, engagementId: 9 }],
  ["navigateToRecord", [{ objectCoordinates: { portalId: 1, objectId: 2, objectTypeId: "0-2" }, engagementId: 9 }],
    "NAVIGATE_TO_RECORD", { objectCoordinates: { portalId: 1, objectId: 2, objectTypeId: "0-2" }, engagementId: 9 }],
  ["sendError", [{ message: "Microphone blocked" }], "ERROR", { message: "Microphone blocked" }],
  ["resizeWidget", [{ width: 400, height: 650 }], "RESIZE_WIDGET", { width: 400, height: 650 }],
  ["setWidgetUrl", [{ iFrameUrl: "https://calls.example.com/v2/" }], "SET_WIDGET_URL", { iFrameUrl: "https://calls.example.com/v2/" }],
  ["sendMessage", [{ type: "CUSTOM_THING", data: { x: 1 } }], "CUSTOM_THING", { x: 1 }],
];

test("the public API has every method of the SDK's widget side", () => {
  const t = setup();
  const cti = new t.CallingExtensions({ eventHandlers: {} });
  const api = ["initialized", "userLoggedIn", "userLoggedOut", "userAvailable", "userUnavailable", "incomingCall",
    "outgoingCall", "callAnswered", "callTransferred", "callData", "callEnded", "callCompleted", "finalizeEngagement",
    "publishToChannel", "navigateToRecord", "sendError", "resizeWidget", "setWidgetUrl", "sendMessage", "logDebugMessage"];
  for (const name of api) assert.equal(typeof cti[name], "function", name);
  assert.throws(() => new t.CallingExtensions({}), /Invalid options or missing eventHandlers/);
  assert.throws(() => new t.CallingExtensions(), /Invalid options or missing eventHandlers/);
});

for (const [method, args, type, data] of methods) {
  test(`${method}(${args.length ? JSON.stringify(args[0]).slice(0, 40) : ""}) sends ${type} without a warning`, async () => {
    const t = setup();
    const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
    cti[method](...args);
    await t.world.settle();
    const posts = t.widgetPosts().slice(1);
    assert.equal(posts.length, 1);
    const expected = data === NO_DATA ? { type } : { type, data };
    assert.deepEqual(posts[0].data, { ...expected, messageId: posts[0].data.messageId });
    assert.match(posts[0].data.messageId, new RegExp(`^${cti.channel.instanceId}_\\d+$`));
    assert.deepEqual(t.widget.lines("warn"), []);
    assert.deepEqual(t.widget.lines("error"), []);
  });
}

test("publishToChannel sends PUBLISH_TO_CHANNEL and warns that it is deprecated", async () => {
  const t = setup();
  const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
  cti.publishToChannel({ ...call, engagementId: 9 });
  await t.world.settle();
  assert.deepEqual(t.inbox().at(-1), { type: "PUBLISH_TO_CHANNEL", data: { ...call, engagementId: 9 }, messageId: t.inbox().at(-1).messageId });
  assert.deepEqual(t.widget.lines("warn"), ["[calling-extensions] publishToChannel(): it is deprecated; use finalizeEngagement(). Sent anyway."]);
});

test("logDebugMessage only logs: console.log in debug mode, console.debug otherwise", async () => {
  for (const debugMode of [true, false]) {
    const t = setup();
    const { cti } = await t.ready({ debugMode, eventHandlers: { onReady() {} } });
    const before = t.world.posts.length;
    cti.logDebugMessage({ message: "hello there", type: "Custom" });
    cti.logDebugMessage({ message: "generic" });
    assert.equal(t.world.posts.length, before);
    const lines = t.widget.lines(debugMode ? "log" : "debug");
    assert.ok(lines.includes("[calling-extensions] Custom hello there"), lines.join("\n"));
    assert.ok(lines.includes("[calling-extensions] Generic Message generic"), lines.join("\n"));
    assert.equal(t.widget.lines(debugMode ? "debug" : "log").length, 0);
  }
});

// [method, argument, warning pattern]. The message must still go out exactly as given.
const suspect = [
  ["resizeWidget", { width: "400px", height: 600 }, /resizeWidget\(\): width and height must be numbers of pixels/],
  ["resizeWidget", { width: 400 }, /resizeWidget\(\): width and height must be numbers/],
  ["resizeWidget", "big", /resizeWidget\(\) expects an object, got string/],
  ["initialized", { sizeInfo: { width: 0, height: 10 } }, /initialized\(\): width and height must be numbers/],
  ["callEnded", { ...call, callEndStatus: "DONE" }, /callEnded\(\): callEndStatus "DONE" is unknown; use one of COMPLETED, FAILED, CANCELED, BUSY, NO_ANSWER, REJECTED, MISSED/],
  ["callEnded", { ...call, callEndStatus: "INTERNAL_COMPLETED" }, /callEndStatus "INTERNAL_COMPLETED" is unknown/],
  ["callEnded", { callEndStatus: "COMPLETED" }, /callEnded\(\): externalCallId is missing/],
  ["outgoingCall", { toNumber: "+1555" }, /outgoingCall\(\): externalCallId is missing; add it to the payload/],
  ["outgoingCall", { ...call }, /outgoingCall\(\): toNumber \(the number dialled\) is missing/],
  ["incomingCall", { ...call, toNumber: "+1" }, /incomingCall\(\): fromNumber is missing/],
  ["callAnswered", undefined, /callAnswered\(\) expects an object, got undefined/],
  ["callAnswered", { externalCallId: "" }, /callAnswered\(\): externalCallId is missing/],
  ["callTransferred", {}, /callTransferred\(\): externalCallId is missing/],
  ["callCompleted", { engagementId: 1 }, /callCompleted\(\): externalCallId is missing/],
  ["finalizeEngagement", { engagementId: 1 }, /finalizeEngagement\(\): externalCallId is missing/],
  ["navigateToRecord", { objectCoordinates: { objectId: 1, objectTypeId: "0-3" } }, /navigateToRecord\(\): objectCoordinates needs objectId and objectTypeId "0-1"/],
  ["navigateToRecord", {}, /navigateToRecord\(\): objectCoordinates is missing/],
  ["sendError", { message: 42 }, /sendError\(\): message \(shown to the user\) must be a string/],
  ["sendError", "oops", /sendError\(\) expects an object, got string/],
  ["setWidgetUrl", { iFrameUrl: "/v2/" }, /setWidgetUrl\(\): iFrameUrl must be an absolute http\(s\) URL/],
];

for (const [method, arg, pattern] of suspect) {
  test(`${method}(${JSON.stringify(arg)}) warns and still sends it unchanged`, async () => {
    const t = setup();
    const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
    cti[method](arg);
    await t.world.settle();
    const warnings = t.widget.lines("warn");
    assert.ok(warnings.some((w) => pattern.test(w) && w.startsWith("[calling-extensions] ") && w.endsWith(" Sent anyway.")), warnings.join("\n"));
    const sent = t.widgetPosts().slice(1);
    assert.equal(sent.length, 1);
    const expectedData = method === "initialized" ? { ...arg } : arg;
    assert.deepEqual(sent[0].data.data, expectedData);
    assert.equal("data" in sent[0].data, true);
  });
}

test("sendMessage without a type warns and sends; a string warns and sends nothing; null throws as in the SDK", async () => {
  const t = setup();
  const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
  cti.sendMessage({ data: 1 });
  cti.sendMessage("CALL_DATA");
  assert.throws(() => cti.sendMessage(null), { name: "TypeError" });
  assert.throws(() => cti.sendMessage(), { name: "TypeError" });
  await t.world.settle();
  assert.deepEqual(t.widget.lines("warn").map((w) => w.replace(/;.*/, "")), [
    "[calling-extensions] sendMessage() needs an object with a type, e.g. { type: \"CALL_DATA\", data }. Sent anyway.",
    "[calling-extensions] sendMessage() needs an object with a type, e.g. { type: \"CALL_DATA\", data }",
  ]);
  assert.equal(t.widgetPosts().length, 2); // SYNC_ACK and the typeless message, as the SDK would
});

test("an eventHandlers key the host never calls is reported (e.g. a typo)", () => {
  const t = setup();
  new t.CallingExtensions({ eventHandlers: { onDialnumber() {}, onReady() {}, FAILED() {}, defaultEventHandler() {} } });
  assert.deepEqual(t.widget.lines("warn"), [
    "[calling-extensions] eventHandlers.onDialnumber is never called; check the name (e.g. onDialNumber).",
  ]);
});
