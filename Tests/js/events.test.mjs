// Host -> widget messages: which handler gets them, the FAILED and default handlers, unknown types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, recorder, HOST_ORIGIN } from "./support/fake-window.mjs";
import { CONSTANTS } from "./fixtures/sdk-0.9.6.mjs";

// The SDK's host -> widget table, as recorded in fixtures/sdk-0.9.6.mjs (the bridge derives its own).
const hostEvents = CONSTANTS.messageHandlerNames;
const handlerNames = Object.values(hostEvents);

test("the bridge's host -> widget table is the SDK's", () => {
  const t = setup();
  assert.deepEqual({ ...t.CallingExtensions.protocol.hostToWidget }, hostEvents);
  assert.deepEqual({ ...t.Constants.messageHandlerNames }, hostEvents);
});

for (const [type, name] of Object.entries(hostEvents)) {
  test(`${type} goes to ${name}(data, message) and nowhere else`, async () => {
    const t = setup();
    const calls = [];
    await t.ready({ eventHandlers: { ...recorder(calls, handlerNames), defaultEventHandler: () => calls.push("default") } });
    calls.length = 0;
    const data = { phoneNumber: "+1 617 555 0100", engagementId: 42, isMinimized: false, nested: { a: [1, 2] } };
    t.send({ type, data, messageId: "777_9" });
    await t.world.settle();
    assert.deepEqual(calls, [{ name, data, message: { type, data, messageId: "777_9" } }]);
    assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK"], "no reply for a known type");
  });
}

for (const type of Object.keys(hostEvents).filter((k) => k.endsWith("_FAILED"))) {
  test(`${type} goes first to eventHandlers.FAILED, then to ${hostEvents[type]}`, async () => {
    const t = setup();
    const calls = [];
    await t.ready({ eventHandlers: recorder(calls, ["onReady", "FAILED", "onFailed", hostEvents[type]]) });
    calls.length = 0;
    t.send({ type, data: { error: { message: "nope" } } });
    await t.world.settle();
    assert.deepEqual(calls.map((c) => c.name), ["FAILED", hostEvents[type]]);
    assert.deepEqual(calls[0].data, { error: { message: "nope" } });
    assert.equal(calls[0].message.type, type);
  });
}

test("onFailed handles only the type FAILED, which does not end in _FAILED", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: recorder(calls, ["onReady", "FAILED", "onFailed"]) });
  calls.length = 0;
  t.send({ type: "FAILED", data: { reason: 1 } });
  t.send({ type: "UPDATE_ENGAGEMENT_FAILED", data: { reason: 2 } });
  await t.world.settle();
  assert.deepEqual(calls.map((c) => [c.name, c.data.reason]), [["onFailed", 1], ["FAILED", 2]]);
  assert.deepEqual(t.widget.lines("error"), [
    "[calling-extensions] No event handler is available to handle message of type: UPDATE_ENGAGEMENT_FAILED",
  ]);
});

test("without a specific handler, defaultEventHandler gets the message", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: recorder(calls, ["defaultEventHandler"]) });
  t.send({ type: "END_CALL", data: { x: 1 }, messageId: "777_5" });
  await t.world.settle();
  assert.deepEqual(calls.map((c) => [c.name, c.message.type]), [["defaultEventHandler", "READY"], ["defaultEventHandler", "END_CALL"]]);
  assert.deepEqual(calls[1].data, { x: 1 });
  assert.deepEqual(t.widget.lines("error"), []);
});

test("with no handler at all, an error is logged", async () => {
  const t = setup();
  await t.ready({ eventHandlers: {} });
  t.send({ type: "VISIBILITY_CHANGED", data: { isHidden: true } });
  await t.world.settle();
  assert.deepEqual(t.widget.lines("error"), [
    "[calling-extensions] No event handler is available to handle message of type: READY",
    "[calling-extensions] No event handler is available to handle message of type: VISIBILITY_CHANGED",
  ]);
});

test("an unknown type is answered with ERROR UNKNOWN_MESSAGE_TYPE and still reaches defaultEventHandler", async () => {
  const t = setup();
  const calls = [];
  const { cti } = await t.ready({ eventHandlers: recorder(calls, ["onReady", "defaultEventHandler"]) });
  const original = { type: "BRAND_NEW_EVENT", data: { v: 2 }, messageId: "777_50" };
  t.send(original);
  await t.world.settle();
  const reply = t.inbox().at(-1);
  assert.deepEqual(reply, {
    type: "ERROR",
    data: { type: "UNKNOWN_MESSAGE_TYPE", data: { originalMessage: original } },
    messageId: reply.messageId,
  });
  assert.match(reply.messageId, new RegExp(`^${cti.channel.instanceId}_`));
  assert.equal(t.widgetPosts().at(-1).targetOrigin, HOST_ORIGIN);
  assert.deepEqual(calls.at(-1), { name: "defaultEventHandler", data: { v: 2 }, message: original });
});

test("names on Object.prototype are unknown types, not handlers", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: recorder(calls, ["onReady", "defaultEventHandler"]) });
  for (const type of ["toString", "constructor", "hasOwnProperty"]) t.send({ type, data: {} });
  await t.world.settle();
  assert.deepEqual(t.inbox().slice(1).map((m) => [m.type, m.data.type, m.data.data.originalMessage.type]), [
    ["ERROR", "UNKNOWN_MESSAGE_TYPE", "toString"],
    ["ERROR", "UNKNOWN_MESSAGE_TYPE", "constructor"],
    ["ERROR", "UNKNOWN_MESSAGE_TYPE", "hasOwnProperty"],
  ]);
  assert.deepEqual(calls.slice(1).map((c) => c.message.type), ["toString", "constructor", "hasOwnProperty"]);
});

test("an unknown *_FAILED type goes to FAILED, is answered as unknown, then to defaultEventHandler", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: recorder(calls, ["onReady", "FAILED", "defaultEventHandler"]) });
  calls.length = 0;
  t.send({ type: "SOMETHING_NEW_FAILED", data: {} });
  await t.world.settle();
  assert.deepEqual(calls.map((c) => c.name), ["FAILED", "defaultEventHandler"]);
  assert.equal(t.inbox().at(-1).data.type, "UNKNOWN_MESSAGE_TYPE");
});

test("a handler that throws is reported and does not stop the next one", async () => {
  const t = setup();
  const calls = [];
  await t.ready({
    eventHandlers: {
      onReady() {},
      FAILED() {
        throw new Error("boom");
      },
      onCreateEngagementFailed: () => calls.push("specific"),
    },
  });
  t.send({ type: "CREATE_ENGAGEMENT_FAILED", data: {} });
  await t.world.settle();
  assert.deepEqual(calls, ["specific"]);
  assert.match(t.widget.lines("error").join("\n"), /\[calling-extensions\] eventHandlers\.FAILED threw on CREATE_ENGAGEMENT_FAILED/);
});

test("non-object messages (strings from other scripts) are ignored", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: recorder(calls, ["onReady", "defaultEventHandler"]) });
  const handle = t.world.handle(t.host, t.widget);
  handle.postMessage("SYNC", "*");
  handle.postMessage(null, "*");
  handle.postMessage(42, "*");
  await t.world.settle();
  assert.equal(calls.length, 1);
  assert.equal(t.inbox().length, 1);
});
