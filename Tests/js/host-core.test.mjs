// The host simulator's core (site/host/host-core.mjs) against fake windows: the handshake, HubSpot's
// answers, the failure switches, and every protocol check firing on a bad sequence and staying quiet
// on a correct one. The core talks through the bridge's own Channel (loaded into the host window).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld, loadBridge, plain } from "./support/fake-window.mjs";
import { HostSimulator, RULES, DEFAULTS, lookupNumber } from "../../site/host/host-core.mjs";

const HOST = "https://127.0.0.1:9025";
const WIDGET = "https://localhost:9025";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Timers that run only when told to: tick(ms) runs what falls due, in order. */
function fakeTimers() {
  let now = 1_700_000_000_000;
  let nextId = 0;
  const pending = new Map();
  return {
    get now() {
      return now;
    },
    pending,
    setTimeout(fn, ms) {
      pending.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

/**
 * A host page on HOST running the simulator, and a widget frame on WIDGET. The fake world's window
 * handles are made stable, so `event.source` is the simulator's target, as in a browser.
 */
async function harness({ config = {}, widgetOrigin = WIDGET } = {}) {
  const world = createWorld();
  const rawHandle = world.handle;
  const handles = new Map();
  world.handle = (from, to) => {
    const key = `${from.name}@${from.origin}>${to.name}`; // a frame's window is one object, whatever it shows
    if (!handles.has(key)) handles.set(key, rawHandle.call(world, from, to));
    return handles.get(key);
  };
  const host = world.window("host", HOST, { path: "/host/" });
  loadBridge(host);
  const clock = fakeTimers();
  const events = [];
  const sim = new HostSimulator({
    protocol: host.CallingExtensions.protocol,
    window: host,
    config: { widgetUrl: `${WIDGET}/widget/`, ...config },
    timers: clock,
    now: () => clock.now,
  });
  sim.on((event) => events.push(event));
  await sleep(2); // the widget's instance id (Date.now()) must differ from the host's
  const widget = world.window("widget", widgetOrigin, { path: "/widget/", referrer: `${HOST}/host/` });
  widget.parent = world.handle(widget, host);
  const target = world.handle(host, widget);
  let counter = 0;
  const t = {
    world, host, widget, sim, clock, events, target,
    settle: () => world.settle(),
    rules: () => sim.problems.map((p) => p.rule),
    /** Messages the host got or sent, as "toHost TYPE" / "toWidget TYPE". */
    flow: ({ syncs = false } = {}) => sim.messages.filter((m) => syncs || m.type !== "SYNC").map((m) => `${m.direction} ${m.type}`),
    sent: (type) => sim.messages.filter((m) => m.direction === "toWidget" && m.type === type),
    got: (type) => sim.messages.filter((m) => m.direction === "toHost" && m.type === type),
    /** Posts a raw message from the widget frame to the host (a messageId is added unless given). */
    post(message, { id = true, from = widget, targetOrigin = HOST } = {}) {
      const m = id && !("messageId" in message) ? { messageId: `w_${++counter}`, ...message } : message;
      world.handle(from, host).postMessage(m, targetOrigin);
      return m;
    },
    /** A hand-written widget that answers the first SYNC the way the SDK does. */
    answerSync({ iFrameUrl = widgetOrigin, keepId = true } = {}) {
      let done = false;
      widget.addEventListener("message", (event) => {
        if (done || event.data.type !== "SYNC") return;
        done = true;
        const ack = { ...event.data, type: "SYNC_ACK", debugMode: false, version: "0.9.6", iFrameUrl };
        if (!keepId) ack.messageId = "w_ack";
        widget.parent.postMessage(ack, event.data.hostUrl);
      });
    },
    /** Loads the frame and waits for the handshake with a hand-written widget. */
    async handshake(options) {
      t.answerSync(options);
      sim.load(target);
      await world.settle();
    },
    /** Our bridge as the widget; its event handlers record into `calls`. */
    bridge(handlers = {}) {
      loadBridge(widget);
      const calls = [];
      const names = Object.values(widget.CallingExtensions.protocol.hostToWidget);
      const eventHandlers = Object.fromEntries(names.map((n) => [n, (data) => calls.push({ name: n, data: plain(data) })]));
      const cti = new widget.CallingExtensions({ debugMode: false, eventHandlers: { ...eventHandlers, ...handlers } });
      return { cti, calls };
    },
  };
  return t;
}

// ---- The handshake ---------------------------------------------------------------------------

test("SYNC on load carries hostUrl and the session, repeats every 100 ms, and stops at SYNC_ACK", async () => {
  const t = await harness({ config: { portalId: 555, userId: 66, ownerId: 77, engagementId: 88, iframeLocation: "remote", usesCallingWindow: true } });
  t.sim.load(t.target);
  t.clock.tick(250);
  const syncs = t.sent("SYNC");
  assert.equal(syncs.length, 3, "at 0, 100 and 200 ms");
  assert.deepEqual(syncs[0].data, { hostUrl: HOST, portalId: 555, userId: 66, ownerId: 77, engagementId: 88, iframeLocation: "remote", usesCallingWindow: true });
  const ids = syncs.map((m) => m.messageId);
  for (const id of ids) assert.match(id, new RegExp(`^${t.sim.channel.instanceId}_\\d+$`), "the bridge's message ids");
  assert.equal(t.world.posts.filter((p) => p.from === "host").every((p) => p.targetOrigin === WIDGET), true, "posted to the widget URL's origin, never *");
  assert.equal(t.sim.ready, false);

  const { calls } = t.bridge();
  await t.settle();
  assert.equal(t.sim.ready, true);
  assert.equal(t.sim.channel.origin, WIDGET);
  assert.deepEqual(t.flow(), ["toHost SYNC_ACK"]);
  assert.equal(t.got("SYNC_ACK")[0].messageId, ids[0], "the widget answered the first SYNC, keeping its id");
  assert.equal(calls[0].name, "onReady");
  assert.equal(calls[0].data.portalId, 555);
  const before = t.sent("SYNC").length;
  t.clock.tick(1000);
  assert.equal(t.sent("SYNC").length, before, "no SYNC after SYNC_ACK");
  assert.deepEqual(t.rules().filter((r) => r !== "no-initialized"), []);
});

test("without engagementId in the session, SYNC has none; the defaults are HubSpot-like", async () => {
  const t = await harness();
  t.sim.load(t.target);
  const sync = t.sent("SYNC")[0].data;
  assert.deepEqual(Object.keys(sync).sort(), ["hostUrl", "iframeLocation", "ownerId", "portalId", "userId", "usesCallingWindow"]);
  assert.equal(sync.portalId, DEFAULTS.portalId);
  assert.equal(sync.iframeLocation, "widget");
});

test("no-sync-ack: SYNC_ACK_FAILED after 30 s of silence, once, in the timeline and the problems", async () => {
  const t = await harness();
  t.sim.load(t.target);
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
});

test("no-sync-ack on an iframe error; the timeout is configurable", async () => {
  const t = await harness({ config: { syncTimeout: 1500 } });
  t.sim.load(t.target);
  t.clock.tick(1600);
  assert.deepEqual(t.rules(), ["no-sync-ack"]);
  const u = await harness();
  u.sim.load(u.target);
  u.sim.loadError();
  assert.deepEqual(u.rules(), ["no-sync-ack"]);
  assert.match(u.sim.problems[0].message, /error event/);
});

test("a new load (the widget reloaded) runs a new handshake; old SYNC callbacks are dropped", async () => {
  const t = await harness();
  await t.handshake();
  assert.equal(t.sim.ready, true);
  t.sim.load(t.target);
  assert.equal(t.sim.ready, false);
  assert.deepEqual(Object.keys(t.sim.channel.callbacks), [t.sent("SYNC").at(-1).messageId]);
  t.post({ type: "SYNC_ACK", ...t.sent("SYNC").at(-1).data, iFrameUrl: WIDGET, messageId: t.sent("SYNC").at(-1).messageId });
  await t.settle();
  assert.equal(t.sim.ready, true);
  assert.deepEqual(t.rules(), []);
});

test("no-initialized: fires 5 s after the handshake without INITIALIZED, not with it", async () => {
  const t = await harness();
  await t.handshake();
  t.clock.tick(4999);
  assert.deepEqual(t.rules(), []);
  t.clock.tick(1);
  assert.deepEqual(t.rules(), ["no-initialized"]);

  const u = await harness();
  await u.handshake();
  u.post({ type: "INITIALIZED", data: { isLoggedIn: true } });
  await u.settle();
  u.clock.tick(60_000);
  assert.deepEqual(u.rules(), []);
  assert.equal(u.sim.widget.loggedIn, true);
});

test("wrong-iframe-url: SYNC_ACK naming another origin; HubSpot then talks to that origin", async () => {
  const t = await harness();
  await t.handshake({ iFrameUrl: "https://elsewhere.example/app" });
  assert.deepEqual(t.rules(), ["wrong-iframe-url"]);
  assert.equal(t.sim.channel.origin, "https://elsewhere.example");
  assert.equal(t.sim.problems[0].messageId, t.got("SYNC_ACK")[0].messageId);
  const ok = await harness();
  await ok.handshake({ iFrameUrl: `${WIDGET}/widget/?x=1` }); // a full URL of the right origin is fine
  assert.deepEqual(ok.rules(), []);
});

test("sync-ack-id-mismatch: a SYNC_ACK with its own messageId does not complete the handshake", async () => {
  const t = await harness();
  await t.handshake({ keepId: false });
  assert.equal(t.sim.ready, false);
  assert.deepEqual(t.rules(), ["sync-ack-id-mismatch"]);
  assert.equal(t.sim.problems[0].messageId, "w_ack");
});

test("message-before-handshake: a message before SYNC_ACK is flagged, and HubSpot's answer is not sent", async () => {
  const t = await harness();
  t.sim.load(t.target);
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } }, { targetOrigin: "*" });
  await t.settle();
  assert.deepEqual(t.rules(), ["message-before-handshake"]);
  assert.equal(t.sim.problems[0].messageId, "w_1");
  assert.equal(t.sent("CREATE_ENGAGEMENT_SUCCEEDED").length, 0);
  assert.ok(t.sim.timeline.some((e) => e.type === "NOT_SENT"), "the refused answer is noted");
});

