// The simulator's handshake (site/host/handshake.mjs, frame.mjs) against fake windows on fake time:
// SYNC and its repeats, SYNC_ACK, the timeouts, and a fresh handshake on every load of a frame.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness, HOST, WIDGET } from "./support/host-harness.mjs";
import { DEFAULTS } from "../../site/host/session.mjs";

test("SYNC on load carries hostUrl and the session, repeats every 100 ms, and stops at SYNC_ACK", async () => {
  const t = harness({ config: { portalId: 555, userId: 66, ownerId: 77, engagementId: 88, iframeLocation: "remote", usesCallingWindow: true } });
  t.load();
  t.clock.tick(250);
  const syncs = t.sent("SYNC");
  assert.equal(syncs.length, 3, "at 0, 100 and 200 ms");
  assert.deepEqual(syncs[0].data, { hostUrl: HOST, portalId: 555, userId: 66, ownerId: 77, engagementId: 88, iframeLocation: "remote", usesCallingWindow: true });
  const ids = syncs.map((m) => m.messageId);
  for (const id of ids) assert.match(id, new RegExp(`^${t.sim.channel.instanceId}_\\d+$`), "the bridge's message ids");
  assert.equal(new Set(ids).size, 3, "fake time moves, so each SYNC has its own id");
  assert.equal(t.world.posts.filter((p) => p.from === "host").every((p) => p.targetOrigin === WIDGET), true, "posted to the widget URL's origin, never *");
  assert.equal(t.sim.ready, false);

  const { calls } = t.bridge();
  await t.settle(); // the SYNCs still on their way reach the bridge, which answers the first

  assert.equal(t.sim.ready, true);
  assert.equal(t.sim.channel.origin, WIDGET);
  assert.deepEqual(t.flow(), ["toHost SYNC_ACK"]);
  assert.equal(t.got("SYNC_ACK")[0].messageId, ids[0], "the widget answered the first SYNC, keeping its id");
  assert.equal(calls[0].name, "onReady");
  assert.equal(calls[0].data.portalId, 555);
  assert.equal(calls[0].data.iframeLocation, "remote");
  const before = t.sent("SYNC").length;
  t.clock.tick(5000);
  assert.equal(t.sent("SYNC").length, before, "no SYNC after SYNC_ACK");
  assert.deepEqual(t.rules(), ["no-initialized"], "the recording widget sends no INITIALIZED");
});

test("without engagementId in the session, SYNC has none; the defaults are HubSpot-like", () => {
  const t = harness();
  t.load();
  const sync = t.sent("SYNC")[0].data;
  assert.deepEqual(Object.keys(sync).sort(), ["hostUrl", "iframeLocation", "ownerId", "portalId", "userId", "usesCallingWindow"]);
  assert.equal(sync.portalId, DEFAULTS.portalId);
  assert.deepEqual([sync.iframeLocation, sync.usesCallingWindow], ["widget", false]);
});

test("no-sync-ack: SYNC_ACK_FAILED after 30 s of silence, once, in the timeline and the problems", () => {
  const t = harness();
  t.load();
  t.clock.tick(29_999);
  assert.deepEqual(t.rules(), []);
  t.clock.tick(2);
  assert.deepEqual(t.rules(), ["no-sync-ack"]);
  assert.match(t.sim.problems[0].message, /No SYNC_ACK 30 s after the frame loaded \(300 SYNC sent to https:\/\/localhost:9025\)/);
  assert.equal(t.sim.timeline.filter((e) => e.type === "SYNC_ACK_FAILED").length, 1);
  const syncs = t.sent("SYNC").length;
  t.clock.tick(5000);
  assert.equal(t.sent("SYNC").length, syncs, "SYNC stops");
  assert.deepEqual(t.rules(), ["no-sync-ack"]);
  assert.ok(t.events.some((e) => e.kind === "problem" && e.problem.rule === "no-sync-ack"));
  assert.equal(t.sim.problems[0].title, "The widget never answered SYNC", "a problem carries its rule's title and fix");
  assert.match(t.sim.problems[0].fix, /CallingExtensions/);
});

test("no-sync-ack on an iframe error; the timeout is configurable", () => {
  const t = harness({ config: { syncTimeout: 1500 } });
  t.load();
  t.clock.tick(1600);
  assert.deepEqual(t.rules(), ["no-sync-ack"]);
  const u = harness();
  u.load();
  u.sim.loadError();
  assert.deepEqual(u.rules(), ["no-sync-ack"]);
  assert.match(u.sim.problems[0].message, /error event/);
});

test("a new load (the widget reloaded) runs a new handshake; old SYNC callbacks are dropped", async () => {
  const t = harness();
  await t.handshake();
  assert.equal(t.sim.ready, true);
  t.clock.tick(10);
  t.load();
  assert.equal(t.sim.ready, false);
  const last = t.sent("SYNC").at(-1);
  assert.deepEqual(Object.keys(t.sim.channel.callbacks), [last.messageId]);
  t.post({ type: "SYNC_ACK", ...last.data, iFrameUrl: WIDGET, messageId: last.messageId });
  await t.settle();
  assert.equal(t.sim.ready, true);
  assert.deepEqual(t.sim.timeline.filter((e) => e.type === "FRAME_LOADED").length, 2);
  assert.deepEqual(t.rules(), []);
});

test("no-initialized: fires 5 s after the handshake without INITIALIZED, not with it", async () => {
  const t = harness();
  await t.handshake();
  t.clock.tick(4999);
  assert.deepEqual(t.rules(), []);
  t.clock.tick(1);
  assert.deepEqual(t.rules(), ["no-initialized"]);

  const u = harness();
  await u.handshake();
  u.post({ type: "INITIALIZED", data: { isLoggedIn: true } });
  await u.settle();
  u.clock.tick(60_000);
  assert.deepEqual(u.rules(), []);
  assert.equal(u.sim.widget.loggedIn, true);
});

test("wrong-iframe-url: SYNC_ACK naming another origin; HubSpot then talks to that origin", async () => {
  const t = harness();
  await t.handshake({ iFrameUrl: "https://elsewhere.example/app" });
  assert.deepEqual(t.rules(), ["wrong-iframe-url"]);
  assert.equal(t.sim.channel.origin, "https://elsewhere.example");
  assert.equal(t.sim.problems[0].messageId, t.got("SYNC_ACK")[0].messageId);
  const ok = harness();
  await ok.handshake({ iFrameUrl: `${WIDGET}/widget/?x=1` }); // a full URL of the right origin is fine
  assert.deepEqual(ok.rules(), []);
});

test("sync-ack-id-mismatch: a SYNC_ACK with its own messageId does not complete the handshake", async () => {
  const t = harness();
  await t.handshake({ keepId: false });
  assert.equal(t.sim.ready, false);
  assert.deepEqual(t.rules(), ["sync-ack-id-mismatch"]);
  assert.equal(t.sim.problems[0].messageId, "w_ack");
});

test("message-before-handshake: a message before SYNC_ACK is flagged, and HubSpot's answer is not sent", async () => {
  const t = harness();
  t.load();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } }, { targetOrigin: "*" });
  await t.settle();
  assert.deepEqual(t.rules(), ["message-before-handshake"]);
  assert.equal(t.sim.problems[0].messageId, "w_1");
  assert.equal(t.sent("CREATE_ENGAGEMENT_SUCCEEDED").length, 0);
  assert.ok(t.sim.timeline.some((e) => e.type === "NOT_SENT"), "the refused answer is noted");
});
