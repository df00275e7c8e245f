// host-core.mjs: HubSpot's side of the calling-extensions protocol (see PROTOCOL.md), as a state
// machine that answers the widget like HubSpot does and names every protocol mistake it sees.
//
// No DOM here: the page (host-ui.mjs) hands it the widget's window on every iframe `load` and carries
// out its effects (resize, hide, navigate, show a record, an alert); node tests drive it with fake
// windows. The wire itself (message ids, origins, SYNC's reply callback) is the bridge's Channel,
// CallingExtensions.protocol from ../assets/calling-extensions.js, shared with the widget side.
//
//   const host = new HostSimulator({ protocol: CallingExtensions.protocol, window, config: { widgetUrl } });
//   iframe.addEventListener("load", () => host.load(iframe.contentWindow));
//   host.on((event) => ...);   // { kind: "message" | "problem" | "state" | "effect", ... }

/** Defaults of the session HubSpot describes in SYNC, and the simulator's own timings (ms). */
export const DEFAULTS = Object.freeze({
  widgetUrl: "",
  portalId: 123456,
  userId: 42,
  ownerId: 7,
  engagementId: undefined, // an engagement already in progress, given to the widget in SYNC
  iframeLocation: "widget", // widget | remote | window
  usesCallingWindow: false,
  width: 400,
  height: 600,
  syncInterval: 100, // SYNC is repeated this often until SYNC_ACK
  syncTimeout: 30000, // then SYNC_ACK_FAILED
  initTimeout: 5000, // INITIALIZED is expected this soon after SYNC_ACK
  firstEngagementId: 72001, // engagement ids HubSpot hands out: 72001, 72002, ...
});