// ---- Dropped and unknown messages -------------------------------------------------------------

test("missing-message-id and missing-message-type: dropped messages from the widget's frame are named", async () => {
  const t = await harness();
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
  const t = await harness();
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
  const t = await harness();
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
  const t = await harness();
  await t.handshake();
  const dial = t.sim.dial("+1 617 555 0123");
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1" }, messageId: dial.messageId });
  await t.settle();
  assert.deepEqual(t.rules(), ["reused-host-message-id"]);
  assert.equal(t.sim.calls.length, 0);
});

// ---- Calls -----------------------------------------------------------------------------------

async function callHarness() {
  const t = await harness();
  await t.handshake();
  t.post({ type: "INITIALIZED", data: {} });
  return t;
}

test("outbound call: CREATE_ENGAGEMENT_SUCCEEDED and ENGAGEMENT_CREATED with fresh ids; UPDATE after CALL_COMPLETED", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 617 555 0123", createEngagement: true } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", engagementId: DEFAULTS.firstEngagementId, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: DEFAULTS.firstEngagementId } });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c2", toNumber: "+1 555 0000", createEngagement: true } });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c3", toNumber: "+1 555 0001" } });
  await t.settle();
  assert.deepEqual(t.flow().slice(0, 10), [
    "toHost SYNC_ACK", "toHost INITIALIZED", "toHost OUTGOING_CALL_STARTED", "toWidget CREATE_ENGAGEMENT_SUCCEEDED",
    "toWidget ENGAGEMENT_CREATED", "toHost CALL_ANSWERED", "toHost CALL_ENDED", "toHost CALL_COMPLETED",
    "toWidget UPDATE_ENGAGEMENT_SUCCEEDED", "toHost OUTGOING_CALL_STARTED",
  ]);
  const created = t.sent("CREATE_ENGAGEMENT_SUCCEEDED").map((m) => m.data.engagementId);
  assert.deepEqual(created, [72001, 72002], "a fresh id per engagement; none without createEngagement");
  assert.deepEqual(t.sent("ENGAGEMENT_CREATED").map((m) => m.data.engagementId), created);
  assert.deepEqual(t.sent("UPDATE_ENGAGEMENT_SUCCEEDED")[0].data, { engagementId: 72001 });
  assert.deepEqual(t.sim.calls.map((c) => [c.externalCallId, c.state, c.engagementId]), [["c1", "completed", 72001], ["c2", "ringing", 72002], ["c3", "ringing", undefined]]);
  for (const m of t.sent("CREATE_ENGAGEMENT_SUCCEEDED")) {
    assert.ok(m.messageId.startsWith(`${t.sim.channel.instanceId}_`), "HubSpot's events are new messages with HubSpot's ids");
  }
  assert.deepEqual(t.rules(), []);
  const hidden = t.events.filter((e) => e.kind === "effect" && e.effect === "visibility");
  assert.deepEqual(hidden.map((e) => [e.isHidden, e.reason]), [[true, "CALL_COMPLETED"]], "hideWidget defaults to true");
});

