// The blueprint softphone's brain: which screen shows, what each user action and each HubSpot event
// does, and which SDK method the app calls. No DOM, no SDK import, no timers of its own: main.mjs hands
// it the SDK object (`sdk`), the SDK's `Constants` and a clock; tests hand it fakes.
//
//   const phone = new Phone({ sdk: cti, Constants, clock: { now, setTimeout, clearTimeout } });
//   phone.subscribe((state) => render(state));
//   phone.act("call");                 // a user action (relayed to the calling window when in the remote)
//   phone.onDialNumber(data);          // a HubSpot event (see hubspot-events.mjs)

/** The screens, one per state of a real softphone. */
export const SCREENS = Object.freeze({
  WAITING: "waiting", // not yet synced with HubSpot, or the remote waits for the calling window
  LOGIN: "login",
  KEYPAD: "keypad",
  DIALING: "dialing",
  INCOMING: "incoming",
  CALL: "call",
  ENDED: "ended",
});

/** The user's own numbers, offered in the keypad's "From" picker. */
export const OWN_NUMBERS = Object.freeze(["+1 617 555 0199", "+1 617 555 0177", "+44 20 7946 0011"]);

/** HubSpot's default call outcomes (hs_call_disposition takes the GUID; a portal can add its own). */
export const DISPOSITIONS = Object.freeze([
  ["f240bbac-87c9-4f6e-bf70-924b57d47db7", "Connected"],
  ["a4c4c377-d246-4b32-a13b-75a56a4cd0ff", "Left live message"],
  ["b2cf5968-551e-4856-9783-52b3da59a7d0", "Left voicemail"],
  ["73a0d17f-1163-4015-bdd5-ec830791da20", "No answer"],
  ["9d9162e7-6cf3-4944-bf63-4dff82258764", "Busy"],
  ["17b47fee-58de-441e-a44c-c6300d46f273", "Wrong number"],
]);

/** What the simulated line does when you call out; the keypad's "Simulation" panel changes these. */
export const DEFAULT_SETTINGS = Object.freeze({
  ringMs: 2000, // the callee's phone rings this long
  outcome: "answer", // answer | busy | no-answer
  missedAfterMs: 20000, // an incoming call nobody answers becomes MISSED
  width: 400,
  height: 650,
});

/** The user actions (phone.act(name, ...args)); the calling window accepts only these from a remote. */
export const ACTIONS = Object.freeze([
  "logIn", "logOut", "setAvailable", "setNumber", "pressKey", "backspace", "chooseFrom", "call", "cancel",
  "toggle", "sendDigit", "setNotes", "transfer", "hangUp", "simulateIncoming", "answer", "decline",
  "setDisposition", "save", "finalize", "configure", "dismiss",
]);

/** HubSpot events a remote passes on to its calling window, which owns the call. */
export const RELAYED_EVENTS = Object.freeze(["onDialNumber", "onEndCall"]);

// The object types of objectCoordinates (the SDK has no constant for these ids).
const OBJECT_TYPE_IDS = { CONTACT: "0-1", COMPANY: "0-2" };

