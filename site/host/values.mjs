// values.mjs: small helpers for the simulator's data: what counts as missing, how a value is shown in
// a problem's text, and copies that are safe to keep after the message has gone.

export const isObject = (value) => value !== null && typeof value === "object";
export const missing = (value) => value === undefined || value === null || value === "";

/**
 * JSON text of any value a message can carry: a BigInt becomes "12n" and an object inside itself "[cycle]",
 * where JSON.stringify would throw.
 */
export function json(value, space) {
  const ancestors = [];
  return JSON.stringify(value, function (key, item) {
    if (typeof item === "bigint") return `${item}n`;
    if (!isObject(item)) return item;
    while (ancestors.length && ancestors.at(-1) !== this) ancestors.pop(); // `this` holds `item`
    if (ancestors.includes(item)) return "[cycle]";
    ancestors.push(item);
    return item;
  }, space);
}

/** String(value), or its JSON when String() cannot convert it (a toString and valueOf that are no functions). */
export function textOf(value) {
  try {
    return String(value);
  } catch {
    return json(value);
  }
}

/** A value as it appears in a problem's text: strings quoted, nothing as "nothing". */
export const show = (value) => (value === undefined ? "nothing" : json(value));

/** A deep copy of message data (structured clone, else JSON); undefined stays undefined. */
export function clone(value) {
  if (value === undefined) return undefined;
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value));
  }
}

/** The object without its undefined fields. */
export const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** 30000 -> "30 s", 1500 -> "1.5 s". */
export const seconds = (ms) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** The payload of a message: its `data`, or for SYNC and SYNC_ACK the fields beside type and messageId. */
export function dataOf(message) {
  if ("data" in message) return clone(message.data);
  const { type, messageId, ...rest } = message;
  return Object.keys(rest).length ? clone(rest) : undefined;
}
