// The blueprint's state machine (site/blueprint/phone.mjs) alone: every screen change, what each
// user action and HubSpot event sends through the SDK, the guards, and the failures. Fake SDK, fake time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Constants } from "../../site/assets/calling-extensions.mjs";
import { Phone, SCREENS, ACTIONS, DISPOSITIONS, roleOf, nameOf, formatDuration, callingWindowUrl } from "../../site/blueprint/phone.mjs";
import { fakeTimers } from "./support/host-harness.mjs";

const CONNECTED = DISPOSITIONS.find(([, label]) => label === "Connected")[0];
const SESSION = { hostUrl: "https://app.hubspot.test", portalId: 5, userId: 6, ownerId: 7, iframeLocation: "widget", usesCallingWindow: false };

/** A phone on a recording SDK and fake time; `sent()` returns and forgets [method, payload] pairs. */
function phoneWith({ settings, session = SESSION, login = true } = {}) {
  const timers = fakeTimers();
  const clock = { now: () => timers.now, setTimeout: (fn, ms) => timers.setTimeout(fn, ms), clearTimeout: (id) => timers.clearTimeout(id) };
  let log = [];
  const sdk = new Proxy({}, { get: (_, method) => (payload) => log.push(payload === undefined ? [method] : [method, structuredClone(payload)]) });
  let ids = 0;
  const phone = new Phone({ sdk, Constants, clock, settings, newCallId: () => `call-${++ids}`, recordingBase: "https://calls.test/rec/" });
  const screens = [];
  phone.subscribe((s) => screens.at(-1) !== s.screen && screens.push(s.screen));
  const p = {
    phone, timers, screens,
    sent: () => {
      const out = log;
      log = [];
      return out;
    },
    methods: () => p.sent().map(([m]) => m),
    get state() {
      return phone.state;
    },
  };
  if (session) phone.onReady(session);
  if (login) {
    phone.act("logIn", { user: "ada", password: "secret" });
    p.sent();
  }
  return p;
}

test("it starts waiting, then reports initialized() logged out from onReady and shows the log-in screen", () => {
  const p = phoneWith({ session: null, login: false });
  assert.equal(p.state.screen, SCREENS.WAITING);
  p.phone.onReady(SESSION);
  assert.deepEqual(p.sent(), [["initialized", { isLoggedIn: false, isAvailable: false, sizeInfo: { width: 400, height: 650 } }]]);
  assert.equal(p.state.screen, SCREENS.LOGIN);
  p.phone.onReady({ iFrameUrl: "https://calls.test/" }); // SET_WIDGET_URL's second onReady
  p.phone.onReady(SESSION);
  assert.deepEqual(p.sent(), [], "initialized once per page");
});

test("log in needs a user name and a password; log out and availability send their messages", () => {
  const p = phoneWith({ login: false });
  p.sent();
  p.phone.act("logIn", { user: "ada", password: " " });
  assert.equal(p.state.screen, SCREENS.LOGIN);
  assert.match(p.state.loginError, /user name and a password/);
  assert.deepEqual(p.sent(), []);
  p.phone.act("logIn", { user: " ada ", password: "x" });
  assert.deepEqual([p.methods(), p.state.screen, p.state.user.name, p.state.loginError], [["userLoggedIn"], SCREENS.KEYPAD, "ada", ""]);
  p.phone.act("setAvailable", true);
  p.phone.act("setAvailable", true);
  p.phone.act("setAvailable", false);
  assert.deepEqual(p.methods(), ["userAvailable", "userUnavailable"], "only changes are reported");
  p.phone.act("logOut");
  assert.deepEqual([p.methods(), p.state.screen, p.state.user.loggedIn], [["userLoggedOut"], SCREENS.LOGIN, false]);
});

test("the keypad edits the number; unknown actions throw", () => {
  const p = phoneWith();
  p.phone.act("setNumber", "+1 617");
  for (const key of ["5", "5", "x", "#"]) p.phone.act("pressKey", key);
  p.phone.act("backspace");
  assert.equal(p.state.dial.number, "+1 61755");
  p.phone.act("chooseFrom", p.state.numbers[1]);
  p.phone.act("chooseFrom", "+1 000");
  assert.equal(p.state.fromNumber, p.state.numbers[1]);
  assert.ok(p.state.numbers.length >= 2);
  assert.throws(() => p.phone.act("explode"), /Unknown action/);
  assert.deepEqual(p.sent(), []);
  p.phone.act("setNumber", "");
  p.phone.act("call");
  assert.deepEqual([p.sent(), p.state.screen, p.state.notices.at(-1).level], [[], SCREENS.KEYPAD, "error"]);
});

