// One random session of the bridge's widget side (CallingExtensions in a fake iframe) for the property
// tests: a host that answers from inside its listener, strangers (another origin, a same-origin window,
// a sandboxed frame, hand-made events with no source), partner handlers that record, throw, or call the
// bridge again, and API calls with any payload. A model of the protocol's origin rules (the spec, written
// apart from the bridge) judges every event before the bridge sees it; the session reports what broke.
import { loadBridge, HOST_ORIGIN as HOST, WIDGET_ORIGIN as WIDGET } from "./fake-window.mjs";
import { MessageMaker, urlChoices } from "./random-messages.mjs";
import { MAX_PENDING_REPLIES, describe, explain, isExactOrigin, loggedErrors, originOf, propertyWorld, unreadable } from "./property-world.mjs";

const isObject = (value) => value !== null && typeof value === "object";

/** True when `value` holds something structured clone refuses (a function or a symbol). */
export function uncloneable(value, seen = new Set()) {
  if (typeof value === "function" || typeof value === "symbol") return true;
  if (!isObject(value) || seen.has(value)) return false;
  seen.add(value);
  const parts = value instanceof Map ? [...value].flat() : value instanceof Set ? [...value] : Object.values(value);
  return parts.some((part) => uncloneable(part, seen));
}

/**
 * What the protocol says the widget does with an event (content/reference/, "Origins"): "sync" (the first
 * SYNC from window.parent that names a destination), "deliver" (to the handlers), "reply", "dropped", "ignored", or "refused"
 * (a type or messageId String() cannot read). It moves the model's destination as SYNC and SET_WIDGET_URL do.
 */
function judge(model, event) {
  const message = event.data;
  if (!isObject(message)) return "ignored";
  if (message.type === "SYNC") {
    if (event.source !== model.parent) return "ignored"; // any origin, but only the window that framed the widget
    const origin = model.ready ? "" : message.hostUrl ? originOf(message.hostUrl) : model.origin;
    if (!origin) return "ignored";
    Object.assign(model, { ready: true, origin });
    return "sync";
  }
  if (event.origin !== model.origin || !message.type || !message.messageId) return "dropped";
  if (unreadable(message.messageId) || unreadable(message.type)) return "refused";
  if (String(message.messageId).startsWith(String(model.instanceId()))) return "reply";
  if (message.type === "SET_WIDGET_URL" && message.iFrameUrl) model.origin = originOf(message.iFrameUrl) || model.origin;
  return "deliver";
}

