// The calling window and the remote (site/host/session.mjs, frame.mjs, calls.mjs): two frames with a
// handshake and a lane each, the remote alone reporting calls, and the checks of that layout:
// duplicate-call, call-from-remote, ghost-call, unresponsive-after-hide. A widget that follows the
// protocol, relaying from the remote to the calling window, raises none of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./support/host-harness.mjs";

const BOTH = { usesRemote: true, usesCallingWindow: true };

async function ready(config) {
  const t = harness({ config });
  await t.handshake();
  for (const location of Object.keys(t.frames)) t.post({ type: "INITIALIZED", data: {} }, { location });
  await t.settle();
  return t;
}

const call = (t, location, id, extra = {}) => {
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: id, toNumber: "+1 617 555 0123", createEngagement: true, ...extra } }, { location });
};
const finish = (t, location, id, engagementId, hideWidget = false) => {
  t.post({ type: "CALL_ENDED", data: { externalCallId: id, engagementId, callEndStatus: "COMPLETED" } }, { location });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: id, engagementId, hideWidget } }, { location });
};

test("usesRemote and usesCallingWindow: two frames, each with its own SYNC, handshake and lane", async () => {
  const t = harness({ config: BOTH });
  assert.deepEqual(t.sim.frames.map((f) => [f.location, f.label, f.reportsCalls]), [["remote", "Remote", false], ["window", "Calling window", true]]);
  t.answerSync({ location: "remote" });
  t.load();
  await t.settle();
  assert.deepEqual(t.sent("SYNC").map((m) => [m.location, m.data.iframeLocation, m.data.usesCallingWindow]), [["remote", "remote", true], ["window", "window", true]]);
  assert.equal(t.sim.frame("remote").ready, true);
  assert.equal(t.sim.ready, false, "ready only when every frame has answered");
  assert.throws(() => t.sim.dial("+1 617 555 0123"), /the calling window has not answered SYNC/);
  t.answerSync({ location: "window" });
  t.clock.tick(100);
  await t.settle();
  assert.equal(t.sim.ready, true);
  assert.deepEqual(t.flow({ lanes: true }), ["remote toHost SYNC_ACK", "window toHost SYNC_ACK"]);
  const dial = t.sim.dial("+1 617 555 0123");
  assert.equal(t.sim.messages.find((m) => m.messageId === dial.messageId).location, "window", "HubSpot dials through the calling window");
  t.sim.send("SET_CALL_STATE", {}, { to: "all" });
  assert.deepEqual(t.sent("SET_CALL_STATE").map((m) => m.location), ["remote", "window"]);
  assert.deepEqual(t.sim.timeline.filter((e) => e.type === "FRAME_LOADED").map((e) => e.location), ["remote", "window"]);
  assert.deepEqual(t.sim.export().frames.map((f) => [f.location, f.ready]), [["remote", true], ["window", true]]);
});

test("usesRemote alone: one remote frame that reports calls; usesCallingWindow alone: one calling window", async () => {
  const t = await ready({ usesRemote: true });
  assert.deepEqual(t.sim.frames.map((f) => [f.location, f.reportsCalls]), [["remote", true]]);
  assert.deepEqual(t.sent("SYNC")[0].data.iframeLocation, "remote");
  call(t, undefined, "r1");
  await t.settle();
  finish(t, undefined, "r1", 72001);
  await t.settle();
  assert.deepEqual(t.rules(), []);
  assert.deepEqual(harness({ config: { usesCallingWindow: true } }).sim.frames.map((f) => f.location), ["window"]);
});

test("call-from-remote: every call event the remote sends while a calling window is in use", async () => {
  const t = await ready(BOTH);
  call(t, "remote", "c1");
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } }, { location: "remote" });
  t.post({ type: "LOGGED_IN" }, { location: "remote" }); // not a call event
  await t.settle();
  assert.deepEqual(t.rules(), ["call-from-remote", "call-from-remote"]);
  assert.deepEqual(t.sim.problems.map((p) => [p.location, p.type]), [["remote", "OUTGOING_CALL_STARTED"], ["remote", "CALL_ANSWERED"]]);
  assert.equal(t.sent("CREATE_ENGAGEMENT_SUCCEEDED", "remote").length, 1, "HubSpot still records it, which is the harm");
  // A single remote frame told usesCallingWindow: true is wrong too.
  const u = await ready({ iframeLocation: "remote", usesCallingWindow: true });
  call(u, undefined, "c1");
  await u.settle();
  assert.deepEqual(u.rules(), ["call-from-remote"]);
});