test("an outbound call: dialing, answered after the ring, toggles, tones, notes, end, save", () => {
  const p = phoneWith({ settings: { ringMs: 3000 } });
  p.phone.onDialNumber({ phoneNumber: "+1 617 555 0123", objectId: 0, calleeInfo: { calleeId: 901, calleeObjectTypeId: "0-1" } });
  assert.deepEqual(p.state.dial, { number: "+1 617 555 0123", name: "", callee: { objectId: 901, objectTypeId: "0-1" } });
  p.phone.act("call");
  assert.deepEqual(p.sent(), [["outgoingCall", {
    externalCallId: "call-1", toNumber: "+1 617 555 0123", fromNumber: p.state.numbers[0], callStartTime: p.timers.now, createEngagement: true,
  }]]);
  assert.equal(p.state.screen, SCREENS.DIALING);
  p.phone.onCreateEngagementSucceeded({ engagementId: 72001 });
  p.timers.tick(2999);
  assert.equal(p.state.screen, SCREENS.DIALING);
  p.timers.tick(1);
  assert.deepEqual([p.sent(), p.state.screen], [[["callAnswered", { externalCallId: "call-1" }]], SCREENS.CALL]);
  for (const t of ["muted", "held", "recording", "held", "bogus"]) p.phone.act("toggle", t);
  for (const d of ["1", "2", "x", "#"]) p.phone.act("sendDigit", d);
  p.phone.act("setNotes", "Wants a quote.");
  assert.deepEqual([p.state.call.muted, p.state.call.held, p.state.call.recording, p.state.call.digits], [true, false, true, "12#"]);
  assert.deepEqual(p.sent(), [], "toggles are the app's own state");
  p.timers.tick(65000);
  p.phone.act("hangUp");
  assert.deepEqual(p.sent(), [["callEnded", { externalCallId: "call-1", engagementId: 72001, callEndStatus: Constants.callEndStatus.INTERNAL_COMPLETED }]]);
  assert.equal(p.state.screen, SCREENS.ENDED);
  assert.equal(p.state.call.disposition, CONNECTED);
  p.phone.act("setDisposition", "not-a-disposition");
  p.phone.act("setNotes", "Wants a quote. Call back Monday.");
  p.phone.act("save");
  assert.deepEqual(p.sent(), [["callCompleted", {
    engagementId: 72001, externalCallId: "call-1", hideWidget: false,
    engagementProperties: {
      hs_call_body: "Wants a quote. Call back Monday.\n\nKeys pressed: 12#.", hs_call_duration: 65000, hs_call_status: "COMPLETED",
      hs_call_disposition: CONNECTED, hs_call_recording_url: "https://calls.test/rec/call-1.wav",
    },
  }]]);
  assert.deepEqual([p.state.screen, p.state.call, p.state.dial.number], [SCREENS.KEYPAD, null, ""]);
  assert.deepEqual(p.screens, [SCREENS.LOGIN, SCREENS.KEYPAD, SCREENS.DIALING, SCREENS.CALL, SCREENS.ENDED, SCREENS.KEYPAD]);
  p.phone.onUpdateEngagementSucceeded({ engagementId: 72001 });
  assert.equal(p.state.notices.at(-1).level, "success");
});

test("the simulated line: busy, no answer, and cancel while dialing end the call with their status", () => {
  for (const [outcome, act, status] of [
    ["busy", null, Constants.callEndStatus.INTERNAL_BUSY],
    ["no-answer", null, Constants.callEndStatus.INTERNAL_NO_ANSWER],
    ["answer", "cancel", Constants.callEndStatus.INTERNAL_CANCELED],
  ]) {
    const p = phoneWith({ settings: { outcome, ringMs: 1000 } });
    p.phone.act("setNumber", "+1 212 555 0187");
    p.phone.act("call");
    p.phone.onCreateEngagementSucceeded({ engagementId: 300 });
    if (act) p.phone.act(act);
    else p.timers.tick(1000);
    p.timers.tick(60000);
    assert.deepEqual(p.methods(), ["outgoingCall", "callEnded"], outcome);
    assert.equal(p.state.call.endStatus, status);
    assert.equal(p.state.call.answeredAt, null);
    p.phone.act("save");
    const [[, completed]] = p.sent();
    assert.equal(completed.engagementProperties.hs_call_status, status);
    assert.equal(completed.engagementProperties.hs_call_duration, 0);
  }
});

