// A small fake of two browser windows (a host page and the widget iframe inside it) talking with
// postMessage, so the bridge can run under node:vm without a browser.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const bridgePath = path.join(repoRoot, "site/assets/calling-extensions.js");
export const modulePath = path.join(repoRoot, "site/assets/calling-extensions.mjs");
export const bridgeSource = fs.readFileSync(bridgePath, "utf8");

export const HOST_ORIGIN = "https://app.hubspot.com";
export const WIDGET_ORIGIN = "https://calls.example.com";

/** A JSON-safe copy in this realm, so objects built inside the vm compare with deepEqual. */
export const plain = (value) => (value === undefined ? undefined : structuredClone(value));

/**
 * Builds windows that share one message queue. `world.window(name, origin)` makes a window;
 * `world.handle(from, to)` is what `from` holds to post to `to` (like `iframe.contentWindow`
 * or `window.parent`), the same object every time; it is the `source` of what `to` posts back.
 * Every post is recorded in `world.posts`; `world.onPost({ from, to, data, targetOrigin })`, when set,
 * sees each one first, as it was given.
 */
export function createWorld() {
  let pending = 0;
  const handles = new Map(); // from -> (to -> handle)
  const makeHandle = (from, to) => ({
    postMessage(data, targetOrigin) {
      if (world.onPost) world.onPost({ from, to, data, targetOrigin });
      const copy = structuredClone(data); // throws like a browser on functions etc.
      world.posts.push({ from: from.name, to: to.name, targetOrigin, data: copy });
      if (targetOrigin !== "*" && targetOrigin !== "/") {
        let target;
        try {
          target = new URL(targetOrigin).origin;
        } catch {
          throw new SyntaxError(`postMessage: invalid targetOrigin ${JSON.stringify(targetOrigin)}`);
        }
        if (target !== to.origin) return; // a browser drops it silently
      }
      pending++;
      setImmediate(() => {
        pending--;
        to.dispatch({ data: structuredClone(copy), origin: from.origin, source: world.handle(to, from) });
      });
    },
  });
  const world = {
    posts: [],
    onPost: null,
    window(name, origin, { path: pagePath = "/", referrer = "" } = {}) {
      const listeners = new Set();
      const logs = [];
      const record = (level) => (...args) => logs.push({ level, args, text: args.map(show).join(" ") });
      const win = {
        name,
        origin,
        logs,
        received: [],
        location: { href: origin + pagePath },
        document: { referrer },
        console: { log: record("log"), debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") },
        URL,
        addEventListener(type, fn) {
          if (type === "message") listeners.add(fn);
        },
        removeEventListener(type, fn) {
          if (type === "message") listeners.delete(fn);
        },
        dispatch(event) {
          win.received.push(event);
          for (const fn of [...listeners]) fn(event);
        },
        /** Console lines of one level ("warn", "error", ...). */
        lines(level) {
          return logs.filter((l) => l.level === level).map((l) => l.text);
        },
      };
      win.window = win;
      return win;
    },
    handle(from, to) {
      // One handle per pair of windows, as a browser's WindowProxy, so event.source === window.parent holds.
      if (!handles.has(from)) handles.set(from, new Map());
      const mine = handles.get(from);
      if (!mine.has(to)) mine.set(to, makeHandle(from, to));
      return mine.get(to);
    },
    /** Waits until every posted message (and the replies they cause) has been delivered. */
    async settle() {
      do await new Promise((resolve) => setImmediate(resolve));
      while (pending > 0);
    },
  };
  return world;
}

function show(value) {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Runs calling-extensions.js as a classic script inside `win`; returns the vm context. */
export function loadBridge(win) {
  const context = vm.createContext(win);
  vm.runInContext(bridgeSource, context, { filename: bridgePath });
  return context;
}

/**
 * The usual set-up: a host page on HOST_ORIGIN with the widget (on WIDGET_ORIGIN) in an iframe,
 * the bridge loaded in the widget, and helpers to play the host by hand.
 */
export function setup({ referrer = HOST_ORIGIN + "/calling/123", widgetPath = "/widget/?x=1" } = {}) {
  const world = createWorld();
  const host = world.window("host", HOST_ORIGIN, { path: "/contacts/123" });
  const widget = world.window("widget", WIDGET_ORIGIN, { path: widgetPath, referrer });
  widget.parent = world.handle(widget, host);
  const toWidget = world.handle(host, widget);
  loadBridge(widget);
  const CallingExtensions = widget.CallingExtensions;
  let counter = 0;
  const hostId = "777";
  const t = {
    world,
    host,
    widget,
    CallingExtensions,
    Constants: CallingExtensions.Constants,
    /** Host-side message ids: `777_<n>`, never starting with the widget's instance id. */
    nextId: () => `${hostId}_${++counter}`,
    /** Posts `message` from the host to the widget (adds a host message id unless given). */
    send(message, { from = host, targetOrigin = WIDGET_ORIGIN } = {}) {
      const handle = from === host ? toWidget : world.handle(from, widget);
      handle.postMessage({ messageId: t.nextId(), ...message }, targetOrigin);
    },
    sync(extra = {}) {
      t.send({ type: "SYNC", hostUrl: HOST_ORIGIN, portalId: 11, userId: 22, ownerId: 33, engagementId: 44,
        iframeLocation: "widget", usesCallingWindow: false, ...extra });
    },
    /** Messages the host has received, as plain objects. */
    inbox: () => host.received.map((event) => event.data),
    /** Posts that went from the widget to the host. */
    widgetPosts: () => world.posts.filter((p) => p.from === "widget"),
    /** A CallingExtensions in the widget, synced with the host; events are recorded in `calls`. */
    async ready(options = {}) {
      const calls = [];
      const names = Object.values(CallingExtensions.protocol.hostToWidget);
      const eventHandlers = options.eventHandlers || recorder(calls, names);
      const cti = new CallingExtensions({ debugMode: false, ...options, eventHandlers });
      t.sync();
      await world.settle();
      return { cti, calls };
    },
  };
  return t;
}

/** eventHandlers with the given names, each recording { name, data, message } into `calls`. */
export function recorder(calls, names) {
  return Object.fromEntries(
    names.map((name) => [name, (data, message) => calls.push({ name, data: plain(data), message: plain(message) })]),
  );
}
