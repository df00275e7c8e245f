// One random session of the bridge's host side (IFrameManager with iFrameOptions, framing a widget as
// HubSpot does) for the property tests: the frame loads, reloads and fails at random, the clock jumps, a
// hand-played widget answers SYNCs (stale ones too) and posts anything, strangers post, and the partner's
// onMessageHandler records, throws, or sends from inside itself, with and without reply callbacks.
import { loadBridge, HOST_ORIGIN as HOST, WIDGET_ORIGIN as WIDGET } from "./fake-window.mjs";
import { MessageMaker, urlChoices } from "./random-messages.mjs";
import { describe, explain, isExactOrigin, loggedErrors, originOf, propertyWorld } from "./property-world.mjs";

const isObject = (value) => value !== null && typeof value === "object";

/** Just the DOM IFrameManager's host mode touches: one element, and the iframe it makes (fire(type) fires its events). */
function fakeDocument(world, host, widget) {
  const element = { children: [], replaceChildren(...nodes) { this.children = nodes; } };
  return {
    iframes: [],
    querySelector: (selector) => (selector === "#calls" ? element : null),
    createElement() {
      const listeners = {};
      const iframe = {
        contentWindow: world.handle(host, widget),
        addEventListener: (type, fn) => (listeners[type] ||= []).push(fn),
        setAttribute(name, value) { this[name] = value; },
        remove() { element.children = []; },
        fire: (type) => (listeners[type] || []).forEach((fn) => fn({ type })),
      };
      this.iframes.push(iframe);
      return iframe;
    },
  };
}

/** Runs one session of `steps` random steps; returns { crashes, misposts, foreign, unbounded, counts }. */
export async function hostModeSession(random, { steps = 30 } = {}) {
  const world = propertyWorld();
  const host = world.window("host", HOST, { path: "/calling/" });
  const widget = world.window("widget", WIDGET, { path: "/widget/", referrer: `${HOST}/` });
  const strangers = [world.window("evil", "https://evil.example"), world.window("twin", WIDGET), world.window("sandboxed", "null")];
  host.document = fakeDocument(world, host, widget);
  widget.parent = world.handle(widget, host);
  loadBridge(host);
  const { IFrameManager, Constants } = host.CallingExtensions;
  const maker = new MessageMaker({ types: Object.values(Constants.messageType), urls: urlChoices(HOST, WIDGET) });
  const report = { crashes: [], misposts: [], foreign: [], unbounded: [], counts: { events: 0, posts: 0, handlerCalls: 0, apiCalls: 0 } };
  const crash = (what, error) => report.crashes.push(`${what}: ${explain(error)}`);
  const guard = (what, fn) => {
    try {
      return fn();
    } catch (error) {
      crash(what, error);
      return undefined;
    }
  };

  // The origins the host may talk to: the frame's src, and what the widget named from one of them (an
  // over-approximation of the protocol: SYNC_ACK's and SET_WIDGET_URL's iFrameUrl).
  const src = random.pick([`${WIDGET}/widget/`, `${WIDGET}/widget/?a=1#b`, "/relative/widget/"]);
  const allowed = new Set([originOf(src, host.location.href)].filter(Boolean));
  const syncIds = [];
  host.addEventListener("message", (event) => { // before the bridge's own listener
    report.counts.events++;
    const message = event.data;
    if (isObject(message) && allowed.has(event.origin) && message.type !== "SYNC" && message.iFrameUrl) {
      const origin = originOf(message.iFrameUrl);
      if (origin) allowed.add(origin);
    }
  });
  world.onPost = ({ from, data, targetOrigin }) => {
    if (from !== host) return;
    report.counts.posts++;
    if (isObject(data) && data.type === "SYNC") syncIds.push(data.messageId);
    if (!allowed.has(targetOrigin) || !isExactOrigin(targetOrigin)) {
      report.misposts.push(`posted ${isObject(data) ? describe(data.type) : typeof data} to ${JSON.stringify(targetOrigin)}; allowed: ${[...allowed].join(" ")}`);
    }
  };

  const thrown = new Set();
  const partner = (value) => (thrown.add(value), value);
  let manager;
  const send = () => {
    report.counts.apiCalls++;
    const message = maker.message(random);
    if (!isObject(message)) return guard("sendMessage of a non-object", () => manager.sendMessage({ type: "CALL_DATA", data: message }));
    if (random.chance(0.5)) delete message.messageId;
    const reply = random.chance(0.5) ? (answer) => {
      note("a reply callback", answer);
      if (random.chance(0.2)) throw partner(new Error("a reply callback's bug"));
    } : undefined;
    return guard(`sendMessage(${describe(message)})`, () => manager.sendMessage(message, reply));
  };
  const note = (what, message) => {
    report.counts.handlerCalls++;
    const event = world.current; // no event: the bridge's own SYNC_ACK_FAILED (a timer, the frame's error)
    if (event ? allowed.has(event.origin) : isObject(message) && message.type === "SYNC_ACK_FAILED") return;
    report.foreign.push(`${what} ran for ${event ? `an event from ${event.origin}` : "no event"}: ${describe(message)}`);
  };
  const onMessageHandler = random.weighted([
    [4, () => (message) => note("onMessageHandler", message)],
    [2, () => (message) => {
      note("onMessageHandler", message);
      throw partner(random.pick([new Error("partner bug"), "a string", { toString: 1 }]));
    }],
    [2, () => (message) => {
      note("onMessageHandler", message);
      send();
    }],
  ]);
  manager = guard("new IFrameManager", () => new IFrameManager({
    iFrameOptions: { src, width: random.pick([400, "100%"]), height: 600, hostElementSelector: "#calls" },
    onMessageHandler, debugMode: random.chance(0.3),
  }));
  if (!manager) return report;
  const iframe = host.document.iframes[0];

  const post = (from, message) => world.handle(from, host).postMessage(message, random.chance(0.9) ? HOST : "*");
  for (let step = 0; step < steps; step++) {
    await random.weighted([
      [2, () => guard("the frame's load", () => iframe.fire("load"))],
      [0.3, () => guard("the frame's error", () => iframe.fire("error"))],
      [3, () => guard("timers", () => world.clock.tick(random.chance(0.1) ? 31_000 : random.int(500)))],
      [4, () => { // the widget answers a SYNC, maybe a stale one, maybe naming another URL
        const id = syncIds.length ? (random.chance(0.7) ? syncIds.at(-1) : random.pick(syncIds)) : maker.id(random);
        post(widget, { type: "SYNC_ACK", messageId: id, iFrameUrl: random.chance(0.7) ? WIDGET : maker.url(random), debugMode: random.value({ depth: 0 }) });
      }],
      [6, () => post(random.chance(0.7) ? widget : random.pick(strangers), maker.message(random))],
      [1, () => world.raw(host, { data: maker.message(random), origin: random.pick([WIDGET, "null", ""]), source: null })],
      [3, send],
      [0.5, () => guard("updateIFrameSize", () => manager.updateIFrameSize(random.chance(0.5) ? maker.payload(random) : undefined))],
      [0.1, () => guard("remove", () => manager.remove())],
      [3, () => world.settle()],
    ]);
    const waiting = Object.keys(manager.channel.callbacks).length;
    if (waiting > 500) report.unbounded.push(`${waiting} callbacks pending`);
  }
  await world.settle();
  for (const { error, event } of world.errors) crash(`a listener threw on ${describe(event.data)}`, error);
  for (const { args } of loggedErrors(host, thrown)) crash("the bridge caught and logged its own error", args.at(-1));
  return report;
}