test("configure changes the ring, the outcome and the missed-call timeout, ignoring nonsense", () => {
  const p = phoneWith();
  p.phone.act("configure", { outcome: "busy", ringMs: "500", missedAfterMs: -1 });
  p.phone.act("configure", { outcome: "explode", ringMs: "soon" });
  assert.deepEqual([p.state.settings.outcome, p.state.settings.ringMs, p.state.settings.missedAfterMs], ["busy", 500, 20000]);
});

test("DIAL_NUMBER: the callee's name when the payload has one, startCall calls at once, phone_number as a fallback", () => {
  const p = phoneWith();
  p.phone.onDialNumber({ phone_number: "+44 20 7946 0958", calleeInfo: { calleeId: 903, calleeObjectTypeId: "0-1", firstName: "Alan", lastName: "Turing" }, startCall: true });
  assert.deepEqual(p.sent()[0][1].toNumber, "+44 20 7946 0958");
  assert.equal(p.state.call.name, "Alan Turing");
  assert.equal(p.state.screen, SCREENS.DIALING);
  p.phone.onDialNumber({ phoneNumber: "+1 617 555 0100", name: "Analytical Engines Ltd" });
  assert.match(p.state.notices.at(-1).text, /Finish this call before calling Analytical Engines Ltd/);
  assert.equal(p.state.call.number, "+44 20 7946 0958", "the call goes on");
  p.phone.onDialNumber({});
  assert.match(p.state.notices.at(-1).text, /no number/);
  assert.equal(nameOf({ email: "ada@example.com" }), "ada@example.com");
  assert.equal(nameOf(null), "");
});

test("DIAL_NUMBER while logged out waits for the log-in, then fills in the number", () => {
  const p = phoneWith({ login: false });
  p.sent();
  p.phone.onDialNumber({ phoneNumber: "+1 617 555 0142", startCall: true });
  assert.equal(p.state.screen, SCREENS.LOGIN);
  assert.match(p.state.notices.at(-1).text, /Log in to call/);
  p.phone.act("logIn", { user: "grace", password: "x" });
  assert.deepEqual(p.methods(), ["userLoggedIn", "outgoingCall"]);
});

test("an incoming call: caller ID names the caller and opens the record; answer, or decline, or missed", () => {
  const p = phoneWith({ settings: { missedAfterMs: 15000 } });
  p.phone.act("simulateIncoming", "+1 617 555 0142");
  assert.deepEqual(p.sent(), [], "only when available");
  p.phone.act("setAvailable", true);
  p.sent();
  p.phone.act("simulateIncoming", "+1 617 555 0142");
  assert.deepEqual(p.sent(), [["incomingCall", {
    externalCallId: "call-1", fromNumber: "+1 617 555 0142", toNumber: p.state.numbers[0], callStartTime: p.timers.now, createEngagement: true,
  }]]);
  assert.equal(p.state.screen, SCREENS.INCOMING);
  p.phone.onCreateEngagementSucceeded({ engagementId: 9 });
  const coordinates = { portalId: 5, objectId: 902, objectTypeId: "0-1" };
  p.phone.onCallerIdMatchSucceeded({ callerIdMatches: [{ callerIdType: "CONTACT", objectCoordinates: coordinates, firstName: "Grace", lastName: "Hopper" }] });
  assert.equal(p.state.call.name, "Grace Hopper");
  assert.deepEqual(p.sent(), [["navigateToRecord", { objectCoordinates: coordinates, engagementId: 9 }]]);
  p.timers.tick(14000);
  p.phone.act("answer");
  p.timers.tick(60000);
  assert.deepEqual([p.methods(), p.state.screen], [["callAnswered"], SCREENS.CALL], "answering stops the missed-call timer");

  const declined = phoneWith();
  declined.phone.act("setAvailable", true);
  declined.phone.act("simulateIncoming", "+1 999 555 0000");
  declined.phone.onCallerIdMatchSucceeded({ callerIdMatches: [] }); // no match: an empty list
  assert.equal(declined.state.call.name, "");
  assert.match(declined.state.status, /Unknown caller/);
  declined.phone.act("decline");
  assert.deepEqual(declined.sent().at(-1), ["callEnded", { externalCallId: "call-1", callEndStatus: "REJECTED" }]);

  const missed = phoneWith({ settings: { missedAfterMs: 15000 } });
  missed.phone.act("setAvailable", true);
  missed.phone.act("simulateIncoming", "+1 999 555 0000");
  missed.phone.onCreateEngagementSucceeded({ engagementId: 302 });
  missed.timers.tick(15000);
  assert.deepEqual(missed.sent().at(-1), ["callEnded", { externalCallId: "call-1", engagementId: 302, callEndStatus: "MISSED" }]);
  missed.phone.act("save");
  assert.equal(missed.sent()[0][1].engagementProperties.hs_call_status, "NO_ANSWER");
});

