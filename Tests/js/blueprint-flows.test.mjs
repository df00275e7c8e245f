// The blueprint through the host simulator's core (the oracle), on fake windows and fake time: every
// flow of a real softphone, and the calling window with its remote; each must leave no protocol problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { blueprint, fakeBroadcast } from "./support/blueprint-harness.mjs";
import { connectRelay } from "../../site/blueprint/relay.mjs";

const LOGIN = { user: "ada", password: "secret" };

async function loggedIn(options) {
  const t = await blueprint(options);
  await t.act("logIn", LOGIN);
  await t.act("setAvailable", true);
  return t;
}

test("an outbound call dialled from HubSpot: answered, muted, notes, ended, saved", async () => {
  const t = await loggedIn();
  t.sim.dial("+1 617 555 0123");
  await t.settle();
  assert.equal(t.phone.state.dial.callee.objectId, 901, "the callee from calleeInfo");
  await t.act("call");
  await t.tick(2000);
  await t.act("toggle", "muted");
  await t.act("setNotes", "Wants a quote.");
  await t.tick(30000);
  await t.act("hangUp");
  await t.act("save");
  assert.deepEqual(t.sent(), ["INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  const engagementId = t.sim.messages.find((m) => m.type === "CREATE_ENGAGEMENT_SUCCEEDED").data.engagementId;
  assert.equal(t.last("CALL_ENDED").engagementId, engagementId);
  assert.equal(t.last("CALL_COMPLETED").engagementId, engagementId);
  assert.deepEqual(t.last("CALL_COMPLETED").engagementProperties.hs_call_duration, 30000);
  assert.equal(t.phone.state.notices.at(-1).text, "Call saved to HubSpot.", "UPDATE_ENGAGEMENT_SUCCEEDED reached the app");
  assert.deepEqual(t.problems(), []);
  assert.ok(t.log.some((l) => l.direction === "in" && l.type === "CREATE_ENGAGEMENT_SUCCEEDED"), "the drawer's log sees HubSpot's messages");
  assert.ok(t.log.some((l) => l.direction === "out" && l.type === "callCompleted"), "and the app's");
});

test("DIAL_NUMBER with startCall places the call at once", async () => {
  const t = await loggedIn();
  t.sim.dial("+1 617 555 0142", { startCall: true });
  await t.settle();
  assert.equal(t.phone.state.screen, "dialing");
  await t.tick(2000);
  await t.act("hangUp");
  await t.act("save");
  assert.deepEqual(t.sent().slice(3), ["OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.deepEqual(t.problems(), []);
});

test("an inbound call with a caller-ID match: named, its record opened, answered, saved, finalized", async () => {
  const t = await loggedIn();
  await t.act("simulateIncoming", "+1 617 555 0142");
  assert.equal(t.phone.state.call.name, "Grace Hopper");
  assert.equal(t.last("NAVIGATE_TO_RECORD").objectCoordinates.objectId, 902);
  await t.act("answer");
  await t.tick(5000);
  await t.act("hangUp");
  await t.act("finalize");
  await t.act("save");
  assert.deepEqual(t.sent().slice(3), ["INCOMING_CALL", "NAVIGATE_TO_RECORD", "CALL_ANSWERED", "CALL_ENDED", "FINALIZE_ENGAGEMENT", "CALL_COMPLETED"]);
  assert.ok(t.sim.messages.some((m) => m.type === "FINALIZE_ENGAGEMENT_SUCCEEDED"));
  assert.deepEqual(t.problems(), []);
});

test("an inbound call from an unknown number: no match, declined (REJECTED)", async () => {
  const t = await loggedIn();
  await t.act("simulateIncoming", "+1 999 555 0100");
  assert.match(t.phone.state.status, /Unknown caller/);
  await t.act("decline");
  await t.act("save");
  assert.equal(t.last("CALL_ENDED").callEndStatus, "REJECTED");
  assert.deepEqual(t.problems(), []);
});

test("an inbound call nobody answers is MISSED; a failed caller-ID lookup is a notice", async () => {
  const t = await loggedIn({ settings: { missedAfterMs: 10000 } });
  t.sim.failNextCallerIdMatch();
  await t.act("simulateIncoming", "+1 617 555 0142");
  assert.match(t.phone.state.notices.at(-1).text, /Could not look up the caller/);
  await t.tick(10000);
  assert.equal(t.last("CALL_ENDED").callEndStatus, "MISSED");
  await t.act("save");
  assert.deepEqual(t.problems(), []);
});

for (const [outcome, status] of [["busy", "BUSY"], ["no-answer", "NO_ANSWER"]]) {
  test(`a ${outcome} callee ends the call with ${status}`, async () => {
    const t = await loggedIn({ settings: { outcome } });
    await t.act("setNumber", "+1 212 555 0187");
    await t.act("call");
    await t.tick(2000);
    assert.equal(t.phone.state.screen, "ended");
    await t.act("save");
    assert.equal(t.last("CALL_ENDED").callEndStatus, status);
    assert.deepEqual(t.sent().slice(3), ["OUTGOING_CALL_STARTED", "CALL_ENDED", "CALL_COMPLETED"]);
    assert.deepEqual(t.problems(), []);
  });
}

test("cancel while dialing, and a transfer, each end cleanly", async () => {
  const t = await loggedIn();
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.act("cancel");
  await t.act("save");
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  await t.act("transfer", "+1 617 555 0177");
  await t.act("save");
  assert.deepEqual(t.sim.messages.filter((m) => m.type === "CALL_ENDED").map((m) => m.data.callEndStatus), ["CANCELED", "COMPLETED"]);
  assert.ok(t.sent().includes("CALL_TRANSFERRED"));
  assert.deepEqual(t.problems(), []);
});

test("a failed engagement create: the call goes on, the save reports no record, no protocol problem", async () => {
  const t = await loggedIn();
  t.sim.failNextEngagementCreate();
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  assert.equal(t.phone.state.call.engagementFailed, true);
  await t.tick(2000);
  assert.equal(t.phone.state.screen, "call", "the call goes on");
  await t.act("hangUp");
  await t.act("save");
  assert.equal("engagementId" in t.last("CALL_COMPLETED"), false);
  assert.ok(t.phone.state.notices.some((n) => /could not be updated/.test(n.text)));
  assert.deepEqual(t.problems(), []);
  // The next call works as usual.
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  await t.act("hangUp");
  await t.act("save");
  assert.equal(typeof t.last("CALL_COMPLETED").engagementId, "number");
  assert.deepEqual(t.problems(), []);
});

test("CREATE_ENGAGEMENT_SUCCEEDED comes late: Save waits for it, then completes the call with its engagementId", async () => {
  const t = await loggedIn({ settings: { outcome: "busy" } });
  const release = t.hold("onCreateEngagementSucceeded");
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  assert.equal(t.phone.state.screen, "ended");
  await t.act("save");
  assert.equal(t.sent().includes("CALL_COMPLETED"), false, "no CALL_COMPLETED before HubSpot has created the record");
  assert.deepEqual([t.phone.state.screen, t.phone.state.call.engagementPending], ["ended", true]);
  const [{ engagementId }] = await release();
  assert.equal(t.phone.state.call.engagementId, engagementId);
  await t.act("save");
  assert.equal(t.last("CALL_COMPLETED").engagementId, engagementId);
  assert.ok(!t.phone.state.notices.some((n) => /never created/.test(n.text)));
  t.sim.endSession();
  assert.deepEqual(t.problems(), [], "no ghost call");
});

test("a failed engagement update is a notice; the keypad stays usable", async () => {
  const t = await loggedIn();
  t.sim.failNextEngagementUpdate();
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  await t.act("hangUp");
  await t.act("save");
  assert.match(t.phone.state.notices.at(-1).text, /could not save the call/);
  assert.equal(t.phone.state.screen, "keypad");
  assert.deepEqual(t.problems(), []);
});

test("END_CALL from HubSpot mid-call, and while dialing", async () => {
  const t = await loggedIn();
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  t.sim.endCall();
  await t.settle();
  assert.equal(t.phone.state.screen, "ended");
  await t.act("save");
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  t.sim.endCall();
  await t.settle();
  await t.act("save");
  assert.deepEqual(t.sim.messages.filter((m) => m.type === "CALL_ENDED").map((m) => m.data.callEndStatus), ["COMPLETED", "CANCELED"]);
  assert.deepEqual(t.problems(), []);
});

test("minimised mid-call, the call keeps running; unknown and odd HubSpot messages are harmless", async () => {
  const t = await loggedIn();
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  t.sim.setVisibility({ isMinimized: true });
  await t.settle();
  await t.tick(2000);
  assert.equal(t.phone.state.screen, "call");
  for (const type of ["SET_CALL_STATE", "INITIATE_CALL_ID_SUCCEEDED", "PUBLISH_TO_CHANNEL_FAILED", "SET_WIDGET_URL_FAILED", "FAILED"]) t.sim.send(type, {});
  await t.settle();
  assert.equal(t.phone.state.screen, "call");
  assert.equal(t.phone.state.notices.length, 3);
  await t.act("hangUp");
  await t.act("save");
  assert.deepEqual(t.problems(), []);
});

test("the remote and the calling window: the remote relays, only the window reports, both show the call", async () => {
  const t = await blueprint({ config: { usesRemote: true, usesCallingWindow: true } });
  const remote = t.apps.remote.phone;
  const win = t.apps.window.phone;
  assert.deepEqual([remote.state.role, win.state.role], ["relay", "window"]);
  await t.act("logIn", LOGIN, "remote");
  await t.act("setAvailable", true, "remote");
  t.sim.dial("+1 617 555 0123", { to: "remote" }); // HubSpot's click reached the remote: it is passed on
  await t.settle();
  assert.equal(win.state.dial.number, "+1 617 555 0123");
  await t.act("call", [], "remote");
  assert.equal(remote.state.screen, "dialing", "the remote mirrors the window");
  await t.tick(2000);
  await t.act("setNotes", "From the remote.", "remote");
  assert.equal(win.state.call.notes, "From the remote.");
  t.sim.endCall({ to: "remote" });
  await t.settle();
  assert.equal(win.state.screen, "ended");
  await t.act("save", [], "remote");
  assert.deepEqual(t.sent("remote"), ["INITIALIZED"], "the remote reports no call, no log-in");
  assert.deepEqual(t.sent("window"), ["INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.equal(remote.state.screen, "keypad");
  assert.deepEqual(t.problems(), []);
  assert.ok(t.bus.sent.every((m) => m.name === "devkit-blueprint:123456:42"), "one channel per portal and user");
});

test("actions in the window itself show in the remote too", async () => {
  const t = await blueprint({ config: { usesRemote: true, usesCallingWindow: true } });
  await t.act("logIn", LOGIN, "window");
  await t.act("setAvailable", true, "window");
  await t.act("simulateIncoming", "+1 617 555 0142", "window");
  assert.equal(t.apps.remote.phone.state.call.name, "Grace Hopper");
  await t.act("answer", [], "remote");
  await t.act("hangUp", [], "window");
  await t.act("save", [], "remote");
  assert.deepEqual(t.sent("remote"), ["INITIALIZED"]);
  assert.deepEqual(t.problems(), []);
});

test("the remote shows that Save waits for HubSpot's record, and saves once the window has it", async () => {
  const t = await blueprint({ config: { usesRemote: true, usesCallingWindow: true } });
  const remote = t.apps.remote.phone;
  const release = t.hold("onCreateEngagementSucceeded", "window");
  await t.act("logIn", LOGIN, "remote");
  await t.act("setNumber", "+1 212 555 0187", "remote");
  await t.act("call", [], "remote");
  await t.tick(2000);
  await t.act("hangUp", [], "remote");
  await t.act("save", [], "remote");
  assert.deepEqual([remote.state.screen, remote.state.call.engagementPending], ["ended", true], "the remote mirrors the wait");
  assert.equal(t.sent("window").includes("CALL_COMPLETED"), false);
  await release();
  assert.equal(remote.state.call.engagementPending, false);
  await t.act("save", [], "remote");
  assert.equal(typeof t.last("CALL_COMPLETED").engagementId, "number");
  assert.equal(remote.state.screen, "keypad");
  t.sim.endSession();
  assert.deepEqual(t.problems(), []);
});

test("a remote without a calling window reports calls itself", async () => {
  const t = await loggedIn({ config: { usesRemote: true, usesCallingWindow: false } });
  assert.equal(t.main, "remote");
  assert.equal(t.phone.state.role, "reporter");
  await t.act("setNumber", "+1 212 555 0187");
  await t.act("call");
  await t.tick(2000);
  await t.act("hangUp");
  await t.act("save");
  assert.deepEqual(t.sent("remote").slice(3), ["OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.deepEqual(t.bus.sent, [], "no relay without a calling window");
  assert.deepEqual(t.bus.opened, [], "and no channel opened");
  assert.deepEqual(t.problems(), []);
});

test("BroadcastChannels: none for the classic frame; one each for the window and the remote, closed by stop()", async () => {
  const single = await blueprint();
  assert.equal(single.phone.state.role, "reporter");
  assert.deepEqual(single.bus.opened, []);
  const pair = await blueprint({ config: { usesRemote: true, usesCallingWindow: true } });
  assert.deepEqual(pair.bus.opened, ["devkit-blueprint:123456:42", "devkit-blueprint:123456:42"]);
  pair.apps.remote.stop();
  pair.apps.window.stop();
  assert.equal(pair.bus.openNow(), 0);
  // connectRelay handed a phone that reports its own calls closes the channel it was given.
  const bus = fakeBroadcast();
  const stop = connectRelay({ state: { role: "reporter" } }, bus.open("x"));
  assert.equal(bus.openNow(), 0);
  stop();
});