/** A small sample CRM: DIAL_NUMBER's records and the caller-ID matches of INCOMING_CALL. */
export const DIRECTORY = Object.freeze([
  { objectId: 901, objectType: "CONTACT", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+1 617 555 0123", title: "Analyst" },
  { objectId: 902, objectType: "CONTACT", firstName: "Grace", lastName: "Hopper", email: "grace@example.com", phone: "+1 617 555 0142", title: "Rear admiral" },
  { objectId: 903, objectType: "CONTACT", firstName: "Alan", lastName: "Turing", email: "alan@example.com", phone: "+44 20 7946 0958", title: "Cryptanalyst" },
  { objectId: 951, objectType: "COMPANY", name: "Analytical Engines Ltd", domain: "analytical.example", phone: "+1 617 555 0100" },
  { objectId: 952, objectType: "COMPANY", name: "Difference Works", domain: "difference.example", phone: "+1 212 555 0187" },
].map(Object.freeze));

/** Every check, by its stable rule id: a title and how to fix it. Problems carry these ids. */
export const RULES = Object.freeze({
  "no-sync-ack": ["The widget never answered SYNC",
    "Create the SDK's CallingExtensions as soon as the page loads; it answers SYNC with SYNC_ACK."],
  "wrong-iframe-url": ["SYNC_ACK names another origin",
    "iFrameUrl must be the widget's own origin (location.origin); HubSpot sends everything there."],
  "sync-ack-id-mismatch": ["SYNC_ACK does not keep SYNC's messageId",
    "Answer SYNC with the SYNC object itself, type set to SYNC_ACK and its messageId kept."],
  "message-before-handshake": ["Message before the handshake",
    "Send nothing before onReady: only SYNC tells the widget where HubSpot is."],
  "no-initialized": ["No INITIALIZED",
    "Call initialized({ isLoggedIn, isAvailable }) from onReady."],
  "missing-message-id": ["Message without messageId",
    "Send through the SDK, which adds messageId \"<instanceId>_<Date.now()>\"; HubSpot ignores messages without one."],
  "missing-message-type": ["Message without type",
    "Every message needs a type such as OUTGOING_CALL_STARTED."],
  "wrong-origin": ["Message from an unexpected origin",
    "Keep the widget on the origin it announced in SYNC_ACK, or announce a new one with setWidgetUrl()."],
  "reused-host-message-id": ["Message reuses one of HubSpot's messageIds",
    "Do not copy HubSpot's messageId into a new message; HubSpot takes it for a reply and drops it."],
  "unknown-message-type": ["Unknown message type",
    "Use the SDK's methods (or Constants.messageType) for the type."],
  "missing-external-call-id": ["Call event without externalCallId",
    "Give each call a unique externalCallId in outgoingCall()/incomingCall() and repeat it in every later event."],
  "unknown-external-call-id": ["externalCallId of no started call",
    "Repeat the externalCallId sent with OUTGOING_CALL_STARTED or INCOMING_CALL."],
  "call-not-started": ["Event for a call that never started",
    "Report the call first with outgoingCall() or incomingCall()."],
  "call-already-ended": ["Event for a call that has ended",
    "After CALL_ENDED only CALL_COMPLETED (and finalizeEngagement) may follow."],
  "completed-before-ended": ["CALL_COMPLETED before CALL_ENDED",
    "Send callEnded() when the call ends, then callCompleted() when the user has saved the call."],
  "engagement-id-mismatch": ["engagementId HubSpot did not give",
    "Use the engagementId of CREATE_ENGAGEMENT_SUCCEEDED for this call."],
  "unknown-call-end-status": ["Unknown callEndStatus",
    "Use one of Constants.callEndStatus: COMPLETED FAILED CANCELED BUSY NO_ANSWER REJECTED MISSED."],
  "non-numeric-resize": ["Size that is not a number of pixels",
    "Send width and height as positive numbers, e.g. resizeWidget({ width: 400, height: 600 })."],
  "invalid-payload": ["Payload HubSpot cannot use",
    "See PROTOCOL.md for the fields of this message."],
});

const isObject = (v) => v !== null && typeof v === "object";
const missing = (v) => v === undefined || v === null || v === "";
const show = (v) => (typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : JSON.stringify(v));
const clone = (v) => {
  if (v === undefined) return undefined;
  try {
    return structuredClone(v);
  } catch {
    return JSON.parse(JSON.stringify(v));
  }
};
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const digits = (n) => String(n ?? "").replace(/\D/g, "");

/** The directory entry for a phone number (same digits, or the same last 10 digits), if any. */
export function lookupNumber(number, directory = DIRECTORY) {
  const d = digits(number);
  if (d.length < 4) return undefined;
  return directory.find((r) => {
    const e = digits(r.phone);
    return e === d || (d.length >= 10 && e.length >= 10 && e.slice(-10) === d.slice(-10));
  });
}

/** A directory entry as one of CALLER_ID_MATCH_SUCCEEDED's callerIdMatches. */
export function callerIdMatch(record, portalId, typeIds = { CONTACT: "0-1", COMPANY: "0-2" }) {
  const objectCoordinates = { portalId, objectId: record.objectId, objectTypeId: typeIds[record.objectType] };
  return record.objectType === "COMPANY"
    ? { callerIdType: "COMPANY", objectCoordinates, name: record.name }
    : { callerIdType: "CONTACT", objectCoordinates, firstName: record.firstName, lastName: record.lastName, email: record.email };
}

/** The record's display name. */
export const recordName = (r) => (r.objectType === "COMPANY" ? r.name : `${r.firstName} ${r.lastName}`);

// The closest known type, for "did you mean"; undefined when nothing is close.
function closest(word, candidates) {
  const distance = (a, b) => {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  };
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(String(word).toUpperCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(String(word).length / 4)) ? best : undefined;
}

export class HostSimulator {
  /**
   * protocol: CallingExtensions.protocol (the bridge's Channel and Constants).
   * window: the host page's window (messages arrive on it; its location gives hostUrl).
   * config: see DEFAULTS. timers: { setTimeout, clearTimeout }. now: () => ms.
   * fromWidget(event): whether a dropped message came from the widget's frame.
   */
  constructor({ protocol, window, config = {}, timers = globalThis, now = () => Date.now(), fromWidget } = {}) {
    if (!protocol || !protocol.Channel) throw new Error("HostSimulator needs CallingExtensions.protocol (load ../assets/calling-extensions.js first).");
    this.protocol = protocol;
    this.T = protocol.Constants.messageType;
    this.window = window;
    this.timers = timers;
    this.now = now;
    this.fromWidget = fromWidget || ((event) => event.source === this.channel.target);
    this.config = Object.assign({}, DEFAULTS, compact(config));
    this.nextEngagementId = this.config.firstEngagementId;
    const T = this.T;
    this.knownTypes = new Set([...Object.values(protocol.widgetToHost), T.SYNC_ACK, T.UNLOADING]);
    this.endStatuses = [...protocol.callEndStatuses];
    this.hostUrl = protocol.Channel.originOf(window.location.href);
    this.timeline = []; // messages both ways and the host's own notes, in order
    this.messages = []; // the messages only: { direction: "toHost" | "toWidget", type, data, messageId, time, ... }
    this.problems = []; // { rule, message, messageId?, type?, seq?, time }
    this.calls = []; // { externalCallId, direction, number, state, engagementId, ... }
    this.widget = {};
    this.switches = { failNextEngagementCreate: false, failNextEngagementUpdate: false };
    this.visibility = { isMinimized: false, isHidden: false };
    this.handshake = null;
    this.ready = false;
    this.seq = 0;
    this.listeners = new Set();
    this.channel = new protocol.Channel({
      window,
      target: null,
      origin: this.widgetOrigin(),
      labels: ["To the widget", "From the widget"],
      onMessage: (message) => this.handle(message),
      onSync: (message, event) => this.strayMessage(message, event),
      onDrop: (message, event) => this.dropped(message, event),
      tap: (direction, message) => this.tapped(direction, message),
    });
  }

  // ---- Events for the page ----------------------------------------------------------------------

  /** Calls fn(event) for every { kind: "message" | "problem" | "state" | "effect", ... }; returns an off(). */
  on(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(event) {
    for (const fn of [...this.listeners]) {
      try {
        fn(event);
      } catch (error) {
        console.error("[devkit host] listener failed:", error);
      }
    }
  }

  effect(effect, details = {}) {
    this.emit({ kind: "effect", effect, ...details });
  }

  changed() {
    this.emit({ kind: "state" });
  }

  record(direction, message, extra = {}) {
    const entry = {
      direction,
      type: message.type,
      data: dataOf(message),
      messageId: message.messageId,
      time: this.now(),
      seq: ++this.seq,
      message: clone(message),
      ...extra,
    };
    this.timeline.push(entry);
    if (direction !== "host") this.messages.push(entry);
    this.emit({ kind: "message", entry });
    return entry;
  }

  note(type, data) {
    return this.record("host", { type, data });
  }

  problem(rule, message, entry) {
    const problem = { rule, message };
    if (entry && entry.messageId !== undefined) problem.messageId = entry.messageId;
    if (entry) Object.assign(problem, { type: entry.type, seq: entry.seq });
    problem.time = this.now();
    this.problems.push(problem);
    if (entry) (entry.problems ||= []).push(rule);
    this.emit({ kind: "problem", problem });
    return problem;
  }

  // ---- The handshake ----------------------------------------------------------------------------

  widgetOrigin() {
    return this.protocol.Channel.originOf(this.config.widgetUrl, this.window.location.href);
  }

  /** The iframe fired `load`: a (new) widget page is there; run the handshake with it. */
  load(target) {
    const ch = this.channel;
    if (target) ch.target = target;
    this.stopHandshake();
    this.ready = false;
    ch.ready = false;
    ch.origin = this.widgetOrigin();
    this.widget = {};
    const hs = { syncIds: new Set(), startedAt: this.now(), acked: false, failed: false, initialized: false, syncs: 0 };
    this.handshake = hs;
    this.note("FRAME_LOADED", { url: this.config.widgetUrl, origin: ch.origin });
    this.sendSync(hs);
    hs.deadline = this.timers.setTimeout(() => this.syncFailed(hs, "timeout"), this.config.syncTimeout);
    this.changed();
  }

  /** The iframe fired `error`. */
  loadError() {
    const hs = this.handshake || (this.handshake = { syncIds: new Set(), startedAt: this.now(), syncs: 0 });
    this.syncFailed(hs, "error");
  }

  sync() {
    const c = this.config;
    return compact({
      type: this.T.SYNC, hostUrl: this.hostUrl, portalId: c.portalId, userId: c.userId, ownerId: c.ownerId,
      engagementId: missing(c.engagementId) ? undefined : c.engagementId,
      iframeLocation: c.iframeLocation, usesCallingWindow: c.usesCallingWindow,
    });
  }

  sendSync(hs) {
    if (this.handshake !== hs || hs.acked || hs.failed || !this.channel.target) return;
    const sent = this.channel.send(this.sync(), (reply) => this.acknowledged(hs, reply));
    hs.syncIds.add(sent.messageId);
    hs.syncs++;
    hs.repeat = this.timers.setTimeout(() => this.sendSync(hs), this.config.syncInterval);
  }

  stopHandshake() {
    const hs = this.handshake;
    if (!hs) return;
    for (const t of [hs.repeat, hs.deadline, hs.initTimer]) if (t !== undefined) this.timers.clearTimeout(t);
    for (const id of hs.syncIds) delete this.channel.callbacks[id];
  }

  // The answer to one of this handshake's SYNCs (the Channel routes replies by messageId).
  acknowledged(hs, reply) {
    if (reply.type !== this.T.SYNC_ACK || this.handshake !== hs || hs.acked) return;
    const entry = this.current;
    const ch = this.channel;
    hs.acked = true;
    this.timers.clearTimeout(hs.repeat);
    this.timers.clearTimeout(hs.deadline);
    for (const id of hs.syncIds) delete ch.callbacks[id];
    const declared = missing(reply.iFrameUrl) ? "" : this.protocol.Channel.originOf(reply.iFrameUrl);
    if (!missing(reply.iFrameUrl) && declared !== ch.origin) {
      this.problem("wrong-iframe-url", `SYNC_ACK came from ${ch.origin} but its iFrameUrl is ${show(reply.iFrameUrl)}, ` +
        `so HubSpot sends every later message to ${declared || "nowhere"} and the widget never gets them. ` +
        "Set iFrameUrl to the widget's own origin (location.origin), as the SDK does.", entry);
    }
    if (declared) ch.origin = declared; // as HubSpot: from now on it talks to iFrameUrl only
    ch.ready = true;
    this.ready = true;
    Object.assign(this.widget, { origin: ch.origin, version: reply.version, debugMode: reply.debugMode });
    if (!hs.initialized) {
      hs.initTimer = this.timers.setTimeout(() => {
        if (this.handshake !== hs || hs.initialized) return;
        this.problem("no-initialized", `The widget answered SYNC but sent no INITIALIZED within ${seconds(this.config.initTimeout)}. ` +
          "Call initialized({ isLoggedIn, isAvailable }) from onReady; until then HubSpot treats the widget as still loading.");
      }, this.config.initTimeout);
    }
    this.changed();
  }

  syncFailed(hs, reason) {
    if (this.handshake !== hs || hs.acked || hs.failed) return;
    hs.failed = true;
    if (hs.repeat !== undefined) this.timers.clearTimeout(hs.repeat);
    if (hs.deadline !== undefined) this.timers.clearTimeout(hs.deadline);
    const waited = this.now() - hs.startedAt;
    this.note(this.T.SYNC_ACK_FAILED, { reason, waited, syncs: hs.syncs });
    this.problem("no-sync-ack", reason === "error"
      ? "The widget's frame fired an error event while loading, so the handshake failed (SYNC_ACK_FAILED). Check that the widget URL loads on its own."
      : `No SYNC_ACK ${seconds(waited)} after the frame loaded (${hs.syncs} SYNC sent to ${this.channel.origin}), so HubSpot gives up (SYNC_ACK_FAILED). ` +
        "Create the SDK's CallingExtensions when the page loads so it answers SYNC; check the console of the widget's frame for errors, " +
        "and that the widget URL does not redirect to another origin.");
    this.changed();
  }

  // ---- Incoming messages ------------------------------------------------------------------------

  // The Channel's tap: every message it sends ("out"), and every message it accepts ("in").
  tapped(direction, message) {
    if (direction === "out") return this.record("toWidget", message);
    if (direction !== "in") return this.note("NOT_SENT", { message: clone(message) });
    const entry = this.record("toHost", message);
    this.current = entry;
    const own = String(this.channel.instanceId);
    if (message.type !== this.T.SYNC_ACK && String(message.messageId).startsWith(own)) {
      // The Channel takes this for a reply to one of HubSpot's messages and drops it, as HubSpot does.
      this.problem("reused-host-message-id", `${message.type} carries messageId ${show(message.messageId)}, which HubSpot made ` +
        `(it starts with HubSpot's instance id ${own}), so HubSpot takes it for a reply and ignores it. ` +
        "Let the SDK give each new message its own messageId.", entry);
    }
    return entry;
  }

  // A message the Channel dropped: wrong origin, or no type or messageId. Ours only if from the widget's frame.
  dropped(message, event) {
    if (!isObject(message) || (missing(message.type) && missing(message.messageId)) || !this.fromWidget(event)) return;
    const origin = this.channel.origin;
    const entry = this.record("toHost", message, { ignored: true, origin: event.origin });
    const what = missing(message.type) ? "A message" : message.type;
    if (event.origin !== origin) {
      this.problem("wrong-origin", `${what} came from the widget's frame at ${event.origin}, but HubSpot talks only to ${origin} ` +
        `(${this.ready ? "the iFrameUrl of SYNC_ACK" : "the origin of the widget URL"}), so it was ignored. ` +
        "If the widget moved to another origin, tell HubSpot first with setWidgetUrl({ iFrameUrl }).", entry);
    } else if (missing(message.type)) {
      this.problem("missing-message-type", `A message with messageId ${show(message.messageId)} has no type, so HubSpot ignored it. ` +
        "Send it through the SDK's methods, which set the type.", entry);
    } else {
      this.problem("missing-message-id", `${message.type} has no messageId, so HubSpot ignored it. Send it through the SDK ` +
        "(it adds messageId \"<instanceId>_<Date.now()>\"), or add a messageId yourself.", entry);
    }
  }

  // A SYNC that arrived at the host: only HubSpot sends SYNC.
  strayMessage(message, event) {
    if (!this.fromWidget(event)) return;
    const entry = this.record("toHost", message);
    this.problem("unknown-message-type", "The widget sent SYNC, which is HubSpot's message to the widget. " +
      "The widget answers HubSpot's SYNC with SYNC_ACK and never sends SYNC itself.", entry);
  }

  // Every accepted message from the widget that is not a reply: check it, update the state, answer it.
  handle(message) {
    const T = this.T;
    const entry = this.current;
    const { type } = message;
    const data = isObject(message.data) ? message.data : {};
    if (type === T.SYNC_ACK) {
      this.problem("sync-ack-id-mismatch", `SYNC_ACK has messageId ${show(message.messageId)}, which is not the messageId of a SYNC ` +
        "from HubSpot, so HubSpot never sees the handshake. Answer SYNC with the SYNC message itself, type changed to SYNC_ACK, " +
        "keeping its messageId.", entry);
      return;
    }
    if (!this.ready) {
      this.problem("message-before-handshake", `${type} arrived before the handshake finished (no SYNC_ACK yet). ` +
        "Only SYNC tells the widget where HubSpot is: send nothing before onReady (the SDK refuses to).", entry);
    }
    if (!this.knownTypes.has(type)) {
      const hostType = type === T.SYNC || Object.prototype.hasOwnProperty.call(this.protocol.hostToWidget, type);
      const guess = !hostType && closest(type, [...this.knownTypes]);
      this.problem("unknown-message-type", hostType
        ? `${type} is a message HubSpot sends to the widget, not one the widget sends; HubSpot ignores it.`
        : `${show(type)} is not a message type HubSpot knows, so it is ignored.` +
          (guess ? ` Did you mean ${guess}?` : " Use the SDK's methods or Constants.messageType."), entry);
      return;
    }
    switch (type) {
      case T.INITIALIZED: return this.initialized(entry, data);
      case T.LOGGED_IN: return this.widgetState({ loggedIn: true });
      case T.LOGGED_OUT: return this.widgetState({ loggedIn: false, available: false });
      case T.USER_AVAILABLE: return this.widgetState({ available: true });
      case T.USER_UNAVAILABLE: return this.widgetState({ available: false });
      case T.OUTGOING_CALL_STARTED: return this.callStarted(entry, data, "outbound");
      case T.INCOMING_CALL: return this.callStarted(entry, data, "inbound");
      case T.CALL_ANSWERED:
      case T.CALL_TRANSFERRED:
      case T.CALL_ENDED:
      case T.CALL_COMPLETED: return this.callEvent(entry, type, data);
      case T.FINALIZE_ENGAGEMENT:
      case T.PUBLISH_TO_CHANNEL: return this.finalize(entry, type, data);
      case T.NAVIGATE_TO_RECORD: return this.navigateToRecord(entry, data);
      case T.ERROR: return this.error(entry, message);
      case T.RESIZE_WIDGET: return this.resize(entry, message.data, "RESIZE_WIDGET");
      case T.SET_WIDGET_URL: return this.setWidgetUrl(entry, message);
      default: return undefined; // CALL_DATA, UNLOADING: nothing to answer
    }
  }

  widgetState(changes) {
    Object.assign(this.widget, changes);
    this.changed();
  }

  initialized(entry, data) {
    const hs = this.handshake;
    if (hs) {
      hs.initialized = true;
      if (hs.initTimer !== undefined) this.timers.clearTimeout(hs.initTimer);
    }
    const changes = { initialized: true };
    if (typeof data.isLoggedIn === "boolean") changes.loggedIn = data.isLoggedIn;
    if (typeof data.isAvailable === "boolean") changes.available = data.isAvailable;
    if (isObject(data.sizeInfo)) this.resize(entry, data.sizeInfo, "INITIALIZED's sizeInfo");
    this.widgetState(changes);
  }

  resize(entry, size, what) {
    const keys = ["width", "height"].filter((k) => isObject(size) && k in size);
    const bad = keys.filter((k) => !(typeof size[k] === "number" && Number.isFinite(size[k]) && size[k] > 0));
    if (!keys.length || bad.length) {
      this.problem("non-numeric-resize", `${what} needs width and height as positive numbers of pixels; ` +
        `got ${show(isObject(size) ? { width: size.width, height: size.height } : size)}. ` +
        "Send numbers, e.g. resizeWidget({ width: 400, height: 600 }).", entry);
      return;
    }
    this.effect("resize", { width: size.width, height: size.height });
  }

  // ---- Calls ------------------------------------------------------------------------------------

  callStarted(entry, data, direction) {
    const T = this.T;
    const id = data.externalCallId;
    if (missing(id)) {
      this.problem("missing-external-call-id", `${entry.type} has no externalCallId, so HubSpot cannot tell this call's ` +
        "later events apart. Give every call a unique id (e.g. crypto.randomUUID()) and repeat it in every later event.", entry);
    }
    const number = direction === "outbound" ? data.toNumber ?? data.phoneNumber : data.fromNumber;
    const call = {
      externalCallId: missing(id) ? null : id, direction, number, state: "ringing",
      createEngagement: data.createEngagement === true, engagementId: undefined, startedAt: entry.time,
    };
    const match = lookupNumber(number);
    if (match) call.record = match;
    this.calls.push(call);
    if (direction === "inbound") {
      if (match) {
        this.post(T.CALLER_ID_MATCH_SUCCEEDED, { callerIdMatches: [callerIdMatch(match, this.config.portalId, this.protocol.objectTypeIds)] });
      } else {
        this.post(T.CALLER_ID_MATCH_FAILED, { error: { message: `No contact or company has the number ${number}.` } });
      }
    }
    if (call.createEngagement) this.createEngagement(call);
    this.changed();
  }

  createEngagement(call) {
    const T = this.T;
    if (this.switches.failNextEngagementCreate) {
      this.switches.failNextEngagementCreate = false;
      call.engagementFailed = true;
      this.post(T.CREATE_ENGAGEMENT_FAILED, { error: { message: "The engagement could not be created (the simulator's \"fail next engagement create\" switch)." } });
      return;
    }
    const engagementId = this.nextEngagementId++;
    call.engagementId = engagementId;
    this.post(T.CREATE_ENGAGEMENT_SUCCEEDED, { engagementId });
    this.post(T.ENGAGEMENT_CREATED, { engagementId }); // deprecated, but HubSpot still sends it
  }

  // The call an event is about, or null (after naming the problem).
  findCall(entry, type, data) {
    const id = data.externalCallId;
    const open = this.calls.filter((c) => c.state !== "completed");
    if (missing(id)) {
      this.problem("missing-external-call-id", `${type} has no externalCallId, so HubSpot cannot tell which call it is about. ` +
        "Repeat the externalCallId you sent with OUTGOING_CALL_STARTED or INCOMING_CALL.", entry);
      return null;
    }
    const call = this.calls.findLast((c) => c.externalCallId === id);
    if (call) return call;
    const given = this.config.engagementId;
    if (!missing(given) && !this.calls.some((c) => c.resumed) && String(data.engagementId) === String(given)) {
      // The call of the engagement HubSpot gave in SYNC (a widget reloaded in the middle of a call).
      const resumed = { externalCallId: id, direction: "unknown", state: "answered", engagementId: given, resumed: true, startedAt: entry.time };
      this.calls.push(resumed);
      return resumed;
    }
    if (!open.length) {
      this.problem("call-not-started", `${type} is about call ${show(id)}, but no call is in progress: the widget never sent ` +
        "OUTGOING_CALL_STARTED or INCOMING_CALL for it. Report the call first with outgoingCall() or incomingCall(), with this externalCallId.", entry);
    } else {
      this.problem("unknown-external-call-id", `${type} names externalCallId ${show(id)}, which matches no started call ` +
        `(in progress: ${open.map((c) => show(c.externalCallId)).join(", ")}). Repeat the externalCallId you sent with ` +
        "OUTGOING_CALL_STARTED or INCOMING_CALL.", entry);
    }
    return null;
  }

  checkEngagement(entry, call, data) {
    if (call.engagementId === undefined || missing(data.engagementId)) return;
    if (String(data.engagementId) !== String(call.engagementId)) {
      this.problem("engagement-id-mismatch", `${entry.type} has engagementId ${show(data.engagementId)}, but HubSpot gave engagement ` +
        `${call.engagementId} to call ${show(call.externalCallId)}. Use the engagementId from onCreateEngagementSucceeded ` +
        "(or the one in onReady), so the right call record is updated.", entry);
    }
  }

  callEvent(entry, type, data) {
    const T = this.T;
    const call = this.findCall(entry, type, data);
    if (call) {
      const over = call.state === "ended" || call.state === "completed";
      if ((type === T.CALL_ANSWERED || type === T.CALL_TRANSFERRED) && over) {
        this.problem("call-already-ended", `${type} for call ${show(call.externalCallId)}, which has already ${call.state === "ended" ? "ended" : "been completed"}. ` +
          "After CALL_ENDED only CALL_COMPLETED (and finalizeEngagement) may follow; a new call needs a new externalCallId.", entry);
      } else if (type === T.CALL_ANSWERED) {
        call.state = "answered";
      } else if (type === T.CALL_TRANSFERRED) {
        call.transferred = true;
      }
      if (type === T.CALL_ENDED || type === T.CALL_COMPLETED) this.checkEngagement(entry, call, data);
      if (type === T.CALL_ENDED) {
        if (call.state !== "completed") call.state = "ended";
        call.callEndStatus = data.callEndStatus;
      }
      if (type === T.CALL_COMPLETED) {
        if (call.state === "ringing" || call.state === "answered") {
          this.problem("completed-before-ended", `CALL_COMPLETED for call ${show(call.externalCallId)}, which has not ended ` +
            "(no CALL_ENDED yet). Send callEnded({ externalCallId, engagementId, callEndStatus }) when the call ends, " +
            "then callCompleted() once the user has saved it.", entry);
        }
        call.state = "completed";
      }
    }
    if (type === T.CALL_ENDED && data.callEndStatus !== undefined && !this.endStatuses.includes(data.callEndStatus)) {
      this.problem("unknown-call-end-status", `CALL_ENDED has callEndStatus ${show(data.callEndStatus)}, which HubSpot does not know. ` +
        `Use one of Constants.callEndStatus: ${this.endStatuses.join(", ")}.`, entry);
    }
    if (type === T.CALL_COMPLETED) this.completed(call, data);
    this.changed();
  }

  completed(call, data) {
    const T = this.T;
    const engagementId = missing(data.engagementId) ? call && call.engagementId : data.engagementId;
    if (this.switches.failNextEngagementUpdate) {
      this.switches.failNextEngagementUpdate = false;
      this.post(T.UPDATE_ENGAGEMENT_FAILED, { engagementId, error: { message: "The engagement could not be updated (the simulator's \"fail next engagement update\" switch)." } });
    } else {
      this.post(T.UPDATE_ENGAGEMENT_SUCCEEDED, { engagementId });
    }
    if (data.hideWidget !== false) {
      this.visibility = { isMinimized: false, isHidden: true };
      this.effect("visibility", { ...this.visibility, reason: "CALL_COMPLETED" });
    }
  }

  finalize(entry, type, data) {
    const call = this.findCall(entry, type, data);
    if (call) this.checkEngagement(entry, call, data);
    const engagementId = missing(data.engagementId) ? call && call.engagementId : data.engagementId;
    this.post(`${type}_SUCCEEDED`, { engagementId });
  }

  // ---- Other widget messages --------------------------------------------------------------------

  navigateToRecord(entry, data) {
    const c = data.objectCoordinates;
    if (!isObject(c) || missing(c.objectId) || !/^\d+-\d+$/.test(String(c.objectTypeId))) {
      const text = `NAVIGATE_TO_RECORD needs objectCoordinates { portalId, objectId, objectTypeId: "0-1" (contact) or "0-2" (company) }; got ${show(c)}.`;
      this.problem("invalid-payload", text, entry);
      this.post(this.T.NAVIGATE_TO_RECORD_FAILED, { error: { message: text } });
      return;
    }
    const record = DIRECTORY.find((r) => String(r.objectId) === String(c.objectId) &&
      this.protocol.objectTypeIds[r.objectType] === c.objectTypeId);
    this.effect("record", { objectCoordinates: clone(c), record, engagementId: data.engagementId });
  }

  error(entry, message) {
    const data = message.data;
    if (isObject(data) && data.type === this.protocol.Constants.errorType.UNKNOWN_MESSAGE_TYPE) {
      // The SDK's automatic answer to a type it does not know: not a mistake of the widget.
      const original = isObject(data.data) && isObject(data.data.originalMessage) ? data.data.originalMessage.type : undefined;
      this.effect("alert", { level: "info", message: `The widget does not handle ${original || "a message HubSpot sent"} (UNKNOWN_MESSAGE_TYPE).` });
      return;
    }
    if (!isObject(data) || typeof data.message !== "string") {
      this.problem("invalid-payload", `ERROR needs data { message: "text for the user" }; got ${show(data)}. ` +
        "Call sendError({ message }).", entry);
    }
    this.effect("alert", { level: "error", message: isObject(data) && typeof data.message === "string" ? data.message : JSON.stringify(data) });
  }

  setWidgetUrl(entry, message) {
    const url = missing(message.iFrameUrl) ? isObject(message.data) ? message.data.iFrameUrl : undefined : message.iFrameUrl;
    let valid = false;
    try {
      valid = /^https?:$/.test(new URL(url).protocol);
    } catch {
      // not a URL
    }
    if (!valid) {
      const text = `SET_WIDGET_URL needs iFrameUrl, an absolute http(s) URL; got ${show(url)}.`;
      this.problem("invalid-payload", text, entry);
      this.post(this.T.SET_WIDGET_URL_FAILED, { error: { message: text } });
      return;
    }
    // HubSpot moves the frame there; its `load` starts a new handshake with the new origin.
    this.config.widgetUrl = url;
    this.effect("navigate", { url });
  }

  // ---- What HubSpot does on its own (the page's buttons and devkitHost) ------------------------

  requireReady(what) {
    if (!this.ready) throw new Error(`devkitHost.${what}(): the widget has not answered SYNC yet; wait until devkitHost.ready is true.`);
  }

  /** Sends { type, data } to the widget as a new HubSpot message; returns the message sent. */
  send(type, data) {
    if (typeof type !== "string" || !type) throw new TypeError("send(type, data): type must be a message type such as \"END_CALL\".");
    this.requireReady("send");
    return this.post(type, data);
  }

  // A new message from HubSpot (with HubSpot's own messageId); before the handshake the Channel
  // refuses it, as HubSpot's side does, and the timeline notes NOT_SENT.
  post(type, data) {
    return this.channel.send(data === undefined ? { type } : { type, data: clone(data) });
  }

  /** DIAL_NUMBER for `number`, as if the user clicked a number on a record. */
  dial(number, options = {}) {
    this.requireReady("dial");
    if (missing(number)) throw new TypeError("dial(number): give the phone number to dial, e.g. \"+1 617 555 0123\".");
    const c = this.config;
    const record = missing(options.objectId)
      ? lookupNumber(number)
      : DIRECTORY.find((r) => String(r.objectId) === String(options.objectId));
    const objectId = options.objectId ?? (record && record.objectId);
    const objectType = options.objectType ?? (record ? record.objectType : "CONTACT");
    const typeIds = this.protocol.objectTypeIds;
    const data = compact({
      phoneNumber: String(number),
      ownerId: options.ownerId ?? c.ownerId,
      portalId: options.portalId ?? c.portalId,
      objectId,
      objectType,
      calleeInfo: options.calleeInfo ?? (missing(objectId) ? undefined : { calleeId: objectId, calleeObjectTypeId: typeIds[objectType] }),
      startCall: options.startCall ?? false,
      toPhoneNumberSrc: options.toPhoneNumberSrc ?? "Phone number",
    });
    if (this.visibility.isHidden || this.visibility.isMinimized) {
      this.visibility = { isMinimized: false, isHidden: false };
      this.effect("visibility", { ...this.visibility, reason: "DIAL_NUMBER" });
    }
    return this.send(this.T.DIAL_NUMBER, data);
  }

  /** END_CALL: the user hung up in HubSpot. */
  endCall() {
    return this.send(this.T.END_CALL);
  }

  /** VISIBILITY_CHANGED: the call panel was minimised, hidden or shown again. */
  setVisibility({ isMinimized = false, isHidden = false } = {}) {
    const sent = this.send(this.T.VISIBILITY_CHANGED, { isMinimized: Boolean(isMinimized), isHidden: Boolean(isHidden) });
    this.visibility = { isMinimized: Boolean(isMinimized), isHidden: Boolean(isHidden) };
    this.effect("visibility", { ...this.visibility, reason: "VISIBILITY_CHANGED" });
    return sent;
  }

  /** Shows the widget again without telling it (as when the user reopens the call panel). */
  reveal() {
    this.visibility = { isMinimized: false, isHidden: false };
    this.effect("visibility", { ...this.visibility, reason: "reopened" });
  }

  failNextEngagementCreate(on = true) {
    this.switches.failNextEngagementCreate = Boolean(on);
    this.changed();
    return this.switches.failNextEngagementCreate;
  }

  failNextEngagementUpdate(on = true) {
    this.switches.failNextEngagementUpdate = Boolean(on);
    this.changed();
    return this.switches.failNextEngagementUpdate;
  }

  /** Changes the session (see DEFAULTS); the next handshake uses it. */
  configure(changes) {
    Object.assign(this.config, compact(changes));
    this.changed();
  }

  /** Forgets messages, problems, calls and switches, and reloads the widget (a new handshake). */
  reset() {
    this.stopHandshake();
    this.handshake = null;
    this.ready = false;
    this.channel.ready = false;
    for (const list of [this.timeline, this.messages, this.problems, this.calls]) list.length = 0;
    this.switches.failNextEngagementCreate = false;
    this.switches.failNextEngagementUpdate = false;
    this.visibility = { isMinimized: false, isHidden: false };
    this.effect("visibility", { ...this.visibility, reason: "reset" });
    this.effect("reload", { url: this.config.widgetUrl });
    this.changed();
  }

  /** Everything the page knows, as JSON-ready data (the page's Export button downloads it). */
  export() {
    const strip = ({ seq, ...rest }) => rest;
    return {
      tool: "Calling DevKit host simulator",
      exportedAt: new Date(this.now()).toISOString(),
      hostUrl: this.hostUrl,
      config: clone(compact(this.config)),
      ready: this.ready,
      widget: clone(this.widget),
      calls: clone(this.calls),
      problems: this.problems.map(strip),
      timeline: this.timeline.map(strip),
    };
  }

  /** Stops the timers and the Channel's listener. */
  dispose() {
    this.stopHandshake();
    this.channel.close();
    this.listeners.clear();
  }
}

// The payload of a message: its `data`, or for SYNC and SYNC_ACK the fields beside type and messageId.
function dataOf(message) {
  if ("data" in message) return clone(message.data);
  const { type, messageId, ...rest } = message;
  return Object.keys(rest).length ? clone(rest) : undefined;
}

function seconds(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
