// The SYNC / SYNC_ACK handshake, message ids, origins and reply callbacks of the bridge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld, loadBridge, setup, plain, HOST_ORIGIN, WIDGET_ORIGIN } from "./support/fake-window.mjs";

test("answers SYNC with the SYNC itself as SYNC_ACK, keeping its messageId", async () => {
  const t = setup();
  new t.CallingExtensions({ debugMode: true, eventHandlers: {} });
  t.send({ type: "SYNC", hostUrl: HOST_ORIGIN, portalId: 11, userId: 22, ownerId: 33, engagementId: 44,
    iframeLocation: "remote", usesCallingWindow: true, messageId: "777_1" });
  await t.world.settle();
  assert.deepEqual(t.inbox(), [{
    type: "SYNC_ACK", hostUrl: HOST_ORIGIN, portalId: 11, userId: 22, ownerId: 33, engagementId: 44,
    iframeLocation: "remote", usesCallingWindow: true, messageId: "777_1",
    debugMode: true, version: "0.9.6", iFrameUrl: WIDGET_ORIGIN,
  }]);
  assert.equal(t.widgetPosts()[0].targetOrigin, HOST_ORIGIN);
});

test("only the first SYNC is answered; READY reaches onReady once with the SYNC's context", async () => {
  const t = setup();
  const ready = [];
  new t.CallingExtensions({ eventHandlers: { onReady: (data, message) => ready.push({ data: plain(data), message: plain(message) }) } });
  for (let i = 0; i < 4; i++) t.sync();
  await t.world.settle();
  assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK"]);
  assert.equal(t.inbox()[0].messageId, "777_1");
  const data = { engagementId: 44, portalId: 11, userId: 22, ownerId: 33, iframeLocation: "widget", usesCallingWindow: false, hostUrl: HOST_ORIGIN };
  assert.deepEqual(ready, [{ data, message: { type: "READY", data } }]);
});

test("a SYNC from window.parent is accepted whatever its origin, and its hostUrl becomes the destination", async () => {
  const world = createWorld();
  const parent = world.window("parent", "https://other.example");
  const widget = world.window("widget", WIDGET_ORIGIN, { referrer: "" });
  widget.parent = world.handle(widget, parent);
  loadBridge(widget);
  new widget.CallingExtensions({ eventHandlers: { onReady() {} } });
  world.handle(parent, widget).postMessage({ type: "SYNC", messageId: "1_1", hostUrl: "https://other.example" }, WIDGET_ORIGIN);
  await world.settle();
  const posts = world.posts.filter((p) => p.from === "widget");
  assert.equal(posts.length, 1);
  assert.equal(posts[0].data.type, "SYNC_ACK");
  assert.equal(posts[0].targetOrigin, "https://other.example");
});

test("a SYNC from any other window is ignored, of the host's origin or not, and the parent's SYNC still gets its answer", async () => {
  const t = setup({ referrer: "" });
  const ready = [];
  new t.CallingExtensions({ eventHandlers: { onReady: (data) => ready.push(data.hostUrl) } });
  const sibling = t.world.window("sibling", "https://other.example"); // another frame of HubSpot's page
  const twin = t.world.window("twin", HOST_ORIGIN); // a second window of HubSpot's own origin
  t.send({ type: "SYNC", hostUrl: "https://other.example" }, { from: sibling });
  t.send({ type: "SYNC", hostUrl: HOST_ORIGIN }, { from: twin });
  await t.world.settle();
  assert.deepEqual(t.widgetPosts(), []);
  assert.deepEqual(ready, []);
  t.sync();
  await t.world.settle();
  assert.deepEqual(t.widgetPosts().map((p) => [p.data.type, p.targetOrigin]), [["SYNC_ACK", HOST_ORIGIN]]);
  assert.deepEqual(ready, [HOST_ORIGIN]);
});

