// Fake windows for the property tests, built on fake-window.mjs's world: window handles are stable (so
// event.source is the window a page holds, as in a browser), every window's clock and timers are one fake
// clock, a listener that throws is caught and recorded the way a browser reports it (window.onerror), the
// console keeps what it is given without turning it into text, and every post is seen before it leaves.
import { bridgeSource, createWorld } from "./fake-window.mjs";
import { fakeTimers } from "./host-harness.mjs";

/** The most reply callbacks a Channel keeps (MAX_PENDING_REPLIES, read from the bridge's source). */
export const MAX_PENDING_REPLIES = Number(/const MAX_PENDING_REPLIES = (\d+);/.exec(bridgeSource)?.[1]);
if (!(MAX_PENDING_REPLIES > 0)) throw new Error("calling-extensions.js no longer defines MAX_PENDING_REPLIES; update property-world.mjs");

/** "protocol//host" of a URL, or "" (the bridge's formula for an origin, and HubSpot's). */
export function originOf(url, base) {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol + "//" + parsed.host;
  } catch {
    return "";
  }
}

/** True when `text` is an exact origin a browser accepts as postMessage's targetOrigin (not "*", "/" or a URL with a path). */
export function isExactOrigin(text) {
  return typeof text === "string" && text !== "*" && text !== "/" && originOf(text) === text;
}

/** A value in a few characters, for a failure's text (safe for cycles, BigInt and the unprintable). */
export function describe(value) {
  try {
    const text = JSON.stringify(value, (key, v) => (typeof v === "bigint" ? `${v}n` : v));
    return text === undefined ? typeof value : text.slice(0, 160);
  } catch {
    return Array.isArray(value) ? "[array]" : typeof value;
  }
}

/** What was thrown, with its stack when it is an Error. */
export const explain = (error) => (error instanceof Error || (error && typeof error.stack === "string") ? error.stack : describe(error));

/** True when String(value) throws (toString and valueOf that are no functions). */
export function unreadable(value) {
  try {
    String(value);
    return false;
  } catch {
    return true;
  }
}

/** A console that records calls, and the event being dispatched, without converting its arguments (a browser's console does not throw). */
function quietConsole(world) {
  const calls = [];
  const record = (level) => (...args) => calls.push({ level, args, event: world.current });
  return { calls, log: record("log"), debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
}

/**
 * The errors the bridge caught and logged in `win` (its listener logs [prefix, error]): not one of `thrown`
 * (what the partner's code threw), and not the bridge refusing a message whose type or messageId String()
 * cannot read, unless the code that threw matches `own` (code under test that should have coped).
 * Each is { level, args, event }.
 */
export function loggedErrors(win, thrown, { own = null } = {}) {
  const refused = (event) => event && isObjectLike(event.data) && (unreadable(event.data.type) || unreadable(event.data.messageId));
  const thrower = (error) => String(error.stack).split("\n").find((line) => /:\d+:\d+\)?$/.test(line)) || ""; // the frame that threw
  const refusal = (error, event) => error && error.name === "TypeError" && !(own && own.test(thrower(error))) && refused(event); // the bridge's realm has its own TypeError
  return win.console.calls.filter(({ level, args, event }) => level === "error" && args.length === 2 && typeof args[1] !== "string" &&
    !thrown.has(args[1]) && !refusal(args[1], event));
}

const isObjectLike = (value) => value !== null && typeof value === "object";

/**
 * The world: `window(name, origin, options)` makes a window (see fake-window.mjs), `handle(from, to)` is the
 * stable handle `from` holds to `to`, `raw(to, event)` delivers a hand-made MessageEvent (any origin, any
 * source, null included), `settle()` waits for every delivery. `errors` collects what listeners threw;
 * `current` is the event being dispatched; `onPost(post)` sees { from, to, data, targetOrigin } first.
 */
export function propertyWorld() {
  const base = createWorld();
  const clock = fakeTimers();
  let pending = 0;
  class FakeDate extends Date {
    static now() {
      return clock.now;
    }
  }
  const world = {
    clock,
    errors: [],
    current: null,
    onPost: null,
    posts: base.posts,
    window(name, origin, options) {
      const win = base.window(name, origin, options);
      const listeners = new Set();
      Object.assign(win, { Date: FakeDate, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, console: quietConsole(world) });
      win.addEventListener = (type, fn) => type === "message" && listeners.add(fn);
      win.removeEventListener = (type, fn) => type === "message" && listeners.delete(fn);
      win.listenerCount = () => listeners.size;
      win.dispatch = (event) => {
        win.received.push(event);
        const outer = world.current;
        world.current = event;
        for (const fn of [...listeners]) {
          try {
            fn(event);
          } catch (error) {
            world.errors.push({ window: name, error, event });
          }
        }
        world.current = outer;
      };
      return win;
    },
    handle: (from, to) => base.handle(from, to),
    raw(to, { data, origin, source = null }) {
      const copy = structuredClone(data);
      pending++;
      setImmediate(() => {
        pending--;
        to.dispatch({ data: copy, origin, source });
      });
    },
    async settle() {
      do await base.settle();
      while (pending > 0);
    },
  };
  base.onPost = (post) => world.onPost && world.onPost(post);
  return world;
}