test("duplicate-call: the same externalCallId reported by both frames", async () => {
  const t = await ready(BOTH);
  call(t, "window", "same");
  await t.settle();
  call(t, "remote", "same");
  await t.settle();
  assert.deepEqual(t.rules(), ["call-from-remote", "duplicate-call"]);
  assert.match(t.sim.problems[1].message, /"same" from the remote, which the calling window reported already/);
  assert.deepEqual(t.sent("CREATE_ENGAGEMENT_SUCCEEDED").map((m) => [m.location, m.data.engagementId]), [["window", 72001], ["remote", 72002]]);
  // Each frame's later events find its own call.
  finish(t, "window", "same", 72001);
  await t.settle();
  assert.deepEqual(t.rules(), ["call-from-remote", "duplicate-call"]);
});

test("ghost-call: a call with an engagement left open when the session ends, once", async () => {
  const t = await ready();
  call(t, undefined, "open");
  call(t, undefined, "done");
  call(t, undefined, "no-engagement", { createEngagement: false });
  await t.settle();
  t.sim.failNextEngagementCreate(true);
  call(t, undefined, "failed-engagement");
  await t.settle();
  finish(t, undefined, "done", 72002);
  await t.settle();
  assert.deepEqual(t.rules(), []);
  const raised = t.sim.endSession();
  assert.deepEqual(raised.map((p) => [p.rule, p.externalCallId, p.engagementId]), [["ghost-call", "open", 72001]]);
  assert.match(raised[0].message, /"open" \(engagement 72001\).*still ringing when the session ended/);
  assert.equal(t.sim.timeline.at(-1).type, "SESSION_ENDED");
  t.sim.endSession();
  assert.deepEqual(t.rules(), ["ghost-call"], "judged once");
});

test("ghost-call on a reload of the frame that reported the call; the reload gets a fresh SYNC", async () => {
  const t = await ready(BOTH);
  call(t, "window", "w1");
  await t.settle();
  const syncs = t.sent("SYNC", "window").length;
  t.clock.tick(10);
  t.load("remote"); // the remote reported nothing
  assert.deepEqual(t.rules(), []);
  t.load("window");
  assert.deepEqual(t.rules(), ["ghost-call"]);
  assert.equal(t.sim.problems[0].location, "window");
  assert.match(t.sim.problems[0].message, /when the calling window reloaded/);
  assert.equal(t.sent("SYNC", "window").length, syncs + 1, "a fresh SYNC");
  assert.equal(t.sim.frame("window").ready, false);
  assert.ok(t.events.some((e) => e.effect === "reload") === false, "load() is the frame's own event; reload() asks the page");
  t.sim.reload();
  assert.deepEqual(t.events.filter((e) => e.effect === "reload").map((e) => e.reset), [false]);
});

test("unresponsive-after-hide: CALL_COMPLETED hid the widget, then DIAL_NUMBER with startCall got no call", async () => {
  const t = await ready();
  call(t, undefined, "c1");
  await t.settle();
  finish(t, undefined, "c1", 72001, true);
  await t.settle();
  assert.equal(t.sim.visibility.isHidden, true);
  t.sim.dial("+1 617 555 0142"); // no startCall: nothing to expect
  t.clock.tick(10_000);
  assert.deepEqual(t.rules(), []);
  const dial = t.sim.dial("+1 617 555 0142", { startCall: true });
  assert.equal(t.sim.visibility.isHidden, false, "dialling shows the widget again");
  t.clock.tick(4999);
  assert.deepEqual(t.rules(), []);
  t.clock.tick(1);
  assert.deepEqual(t.rules(), ["unresponsive-after-hide"]);
  assert.equal(t.sim.problems[0].messageId, dial.messageId, "the problem names the DIAL_NUMBER");
  t.sim.dial("+1 617 555 0142", { startCall: true });
  t.clock.tick(10_000);
  assert.deepEqual(t.rules(), ["unresponsive-after-hide"], "only the first dial after a hide is judged");
});

