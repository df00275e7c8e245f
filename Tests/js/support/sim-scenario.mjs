// One random session of the host simulator's core (site/host/host.mjs and the modules it wires) for the
// property tests: frames load, reload and fail; hand-played widgets answer SYNCs (stale ones too) and post
// anything, sometimes our bridge runs in a frame; strangers post (another origin, a same-origin window
// that is no frame, hand-made events with no source); the page's script calls devkitHost's API and its
// listeners throw or call back in; the clock jumps. Models of the origins and sources the protocol
// allows judge what reaches the state machine and every post; the session reports what broke.
import { loadBridge } from "./fake-window.mjs";
import { MessageMaker, urlChoices } from "./random-messages.mjs";
import { describe, explain, isExactOrigin, loggedErrors, originOf, propertyWorld } from "./property-world.mjs";
import { HOST, WIDGET } from "./host-harness.mjs";
import { HostSimulator } from "../../../site/host/host.mjs";
import { Handshake } from "../../../site/host/handshake.mjs";
import { timelineAsMermaid } from "../../../site/host/mermaid-export.mjs";
import { brief } from "../../../site/host/timeline.mjs";

const isObject = (value) => value !== null && typeof value === "object";

// Every SYNC_ACK the simulator accepts passes here (one hook for the session that runs).
let acknowledgedHook = null;
const acknowledged = Handshake.prototype.acknowledged;
Handshake.prototype.acknowledged = function (reply) {
  if (acknowledgedHook) acknowledgedHook(this.frame, reply);
  return acknowledged.call(this, reply);
};

