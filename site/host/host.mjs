// host.mjs: HubSpot's side of the calling-extensions protocol (content/reference/) for one session:
// it frames the widget once or twice (layoutOf in session.mjs), runs a handshake with each frame,
// answers like HubSpot, and names every protocol mistake it sees (rules.mjs).
//
// No DOM: the page hands it each frame's window on every iframe `load` and carries out its effects
// (resize, hide, navigate, show a record, an alert, a reload); node tests drive it with fake windows.
// The wire (message ids, origins, SYNC's reply callback) is the bridge's Channel, from
// CallingExtensions.protocol in ../assets/calling-extensions.js.
//
//   const host = new HostSimulator({ protocol: CallingExtensions.protocol, window, config: { widgetUrl } });
//   iframe.addEventListener("load", () => host.load(iframe.contentWindow, "widget"));
//   host.on((event) => ...);   // { kind: "message" | "problem" | "state" | "effect", ... }
import { Calls } from "./calls.mjs";
import { dialNumberData } from "./dial-number.mjs";
import { WidgetFrame } from "./frame.mjs";
import { Inbox } from "./inbox.mjs";
import { RULES } from "./rules.mjs";
import { DEFAULTS, labelOf, layoutOf } from "./session.mjs";
import { clone, compact, dataOf, json, missing } from "./values.mjs";

const SWITCHES = ["failNextEngagementCreate", "failNextEngagementUpdate", "failNextCallerIdMatch"];
const LAYOUT_KEYS = ["usesRemote", "usesCallingWindow", "iframeLocation"];

export class HostSimulator {
  /**
   * protocol: CallingExtensions.protocol (the bridge's Channel and tables). window: the host page's
   * window (messages arrive on it; its location gives hostUrl). config: see DEFAULTS.
   * timers: { setTimeout, clearTimeout }. now: () => ms.
   */
  constructor({ protocol, window, config = {}, timers = globalThis, now = () => Date.now() } = {}) {
    if (!protocol || !protocol.Channel) throw new Error("HostSimulator needs CallingExtensions.protocol (load ../assets/calling-extensions.js first).");
    Object.assign(this, { protocol, window, timers, now });
    this.T = protocol.Constants.messageType;
    this.config = Object.assign({}, DEFAULTS, compact(config));
    this.hostUrl = protocol.Channel.originOf(window.location.href);
    this.timeline = []; // messages both ways and the host's own notes, in order
    this.messages = []; // the messages only: { direction: "toHost" | "toWidget", location, type, data, messageId, time, ... }
    this.problems = []; // { rule, title, fix, message, location, messageId?, type?, seq?, time }
    this.switches = Object.fromEntries(SWITCHES.map((name) => [name, false]));
    this.visibility = { isMinimized: false, isHidden: false };
    this.ended = false;
    this.seq = 0;
    this.listeners = new Set();
    this.inbox = new Inbox(this);
    this.calls = new Calls(this);
    this.frames = layoutOf(this.config).map((place) => new WidgetFrame(this, place));
  }

  // ---- The frames -------------------------------------------------------------------------------

  /** The frame at an iframeLocation ("widget", "remote", "window"); the one that reports calls by default. */
  frame(location) {
    if (location === undefined) return this.frames.find((f) => f.reportsCalls);
    const found = this.frames.find((f) => f.location === location);
    if (!found) throw new Error(`No ${location} frame in this layout (frames: ${this.frames.map((f) => f.location).join(", ")}).`);
    return found;
  }

  /** The frame at a location or, once a new layout has replaced it, its place { location, label }: calls outlive their frames. */
  placeOf(location) {
    return this.frames.find((f) => f.location === location) || { location, label: labelOf(location) };
  }

  /** True once every frame has answered SYNC. */
  get ready() {
    return this.frames.every((f) => f.ready);
  }

  /** What the frame that reports calls has reported (origin, version, initialized, loggedIn, available). */
  get widget() {
    return this.frame().widget;
  }

  /** The link to the frame that reports calls. */
  get channel() {
    return this.frame().channel;
  }