test("a SYNC whose hostUrl is not its origin is answered, with a warning", async () => {
  const t = setup();
  new t.CallingExtensions({ eventHandlers: { onReady() {} } });
  t.sync({ hostUrl: "https://elsewhere.example" });
  await t.world.settle();
  assert.equal(t.widgetPosts()[0].targetOrigin, "https://elsewhere.example");
  assert.match(t.widget.lines("warn").join("\n"), /\[calling-extensions\] SYNC from https:\/\/app\.hubspot\.com has hostUrl https:\/\/elsewhere\.example/);
});

test("message ids are <instanceId>_<Date.now()>, each its own, and the instance id is Date.now() at construction", async () => {
  const t = setup();
  const before = Date.now();
  const { cti } = await t.ready();
  const after = Date.now();
  const { instanceId } = cti.channel;
  assert.ok(instanceId >= before && instanceId <= after, `instanceId ${instanceId}`);
  const burst = 50; // far more than one millisecond holds
  for (let i = 0; i < burst; i++) cti.userAvailable();
  const sentBy = Date.now();
  const sent = t.widgetPosts().slice(1).map((p) => p.data.messageId);
  assert.equal(sent.length, burst);
  const stamps = sent.map((id) => {
    const match = /^(\d+)_(\d+)$/.exec(id);
    assert.ok(match, id);
    assert.equal(Number(match[1]), instanceId);
    return Number(match[2]);
  });
  assert.ok(stamps[0] > instanceId && stamps[0] <= sentBy, `first stamp ${stamps[0]}`);
  for (let i = 1; i < burst; i++) assert.ok(stamps[i] > stamps[i - 1], `stamp ${i}: ${stamps[i]} after ${stamps[i - 1]}`);
  // Within a millisecond a stamp runs ahead of the clock by one per message, never more.
  assert.ok(stamps.at(-1) <= sentBy + burst, `last stamp ${stamps.at(-1)}, clock ${sentBy}`);
});

test("every post uses the exact destination origin, never *", async () => {
  const t = setup();
  const { cti } = await t.ready();
  cti.userLoggedIn();
  cti.outgoingCall({ externalCallId: "c1", toNumber: "+1555" });
  cti.sendMessage({ type: "CALL_DATA", data: {} });
  await t.world.settle();
  const posts = t.widgetPosts();
  assert.equal(posts.length, 4);
  assert.deepEqual([...new Set(posts.map((p) => p.targetOrigin))], [HOST_ORIGIN]);
});

test("before SYNC, the destination origin is the origin of document.referrer", async () => {
  const t = setup({ referrer: "https://app-eu1.hubspot.com/calling/x?y=1" });
  const cti = new t.CallingExtensions({ eventHandlers: {} });
  assert.equal(cti.channel.origin, "https://app-eu1.hubspot.com");
  // A message from that origin is accepted before SYNC; one from the SYNC-less host origin is not.
  const seen = [];
  cti.options.eventHandlers.onDialNumber = (data) => seen.push(data.phoneNumber);
  const eu = t.world.window("eu", "https://app-eu1.hubspot.com");
  t.send({ type: "DIAL_NUMBER", data: { phoneNumber: "1" } }, { from: eu });
  t.send({ type: "DIAL_NUMBER", data: { phoneNumber: "2" } });
  await t.world.settle();
  assert.deepEqual(seen, ["1"]);
});

test("messages from another origin, or without type or messageId, are dropped", async () => {
  const t = setup();
  const { calls } = await t.ready();
  const evil = t.world.window("evil", "https://evil.example");
  t.send({ type: "DIAL_NUMBER", data: { phoneNumber: "evil" } }, { from: evil });
  t.send({ type: "NOT_A_TYPE", data: {} }, { from: evil });
  t.host.received.length = 0;
  t.send({ type: "DIAL_NUMBER", data: { phoneNumber: "no id" }, messageId: "" });
  t.send({ data: { phoneNumber: "no type" } });
  t.send({ type: "DIAL_NUMBER", data: { phoneNumber: "ok" } });
  await t.world.settle();
  assert.deepEqual(calls.filter((c) => c.name !== "onReady").map((c) => c.data.phoneNumber), ["ok"]);
  assert.deepEqual(t.inbox(), [], "no UNKNOWN_MESSAGE_TYPE reply to a foreign origin");
});

