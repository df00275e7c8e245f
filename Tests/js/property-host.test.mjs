// Property tests of the host simulator's core (site/host/: host.mjs and the modules it wires, with the
// timeline's summary and the Mermaid export): thousands of random sessions with frames that load, reload and
// fail, widgets that answer or post anything, strangers, and a page script that calls devkitHost's API from
// its listeners; seeded, so every run is the same and a failure names its seed (support/property-runner.mjs).
// Then one example test per bug these properties found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness, HOST, WIDGET } from "./support/host-harness.mjs";
import { expectNone, runSeeds, runSessions, caseRandom } from "./support/property-runner.mjs";
import { simSession } from "./support/sim-scenario.mjs";
import { brief, TimelineView } from "../../site/host/timeline.mjs";
import { sequenceDiagram } from "../../site/host/mermaid-export.mjs";
import { closest } from "../../site/host/suggest.mjs";

const SESSIONS = 80; // per seed, of STEPS random steps each (a step: a message, an API call, a load, time passing)
const STEPS = 60;

let runs;
const sessions = () => (runs ||= runSessions((random) => simSession(random, { steps: STEPS }), { cases: SESSIONS }));

test("property 1: no message, origin, source, reload, timeout or reentrant page script makes the simulator throw", async (t) => {
  expectNone(t, "sessions", await sessions(), "crashes");
});

test("property 2: every post goes to the widget's exact origin (its URL's, or the iFrameUrl it declared), never \"*\"", async (t) => {
  expectNone(t, "sessions", await sessions(), "misposts");
});

test("property 3: only messages from a frame's own window and origin reach the state machine and the timeline", async (t) => {
  expectNone(t, "sessions", await sessions(), "foreign");
});

test("property 4: SYNC callbacks, timers and listeners stay bounded, however often frames reload unanswered", async (t) => {
  expectNone(t, "sessions", await sessions(), "unbounded");
  const long = [];
  for (const seed of runSeeds()) long.push({ seed, index: 0, report: await simSession(caseRandom(seed, 0), { steps: 800 }) });
  expectNone(t, "long sessions", long, "unbounded");
  expectNone(t, "long sessions", long, "crashes");
});

// ---- One example per bug the properties found ---------------------------------------------------

test("a BigInt or a cycle in a widget's message: problems name it, the timeline shows it, export() stays JSON", async () => {
  const t = harness();
  await t.handshake();
  const cycle = { objectId: 1 };
  cycle.self = cycle;
  t.post({ type: "ERROR", data: { message: 7n } });
  t.post({ type: "NAVIGATE_TO_RECORD", data: { objectCoordinates: cycle } });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: 5n, toNumber: "+1 617 555 0123" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: 6n, callEndStatus: "COMPLETED" } });
  await t.settle();
  assert.deepEqual(t.host.lines("error"), [], "nothing thrown inside the bridge's listener");
  const texts = t.sim.problems.map((p) => p.message).join("\n");
  assert.match(texts, /ERROR needs data \{ message: "text for the user" \}; got \{"message":"7n"\}/);
  assert.match(texts, /got \{"objectId":1,"self":"\[cycle\]"\}/);
  assert.match(texts, /names externalCallId "6n", which matches no started call \(in progress: "5n"\)/);
  for (const entry of t.sim.timeline) assert.equal(typeof brief(entry), "string");
  const exported = JSON.parse(JSON.stringify(t.sim.export()));
  assert.equal(exported.calls[0].externalCallId, "5n");
  assert.deepEqual(exported.timeline.find((e) => e.type === "NAVIGATE_TO_RECORD").data.objectCoordinates, { objectId: 1, self: "[cycle]" });
});

/** Just enough of a document for TimelineView.rowFor: elements that keep their properties and children. */
function fakeDocument() {
  const element = (tagName) => ({
    tagName, children: [], dataset: {}, attributes: {}, classList: { add() {} },
    setAttribute(name, value) { this.attributes[name] = value; },
    append(...nodes) { this.children.push(...nodes); },
  });
  return { createElement: element, getElementById: (id) => element(id) };
}