test("inbound call: CALLER_ID_MATCH_SUCCEEDED for a known number (contact or company), _FAILED otherwise", async () => {
  const t = await callHarness();
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i1", fromNumber: "(617) 555-0142", toNumber: "+1 617 555 0199", createEngagement: true } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i2", fromNumber: "+1 617 555 0100", toNumber: "+1 617 555 0199" } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i3", fromNumber: "+33 1 00 00 00 00", toNumber: "+1 617 555 0199" } });
  await t.settle();
  const [grace, company] = t.sent("CALLER_ID_MATCH_SUCCEEDED").map((m) => m.data.callerIdMatches);
  assert.deepEqual(grace, [{ callerIdType: "CONTACT", objectCoordinates: { portalId: 123456, objectId: 902, objectTypeId: "0-1" }, firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }]);
  assert.deepEqual(company, [{ callerIdType: "COMPANY", objectCoordinates: { portalId: 123456, objectId: 951, objectTypeId: "0-2" }, name: "Analytical Engines Ltd" }]);
  assert.equal(t.sent("CALLER_ID_MATCH_FAILED").length, 1);
  assert.deepEqual(t.flow().slice(2, 6), ["toHost INCOMING_CALL", "toWidget CALLER_ID_MATCH_SUCCEEDED", "toWidget CREATE_ENGAGEMENT_SUCCEEDED", "toWidget ENGAGEMENT_CREATED"]);
  assert.deepEqual(t.rules(), []);
  assert.equal(lookupNumber("0142"), undefined, "too short to match");
});