/** Errors devkitHost's API throws on purpose: a clear message about the caller's mistake. */
const API_MISTAKES = /has not answered SYNC yet|^No \w+ frame in this layout|^send\(type, data\)|^dial\(/;

/**
 * Runs one session of `steps` random steps; returns { crashes, misposts, foreign, unbounded, counts }.
 * The simulator's own console.error (a page listener that threw) is collected, not printed, meanwhile.
 */
export async function simSession(random, options) {
  const printed = console.error;
  const logged = [];
  console.error = (...args) => logged.push(args);
  try {
    return await session(random, options, logged);
  } finally {
    console.error = printed;
  }
}

async function session(random, { steps = 40 } = {}, nodeErrors) {
  const world = propertyWorld();
  const host = world.window("host", HOST, { path: "/host/" });
  loadBridge(host);
  const protocol = host.CallingExtensions.protocol;
  const config = { widgetUrl: `${WIDGET}/widget/`, ...random.pick([{}, { usesRemote: true }, { usesRemote: true, usesCallingWindow: true },
    { usesCallingWindow: true }, { iframeLocation: "remote" }, { engagementId: 72001 }]) };
  const types = [...Object.values(protocol.widgetToHost), "SYNC_ACK", "UNLOADING", "SYNC", ...Object.keys(protocol.hostToWidget)];
  const maker = new MessageMaker({ types, urls: urlChoices(HOST, WIDGET) });
  const report = { crashes: [], misposts: [], foreign: [], unbounded: [], counts: { events: 0, posts: 0, entries: 0, apiCalls: 0 } };
  const crash = (what, error) => report.crashes.push(`${what}: ${explain(error)}`);
  const thrown = new Set();
  const partner = (value) => (thrown.add(value), value);
  const sim = new HostSimulator({ protocol, window: host, config, timers: world.clock, now: () => world.clock.now });
  world.clock.tick(5); // the widgets' pages load a little later, so their instance ids differ

  // The frames' windows, made and attached as the page does when it inserts an iframe (again after a new layout).
  const windows = {};
  const attach = () => {
    for (const frame of sim.frames) {
      if (!windows[frame.location]) {
        const win = world.window(frame.location, WIDGET, { path: "/widget/", referrer: `${HOST}/host/` });
        win.parent = world.handle(win, host);
        windows[frame.location] = win;
      }
      if (!frame.target) frame.attach(world.handle(host, windows[frame.location]));
    }
  };
  attach();
  const frameWindows = () => new Set(sim.frames.map((f) => windows[f.location]));
  const strangers = [world.window("evil", "https://evil.example"), world.window("twin", WIDGET), world.window("sandboxed", "null")];

  // The origins HubSpot may talk to: the widget URL's, and what a frame's SYNC_ACK named (SET_WIDGET_URL
  // moves the widget URL; configure() too).
  const allowed = new Set();
  const allow = () => allowed.add(originOf(sim.config.widgetUrl, host.location.href));
  allow();
  acknowledgedHook = (frame, reply) => {
    const event = world.current;
    if (!event || event.source !== frame.target || !allowed.has(event.origin)) {
      report.foreign.push(`a SYNC_ACK from ${event ? event.origin : "no event"} completed the ${frame.location}'s handshake`);
    }
    const declared = originOf(reply.iFrameUrl);
    if (declared) allowed.add(declared);
  };
  const checkSource = (what, frame, message, { origin = true } = {}) => {
    const event = world.current;
    const fromFrame = event && event.source === frame.target;
    if (!fromFrame || (origin && !allowed.has(event.origin))) {
      report.foreign.push(`${what} got ${describe(message)} from ${event ? `${event.origin}, ${event.source === frame.target ? "the frame" : "another window"}` : "no event"}`);
    }
  };
  const { inbox } = sim;
  const wrap = (name, check) => {
    const original = inbox[name].bind(inbox);
    inbox[name] = (frame, ...rest) => {
      check(frame, ...rest);
      return original(frame, ...rest);
    };
  };
  wrap("handle", (frame, message) => checkSource("the state machine", frame, message));
  wrap("tapped", (frame, direction, message) => direction === "in" && checkSource("the timeline", frame, message));
  wrap("stray", (frame, message) => checkSource("the stray-SYNC check", frame, message, { origin: false }));
  wrap("dropped", (frame, message) => checkSource("the dropped-message check", frame, message, { origin: false }));

  world.onPost = ({ from, to, data, targetOrigin }) => {
    if (from !== host) return;
    report.counts.posts++;
    allow(); // a new widget URL takes effect at the next load
    if (isObject(data) && data.type === "SYNC" && typeof data.messageId === "string") maker.ids.push(data.messageId);
    if (!frameWindows().has(to) && !Object.values(windows).includes(to)) report.misposts.push(`posted to ${to.name}, no frame`);
    if (!allowed.has(targetOrigin) || !isExactOrigin(targetOrigin)) {
      report.misposts.push(`posted ${describe(isObject(data) ? data.type : data)} to ${JSON.stringify(targetOrigin)}; allowed: ${[...allowed].join(" ")}`);
    }
  };
  host.addEventListener("message", () => report.counts.events++);

  // The page's script: devkitHost's API, and listeners that throw or call it back.
  const api = () => {
    report.counts.apiCalls++;
    const frame = random.pick(sim.frames);
    const to = random.pick([undefined, frame.location, "all", "nowhere"]);
    const call = random.weighted([
      [3, () => () => sim.dial(random.pick(["+1 617 555 0123", "+44 20 7946 0958", "", random.string()]),
        { to: random.chance(0.8) ? undefined : to, startCall: random.chance(0.5), objectId: random.pick([undefined, 901, 951, 0]) })],
      [3, () => () => sim.send(random.chance(0.9) ? maker.type(random) : random.value({ depth: 0 }), maker.payload(random), { to })],
      [1, () => () => sim.endCall({ to })],
      [1, () => () => sim.setVisibility({ isMinimized: random.chance(0.5), isHidden: random.chance(0.5) }, { to })],
      [1, () => () => sim[random.pick(["failNextEngagementCreate", "failNextEngagementUpdate", "failNextCallerIdMatch"])](random.chance(0.8))],
      [0.5, () => () => sim.configure(random.pick([{ usesRemote: random.chance(0.5) }, { usesCallingWindow: random.chance(0.5) },
        { widgetUrl: random.pick([`${WIDGET}/other/`, "https://elsewhere.example/w"]) }, { portalId: random.value({ depth: 0 }) }, { iframeLocation: "" }]))],
      [0.3, () => () => sim.reset()],
      [0.3, () => () => sim.endSession()],
      [0.5, () => () => sim.export()],
      [0.5, () => () => timelineAsMermaid(sim)],
    ]);
    try {
      call();
    } catch (error) {
      if (!(error instanceof Error && API_MISTAKES.test(error.message))) crash("an API call threw", error);
    }
    attach();
  };
  sim.on(random.weighted([
    [4, () => () => {}],
    [1, () => (event) => {
      if (event.kind === "message" && random.chance(0.3)) throw partner(new Error("a listener's bug"));
    }],
    [1, () => (event) => {
      if (event.kind === "message" && random.chance(0.2)) api();
    }],
  ]));

  // The widgets: hand-played (answer a SYNC, maybe a stale one, or post anything), or our bridge.
  const bridges = {};
  const widget = (location) => {
    const win = windows[location];
    if (bridges[location] || !random.chance(0.2)) return;
    world.clock.tick(1);
    loadBridge(win);
    const cti = new win.CallingExtensions({ eventHandlers: { onReady: () => cti.initialized({ isLoggedIn: true }),
      onDialNumber: (data) => cti.outgoingCall({ externalCallId: random.pick(maker.callIds), toNumber: data && data.phoneNumber, createEngagement: random.chance(0.6) }),
      onCreateEngagementSucceeded: (data) => cti.callEnded({ externalCallId: random.pick(maker.callIds), engagementId: data && data.engagementId, callEndStatus: "COMPLETED" }),
      defaultEventHandler: () => random.chance(0.3) && cti.callCompleted({ externalCallId: random.pick(maker.callIds), hideWidget: random.chance(0.5) }) } });
    bridges[location] = cti;
  };
  const post = (from, message) => world.handle(from, host).postMessage(message, random.chance(0.9) ? HOST : "*");
  const pickFrame = () => random.pick(sim.frames);
  const guard = (what, fn) => {
    try {
      fn();
    } catch (error) {
      crash(what, error);
    }
  };
  for (let step = 0; step < steps; step++) {
    const frame = pickFrame();
    const win = windows[frame.location];
    await random.weighted([
      [2, () => guard(`loading the ${frame.location}`, () => {
        widget(frame.location);
        sim.load(frame.target, frame.location);
      })],
      [0.3, () => guard(`the ${frame.location}'s error`, () => sim.loadError(frame.location))],
      [4, () => {
        const id = maker.ids.length && random.chance(0.8) ? (random.chance(0.7) ? maker.ids.at(-1) : random.pick(maker.ids)) : maker.id(random);
        post(win, { type: "SYNC_ACK", messageId: id, iFrameUrl: random.chance(0.8) ? WIDGET : maker.url(random), version: "0.9.6" });
      }],
      [8, () => post(random.chance(0.8) ? win : random.pick(strangers), maker.message(random))],
      [1, () => world.raw(host, { data: maker.message(random), origin: random.pick([WIDGET, "null", ""]), source: random.pick([null, world.handle(strangers[1], host)]) })],
      [3, api],
      [3, () => guard("timers", () => world.clock.tick(random.chance(0.04) ? 31_000 : random.int(600)))],
      [4, () => world.settle()],
    ]);
    bounds(sim, world, host, report);
  }
  await world.settle();
  acknowledgedHook = null;
  for (const { error, event } of world.errors) crash(`a listener threw on ${describe(event.data)}`, error);
  for (const { args } of loggedErrors(host, thrown, { own: /site\/host\// })) crash("the simulator threw inside the bridge's listener", args[1]);
  for (const args of nodeErrors) if (!thrown.has(args.at(-1))) crash(`console.error(${describe(args[0])})`, args.at(-1));
  for (const entry of sim.timeline) {
    try {
      brief(entry);
    } catch (error) {
      crash(`the timeline's summary of ${describe(entry.message)}`, error);
    }
  }
  for (const [what, make] of [["export()", () => JSON.stringify(sim.export())], ["timelineAsMermaid()", () => timelineAsMermaid(sim)]]) {
    try {
      make();
    } catch (error) {
      crash(what, error);
    }
  }
  report.counts.entries += sim.timeline.length;
  sim.dispose();
  return report;
}

/** The simulator's pending tables stay small: SYNC callbacks of one handshake per frame, a few timers, one listener per frame. */
function bounds(sim, world, host, report) {
  const perHandshake = Math.ceil(sim.config.syncTimeout / sim.config.syncInterval) + 2;
  for (const frame of sim.frames) {
    const waiting = Object.keys(frame.channel.callbacks).length;
    if (waiting > perHandshake) report.unbounded.push(`${waiting} SYNC callbacks pending for the ${frame.location}`);
  }
  const timers = world.clock.pending.size;
  if (timers > 3 * sim.frames.length + 1) report.unbounded.push(`${timers} timers pending for ${sim.frames.length} frames`);
  const listeners = host.listenerCount();
  if (listeners > sim.frames.length + 1) report.unbounded.push(`${listeners} message listeners on the host page for ${sim.frames.length} frames`);
}