const clean = (number) => String(number ?? "").replace(/[^\d+*#]/g, "");
const text = (v) => (typeof v === "string" ? v.trim() : "");

/** The person's name in HubSpot's payloads, whatever shape it comes in; "" when there is none. */
export function nameOf(record) {
  if (!record || typeof record !== "object") return "";
  const full = [text(record.firstName), text(record.lastName)].filter(Boolean).join(" ");
  return full || text(record.name) || text(record.calleeName) || text(record.fullName) || text(record.email);
}

/** "1:05" for 65,000 ms. */
export function formatDuration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${mm.padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}

/** HubSpot's own calling window page, for a remote that has none of its own (usesCallingWindow false). */
export function callingWindowUrl({ hostUrl, portalId } = {}) {
  return hostUrl && portalId != null ? `${hostUrl}/calling-integration-popup-ui/${portalId}?usesCallingWindow=false` : "";
}

/** Which instance reports calls to HubSpot (see content/call-flow.md#remote-and-calling-window). */
export function roleOf({ iframeLocation, usesCallingWindow } = {}) {
  if (iframeLocation === "window") return "window"; // reports calls; remotes relay to it
  if (iframeLocation === "remote" && usesCallingWindow === true) return "relay"; // relays, reports no call
  return "reporter"; // the classic widget frame, or a remote without a calling window
}

export class Phone {
  constructor({ sdk, Constants, clock = globalThis, settings = {}, newCallId, recordingBase = "", relay } = {}) {
    if (!Constants || !Constants.callEndStatus) throw new Error("Phone needs the SDK's Constants.");
    this.sdk = sdk;
    this.end = Constants.callEndStatus;
    this.callerIdTypes = Constants.callerIdTypes;
    this.clock = clock;
    this.newCallId = newCallId || (() => "blueprint-" + clock.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8));
    this.recordingBase = recordingBase;
    this.relay = relay; // (message) => void: set by main.mjs in the remote; actions go there instead
    this.listeners = new Set();
    this.timer = undefined;
    this.noticeId = 0;
    this.localNotices = []; // a remote's own notices, shown beside the calling window's
    this.windowNotices = [];
    this.state = {
      screen: SCREENS.WAITING,
      status: "Connecting to HubSpot",
      role: "reporter",
      session: null, // onReady's data
      user: { loggedIn: false, name: "", available: false },
      loginError: "",
      fromNumber: OWN_NUMBERS[0],
      numbers: [...OWN_NUMBERS],
      dial: { number: "", name: "", callee: null },
      call: null, // the call on screen, from dialing to saved
      settings: { ...DEFAULT_SETTINGS, ...settings },
      visibility: { isMinimized: false, isHidden: false },
      notices: [], // non-blocking messages: { id, level: "info" | "success" | "error", text }
      mirrored: false, // the remote has heard from the calling window
    };
  }

  // ---- Plumbing ---------------------------------------------------------------------------------

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed() {
    for (const fn of [...this.listeners]) fn(this.state);
  }

  set(changes) {
    Object.assign(this.state, changes);
    this.changed();
  }

  send(method, payload) {
    if (this.state.role === "relay") return; // the calling window reports; see act()
    if (this.sdk) this.sdk[method](payload);
  }

  notice(level, message) {
    const relaying = this.state.role === "relay";
    const notice = { id: (relaying ? "r" : "n") + ++this.noticeId, level, text: message };
    if (!relaying) return this.set({ notices: [...this.state.notices, notice].slice(-3) });
    this.localNotices = [...this.localNotices, notice].slice(-2);
    this.set({ notices: [...this.windowNotices, ...this.localNotices] });
  }

  /** Runs a user action here, or, in a remote that has a calling window, sends it there. */
  act(name, ...args) {
    if (!ACTIONS.includes(name)) throw new Error(`Unknown action ${name}`);
    const local = name === "dismiss" && this.localNotices.some((n) => n.id === args[0]);
    if (this.state.role === "relay" && !local) return this.relay && this.relay({ kind: "action", name, args });
    return this[name](...args);
  }

  /** A HubSpot event: handled here, or, in a remote that has a calling window, passed on to it. */
  receive(handler, data) {
    const payload = data !== null && typeof data === "object" ? data : {}; // HubSpot's payloads, read defensively
    if (this.state.role === "relay" && RELAYED_EVENTS.includes(handler)) return this.relay && this.relay({ kind: "event", name: handler, data: payload });
    return this[handler](payload);
  }

  /** The remote shows the calling window's state (its own session and role stay). */
  mirror(state) {
    if (this.state.role !== "relay") return;
    const { session, role } = this.state;
    this.windowNotices = state.notices || [];
    this.state = { ...state, session, role, notices: [...this.windowNotices, ...this.localNotices], mirrored: true };
    this.changed();
  }

  startTimer(ms, fn) {
    this.stopTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      fn();
    }, ms);
  }

  stopTimer() {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  idle() {
    return this.state.screen === SCREENS.KEYPAD;
  }

  // ---- Log in, availability, the keypad ----------------------------------------------------------

  logIn({ user, password } = {}) {
    if (this.state.screen !== SCREENS.LOGIN) return;
    if (!text(user) || !text(password)) return this.set({ loginError: "Enter a user name and a password." });
    this.send("userLoggedIn");
    this.set({ user: { loggedIn: true, name: text(user), available: false }, loginError: "", screen: SCREENS.KEYPAD, status: `Logged in as ${text(user)}` });
    if (this.pendingDial) this.dialed(this.pendingDial);
  }

  logOut() {
    if (!this.idle()) return;
    this.send("userLoggedOut");
    this.set({ user: { loggedIn: false, name: "", available: false }, screen: SCREENS.LOGIN, status: "Logged out" });
  }

  setAvailable(available) {
    if (!this.idle() || this.state.user.available === Boolean(available)) return;
    this.send(available ? "userAvailable" : "userUnavailable");
    this.set({ user: { ...this.state.user, available: Boolean(available) }, status: available ? "Available for calls" : "Unavailable" });
  }

  setNumber(number) {
    this.set({ dial: { number: String(number ?? ""), name: "", callee: null } });
  }

  pressKey(key) {
    if (!/^[\d*#+]$/.test(String(key))) return;
    const { dial } = this.state;
    this.set({ dial: { ...dial, number: dial.number + key, name: "", callee: null } });
  }

  backspace() {
    const { dial } = this.state;
    this.set({ dial: { ...dial, number: dial.number.slice(0, -1), name: "", callee: null } });
  }

  chooseFrom(number) {
    if (this.state.numbers.includes(number)) this.set({ fromNumber: number });
  }

  configure(changes = {}) {
    const settings = { ...this.state.settings };
    if (["answer", "busy", "no-answer"].includes(changes.outcome)) settings.outcome = changes.outcome;
    for (const key of ["ringMs", "missedAfterMs"]) {
      const ms = Number(changes[key]);
      if (Number.isFinite(ms) && ms >= 0) settings[key] = ms;
    }
    this.set({ settings });
  }

  dismiss(id) {
    this.localNotices = this.localNotices.filter((n) => n.id !== id);
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  // ---- An outbound call ---------------------------------------------------------------------------

  call() {
    const { dial, fromNumber, user, settings } = this.state;
    if (!this.idle() || !user.loggedIn) return;
    if (!clean(dial.number)) return this.notice("error", "Enter a number to call.");
    const call = this.newCall("outbound", { number: dial.number, name: dial.name, callee: dial.callee, fromNumber, createEngagement: true });
    this.send("outgoingCall", {
      externalCallId: call.externalCallId, toNumber: call.number, fromNumber, callStartTime: call.startedAt, createEngagement: true,
    });
    this.set({ call, notices: [], screen: SCREENS.DIALING, status: `Calling ${call.name || call.number}` });
    // The simulated line: after a ring, the callee answers, is busy or does not answer.
    this.startTimer(settings.ringMs, () => {
      if (settings.outcome === "busy") return this.ended(this.end.INTERNAL_BUSY);
      if (settings.outcome === "no-answer") return this.ended(this.end.INTERNAL_NO_ANSWER);
      this.connect();
    });
  }

  /**
   * A new call. createEngagement: it is reported with createEngagement: true, so HubSpot answers with
   * CREATE_ENGAGEMENT_SUCCEEDED or _FAILED; until then `engagementPending` is true and Save waits.
   */
  newCall(direction, { number, name = "", callee = null, fromNumber, createEngagement = false }) {
    return {
      externalCallId: this.newCallId(), direction, number, name, callee, fromNumber,
      startedAt: this.clock.now(), answeredAt: null, endedAt: null,
      muted: false, held: false, recording: false, digits: "", transferredTo: "", notes: "",
      engagementId: null, engagementPending: createEngagement, engagementFailed: false,
      endStatus: null, disposition: "", saved: false, finalized: false,
    };
  }

  cancel() {
    if (this.state.screen === SCREENS.DIALING) this.ended(this.end.INTERNAL_CANCELED);
  }

  connect() {
    const { call } = this.state;
    this.send("callAnswered", { externalCallId: call.externalCallId });
    this.set({ call: { ...call, answeredAt: this.clock.now() }, screen: SCREENS.CALL, status: `Connected to ${call.name || call.number}` });
  }

  // ---- In a call ----------------------------------------------------------------------------------

  toggle(what) {
    const { call, screen } = this.state;
    if (screen !== SCREENS.CALL || !["muted", "held", "recording"].includes(what)) return;
    const on = !call[what];
    const words = { muted: ["Muted", "Unmuted"], held: ["On hold", "Off hold"], recording: ["Recording", "Recording stopped"] }[what];
    this.set({ call: { ...call, [what]: on }, status: words[on ? 0 : 1] });
  }

  sendDigit(digit) {
    const { call, screen } = this.state;
    if (screen === SCREENS.CALL && /^[\d*#]$/.test(String(digit))) this.set({ call: { ...call, digits: call.digits + digit } });
  }

  setNotes(notes) {
    if (this.state.call) this.set({ call: { ...this.state.call, notes: String(notes) } });
  }

  transfer(to) {
    const { call, screen } = this.state;
    if (screen !== SCREENS.CALL) return;
    if (!clean(to)) return this.notice("error", "Enter the number to transfer to.");
    this.send("callTransferred", { externalCallId: call.externalCallId });
    this.state.call = { ...call, transferredTo: String(to).trim() };
    this.ended(this.end.INTERNAL_COMPLETED);
  }

  hangUp() {
    if (this.state.screen === SCREENS.CALL) this.ended(this.end.INTERNAL_COMPLETED);
  }

  // ---- An incoming call ---------------------------------------------------------------------------

  simulateIncoming(fromNumber) {
    const { user, fromNumber: own, settings } = this.state;
    if (!this.idle() || !user.loggedIn || !user.available) return;
    if (!clean(fromNumber)) return this.notice("error", "Enter the caller's number.");
    const call = this.newCall("inbound", { number: String(fromNumber).trim(), fromNumber: own, createEngagement: true });
    this.send("incomingCall", {
      externalCallId: call.externalCallId, fromNumber: call.number, toNumber: own, callStartTime: call.startedAt, createEngagement: true,
    });
    this.set({ call, notices: [], screen: SCREENS.INCOMING, status: `Incoming call from ${call.number}` });
    this.startTimer(settings.missedAfterMs, () => this.ended("MISSED")); // no SDK constant for MISSED
  }

  answer() {
    if (this.state.screen !== SCREENS.INCOMING) return;
    this.stopTimer();
    this.connect();
  }

  decline() {
    if (this.state.screen === SCREENS.INCOMING) this.ended("REJECTED"); // no SDK constant for REJECTED
  }

  // ---- The end of a call, and saving it -------------------------------------------------------------

  ended(callEndStatus) {
    this.stopTimer();
    const call = { ...this.state.call, endStatus: callEndStatus, endedAt: this.clock.now() };
    call.disposition = defaultDisposition(call, this.end);
    this.send("callEnded", compact({ externalCallId: call.externalCallId, engagementId: call.engagementId ?? undefined, callEndStatus }));
    this.set({ call, screen: SCREENS.ENDED, status: `Call ended: ${endWords(callEndStatus)}` });
  }

  setDisposition(id) {
    if (this.state.screen === SCREENS.ENDED && DISPOSITIONS.some(([d]) => d === id)) this.set({ call: { ...this.state.call, disposition: id } });
  }

  /** What callCompleted reports about the call (engagementProperties). */
  engagementProperties(call) {
    const talked = call.answeredAt ? call.endedAt - call.answeredAt : 0;
    const summary = [
      call.digits && `Keys pressed: ${call.digits}.`,
      call.transferredTo && `Transferred to ${call.transferredTo}.`,
      call.held && "Ended on hold.",
    ].filter(Boolean).join(" ");
    return compact({
      hs_call_body: [call.notes.trim(), summary].filter(Boolean).join("\n\n"),
      hs_call_duration: talked,
      hs_call_status: HS_CALL_STATUS[call.endStatus] || call.endStatus,
      hs_call_disposition: call.disposition || undefined,
      hs_call_recording_url: call.recording && this.recordingBase ? `${this.recordingBase}${encodeURIComponent(call.externalCallId)}.wav` : undefined,
    });
  }

  /**
   * Reports the call with callCompleted and goes back to the keypad. While HubSpot has not yet said
   * whether it created the call record (engagementPending), Save waits: a callCompleted without the
   * engagementId would leave that record unfinished in HubSpot (a "ghost" call), so the ended screen
   * shows that it is waiting and this does nothing. After CREATE_ENGAGEMENT_FAILED it saves anyway.
   */
  save() {
    const { call, screen } = this.state;
    if (screen !== SCREENS.ENDED || call.engagementPending) return;
    this.send("callCompleted", compact({
      engagementId: call.engagementId ?? undefined, externalCallId: call.externalCallId, hideWidget: false,
      engagementProperties: this.engagementProperties(call),
    }));
    this.set({ call: null, dial: { number: "", name: "", callee: null }, screen: SCREENS.KEYPAD, status: "Call saved" });
    if (call.engagementFailed || call.engagementId == null) {
      this.notice("error", "Saved here, but HubSpot's call record could not be updated: HubSpot never created it.");
    }
  }

  finalize() {
    const { call, screen } = this.state;
    if (screen !== SCREENS.ENDED || call.engagementId == null || call.finalized) return;
    this.send("finalizeEngagement", { externalCallId: call.externalCallId, engagementId: call.engagementId });
    this.set({ call: { ...call, finalized: true } });
  }

  // ---- HubSpot's events (hubspot-events.mjs maps the SDK's handlers here) --------------------------

  onReady(data = {}) {
    if (this.state.session || !data || (data.hostUrl === undefined && data.iFrameUrl !== undefined)) return; // a SET_WIDGET_URL's onReady
    const session = { ...data };
    const role = roleOf(session);
    const { width, height } = this.state.settings;
    const waiting = role === "relay";
    this.set({ session, role, screen: waiting ? SCREENS.WAITING : SCREENS.LOGIN, status: waiting ? "Waiting for the calling window" : "Ready: log in to take calls" });
    // Every instance answers its own handshake; only the one that reports calls says it is logged in.
    if (this.sdk) this.sdk.initialized({ isLoggedIn: false, isAvailable: false, sizeInfo: { width, height } });
  }

  onDialNumber(data = {}) {
    const number = String(data.phoneNumber ?? data.phone_number ?? "").trim();
    if (!number) return this.notice("error", "HubSpot asked to dial, but sent no number.");
    // objectId is the record being viewed; the callee is calleeInfo. The name is there only sometimes.
    const info = data.calleeInfo || {};
    const callee = info.calleeId != null ? { objectId: info.calleeId, objectTypeId: info.calleeObjectTypeId } : null;
    const dial = { number, name: nameOf(info) || nameOf(data), callee, startCall: data.startCall === true };
    if (!this.state.user.loggedIn) {
      this.pendingDial = dial;
      return this.notice("info", `Log in to call ${dial.name || number}.`);
    }
    this.dialed(dial);
  }

  dialed({ number, name, callee, startCall }) {
    this.pendingDial = null;
    if (!this.idle()) return this.notice("error", `Finish this call before calling ${name || number}.`);
    this.set({ dial: { number, name, callee }, status: `Ready to call ${name || number}` });
    if (startCall) this.call();
  }

  onEndCall() {
    const { screen } = this.state;
    if (screen === SCREENS.DIALING) this.ended(this.end.INTERNAL_CANCELED);
    else if (screen === SCREENS.CALL) this.ended(this.end.INTERNAL_COMPLETED);
    else if (screen === SCREENS.INCOMING) this.ended("REJECTED");
  }

  /**
   * The call whose create HubSpot is answering: the call on screen, if it still waits for one and
   * the payload names no other call (HubSpot's payload may carry the externalCallId, or only the
   * engagementId). Save waits for the answer, so at most one create is outstanding at a time.
   */
  creating(data) {
    const { call } = this.state;
    if (!call || !call.engagementPending) return null;
    if (data.externalCallId != null && String(data.externalCallId) !== String(call.externalCallId)) return null;
    return call;
  }

  onCreateEngagementSucceeded(data = {}) {
    const call = this.creating(data);
    if (call && data.engagementId != null) this.set({ call: { ...call, engagementId: data.engagementId, engagementPending: false } });
  }

  onCreateEngagementFailed(data = {}) {
    const call = this.creating(data);
    if (call) this.state.call = { ...call, engagementPending: false, engagementFailed: true };
    this.failed("HubSpot could not create the call record. The call goes on, but it cannot be saved to HubSpot.", data);
  }

  onCallerIdMatchSucceeded(data = {}) {
    const { call } = this.state;
    const matches = Array.isArray(data.callerIdMatches) ? data.callerIdMatches : [];
    if (!call || call.direction !== "inbound") return;
    const match = matches[0];
    if (!match) return this.set({ call: { ...call, name: "", known: false }, status: `Unknown caller ${call.number}` });
    const name = nameOf(match) || (match.callerIdType === this.callerIdTypes.COMPANY ? "A company" : "A contact");
    this.set({ call: { ...call, name, known: true, record: match.objectCoordinates || null }, status: `Incoming call from ${name}` });
    const c = match.objectCoordinates;
    if (c && c.objectId != null) {
      const objectTypeId = c.objectTypeId || OBJECT_TYPE_IDS[match.callerIdType];
      this.send("navigateToRecord", compact({ objectCoordinates: { ...c, objectTypeId }, engagementId: call.engagementId ?? undefined }));
    }
  }

  onCallerIdMatchFailed(data) {
    this.failed("Could not look up the caller in HubSpot.", data);
  }

  onUpdateEngagementSucceeded() {
    this.notice("success", "Call saved to HubSpot.");
  }

  onUpdateEngagementFailed(data) {
    this.failed("HubSpot could not save the call to its record.", data);
  }

  onFinalizeEngagementSucceeded() {
    this.notice("success", "Call record finalized.");
  }

  onFinalizeEngagementFailed(data) {
    this.failed("HubSpot could not finalize the call record.", data);
  }

  onVisibilityChanged(data = {}) {
    const visibility = { isMinimized: Boolean(data.isMinimized), isHidden: Boolean(data.isHidden) };
    const inCall = [SCREENS.DIALING, SCREENS.CALL, SCREENS.INCOMING].includes(this.state.screen);
    const status = visibility.isMinimized || visibility.isHidden ? (inCall ? "Minimized: the call goes on" : "Minimized") : "Shown";
    this.set({ visibility, status }); // a call keeps running: nothing else changes
  }

  /** Any other `_FAILED` event (and FAILED): a message, and the app stays usable. */
  failed(message, data) {
    const detail = data && data.error && typeof data.error.message === "string" ? ` (${data.error.message})` : "";
    this.notice("error", message + detail);
  }
}

// hs_call_status takes HubSpot's call statuses; a declined or missed call is saved as not answered.
const HS_CALL_STATUS = { REJECTED: "CANCELED", MISSED: "NO_ANSWER" };

function endWords(status) {
  return { COMPLETED: "completed", CANCELED: "canceled", BUSY: "busy", NO_ANSWER: "no answer", FAILED: "failed", REJECTED: "declined", MISSED: "missed" }[status] || status;
}

function defaultDisposition(call, end) {
  const byStatus = { [end.INTERNAL_COMPLETED]: "Connected", [end.INTERNAL_BUSY]: "Busy", [end.INTERNAL_NO_ANSWER]: "No answer", MISSED: "No answer" };
  const label = call.answeredAt ? "Connected" : byStatus[call.endStatus];
  return (DISPOSITIONS.find(([, l]) => l === label) || [""])[0];
}

function compact(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