/** Runs one session of `steps` random steps; returns { crashes, misposts, foreign, unbounded, counts }. */
export async function widgetSession(random, { steps = 30 } = {}) {
  const world = propertyWorld();
  const host = world.window("host", HOST, { path: "/contacts/1" });
  const referrer = random.pick([`${HOST}/calling/`, `${HOST}/calling/`, "", "https://evil.example/", "not a url"]);
  const widget = world.window("widget", WIDGET, { path: "/widget/?x=1", referrer });
  widget.parent = world.handle(widget, host);
  const strangers = [world.window("evil", "https://evil.example"), world.window("twin", HOST), world.window("sandboxed", "null")];
  loadBridge(widget);
  const { CallingExtensions } = widget;
  const { Constants, protocol } = CallingExtensions;
  const maker = new MessageMaker({ types: Object.values(Constants.messageType), urls: urlChoices(HOST, WIDGET) });
  const report = { crashes: [], misposts: [], foreign: [], unbounded: [], counts: { events: 0, posts: 0, handlerCalls: 0, apiCalls: 0 } };
  const crash = (what, error) => report.crashes.push(`${what}: ${explain(error)}`);
  let cti;
  const model = { origin: originOf(referrer), ready: false, parent: widget.parent, instanceId: () => cti.channel.instanceId };
  const verdicts = new Map();
  widget.addEventListener("message", (event) => { // before the bridge's own listener
    report.counts.events++;
    verdicts.set(event, judge(model, event));
  });
  let testPosting = false; // the session's own posts (as another script of the widget's page) are not the bridge's
  world.onPost = ({ from, data, targetOrigin }) => {
    if (from !== widget || testPosting) return;
    report.counts.posts++;
    if (isObject(data) && typeof data.messageId === "string") maker.ids.push(data.messageId);
    const sync = isObject(data) && data.type === "SYNC";
    if (sync && !model.ready && !model.origin && targetOrigin === "") return; // no destination yet: the browser refuses it
    if ((!model.ready && !sync) || targetOrigin !== model.origin || !isExactOrigin(targetOrigin)) { // only SYNC may go early
      report.misposts.push(`posted ${isObject(data) ? describe(data.type) : typeof data} to ${JSON.stringify(targetOrigin)}; expected ${model.ready ? model.origin : "no post before SYNC"}`);
    }
  };

  // The partner: API calls with any payload. Only a payload structured clone refuses may throw, and
  // sendMessage(null | undefined), as the SDK's does.
  const methods = Object.keys(protocol.widgetToHost);
  const pendingReplies = new Map();
  const act = () => {
    report.counts.apiCalls++;
    const payload = random.chance(0.7) ? maker.payload(random) : random.value({ functions: random.chance(0.2) });
    const message = random.chance(0.9) ? maker.message(random) : random.pick([null, undefined, 5, "CALL_DATA"]);
    const call = random.weighted([
      [6, () => ["method", () => cti[random.pick(methods)](payload), payload]],
      [2, () => ["sendMessage", () => cti.sendMessage(message), message]],
      [2, () => ["send with a reply", () => {
        let sent;
        sent = cti.iFrameManager.sendMessage(isObject(message) ? { ...message, messageId: undefined } : { type: "CALL_DATA" }, (reply) => {
          const id = sent && sent.messageId;
          if (!pendingReplies.has(id)) report.unbounded.push(`a reply reached a callback twice, or the wrong one (${id}, got ${reply.messageId})`);
          else if (reply.messageId !== id) report.unbounded.push(`the reply to ${id} carried ${reply.messageId}`);
          pendingReplies.delete(id);
          if (random.chance(0.2)) throw partner(new Error("a reply callback's bug"));
        });
        if (sent) pendingReplies.set(sent.messageId, true);
      }, message]],
      [1, () => ["logDebugMessage", () => cti.logDebugMessage({ message: payload, type: random.pick([undefined, "x", payload]) }), payload]],
    ]);
    const [what, run, argument] = call;
    try {
      run();
    } catch (error) {
      const name = error && error.name;
      const allowed = (name === "DataCloneError" && uncloneable(argument)) ||
        (what === "sendMessage" && (argument === null || argument === undefined) && name === "TypeError") ||
        (name === "SyntaxError" && isObject(argument) && argument.type === "SYNC" && !model.origin); // no destination to post to
      if (!allowed) crash(`${what}(${describe(argument)}) threw`, error);
    }
  };

  const thrown = new Set();
  const partner = (value) => (thrown.add(value), value);
  // The partner's handlers: record (and check the event), throw, call the bridge again, or are no function.
  const handler = (name) => random.weighted([
    [5, () => (data, message) => note(name, message)],
    [2, () => (data, message) => {
      note(name, message);
      throw partner(random.pick([new Error("partner bug"), "a string", undefined, { toString: 1 }]));
    }],
    [2, () => (data, message) => {
      note(name, message);
      act();
    }],
    [0.5, () => random.pick(["oops", 5, null, {}])],
  ]);
  const note = (name) => {
    report.counts.handlerCalls++;
    const verdict = world.current && verdicts.get(world.current);
    const fromSync = verdict === "sync" && (name === "onReady" || name === "defaultEventHandler");
    if (!fromSync && verdict !== "deliver") {
      report.foreign.push(`${name} ran for an event the protocol ${verdict || "never sent"}` +
        (world.current ? ` (origin ${world.current.origin}, ${describe(world.current.data)})` : ""));
    }
  };
  const names = [...Object.values(protocol.hostToWidget), "FAILED", "defaultEventHandler", random.word()];
  const eventHandlers = Object.fromEntries(names.filter(() => random.chance(0.7)).map((name) => [name, handler(name)]));
  cti = new CallingExtensions({ debugMode: random.chance(0.3), eventHandlers });

  // The host answers from inside its own listener: a reply with the same id, or anything at all.
  const toWidget = world.handle(host, widget);
  host.addEventListener("message", (event) => {
    if (!random.chance(0.3)) return;
    const answer = maker.message(random);
    if (isObject(answer) && isObject(event.data) && random.chance(0.5)) answer.messageId = event.data.messageId;
    toWidget.postMessage(answer, random.chance(0.9) ? WIDGET : "*");
  });

  const post = (from, message) => {
    testPosting = true;
    try {
      world.handle(from, widget).postMessage(message, random.chance(0.9) ? WIDGET : "*");
    } finally {
      testPosting = false;
    }
  };
  const sender = () => (random.chance(0.7) ? host : random.pick([...strangers, widget]));
  for (let step = 0; step < steps; step++) {
    await random.weighted([
      [3, () => post(random.chance(0.85) ? host : sender(), { type: "SYNC", messageId: maker.id(random), hostUrl: random.chance(0.8) ? HOST : maker.url(random), portalId: random.value({ depth: 0 }) })],
      [10, () => post(sender(), maker.message(random))],
      [1, () => world.raw(widget, { data: maker.message(random), origin: random.pick([HOST, "null", "", "https://evil.example"]), source: random.pick([null, toWidget]) })],
      [4, act],
      [3, () => world.settle()],
      [0.3, () => world.clock.tick(random.int(40_000))],
    ]);
  }
  await world.settle();
  for (const { error, event } of world.errors) crash(`a listener threw on ${describe(event.data)}`, error);
  for (const { args } of loggedErrors(widget, thrown)) crash("the bridge caught and logged its own error", args.at(-1));
  if (Object.keys(cti.channel.callbacks).length > MAX_PENDING_REPLIES) {
    report.unbounded.push(`${Object.keys(cti.channel.callbacks).length} callbacks pending`);
  }
  return report;
}
