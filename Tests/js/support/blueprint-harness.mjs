// The blueprint (site/blueprint/app.mjs) in the fake widget frames of the host simulator's harness
// (host-harness.mjs: fake windows, fake time), with a fake BroadcastChannel between its frames. The
// simulator is the oracle: a correct blueprint leaves sim.problems empty.
//
//   const t = await blueprint();                       // one "widget" frame
//   const t = await blueprint({ config: { usesRemote: true, usesCallingWindow: true } });
//   await t.act("logIn", { user: "ada", password: "x" });   // a user action in the frame that reports calls
//   await t.act("call", [], "remote");                       // ... or in another frame
//   await t.tick(2000);                                      // fake time passes
//   const release = t.hold("onCreateEngagementSucceeded");   // HubSpot's answer comes late ...
//   await release();                                         // ... now
import { harness, WIDGET } from "./host-harness.mjs";
import { loadBridge } from "./fake-window.mjs";
import { startApp } from "../../../site/blueprint/app.mjs";

export { WIDGET };

/**
 * Channels that deliver to the other open channels of the same name, later, like BroadcastChannel.
 * `opened` names every channel ever opened; `openNow()` counts those not closed yet.
 */
export function fakeBroadcast() {
  const open = new Map();
  const bus = {
    sent: [],
    opened: [],
    pending: 0,
    openNow: () => [...open.values()].reduce((n, set) => n + set.size, 0),
    open(name) {
      bus.opened.push(name);
      const channel = {
        name,
        onmessage: null,
        postMessage(data) {
          const copy = structuredClone(data);
          bus.sent.push({ name, data: copy });
          for (const peer of open.get(name)) {
            if (peer === channel) continue;
            bus.pending++;
            setImmediate(() => {
              bus.pending--;
              if (open.get(name).has(peer) && peer.onmessage) peer.onmessage({ data: structuredClone(copy) });
            });
          }
        },
        close() {
          open.get(name).delete(channel);
        },
      };
      if (!open.has(name)) open.set(name, new Set());
      open.get(name).add(channel);
      return channel;
    },
  };
  return bus;
}

/** The simulator with the blueprint in each of its frames, handshakes done. */
export async function blueprint({ config = {}, settings } = {}) {
  const t = harness({ config: { widgetUrl: `${WIDGET}/blueprint/`, ...config } });
  const bus = fakeBroadcast();
  const clock = { now: () => t.clock.now, setTimeout: (fn, ms) => t.clock.setTimeout(fn, ms), clearTimeout: (id) => t.clock.clearTimeout(id) };
  const apps = {};
  const log = [];
  for (const [location, { window: win }] of Object.entries(t.frames)) {
    t.clock.tick(1); // each page's instance id is its own
    loadBridge(win);
    let calls = 0;
    apps[location] = startApp({
      CallingExtensions: win.CallingExtensions,
      Constants: win.CallingExtensions.Constants,
      clock,
      openChannel: (name) => bus.open(name),
      log: (direction, type, data) => log.push({ location, direction, type, data }),
      settings,
      recordingBase: `${WIDGET}/recordings/`,
      newCallId: () => `${location}-call-${++calls}`,
    });
  }
  const main = t.sim.frame().location; // the frame that reports calls
  const settle = async () => {
    do await t.settle();
    while (bus.pending > 0 && (await new Promise((resolve) => setImmediate(resolve)), true));
    await t.settle();
  };
  const b = {
    ...t, bus, apps, log, main, settle,
    phone: apps[main].phone,
    /** A user action in a frame (default: the one that reports calls), then everything it caused. */
    async act(name, args = [], location = main) {
      apps[location].phone.act(name, ...(Array.isArray(args) ? args : [args]));
      await settle();
    },
    /**
     * Holds back a HubSpot event from a frame's phone (for example a CREATE_ENGAGEMENT_SUCCEEDED that
     * comes late); returns release(), which hands the phone what was held, settles, and returns it.
     */
    hold(handler, location = main) {
      const phone = apps[location].phone;
      const held = [];
      phone[handler] = (data) => held.push(data);
      return async () => {
        delete phone[handler];
        for (const data of held) phone[handler](data);
        await settle();
        return held;
      };
    },
    /** Fake time passes, then everything it caused. */
    async tick(ms) {
      t.clock.tick(ms);
      await settle();
    },
    /** The types the widget sent HubSpot (SYNC_ACK left out), from one frame or all. */
    sent: (location) => t.sim.messages.filter((m) => m.direction === "toHost" && m.type !== "SYNC_ACK" && (!location || m.location === location)).map((m) => m.type),
    /** The data of the last message of `type` the widget sent. */
    last: (type) => t.sim.messages.filter((m) => m.direction === "toHost" && m.type === type).at(-1)?.data,
    /** The simulator's problems, readable. */
    problems: () => t.sim.problems.map((p) => `${p.rule}: ${p.message}`),
  };
  t.load();
  await settle();
  if (!t.sim.ready) throw new Error("the blueprint did not answer SYNC in every frame");
  return b;
}
