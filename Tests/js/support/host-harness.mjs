// A host page running the simulator (site/host/host.mjs) and its widget frames, in fake windows on fake
// time: every window's Date.now() and the simulator's timers follow one clock that moves only on
// tick(ms), so handshakes, timeouts and message ids are the same on every run.
//
//   const t = harness({ config: { usesRemote: true, usesCallingWindow: true } });
//   const { cti } = t.bridge({}, "window");   // our bridge as the calling window's widget
//   t.load();                                 // every frame fires `load`
//   await t.settle();                         // every posted message delivered
//   t.clock.tick(5000);                       // timers fall due in order
import { createWorld, loadBridge, plain } from "./fake-window.mjs";
import { HostSimulator } from "../../../site/host/host.mjs";
import { layoutOf } from "../../../site/host/session.mjs";

export const HOST = "https://127.0.0.1:9025";
export const WIDGET = "https://localhost:9025";

/** Timers that run only when told to: tick(ms) runs what falls due, in order, moving `now` along. */
export function fakeTimers(start = 1_700_000_000_000) {
  let now = start;
  let nextId = 0;
  const pending = new Map();
  return {
    get now() {
      return now;
    },
    pending,
    setTimeout(fn, ms = 0) {
      pending.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

/** A Date for a fake window whose now() is the clock's. */
const dateOn = (clock) => class FakeDate extends Date {
  static now() {
    return clock.now;
  }
};

/**
 * The host page on HOST with the simulator, and one fake window per frame of the layout (named by its
 * iframeLocation, or "widget" for a single frame) on widgetOrigin. Window handles are stable, so
 * `event.source` is the simulator's target, as in a browser.
 */
export function harness({ config = {}, widgetOrigin = WIDGET } = {}) {
  const world = createWorld();
  const rawHandle = world.handle;
  const handles = new Map();
  world.handle = (from, to) => {
    const key = `${from.name}@${from.origin}>${to.name}`; // a frame's window is one object, whatever it shows
    if (!handles.has(key)) handles.set(key, rawHandle.call(world, from, to));
    return handles.get(key);
  };
  const clock = fakeTimers();
  const host = world.window("host", HOST, { path: "/host/" });
  host.Date = dateOn(clock);
  loadBridge(host);
  const events = [];
  const sim = new HostSimulator({
    protocol: host.CallingExtensions.protocol,
    window: host,
    config: { widgetUrl: `${WIDGET}/widget/`, ...config },
    timers: clock,
    now: () => clock.now,
  });
  sim.on((event) => events.push(event));
  clock.tick(5); // the widgets' pages load a little later than the host's, so their instance ids differ

  const frames = {};
  const places = layoutOf(sim.config);
  for (const { location } of places) {
    const name = places.length === 1 ? "widget" : location;
    const win = world.window(name, widgetOrigin, { path: "/widget/", referrer: `${HOST}/host/` });
    win.Date = dateOn(clock);
    win.parent = world.handle(win, host);
    frames[location] = { window: win, target: world.handle(host, win) };
    sim.frame(location).attach(frames[location].target); // as the page does when it inserts the iframe
  }
  const primary = frames[sim.frame().location];
  let counter = 0;
  const frameOf = (location) => (location === undefined ? primary : frames[location]);

  const t = {
    world, host, sim, clock, events, frames,
    widget: primary.window,
    target: primary.target,
    settle: () => world.settle(),
    rules: () => sim.problems.map((p) => p.rule),
    /** Messages the host got or sent, as "toHost TYPE" / "toWidget TYPE" (with the lane when asked). */
    flow: ({ syncs = false, lanes = false } = {}) => sim.messages.filter((m) => syncs || m.type !== "SYNC")
      .map((m) => `${lanes ? `${m.location} ` : ""}${m.direction} ${m.type}`),
    sent: (type, location) => sim.messages.filter((m) => m.direction === "toWidget" && m.type === type && (!location || m.location === location)),
    got: (type, location) => sim.messages.filter((m) => m.direction === "toHost" && m.type === type && (!location || m.location === location)),
    /** Every frame (or one) fires `load`. */
    load(location) {
      for (const l of location ? [location] : Object.keys(frames)) sim.load(frames[l].target, l);
    },
    /** Posts a raw message from a frame to the host (a messageId is added unless given). */
    post(message, { id = true, from, location, targetOrigin = HOST } = {}) {
      const m = id && !("messageId" in message) ? { messageId: `w_${++counter}`, ...message } : message;
      world.handle(from || frameOf(location).window, host).postMessage(m, targetOrigin);
      return m;
    },
    /** A hand-written widget in a frame that answers the first SYNC the way the SDK does. */
    answerSync({ iFrameUrl = widgetOrigin, keepId = true, location } = {}) {
      const win = frameOf(location).window;
      let done = false;
      win.addEventListener("message", (event) => {
        if (done || event.data.type !== "SYNC") return;
        done = true;
        const ack = { ...event.data, type: "SYNC_ACK", debugMode: false, version: "0.9.6", iFrameUrl };
        if (!keepId) ack.messageId = "w_ack";
        win.parent.postMessage(ack, event.data.hostUrl);
      });
    },
    /** Loads every frame and waits for the handshake with hand-written widgets. */
    async handshake(options = {}) {
      for (const location of Object.keys(frames)) t.answerSync({ ...options, location });
      t.load();
      await world.settle();
    },
    /** Our bridge as the widget of a frame; its event handlers record into `calls`. */
    bridge(handlers = {}, location) {
      const win = frameOf(location).window;
      clock.tick(1); // each page's instance id is its own
      loadBridge(win);
      const calls = [];
      const names = Object.values(win.CallingExtensions.protocol.hostToWidget);
      const eventHandlers = Object.fromEntries(names.map((n) => [n, (data) => calls.push({ name: n, data: plain(data) })]));
      const cti = new win.CallingExtensions({ debugMode: false, eventHandlers: { ...eventHandlers, ...handlers } });
      return { cti, calls };
    },
  };
  return t;
}