test("a company match is named by its name, and its record opened with the company type", () => {
  const p = phoneWith();
  p.phone.act("setAvailable", true);
  p.phone.act("simulateIncoming", "+1 617 555 0100");
  p.sent();
  p.phone.onCallerIdMatchSucceeded({ callerIdMatches: [{ callerIdType: Constants.callerIdTypes.COMPANY, objectCoordinates: { portalId: 5, objectId: 951 }, name: "Analytical Engines Ltd" }] });
  assert.equal(p.state.call.name, "Analytical Engines Ltd");
  assert.deepEqual(p.sent(), [["navigateToRecord", { objectCoordinates: { portalId: 5, objectId: 951, objectTypeId: "0-2" } }]]);
});

test("END_CALL from HubSpot: cancels a dialing call, completes a call in progress, rejects a ringing one, nothing when idle", () => {
  const cases = [
    [(p) => { p.phone.act("setNumber", "+1 212 555 0187"); p.phone.act("call"); }, "CANCELED"],
    [(p) => { p.phone.act("setNumber", "+1 212 555 0187"); p.phone.act("call"); p.timers.tick(5000); }, "COMPLETED"],
    [(p) => { p.phone.act("setAvailable", true); p.phone.act("simulateIncoming", "+1 212 555 0187"); }, "REJECTED"],
  ];
  for (const [start, status] of cases) {
    const p = phoneWith();
    start(p);
    p.sent();
    p.phone.onEndCall();
    assert.deepEqual(p.sent(), [["callEnded", { externalCallId: "call-1", callEndStatus: status }]], status);
    assert.equal(p.state.screen, SCREENS.ENDED);
    p.phone.onEndCall();
    assert.deepEqual(p.sent(), [], "a second END_CALL changes nothing");
  }
  const idle = phoneWith();
  idle.phone.onEndCall();
  assert.deepEqual([idle.sent(), idle.state.screen], [[], SCREENS.KEYPAD]);
});

test("transfer reports CALL_TRANSFERRED, then ends this leg of the call", () => {
  const p = phoneWith({ settings: { ringMs: 0 } });
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onCreateEngagementSucceeded({ engagementId: 301 });
  p.timers.tick(0);
  p.sent();
  p.phone.act("transfer", " ");
  assert.equal(p.state.screen, SCREENS.CALL);
  p.phone.act("transfer", "+1 617 555 0199");
  assert.deepEqual(p.sent(), [["callTransferred", { externalCallId: "call-1" }], ["callEnded", { externalCallId: "call-1", engagementId: 301, callEndStatus: "COMPLETED" }]]);
  p.phone.act("save");
  assert.match(p.sent()[0][1].engagementProperties.hs_call_body, /Transferred to \+1 617 555 0199/);
});

test("a failed engagement create: the call goes on, saving says the record could not be updated", () => {
  const p = phoneWith({ settings: { ringMs: 0 } });
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onCreateEngagementFailed({ error: { message: "boom" } });
  assert.deepEqual(p.state.notices.at(-1), { id: p.state.notices.at(-1).id, level: "error", text: "HubSpot could not create the call record. The call goes on, but it cannot be saved to HubSpot. (boom)" });
  p.timers.tick(0);
  assert.equal(p.state.screen, SCREENS.CALL);
  p.phone.act("hangUp");
  p.phone.act("finalize");
  p.phone.act("save");
  const sent = p.sent();
  assert.deepEqual(sent.map(([m]) => m), ["outgoingCall", "callAnswered", "callEnded", "callCompleted"], "no finalize without an engagement");
  assert.equal("engagementId" in sent[2][1], false);
  assert.equal("engagementId" in sent[3][1], false);
  assert.match(p.state.notices.at(-1).text, /could not be updated/);
  assert.equal(p.state.screen, SCREENS.KEYPAD);
});

