// A small seeded pseudo-random generator for the property tests (mulberry32), with generators of the values
// a MessageEvent can carry (whatever structured clone copies: cycles, BigInt, NaN and -0, Map, Date, odd
// keys such as __proto__) and of what it cannot (functions, symbols), for a partner's own payloads.
// property-runner.mjs picks the seeds and names the seed of a failure.

/** Two 32-bit numbers mixed into one (murmur3's finaliser); derives seeds and per-case streams. */
export function mix(a, b = 0) {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Strings that trip up code which treats keys or values as ordinary words. */
export const AWKWARD_WORDS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty",
  "toJSON", "then", "length", "type", "data", "messageId", "null", "undefined", "NaN", "*", "/", ""];
const UNICODE = ["é", "日本語", "😀", "\u{1F4DE}", "\uD83D", "\uDC00", "\u0000", "\u202E", "\uFEFF", "e\u0301", "\u2028", "ß", "İ", "\t\n"];
const NUMBERS = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 400, 600, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE,
  Number.MIN_VALUE, Number.EPSILON, 1.7e9];

/** A stream of pseudo-random choices from one 32-bit seed. */
export class Random {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  pick(list) {
    return list[this.int(list.length)];
  }

  /** Runs one of [weight, fn] pairs, chosen by weight. */
  weighted(choices) {
    let roll = this.next() * choices.reduce((sum, [weight]) => sum + weight, 0);
    for (const [weight, fn] of choices) {
      if ((roll -= weight) < 0) return fn();
    }
    return choices.at(-1)[1]();
  }

  /** A string: a word, unicode (lone surrogates, NUL, RTL marks), an awkward key, or now and then a huge one. */
  string() {
    return this.weighted([
      [6, () => this.word()],
      [3, () => Array.from({ length: 1 + this.int(6) }, () => this.pick(UNICODE)).join("")],
      [3, () => this.pick(AWKWARD_WORDS)],
      [1, () => String(this.number())],
      [0.1, () => this.pick(["x", "\u{1F4DE}", "ab_"]).repeat(10_000 + this.int(40_000))],
    ]);
  }

  /** A short word of letters, digits and underscores. */
  word() {
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    return Array.from({ length: 1 + this.int(12) }, () => letters[this.int(letters.length)]).join("");
  }

  /** A number, often one of the awkward ones (NaN, -0, Infinity, 2^53, MAX_VALUE). */
  number() {
    return this.weighted([
      [3, () => this.pick(NUMBERS)],
      [2, () => this.int(1000) - 500],
      [1, () => (this.next() - 0.5) * 1e12],
    ]);
  }

  /** An object key: a word, an awkward key, or unicode. */
  key() {
    return this.chance(0.3) ? this.pick(AWKWARD_WORDS) : this.string().slice(0, 40);
  }

  /**
   * A value of any shape. With `functions: false` (the default) only what structured clone copies, as a
   * real MessageEvent's data; with `functions: true` also functions and symbols, as a partner's payload.
   */
  value({ depth = 3, functions = false } = {}) {
    const leaf = [
      [2, () => undefined], [2, () => null], [2, () => this.chance(0.5)], [5, () => this.number()],
      [1, () => BigInt(this.int(1e6)) * (this.chance(0.5) ? 1n : -(10n ** 30n))], [6, () => this.string()],
      [0.5, () => new Date(this.chance(0.8) ? this.int(2e12) : NaN)], [0.3, () => /a+(b)?/giu],
      [0.3, () => new Uint8Array([1, 2, 3]).buffer], [0.3, () => new Uint16Array(this.int(4))],
      [0.3, () => new (this.pick([Error, TypeError, RangeError]))(this.word())],
      [0.3, () => this.pick([new String(this.word()), new Number(this.number()), new Boolean(false)])],
    ];
    if (functions) leaf.push([1, () => () => "a function"], [0.5, () => Symbol(this.word())]);
    if (depth <= 0) return this.weighted(leaf);
    const child = () => this.value({ depth: depth - 1, functions });
    return this.weighted([
      [10, () => this.weighted(leaf)],
      [3, () => this.object(depth, functions)],
      [2, () => Array.from({ length: this.int(5) }, child)],
      [0.5, () => Object.assign(new Array(3 + this.int(5)), { 1: child() })], // sparse
      [0.5, () => new Map([[child(), child()], [this.string(), child()]])],
      [0.5, () => new Set([child(), child()])],
      [1, () => this.cyclic(depth, functions)],
      [1, () => this.unprintable()],
    ]);
  }

  /** A plain object with random keys; an own __proto__ key is defined, as JSON.parse and structured clone make it. */
  object(depth = 2, functions = false) {
    const object = {};
    for (let i = this.int(5); i > 0; i--) {
      Object.defineProperty(object, this.key(), {
        value: this.value({ depth: depth - 1, functions }), enumerable: true, writable: true, configurable: true,
      });
    }
    return object;
  }

  /** An object or array that contains itself (structured clone keeps the cycle; JSON.stringify throws). */
  cyclic(depth = 2, functions = false) {
    if (this.chance(0.5)) {
      const list = [this.value({ depth: 0, functions })];
      list.push(list);
      return list;
    }
    const object = this.object(depth, functions);
    object[this.pick(["self", "data", "type", "messageId", this.word()])] = object;
    return object;
  }

  /** A value String() cannot convert: toString and valueOf are data, not functions. */
  unprintable() {
    const object = { toString: this.pick([1, "text", null, {}]), valueOf: this.pick([2, null, [], undefined]) };
    return this.chance(0.3) ? [object] : object;
  }
}
