// The bridge against the recorded behaviour of the SDK 0.9.6 (fixtures/sdk-0.9.6.mjs): the same script
// of method calls and host messages, and on every step the same posts and the same handler calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, recorder, plain, HOST_ORIGIN } from "./support/fake-window.mjs";
import { CONSTANTS, METHODS, PAYLOADS, expectedPost, HOST_MESSAGES } from "./fixtures/sdk-0.9.6.mjs";

const withoutId = ({ messageId, ...rest }) => rest;

test("Constants is the SDK's export, key for key and value for value", () => {
  const t = setup();
  assert.deepEqual(plain(t.Constants), CONSTANTS);
  assert.deepEqual(Object.keys(t.Constants), Object.keys(CONSTANTS), "the same keys in the same order");
});

test("the class has every method of the SDK's widget side", () => {
  const t = setup();
  const cti = new t.CallingExtensions({ eventHandlers: {} });
  for (const { method } of METHODS) assert.equal(typeof cti[method], "function", method);
  assert.equal(typeof cti.sendMessage, "function");
  assert.equal(typeof cti.logDebugMessage, "function");
});

for (const entry of METHODS) {
  for (const kind of Object.keys(PAYLOADS)) {
    test(`${entry.method}() with ${kind === "none" ? "no payload" : `${kind} payload`} posts what the SDK posts`, async () => {
      const t = setup();
      const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
      cti[entry.method](...PAYLOADS[kind](entry));
      await t.world.settle();
      const posts = t.widgetPosts().slice(1); // after SYNC_ACK
      assert.equal(posts.length, 1);
      assert.equal(posts[0].targetOrigin, HOST_ORIGIN, "posted to the host's exact origin");
      assert.deepEqual(withoutId(posts[0].data), expectedPost(entry, kind));
      assert.match(posts[0].data.messageId, new RegExp(`^${cti.channel.instanceId}_\\d+$`));
    });
  }
}

test("sendMessage posts the message as given, with a messageId; null and undefined throw (CE, IFM)", async () => {
  const t = setup();
  const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
  cti.sendMessage({ type: "CALL_DATA", data: { a: 1 }, extra: true });
  assert.throws(() => cti.sendMessage(undefined), { name: "TypeError" });
  assert.throws(() => cti.sendMessage(null), { name: "TypeError" });
  await t.world.settle();
  assert.deepEqual(t.widgetPosts().slice(1).map((p) => withoutId(p.data)), [{ type: "CALL_DATA", data: { a: 1 }, extra: true }]);
});

test("the handshake: the first SYNC is answered with itself as SYNC_ACK, then onReady (IFM)", async () => {
  const t = setup();
  const calls = [];
  new t.CallingExtensions({ debugMode: true, eventHandlers: recorder(calls, ["onReady"]) });
  t.sync({ extraField: "kept" });
  await t.world.settle();
  const [ack] = t.inbox();
  const sync = t.world.posts.find((p) => p.from === "host").data;
  assert.deepEqual(ack, {
    ...sync, type: "SYNC_ACK", debugMode: true, version: "0.9.6", iFrameUrl: "https://calls.example.com",
  });
  assert.deepEqual(calls.map((c) => [c.name, c.data, c.message.type]), [["onReady", {
    engagementId: 44, portalId: 11, userId: 22, ownerId: 33, iframeLocation: "widget", usesCallingWindow: false,
    hostUrl: HOST_ORIGIN,
  }, "READY"]]);
});

for (const step of HOST_MESSAGES) {
  test(`host message: ${step.name}`, async () => {
    const t = setup();
    const calls = [];
    const names = [...Object.values(CONSTANTS.messageHandlerNames), "FAILED", "defaultEventHandler"];
    await t.ready({ eventHandlers: recorder(calls, names) });
    calls.length = 0;
    const before = t.inbox().length;
    const message = step.noId ? step.message : { messageId: t.nextId(), ...step.message };
    const from = step.foreign ? t.world.window("evil", "https://evil.example") : t.host;
    if (step.noId) {
      t.world.handle(t.host, t.widget).postMessage(message, "https://calls.example.com");
    } else {
      t.send(message, { from });
    }
    await t.world.settle();

    assert.deepEqual(calls.map((c) => c.name), step.handlers, "the handlers that ran, in order");
    for (const c of calls) {
      if (c.name === "onReady" && step.readyData) {
        assert.deepEqual(c.data, step.readyData);
        assert.equal(c.message.type, "READY");
      } else {
        assert.deepEqual(c.data, plain(message.data), `${c.name} gets the data`);
        assert.deepEqual(c.message, plain(message), `${c.name} gets the whole message`);
      }
    }
    const replies = t.inbox().slice(before).map((m) => withoutId(plain(m))).map((reply) => {
      if (reply.data?.data?.originalMessage) reply.data.data.originalMessage = "<the message>";
      return reply;
    });
    assert.deepEqual(replies, step.posts);
    if (step.posts.length) {
      assert.deepEqual(t.inbox().at(-1).data.data.originalMessage, plain(message), "originalMessage is the whole message");
    }
  });
}