test("Save waits while HubSpot has not answered the create, then completes the call with the late engagementId", () => {
  const p = phoneWith({ settings: { outcome: "busy", ringMs: 1000 } });
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  assert.equal(p.state.call.engagementPending, true, "reported with createEngagement: true, no answer yet");
  p.timers.tick(1000);
  assert.deepEqual([p.methods(), p.state.screen], [["outgoingCall", "callEnded"], SCREENS.ENDED]);
  p.phone.act("save");
  p.phone.act("save");
  assert.deepEqual(p.sent(), [], "no callCompleted without the engagementId: that would leave HubSpot's record unfinished");
  assert.deepEqual([p.state.screen, p.state.call.externalCallId], [SCREENS.ENDED, "call-1"], "the call stays on screen");
  p.phone.onCreateEngagementSucceeded({ engagementId: 4242 });
  assert.deepEqual([p.state.call.engagementPending, p.state.call.engagementId], [false, 4242]);
  p.phone.act("save");
  const sent = p.sent();
  assert.deepEqual(sent.map(([m]) => m), ["callCompleted"]);
  assert.deepEqual([sent[0][1].engagementId, sent[0][1].externalCallId], [4242, "call-1"]);
  assert.equal(p.state.screen, SCREENS.KEYPAD);
  assert.ok(!p.state.notices.some((n) => /never created|could not be updated/.test(n.text)), "no false 'never created' notice");
});

test("CREATE_ENGAGEMENT_SUCCEEDED goes to the call it names; one for another call, or with no call waiting, is ignored", () => {
  const p = phoneWith({ settings: { ringMs: 0 } });
  p.phone.onCreateEngagementSucceeded({ engagementId: 1 }); // no call at all
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onCreateEngagementSucceeded({ engagementId: 2, externalCallId: "someone-elses-call" });
  p.phone.onCreateEngagementFailed({ externalCallId: "someone-elses-call", error: { message: "not yours" } });
  assert.deepEqual([p.state.call.engagementId, p.state.call.engagementPending, p.state.call.engagementFailed], [null, true, false]);
  p.phone.onCreateEngagementSucceeded({ engagementId: 3, externalCallId: "call-1" });
  assert.deepEqual([p.state.call.engagementId, p.state.call.engagementPending], [3, false]);
  p.phone.onCreateEngagementFailed({}); // an answer for a call that has its record marks nothing
  assert.equal(p.state.call.engagementFailed, false);
  p.timers.tick(0);
  p.phone.act("hangUp");
  p.phone.act("save");
  // The next call: a late success for the first one (by its externalCallId) is not this call's.
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onCreateEngagementSucceeded({ engagementId: 3, externalCallId: "call-1" });
  assert.deepEqual([p.state.call.externalCallId, p.state.call.engagementId, p.state.call.engagementPending], ["call-2", null, true]);
  p.phone.onCreateEngagementSucceeded({ engagementId: 5 }); // HubSpot may send only the engagementId: the waiting call's
  assert.equal(p.state.call.engagementId, 5);
  p.timers.tick(0);
  p.phone.act("hangUp");
  p.phone.act("save");
  assert.deepEqual(p.sent().filter(([m]) => m === "callCompleted").map(([, d]) => [d.externalCallId, d.engagementId]), [["call-1", 3], ["call-2", 5]]);
});

test("finalize sends finalizeEngagement once; every failure is a notice and the app stays usable", () => {
  const p = phoneWith({ settings: { ringMs: 0 } });
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onCreateEngagementSucceeded({ engagementId: 5150 });
  p.phone.onCreateEngagementSucceeded({ engagementId: 9999 }); // a repeat does not replace it
  p.timers.tick(0);
  p.phone.act("hangUp");
  p.sent();
  p.phone.act("finalize");
  p.phone.act("finalize");
  assert.deepEqual(p.sent(), [["finalizeEngagement", { externalCallId: "call-1", engagementId: 5150 }]]);
  p.phone.onFinalizeEngagementFailed({ error: { message: "nope" } });
  p.phone.onUpdateEngagementFailed({});
  p.phone.onCallerIdMatchFailed(undefined);
  p.phone.failed("HubSpot could not open the caller's record.", { error: { message: 42 } });
  assert.equal(p.state.notices.length, 3, "the newest three");
  assert.ok(p.state.notices.every((n) => n.level === "error"));
  p.phone.act("dismiss", p.state.notices[0].id);
  assert.equal(p.state.notices.length, 2);
  p.phone.act("save");
  assert.deepEqual([p.methods(), p.state.screen], [["callCompleted"], SCREENS.KEYPAD]);
});