test("missing-external-call-id: on call starts and on later call events", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ANSWERED" }); // the pre-externalCallId SDK sent no payload
  t.post({ type: "CALL_ENDED", data: { callEndStatus: "COMPLETED" } });
  await t.settle();
  assert.deepEqual(t.rules(), Array(3).fill("missing-external-call-id"));
  assert.deepEqual(t.sim.problems.map((p) => p.type), ["OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED"]);
  assert.equal(t.sent("CREATE_ENGAGEMENT_SUCCEEDED").length, 1, "HubSpot still creates the engagement");
});

test("call-not-started vs unknown-external-call-id", async () => {
  const t = await callHarness();
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "ghost" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "ghost", callEndStatus: "COMPLETED" } });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555" } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c2" } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } });
  await t.settle();
  assert.deepEqual(t.rules(), ["call-not-started", "call-not-started", "unknown-external-call-id"]);
  assert.match(t.sim.problems[2].message, /"c2".*in progress: "c1"/);
  assert.deepEqual(t.sim.problems.map((p) => p.messageId), ["w_2", "w_3", "w_5"]);
});

test("call-already-ended: answering or transferring an ended call; a second CALL_ENDED is tolerated", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", callEndStatus: "NO_ANSWER" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", callEndStatus: "NO_ANSWER" } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } });
  t.post({ type: "CALL_TRANSFERRED", data: { externalCallId: "c1" } });
  await t.settle();
  assert.deepEqual(t.rules(), ["call-already-ended", "call-already-ended"]);
});