test("the timeline's row of a message with a BigInt and a cycle shows it in full, as JSON", async () => {
  const t = harness();
  await t.handshake();
  const cycle = { n: 1n };
  cycle.self = cycle;
  t.post({ type: "CALL_DATA", data: cycle });
  await t.settle();
  const view = new TimelineView({ document: fakeDocument(), host: t.sim, startedAt: 0 });
  const row = view.rowFor(t.sim.timeline.at(-1));
  const [summary, , full] = row.children[0].children;
  assert.equal(summary.children.find((span) => span.className === "brief").textContent, '{"n":"1n","self":"[cycle]"}');
  assert.match(full.textContent, /"type": "CALL_DATA",\n {2}"data": \{\n {4}"n": "1n",\n {4}"self": "\[cycle\]"/);
});

test("values String() cannot read (messageId, type, engagementId, numbers, objectTypeId) are named in problems, not thrown", async () => {
  const odd = { toString: 1, valueOf: 2 };
  const t = harness();
  t.load();
  t.post({ type: odd, data: {} }); // before the handshake, of no known type
  t.post({ type: "INITIALIZED", messageId: [odd] }, { targetOrigin: "*", from: t.world.window("evil", "https://evil.example") });
  await t.settle();
  await t.handshake();
  t.post({ messageId: odd }); // no type: dropped
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: odd, createEngagement: true } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", engagementId: odd, callEndStatus: "COMPLETED" } });
  t.post({ type: "NAVIGATE_TO_RECORD", data: { objectCoordinates: { objectId: odd, objectTypeId: odd } } });
  await t.settle();
  assert.deepEqual(t.host.lines("error"), [], "nothing thrown inside the bridge's listener");
  assert.deepEqual(t.rules(), ["message-before-handshake", "unknown-message-type", "missing-message-type", "engagement-id-mismatch", "invalid-payload"]);
  assert.match(t.sim.problems[0].message, /^\{"toString":1,"valueOf":2\} arrived before the handshake/);
  assert.match(t.sim.problems[2].message, /messageId \{"toString":1,"valueOf":2\} has no type/);
  assert.match(t.sim.problems[4].message, /got \{"objectId":\{"toString":1,"valueOf":2\},"objectTypeId":/);
});

test("the Mermaid export of types that are names of Object.prototype (constructor, __proto__, toString)", async () => {
  const t = harness();
  await t.handshake();
  for (const type of ["constructor", "__proto__", "toString", "hasOwnProperty"]) t.post({ type, data: { externalCallId: "c1" } });
  await t.settle();
  const arrows = sequenceDiagram(t.sim).split("\n").map((line) => line.trim()).filter((line) => line.startsWith("Widget->>HubSpot"));
  for (const type of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.ok(arrows.includes(`Widget->>HubSpot: ${type} externalCallId=c1`), arrows.join("\n"));
  }
});

test("\"did you mean\" for a huge unknown type costs nothing: words that differ in length by more than the limit are skipped", () => {
  const types = ["OUTGOING_CALL_STARTED", "INITIALIZED", "CALL_ENDED", "CALL_COMPLETED"];
  const started = performance.now();
  assert.equal(closest("x".repeat(10_000_000), types), undefined);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 500, `${Math.round(elapsed)} ms; 10 million × 20 × 4 steps of edit distance took seconds before`);
  assert.equal(closest("outgoing_call_startd", types), "OUTGOING_CALL_STARTED");
  assert.equal(closest("CALL_END", types), "CALL_ENDED");
});

test("a page listener that changes the layout when a frame loads does not break that load", async () => {
  const t = harness();
  let changed = false;
  t.sim.on((event) => {
    if (event.kind === "message" && event.entry.type === "FRAME_LOADED" && !changed) {
      changed = true;
      t.sim.configure({ usesRemote: true, usesCallingWindow: true }); // closes the frame being loaded
    }
  });
  assert.doesNotThrow(() => t.load());
  assert.deepEqual(t.sim.frames.map((f) => f.location), ["remote", "window"]);
  t.clock.tick(60_000);
  assert.deepEqual(t.sent("SYNC"), [], "the closed frame's handshake never started");
  assert.equal(t.clock.pending.size, 0, "and left no timer");
  assert.equal(WIDGET, t.sim.widgetOrigin());
});

test("a call whose frame a new layout removed is still named: duplicate-call and ghost-call", async () => {
  const t = harness({ config: { usesRemote: true } });
  await t.handshake();
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 617 555 0123", createEngagement: true } }, { location: "remote" });
  await t.settle();
  t.sim.configure({ usesRemote: false }); // the settings form: one call panel now
  const panel = t.world.window("panel", WIDGET, { path: "/widget/", referrer: `${HOST}/host/` });
  panel.parent = t.world.handle(panel, t.host);
  panel.addEventListener("message", (event) => {
    if (event.data.type === "SYNC") panel.parent.postMessage({ ...event.data, type: "SYNC_ACK", iFrameUrl: WIDGET }, event.data.hostUrl);
  });
  t.sim.load(t.world.handle(t.host, panel), "widget");
  await t.settle();
  t.world.handle(panel, t.host).postMessage({ type: "OUTGOING_CALL_STARTED", messageId: "p_1", data: { externalCallId: "c1", toNumber: "+1 617 555 0123" } }, HOST);
  await t.settle();
  const ghosts = t.sim.endSession();
  assert.deepEqual(t.host.lines("error"), [], "nothing thrown inside the bridge's listener");
  assert.match(t.sim.problems.find((p) => p.rule === "duplicate-call").message, /which the remote reported already/);
  assert.deepEqual(ghosts.map((p) => [p.rule, p.location]), [["ghost-call", "remote"]]);
});
