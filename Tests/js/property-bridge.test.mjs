// Property tests of the bridge (site/assets/calling-extensions.js; calling-extensions.mjs only re-exports
// it, see module.test.mjs): thousands of random sessions of its widget side (CallingExtensions) and of its
// host side (IFrameManager framing a widget), seeded so that every run is the same and a failure names the
// seed that replays it (support/property-runner.mjs). Then one example test per bug these properties found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld, loadBridge, setup, HOST_ORIGIN, WIDGET_ORIGIN } from "./support/fake-window.mjs";
import { caseRandom, expectNone, runSeeds, runSessions } from "./support/property-runner.mjs";
import { widgetSession } from "./support/bridge-scenario.mjs";
import { hostModeSession } from "./support/host-mode-scenario.mjs";
import { MAX_PENDING_REPLIES, propertyWorld } from "./support/property-world.mjs";

const WIDGET_SESSIONS = 160; // per seed, of STEPS random steps each (a step: a message, an API call, time passing)
const HOST_SESSIONS = 100;
const STEPS = 40;

let runs;
const sessions = () => (runs ||= (async () => ({
  widget: await runSessions((random) => widgetSession(random, { steps: STEPS }), { cases: WIDGET_SESSIONS }),
  host: await runSessions((random) => hostModeSession(random, { steps: STEPS }), { cases: HOST_SESSIONS }),
}))());

test("property 1: no message, origin, source, reentrant reply or throwing partner handler makes the bridge throw", async (t) => {
  const { widget, host } = await sessions();
  expectNone(t, "widget side", widget, "crashes");
  expectNone(t, "host side", host, "crashes");
});

test("property 2: every post goes to the exact expected origin, never \"*\"", async (t) => {
  const { widget, host } = await sessions();
  expectNone(t, "widget side", widget, "misposts");
  expectNone(t, "host side", host, "misposts");
});

test("property 3: no message from a foreign origin reaches the partner's handlers", async (t) => {
  const { widget, host } = await sessions();
  expectNone(t, "widget side", widget, "foreign");
  expectNone(t, "host side", host, "foreign");
});

test("property 4: replies that never come, or come twice, keep the callback table bounded and reach their own callback once", async (t) => {
  const { widget, host } = await sessions();
  expectNone(t, "widget side", widget, "unbounded");
  expectNone(t, "host side", host, "unbounded");
});

test("property 4, long runs: thousands of messages awaiting replies, most never answered, some answered twice", async (t) => {
  const runs = [];
  for (const seed of runSeeds()) {
    const random = caseRandom(seed, 0);
    const world = propertyWorld();
    const host = world.window("host", HOST_ORIGIN);
    const widget = world.window("widget", WIDGET_ORIGIN);
    loadBridge(host);
    const channel = new host.CallingExtensions.Channel({ window: host, target: world.handle(host, widget), origin: WIDGET_ORIGIN, ready: true });
    const cap = MAX_PENDING_REPLIES;
    const report = { crashes: [], unbounded: [], counts: { sent: 0, answered: 0 } };
    const callbacks = [];
    let largest = 0;
    for (let i = 0; i < 3000; i++) {
      world.clock.tick(random.int(3)); // ids repeat within a millisecond
      const callback = { runs: 0, ids: [] };
      callbacks.push(callback);
      const sent = channel.send({ type: "CALL_DATA" }, (reply) => {
        callback.runs++;
        callback.ids.push(reply.messageId);
      });
      callback.id = sent.messageId;
      report.counts.sent++;
      if (random.chance(0.1)) {
        const answer = { type: "CALL_DATA", messageId: sent.messageId };
        world.handle(widget, host).postMessage(answer, HOST_ORIGIN);
        if (random.chance(0.3)) world.handle(widget, host).postMessage(answer, HOST_ORIGIN); // answered twice
        report.counts.answered++;
      }
      if (random.chance(0.05)) await world.settle();
      largest = Math.max(largest, Object.keys(channel.callbacks).length);
    }
    await world.settle();
    if (largest > cap) report.unbounded.push(`${largest} callbacks pending at once; the cap is ${cap}`);
    for (const { runs, ids, id } of callbacks) {
      if (runs > 1 || ids.some((replyId) => replyId !== id)) report.unbounded.push(`the callback of ${id} ran for ${ids.join(", ")}`);
    }
    runs.push({ seed, index: 0, report });
  }
  expectNone(t, "long runs", runs, "unbounded");
});

// ---- One example per bug the properties found ---------------------------------------------------

