// The simulator's call state machine (site/host/calls.mjs) in the single-frame layout: HubSpot's
// answers to call events and the call checks firing on bad sequences and quiet on correct ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./support/host-harness.mjs";
import { DEFAULTS } from "../../site/host/session.mjs";
import { lookupNumber } from "../../site/host/directory.mjs";

function callHarness(options) {
  const t = harness(options);
  return t.handshake().then(() => {
    t.post({ type: "INITIALIZED", data: {} });
    return t;
  });
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
  assert.deepEqual(t.sim.calls.list.map((c) => [c.externalCallId, c.state, c.engagementId]), [["c1", "completed", 72001], ["c2", "ringing", 72002], ["c3", "ringing", undefined]]);
  for (const m of t.sent("CREATE_ENGAGEMENT_SUCCEEDED")) {
    assert.ok(m.messageId.startsWith(`${t.sim.channel.instanceId}_`), "HubSpot's events are new messages with HubSpot's ids");
  }
  assert.deepEqual(t.rules(), []);
  const hidden = t.events.filter((e) => e.kind === "effect" && e.effect === "visibility");
  assert.deepEqual(hidden.map((e) => [e.isHidden, e.reason]), [[true, "CALL_COMPLETED"]], "hideWidget defaults to true");
});

test("inbound call: CALLER_ID_MATCH_SUCCEEDED with the contact or company, and with [] for no match", async () => {
  const t = await callHarness();
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i1", fromNumber: "(617) 555-0142", toNumber: "+1 617 555 0199", createEngagement: true } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i2", fromNumber: "+1 617 555 0100", toNumber: "+1 617 555 0199" } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i3", fromNumber: "+33 1 00 00 00 00", toNumber: "+1 617 555 0199" } });
  await t.settle();
  const [grace, company] = t.sent("CALLER_ID_MATCH_SUCCEEDED").map((m) => m.data.callerIdMatches);
  assert.deepEqual(grace, [{ callerIdType: "CONTACT", objectCoordinates: { portalId: 123456, objectId: 902, objectTypeId: "0-1" }, firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }]);
  assert.deepEqual(company, [{ callerIdType: "COMPANY", objectCoordinates: { portalId: 123456, objectId: 951, objectTypeId: "0-2" }, name: "Analytical Engines Ltd" }]);
  assert.deepEqual(t.sent("CALLER_ID_MATCH_SUCCEEDED")[2].data, { callerIdMatches: [] }, "no match is a successful lookup");
  assert.equal(t.sent("CALLER_ID_MATCH_FAILED").length, 0);
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
  const t = harness({ config: { engagementId: 5150 } });
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

test("failNextCallerIdMatch: the next lookup fails (CALLER_ID_MATCH_FAILED), once", async () => {
  const t = await callHarness();
  assert.equal(t.sim.failNextCallerIdMatch(true), true);
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i1", fromNumber: "+1 617 555 0142", toNumber: "+1 617 555 0199" } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i2", fromNumber: "+1 617 555 0142", toNumber: "+1 617 555 0199" } });
  await t.settle();
  assert.deepEqual(t.flow().filter((f) => f.startsWith("toWidget")), ["toWidget CALLER_ID_MATCH_FAILED", "toWidget CALLER_ID_MATCH_SUCCEEDED"]);
  assert.match(t.sent("CALLER_ID_MATCH_FAILED")[0].data.error.message, /fail next caller ID match/);
  assert.equal(t.sim.switches.failNextCallerIdMatch, false);
  assert.deepEqual(t.rules(), []);
});