test("completed-before-ended: CALL_COMPLETED while ringing or answered; HubSpot still updates the engagement", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: 72001, hideWidget: false } });
  await t.settle();
  assert.deepEqual(t.rules(), ["completed-before-ended"]);
  assert.equal(t.sent("UPDATE_ENGAGEMENT_SUCCEEDED").length, 1);
  assert.equal(t.events.some((e) => e.effect === "visibility"), false, "hideWidget: false keeps the widget");
});

test("engagement-id-mismatch: CALL_ENDED or CALL_COMPLETED with another engagementId than HubSpot gave", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", engagementId: 1, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: 72002 } });
  await t.settle();
  assert.deepEqual(t.rules(), ["engagement-id-mismatch", "engagement-id-mismatch"]);
  assert.match(t.sim.problems[1].message, /72002.*72001/);
  const ok = await callHarness();
  ok.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  ok.post({ type: "CALL_ENDED", data: { externalCallId: "c1", callEndStatus: "COMPLETED" } }); // no engagementId: fine
  ok.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: "72001" } }); // a string of the id: fine
  await ok.settle();
  assert.deepEqual(ok.rules(), []);
});

test("engagement-id-mismatch is not raised for engagements HubSpot did not create", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: false } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", engagementId: 999, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: 999 } });
  await t.settle();
  assert.deepEqual(t.rules(), []);
  assert.deepEqual(t.sent("UPDATE_ENGAGEMENT_SUCCEEDED")[0].data, { engagementId: 999 });
});

test("an engagement given in SYNC can be completed by a reloaded widget without its call start", async () => {
  const t = await harness({ config: { engagementId: 5150 } });
  await t.handshake();
  t.post({ type: "CALL_ENDED", data: { externalCallId: "before-reload", engagementId: 5150, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "before-reload", engagementId: 5150 } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "another", engagementId: 5150, callEndStatus: "COMPLETED" } });
  await t.settle();
  assert.deepEqual(t.rules(), ["call-not-started"], "only one call resumes");
});

test("unknown-call-end-status: flags unknown statuses, accepts every known one and none at all", async () => {
  const t = await callHarness();
  const statuses = ["COMPLETED", "FAILED", "CANCELED", "BUSY", "NO_ANSWER", "REJECTED", "MISSED", undefined, "HUNG_UP", "completed"];
  statuses.forEach((callEndStatus, i) => {
    t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: `c${i}`, toNumber: "+1 555" } });
    t.post({ type: "CALL_ENDED", data: { externalCallId: `c${i}`, callEndStatus } });
  });
  await t.settle();
  assert.deepEqual(t.rules(), ["unknown-call-end-status", "unknown-call-end-status"]);
  assert.match(t.sim.problems[0].message, /"HUNG_UP".*COMPLETED, FAILED, CANCELED, BUSY, NO_ANSWER, REJECTED, MISSED/);
});

// ---- Other widget messages ---------------------------------------------------------------------

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
  t.sim.load(t.target);
  assert.equal(t.sim.channel.origin, "https://other.example:8443", "the next handshake talks to the new origin");
});

test("FINALIZE_ENGAGEMENT and PUBLISH_TO_CHANNEL get their _SUCCEEDED with the engagementId", async () => {
  const t = await callHarness();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: 72001 } });
  t.post({ type: "FINALIZE_ENGAGEMENT", data: { externalCallId: "c1", engagementId: 72001 } });
  t.post({ type: "PUBLISH_TO_CHANNEL", data: { externalCallId: "c1" } });
  await t.settle();
  assert.deepEqual(t.sent("FINALIZE_ENGAGEMENT_SUCCEEDED")[0].data, { engagementId: 72001 });
  assert.deepEqual(t.sent("PUBLISH_TO_CHANNEL_SUCCEEDED")[0].data, { engagementId: 72001 });
  assert.deepEqual(t.rules(), []);
});