test("VISIBILITY_CHANGED only changes what the app knows: a minimised call keeps running", () => {
  const p = phoneWith({ settings: { ringMs: 1000 } });
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.onVisibilityChanged({ isMinimized: true, isHidden: false });
  assert.deepEqual([p.state.visibility, p.state.status], [{ isMinimized: true, isHidden: false }, "Minimized: the call goes on"]);
  p.timers.tick(1000);
  assert.deepEqual([p.methods(), p.state.screen], [["outgoingCall", "callAnswered"], SCREENS.CALL]);
  p.phone.onVisibilityChanged({ isMinimized: false, isHidden: false });
  assert.equal(p.state.status, "Shown");
});

test("guards: actions that make no sense on the current screen send nothing", () => {
  const p = phoneWith();
  for (const name of ["cancel", "answer", "decline", "hangUp", "save", "finalize"]) p.phone.act(name);
  p.phone.act("toggle", "muted");
  p.phone.act("transfer", "+1 555");
  p.phone.act("setDisposition", CONNECTED);
  assert.deepEqual([p.sent(), p.state.screen], [[], SCREENS.KEYPAD]);
  p.phone.act("setNumber", "+1 212 555 0187");
  p.phone.act("call");
  p.phone.act("logOut");
  p.phone.act("setAvailable", true);
  p.phone.act("simulateIncoming", "+1 617 555 0142");
  assert.deepEqual(p.methods(), ["outgoingCall"], "no log-out, availability change or second call mid-call");
  assert.ok(ACTIONS.every((name) => typeof p.phone[name] === "function"), "every action is a method");
});

test("roles: only one instance reports calls; the remote without a calling window links to HubSpot's", () => {
  assert.equal(roleOf({ iframeLocation: "widget" }), "reporter");
  assert.equal(roleOf({}), "reporter");
  assert.equal(roleOf({ iframeLocation: "window", usesCallingWindow: true }), "window");
  assert.equal(roleOf({ iframeLocation: "remote", usesCallingWindow: true }), "relay");
  assert.equal(roleOf({ iframeLocation: "remote", usesCallingWindow: false }), "reporter");
  assert.equal(callingWindowUrl({ hostUrl: "https://app.hubspot.test", portalId: 5 }), "https://app.hubspot.test/calling-integration-popup-ui/5?usesCallingWindow=false");
  assert.equal(callingWindowUrl({}), "");
  assert.equal(formatDuration(65000), "1:05");
  assert.equal(formatDuration(3725000), "1:02:05");
});

test("a relaying remote sends nothing but initialized(), passes actions and DIAL_NUMBER on, and mirrors", () => {
  const p = phoneWith({ session: { ...SESSION, iframeLocation: "remote", usesCallingWindow: true }, login: false });
  const relayed = [];
  p.phone.relay = (m) => relayed.push(m);
  assert.deepEqual(p.methods(), ["initialized"]);
  assert.equal(p.state.screen, SCREENS.WAITING);
  p.phone.act("logIn", { user: "ada", password: "x" });
  p.phone.receive("onDialNumber", { phoneNumber: "+1 617 555 0123" });
  p.phone.receive("onVisibilityChanged", { isMinimized: true });
  assert.deepEqual(relayed, [
    { kind: "action", name: "logIn", args: [{ user: "ada", password: "x" }] },
    { kind: "event", name: "onDialNumber", data: { phoneNumber: "+1 617 555 0123" } },
  ]);
  p.phone.failed("HubSpot could not open the caller's record.");
  const windowState = { ...phoneWith().state, screen: SCREENS.KEYPAD, notices: [{ id: "n1", level: "success", text: "Call saved to HubSpot." }] };
  p.phone.mirror(structuredClone(windowState));
  assert.deepEqual([p.state.screen, p.state.role, p.state.session.iframeLocation, p.state.mirrored], [SCREENS.KEYPAD, "relay", "remote", true]);
  assert.deepEqual(p.state.notices.map((n) => n.id), ["n1", "r1"], "the window's notices and its own");
  p.phone.act("dismiss", "r1");
  p.phone.act("dismiss", "n1");
  assert.deepEqual(p.state.notices.map((n) => n.id), ["n1"], "a window notice is dismissed by the window");
  assert.deepEqual(relayed.at(-1), { kind: "action", name: "dismiss", args: ["n1"] });
  assert.deepEqual(p.sent(), []);
});