test("messages sent before SYNC are not posted and warn", async () => {
  const t = setup();
  const cti = new t.CallingExtensions({ eventHandlers: {} });
  cti.initialized({ isLoggedIn: true });
  cti.userLoggedIn();
  await t.world.settle();
  assert.deepEqual(t.world.posts, []);
  const warnings = t.widget.lines("warn");
  assert.equal(warnings.length, 2);
  for (const w of warnings) assert.match(w, /^\[calling-extensions\] iFrame not initialized to send a message within HubSpot/);
  assert.match(warnings[1], /LOGGED_IN/);
});

test("a message whose id starts with our instance id goes to its callback once, not to handlers", async () => {
  const t = setup();
  const { cti, calls } = await t.ready({ eventHandlers: {} });
  const replies = [];
  const sent = cti.channel.send({ type: "CALL_DATA", data: { q: 1 } }, (answer) => replies.push(plain(answer)));
  const calledBefore = calls.length;
  const answer = { type: "CALL_DATA", data: { a: 2 }, messageId: sent.messageId };
  t.send(answer);
  t.send(answer); // the callback is gone: a second answer goes nowhere
  t.send({ type: "DIAL_NUMBER", data: {}, messageId: `${cti.channel.instanceId}_999` }); // ours, no callback
  await t.world.settle();
  assert.deepEqual(replies, [answer]);
  assert.equal(calls.length, calledBefore);
  assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK", "CALL_DATA"], "no UNKNOWN_MESSAGE_TYPE or ERROR");
  assert.deepEqual(Object.keys(cti.channel.callbacks), []);
});

test("SET_WIDGET_URL from the host moves the destination to its top-level iFrameUrl and calls onReady again", async () => {
  const t = setup();
  const ready = [];
  const { cti } = await t.ready({ eventHandlers: { onReady: (data, message) => ready.push({ data, type: message.type }) } });
  t.send({ type: "SET_WIDGET_URL", iFrameUrl: "https://app-na2.hubspot.com/x" });
  await t.world.settle();
  assert.equal(cti.channel.origin, "https://app-na2.hubspot.com");
  const other = t.world.window("na2", "https://app-na2.hubspot.com");
  // The SDK reads the top-level field only: iFrameUrl under data moves nothing, but onReady still runs.
  t.send({ type: "SET_WIDGET_URL", data: { iFrameUrl: "https://app-eu1.hubspot.com" } }, { from: other });
  await t.world.settle();
  assert.equal(cti.channel.origin, "https://app-na2.hubspot.com");
  assert.deepEqual(ready.slice(1).map((r) => [r.type, { ...r.data }]), [
    ["READY", { iFrameUrl: "https://app-na2.hubspot.com/x" }],
    ["READY", { iFrameUrl: undefined }],
  ]);
  assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK"], "not an unknown type");
});

test("a SYNC with no hostUrl, in a page with no referrer, is ignored with a warning; a later one is answered", async () => {
  const t = setup({ referrer: "" });
  const ready = [];
  new t.CallingExtensions({ eventHandlers: { onReady: (data) => ready.push(data) } });
  t.send({ type: "SYNC" });
  await t.world.settle();
  assert.deepEqual(t.inbox(), []);
  assert.deepEqual(ready, []);
  assert.ok(t.widget.lines("warn").some((w) => /SYNC without hostUrl ignored/.test(w)));
  t.sync();
  await t.world.settle();
  assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK"]);
  assert.equal(ready.length, 1);
});