  widgetOrigin() {
    return this.protocol.Channel.originOf(this.config.widgetUrl, this.window.location.href);
  }

  /**
   * A frame fired `load` (a first load, a reload, a new URL): a fresh handshake with it. A call with
   * an engagement that the frame left open is a ghost call.
   */
  load(target, location) {
    const frame = this.frame(location);
    if (frame.loads > 0) this.calls.judgeOpen(`the ${frame.label.toLowerCase()} reloaded`, frame.location);
    if (frame.reportsCalls) this.calls.stop();
    frame.load(target);
    this.changed();
  }

  /** A frame fired `error`. */
  loadError(location) {
    this.frame(location).loadError();
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

  record(direction, message, frame, extra = {}) {
    const entry = {
      direction,
      location: frame ? frame.location : undefined,
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

  /** One of HubSpot's own notes in the timeline (FRAME_LOADED, SYNC_ACK_FAILED, NOT_SENT, SESSION_ENDED). */
  note(type, data, frame) {
    return this.record("host", { type, data }, frame);
  }

  problem(rule, message, entry, frame, extra = {}) {
    const { title, fix } = RULES[rule];
    const problem = { rule, title, fix, message, location: frame ? frame.location : undefined, ...extra };
    if (entry && entry.messageId !== undefined) problem.messageId = entry.messageId;
    if (entry) Object.assign(problem, { type: entry.type, seq: entry.seq });
    problem.time = this.now();
    this.problems.push(problem);
    if (entry) (entry.problems ||= []).push(rule);
    this.emit({ kind: "problem", problem });
    return problem;
  }

  // ---- What HubSpot does on its own (the page's buttons and devkitHost) ------------------------

  // A new message from HubSpot to a frame (with HubSpot's own messageId); before that frame's
  // handshake the Channel refuses it, as HubSpot's side does, and the timeline notes NOT_SENT.
  post(frame, type, data) {
    return frame.channel.send(data === undefined ? { type } : { type, data: clone(data) });
  }

  // The frames a message goes to: `to` is a location, "all", or (by default) the frame that reports calls.
  targets(to) {
    return to === "all" ? this.frames : [this.frame(to)];
  }

  requireReady(what, frames) {
    const waiting = frames.filter((f) => !f.ready);
    if (waiting.length) {
      throw new Error(`devkitHost.${what}(): the ${waiting.map((f) => f.label.toLowerCase()).join(" and the ")} has not answered ` +
        "SYNC yet; wait until devkitHost.ready is true.");
    }
  }

  /** Sends { type, data } as a new HubSpot message, to options.to (default: the frame that reports calls); returns it. */
  send(type, data, { to } = {}) {
    if (typeof type !== "string" || !type) throw new TypeError("send(type, data): type must be a message type such as \"END_CALL\".");
    const frames = this.targets(to);
    this.requireReady("send", frames);
    const sent = frames.map((frame) => this.post(frame, type, data));
    return to === "all" ? sent : sent[0];
  }

  /** DIAL_NUMBER for `number`, as if the user clicked a number in HubSpot (see dial-number.mjs for options). */
  dial(number, options = {}) {
    if (options.to === "all") throw new TypeError("dial(): one DIAL_NUMBER goes to one frame; give to: \"remote\" or \"window\", or leave it out.");
    const frame = this.frame(options.to);
    this.requireReady("dial", [frame]);
    if (missing(number)) throw new TypeError("dial(number): give the phone number to dial, e.g. \"+1 617 555 0123\".");
    const data = dialNumberData(number, options, { config: this.config, typeIds: this.protocol.objectTypeIds, now: this.now });
    if (this.visibility.isHidden || this.visibility.isMinimized) this.show({ isMinimized: false, isHidden: false }, "DIAL_NUMBER");
    const sent = this.post(frame, this.T.DIAL_NUMBER, data);
    this.calls.dialed(frame, this.messages.findLast((m) => m.messageId === sent.messageId), data);
    return sent;
  }

  /** END_CALL: the user hung up in HubSpot. */
  endCall({ to } = {}) {
    return this.send(this.T.END_CALL, undefined, { to });
  }

  /** VISIBILITY_CHANGED: the call panel was minimised, hidden or shown again. */
  setVisibility({ isMinimized = false, isHidden = false } = {}, { to } = {}) {
    const visibility = { isMinimized: Boolean(isMinimized), isHidden: Boolean(isHidden) };
    const sent = this.send(this.T.VISIBILITY_CHANGED, visibility, { to });
    this.show(visibility, "VISIBILITY_CHANGED");
    return sent;
  }

  show(visibility, reason) {
    this.visibility = { ...visibility };
    this.effect("visibility", { ...visibility, reason });
  }

  /** Shows the widget again without telling it (as when the user reopens the call panel). */
  reveal() {
    this.show({ isMinimized: false, isHidden: false }, "reopened");
  }

  setSwitch(name, on) {
    this.switches[name] = Boolean(on);
    this.changed();
    return this.switches[name];
  }

  failNextEngagementCreate(on = true) {
    return this.setSwitch("failNextEngagementCreate", on);
  }

  failNextEngagementUpdate(on = true) {
    return this.setSwitch("failNextEngagementUpdate", on);
  }

  failNextCallerIdMatch(on = true) {
    return this.setSwitch("failNextCallerIdMatch", on);
  }

  /** Changes the session (see DEFAULTS); the next handshake uses it. A new layout makes new frames. */
  configure(changes) {
    const before = JSON.stringify(layoutOf(this.config));
    Object.assign(this.config, compact(changes));
    for (const key of LAYOUT_KEYS) if (changes[key] === "" || changes[key] === null) delete this.config[key];
    if (JSON.stringify(layoutOf(this.config)) !== before) {
      for (const frame of this.frames) frame.close();
      this.frames = layoutOf(this.config).map((place) => new WidgetFrame(this, place));
      this.effect("layout", { frames: this.frames.map(({ location, label, reportsCalls }) => ({ location, label, reportsCalls })) });
    }
    this.changed();
  }

  /** Asks the page to reload every frame (each gets a fresh SYNC); calls left open become ghost calls. */
  reload() {
    this.effect("reload", { url: this.config.widgetUrl, reset: false });
  }

  /** Ends the session: every call with an engagement still open is a ghost call. Returns the problems it raised. */
  endSession() {
    const before = this.problems.length;
    this.calls.judgeOpen("the session ended");
    this.calls.stop();
    for (const frame of this.frames) if (frame.handshake) frame.handshake.stop();
    this.ended = true;
    this.note("SESSION_ENDED", { calls: this.calls.list.length, problems: this.problems.length });
    this.changed();
    return this.problems.slice(before);
  }

  /** Forgets messages, problems, calls and switches, and reloads the widget (a new handshake). */
  reset() {
    for (const frame of this.frames) frame.stop();
    this.calls.clear();
    for (const list of [this.timeline, this.messages, this.problems]) list.length = 0;
    for (const name of SWITCHES) this.switches[name] = false;
    this.ended = false;
    this.show({ isMinimized: false, isHidden: false }, "reset");
    this.effect("reload", { url: this.config.widgetUrl, reset: true });
    this.changed();
  }

  /** Everything the page knows, as JSON-ready data (the page's Export button downloads it): a copy, BigInts and cycles as text. */
  export() {
    const strip = ({ seq, ...rest }) => rest;
    return JSON.parse(json({
      tool: "Calling DevKit host simulator",
      exportedAt: new Date(this.now()).toISOString(),
      hostUrl: this.hostUrl,
      config: compact(this.config),
      ready: this.ready,
      frames: this.frames.map((f) => ({ location: f.location, label: f.label, reportsCalls: f.reportsCalls, ready: f.ready, widget: f.widget })),
      widget: this.widget,
      calls: this.calls.list,
      problems: this.problems.map(strip),
      timeline: this.timeline.map(strip),
    }));
  }

  /** Stops the timers and the Channels' listeners. */
  dispose() {
    this.calls.stop();
    for (const frame of this.frames) frame.close();
    this.listeners.clear();
  }
}