test("a message whose messageId or type String() cannot read is refused with a logged error; the next one works", async () => {
  const t = setup();
  const calls = [];
  await t.ready({ eventHandlers: { onDialNumber: (data) => calls.push(data.n), defaultEventHandler: (data, message) => calls.push(message.type) } });
  calls.length = 0; // READY
  t.send({ type: "DIAL_NUMBER", data: { n: 1 }, messageId: { toString: 1 } });
  t.send({ type: { toString: "DIAL_NUMBER" }, data: { n: 2 } });
  t.send({ type: "DIAL_NUMBER", data: { n: 3 } });
  await t.world.settle();
  assert.deepEqual(calls, [3], "neither unreadable message reaches a handler");
  assert.equal(t.widget.lines("error").length, 2);
  for (const line of t.widget.lines("error")) assert.match(line, /^\[calling-extensions\] /);
  assert.deepEqual(t.inbox().map((m) => m.type), ["SYNC_ACK"], "no UNKNOWN_MESSAGE_TYPE answer to them either");
});

/** A host page framing a widget with IFrameManager; fire(type) fires the iframe's load or error. */
function framed(onMessageHandler) {
  const world = propertyWorld();
  const host = world.window("host", HOST_ORIGIN, { path: "/calling/" });
  const widget = world.window("widget", WIDGET_ORIGIN, { referrer: `${HOST_ORIGIN}/` });
  const listeners = {};
  const iframe = { contentWindow: world.handle(host, widget), addEventListener: (type, fn) => (listeners[type] ||= []).push(fn) };
  host.document = { querySelector: () => ({ replaceChildren() {} }), createElement: () => iframe };
  loadBridge(host);
  const manager = new host.IFrameManager({ iFrameOptions: { src: `${WIDGET_ORIGIN}/w/`, width: 1, height: 1, hostElementSelector: "#x" }, onMessageHandler });
  const errors = () => host.console.calls.filter((c) => c.level === "error").map((c) => c.args.at(-1));
  return { world, host, widget, manager, errors, fire: (type) => (listeners[type] || []).forEach((fn) => fn({ type })) };
}

test("IFrameManager: an onMessageHandler or reply callback that throws is logged, on a message, a timeout or the frame's error", async () => {
  const bug = new Error("the page's bug");
  const f = framed(() => {
    throw bug;
  });
  f.fire("error"); // SYNC_ACK_FAILED from the frame's error event
  f.fire("load");
  f.world.clock.tick(30_200); // SYNC_ACK_FAILED after the 30 s of SYNCs
  f.manager.channel.ready = true;
  const sent = f.manager.sendMessage({ type: "DIAL_NUMBER" }, () => {
    throw bug;
  });
  f.world.handle(f.widget, f.host).postMessage({ type: "CALL_DATA", messageId: sent.messageId }, HOST_ORIGIN); // the reply
  f.world.handle(f.widget, f.host).postMessage({ type: "CALL_DATA", messageId: "w_1" }, HOST_ORIGIN); // a message
  await f.world.settle();
  assert.deepEqual(f.world.errors, [], "nothing thrown out of a listener");
  assert.deepEqual(f.errors(), [bug, bug, bug, bug], "each logged once, as the page's own error");
});

test("SET_WIDGET_URL or SYNC_ACK with an iFrameUrl that is no URL keeps the destination, so later posts still go out", async () => {
  const t = setup();
  const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
  for (const iFrameUrl of ["not a url", 5, "/relative"]) t.send({ type: "SET_WIDGET_URL", iFrameUrl });
  await t.world.settle();
  assert.equal(cti.channel.origin, HOST_ORIGIN);
  cti.userAvailable(); // would throw SyntaxError("Invalid target origin") with an origin of ""
  assert.equal(t.widgetPosts().at(-1).targetOrigin, HOST_ORIGIN);

  const f = framed(() => {});
  f.fire("load");
  const [sync] = f.world.posts.filter((p) => p.from === "host");
  f.world.handle(f.widget, f.host).postMessage({ ...sync.data, type: "SYNC_ACK", iFrameUrl: "garbage" }, HOST_ORIGIN);
  await f.world.settle();
  assert.equal(f.manager.isReady, true);
  assert.equal(f.manager.channel.origin, WIDGET_ORIGIN);
});