test("unresponsive-after-hide stays quiet when the widget starts the call, or was not hidden", async () => {
  const t = await ready({ dialTimeout: 2000 });
  call(t, undefined, "c1");
  await t.settle();
  finish(t, undefined, "c1", 72001, true);
  await t.settle();
  t.sim.dial("+1 617 555 0142", { startCall: true });
  t.clock.tick(500);
  call(t, undefined, "c2");
  await t.settle();
  t.clock.tick(10_000);
  const u = await ready();
  call(u, undefined, "c1");
  await u.settle();
  finish(u, undefined, "c1", 72001, false); // hideWidget: false keeps the widget
  await u.settle();
  u.sim.dial("+1 617 555 0142", { startCall: true });
  u.clock.tick(10_000);
  assert.deepEqual([t.rules(), u.rules()], [[], []]);
});

/** A BroadcastChannel for fake windows of one origin: a message reaches every other channel of that name. */
function broadcastWorld() {
  const channels = new Set();
  return class FakeBroadcastChannel {
    constructor(name) {
      Object.assign(this, { name, onmessage: null });
      channels.add(this);
    }
    postMessage(data) {
      for (const other of channels) if (other !== this && other.name === this.name && other.onmessage) other.onmessage({ data: structuredClone(data) });
    }
    close() {
      channels.delete(this);
    }
  };
}

test("a widget that relays from the remote to the calling window raises no problem, through a call, a reload and the end", async () => {
  const t = harness({ config: BOTH });
  const Broadcast = broadcastWorld();
  const engagement = {};
  // The remote reports nothing: it relays the user's "call" to the window, which reports it.
  const remoteLink = new Broadcast("calls");
  const windowLink = new Broadcast("calls");
  const remote = t.bridge({ onReady: () => remote.cti.initialized({ isLoggedIn: true }) }, "remote");
  const win = t.bridge({
    onReady: () => win.cti.initialized({ isLoggedIn: true }),
    onCreateEngagementSucceeded: (data) => (engagement.id = data.engagementId),
  }, "window");
  windowLink.onmessage = ({ data }) => {
    if (data.action === "call") win.cti.outgoingCall({ externalCallId: data.id, toNumber: data.number, createEngagement: true });
    if (data.action === "hang-up") {
      win.cti.callEnded({ externalCallId: data.id, engagementId: engagement.id, callEndStatus: "COMPLETED" });
      win.cti.callCompleted({ externalCallId: data.id, engagementId: engagement.id });
    }
  };
  t.load();
  await t.settle();
  assert.equal(t.sim.ready, true);
  t.sim.dial("+1 617 555 0123");
  remoteLink.postMessage({ action: "call", id: "x1", number: "+1 617 555 0123" });
  await t.settle();
  remoteLink.postMessage({ action: "hang-up", id: "x1" });
  await t.settle();
  t.sim.dial("+1 617 555 0142", { startCall: true }); // after the hide by CALL_COMPLETED
  remoteLink.postMessage({ action: "call", id: "x2", number: "+1 617 555 0142" });
  await t.settle();
  remoteLink.postMessage({ action: "hang-up", id: "x2" });
  await t.settle();
  t.clock.tick(60_000);
  t.answerSync({ location: "remote" }); // the remote's page again (a hand-written one here)
  t.load("remote"); // a reload with no call open
  await t.settle();
  t.post({ type: "INITIALIZED", data: {} }, { location: "remote" });
  await t.settle();
  t.sim.endSession();
  assert.deepEqual(t.sim.problems, []);
  assert.deepEqual(t.got("OUTGOING_CALL_STARTED").map((m) => m.location), ["window", "window"]);
  assert.equal(t.got("SYNC_ACK", "remote").length, 2, "the reloaded remote handshook again");
});