// ---- HubSpot's own actions and the switches ------------------------------------------------------

test("dial, endCall, setVisibility and send need the handshake, then post HubSpot's messages", async () => {
  const t = await harness();
  t.sim.load(t.target);
  assert.throws(() => t.sim.dial("+1 617 555 0123"), /has not answered SYNC yet/);
  assert.throws(() => t.sim.endCall(), /devkitHost\.send\(\)/);
  t.answerSync();
  await t.settle();
  t.clock.tick(100); // the repeated SYNC reaches the widget, which answers
  await t.settle();
  assert.equal(t.sim.ready, true);
  const dial = t.sim.dial("+1 617 555 0123");
  assert.deepEqual(dial.data, {
    phoneNumber: "+1 617 555 0123", ownerId: 7, portalId: 123456, objectId: 901, objectType: "CONTACT",
    calleeInfo: { calleeId: 901, calleeObjectTypeId: "0-1" }, startCall: false, toPhoneNumberSrc: "Phone number",
  });
  const company = t.sim.dial("+1 212 555 0187", { startCall: true, toPhoneNumberSrc: "Company phone" });
  assert.deepEqual([company.data.objectType, company.data.objectId, company.data.calleeInfo.calleeObjectTypeId, company.data.startCall], ["COMPANY", 952, "0-2", true]);
  const unknown = t.sim.dial("+49 30 000000");
  assert.equal("objectId" in unknown.data, false);
  t.sim.endCall();
  t.sim.setVisibility({ isMinimized: true });
  t.sim.send("SET_CALL_STATE", { state: "IN_PROGRESS" });
  await t.settle();
  assert.deepEqual(t.flow().filter((f) => f.startsWith("toWidget")), ["toWidget DIAL_NUMBER", "toWidget DIAL_NUMBER", "toWidget DIAL_NUMBER", "toWidget END_CALL", "toWidget VISIBILITY_CHANGED", "toWidget SET_CALL_STATE"]);
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
  assert.deepEqual(t.sim.switches, { failNextEngagementCreate: false, failNextEngagementUpdate: false });
  assert.equal(t.sim.calls[0].engagementFailed, true);
  assert.deepEqual(t.rules(), [], "CALL_ENDED and CALL_COMPLETED without an engagementId are fine when none was created");
});

test("the failure switches reach the bridge's FAILED and _FAILED handlers", async () => {
  const t = await harness();
  const failed = [];
  const { cti, calls } = t.bridge({ FAILED: (data, message) => failed.push(message.type) });
  t.sim.load(t.target);
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
  assert.deepEqual([t.sim.messages.length, t.sim.problems.length, t.sim.calls.length, t.sim.timeline.length], [0, 0, 0, 0]);
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

// ---- Correct widgets raise nothing --------------------------------------------------------------

test("a full call through our bridge raises no problem", async () => {
  const t = await harness();
  const engagement = {};
  const { cti, calls } = t.bridge({
    onReady: () => cti.initialized({ isLoggedIn: true, isAvailable: true, sizeInfo: { width: 400, height: 650 } }),
    onCreateEngagementSucceeded: (data) => (engagement.id ??= data.engagementId),
  });
  t.sim.load(t.target);
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
  const t = await harness();
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

test("every rule has a title and a fix, and every problem uses a known rule id", () => {
  const ids = Object.keys(RULES);
  assert.equal(ids.length, 19);
  for (const id of ids) {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    assert.equal(RULES[id].length, 2);
  }
  for (const required of ["message-before-handshake", "missing-message-id", "unknown-message-type", "missing-external-call-id",
    "unknown-external-call-id", "call-not-started", "completed-before-ended", "engagement-id-mismatch", "unknown-call-end-status",
    "non-numeric-resize", "no-initialized", "no-sync-ack"]) assert.ok(ids.includes(required), required);
});