test("a table of 500 callbacks awaiting replies that never came is forgotten; a new reply still arrives", async () => {
  const world = propertyWorld();
  const host = world.window("host", HOST_ORIGIN);
  const widget = world.window("widget", WIDGET_ORIGIN);
  loadBridge(host);
  const channel = new host.CallingExtensions.Channel({ window: host, target: world.handle(host, widget), origin: WIDGET_ORIGIN, ready: true });
  for (let i = 0; i < 500; i++) {
    world.clock.tick(1);
    channel.send({ type: "CALL_DATA" }, () => assert.fail("never answered"));
  }
  assert.equal(Object.keys(channel.callbacks).length, 500, "500 awaited at once");
  world.clock.tick(1);
  const replies = [];
  const sent = channel.send({ type: "CALL_DATA" }, (reply) => replies.push(reply.messageId));
  assert.deepEqual(Object.keys(channel.callbacks), [sent.messageId], "the 501st forgets the 500 overdue ones");
  world.handle(widget, host).postMessage({ type: "CALL_DATA", messageId: sent.messageId }, HOST_ORIGIN);
  await world.settle();
  assert.deepEqual(replies, [sent.messageId]);
});

test("a post that throws (a payload structured clone refuses) leaves no callback waiting", () => {
  const world = createWorld();
  const host = world.window("host", HOST_ORIGIN);
  const widget = world.window("widget", WIDGET_ORIGIN);
  loadBridge(host);
  const channel = new host.CallingExtensions.Channel({ window: host, target: world.handle(host, widget), origin: WIDGET_ORIGIN, ready: true });
  assert.throws(() => channel.send({ type: "CALL_DATA", data: { f() {} } }, () => {}), { name: "DataCloneError" });
  assert.deepEqual(Object.keys(channel.callbacks), []);
});

test("a payload the warning checks cannot read (a BigInt, a cycle, a toString that is no function) is sent, not thrown at the caller", async () => {
  const t = setup();
  const { cti } = await t.ready({ eventHandlers: { onReady() {} } });
  const cycle = {};
  cycle.self = cycle;
  cti.callEnded({ externalCallId: "c1", callEndStatus: 10n });
  cti.callEnded({ externalCallId: "c1", callEndStatus: cycle });
  cti.navigateToRecord({ objectCoordinates: { objectId: 1, objectTypeId: { toString: 1 } } });
  cti.setWidgetUrl({ iFrameUrl: [{ valueOf: 2, toString: 3 }] });
  await t.world.settle();
  assert.deepEqual(t.inbox().slice(1).map((m) => m.type), ["CALL_ENDED", "CALL_ENDED", "NAVIGATE_TO_RECORD", "SET_WIDGET_URL"]);
  assert.equal(t.inbox()[1].data.callEndStatus, 10n);
});

// ---- Found by these tests, fixed --------------------------------------------------------------

test("only window.parent starts the handshake: a SYNC from another window names no destination", async () => {
  const world = propertyWorld();
  const host = world.window("host", HOST_ORIGIN);
  const widget = world.window("widget", WIDGET_ORIGIN, { referrer: `${HOST_ORIGIN}/` });
  const evil = world.window("evil", "https://evil.example");
  widget.parent = world.handle(widget, host);
  loadBridge(widget);
  const ready = [];
  new widget.CallingExtensions({ eventHandlers: { onReady: (data) => ready.push(data.hostUrl) } });
  world.handle(evil, widget).postMessage({ type: "SYNC", messageId: "e_1", hostUrl: "https://evil.example" }, WIDGET_ORIGIN);
  world.handle(host, widget).postMessage({ type: "SYNC", messageId: "h_1", hostUrl: HOST_ORIGIN }, WIDGET_ORIGIN);
  await world.settle();
  assert.deepEqual(ready, [HOST_ORIGIN]);
  assert.deepEqual(world.posts.filter((p) => p.from === "widget").map((p) => p.targetOrigin), [HOST_ORIGIN]);
});

test("two messages awaiting replies in one millisecond get their own ids, and each reply its own callback", async () => {
  const world = propertyWorld();
  const host = world.window("host", HOST_ORIGIN);
  const widget = world.window("widget", WIDGET_ORIGIN);
  loadBridge(host);
  const channel = new host.CallingExtensions.Channel({ window: host, target: world.handle(host, widget), origin: WIDGET_ORIGIN, ready: true });
  const replies = [];
  const first = channel.send({ type: "CALL_DATA" }, (reply) => replies.push(["first", reply.data]));
  const second = channel.send({ type: "CALL_DATA" }, (reply) => replies.push(["second", reply.data]));
  world.handle(widget, host).postMessage({ type: "CALL_DATA", messageId: first.messageId, data: 1 }, HOST_ORIGIN);
  world.handle(widget, host).postMessage({ type: "CALL_DATA", messageId: second.messageId, data: 2 }, HOST_ORIGIN);
  await world.settle();
  assert.notEqual(first.messageId, second.messageId);
  assert.deepEqual(replies, [["first", 1], ["second", 2]]);
});
