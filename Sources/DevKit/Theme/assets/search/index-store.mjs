// Fetches the pieces of a search index built by `SearchIndexBuilder` (the format is described in
// Sources/DevKit/Search/SearchIndexBuilder.swift), each at most once, and only when asked:
//   index.json                 the entry: version, page count, where each shard and fragment starts
//   shard-<i>.<version>.json   terms (code point order) and their postings, base-64 encoded
//   fragment-<j>.<version>.json  titles, URLs and the text of a run of sections
// Files are fetched relative to the index folder's URL with the browser's ordinary caching; the
// versioned names make the shards and fragments safe to cache. If a file of the version in hand is
// gone (the site was rebuilt), the entry is fetched again, bypassing the cache.
// Pure: no DOM, nothing happens on import.

export const FORMAT = 1;

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The index refers to a file that is not there: the caller may reload the entry and retry. */
export class StaleIndexError extends Error {}

/** Compares two strings by code point (the order of the shards' terms), not by UTF-16 unit. */
export function compareCodePoints(a, b) {
  const count = Math.min(a.length, b.length);
  for (let i = 0; i < count; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (astral code points) sort after U+E000…U+FFFF by code point.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** The last index `i` with `compare(list[i], value) <= 0`, or -1. */
function lastAtMost(list, value, compare) {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (compare(list[middle], value) <= 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Decodes one term's postings: `{ pages, slots, weights, documents }` (documents: distinct pages). */
export function decodePostings(encoded) {
  const most = Math.ceil(encoded.length / 3); // a posting takes three digits or more
  const pages = new Int32Array(most);
  const slots = new Int32Array(most);
  const weights = new Uint8Array(most);
  let count = 0;
  let page = 0;
  let documents = 0;
  let index = 0;
  const digit = () => {
    const value = DIGIT_VALUE[encoded.charCodeAt(index++)];
    if (value === undefined || value < 0) throw new Error("search index: bad postings digit");
    return value;
  };
  const readNumber = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const next = digit();
      if (next < 32) return value + next * scale;
      value += (next - 32) * scale;
      scale *= 32;
    }
  };
  while (index < encoded.length) {
    const delta = readNumber();
    if (delta > 0 || count === 0) documents++;
    page += delta;
    const slot = readNumber();
    if (index >= encoded.length) throw new Error("search index: bad postings weight");
    pages[count] = page;
    slots[count] = slot;
    weights[count] = digit();
    count++;
  }
  return { pages: pages.subarray(0, count), slots: slots.subarray(0, count), weights: weights.subarray(0, count), documents };
}

/**
 * A store for the index in the folder at `indexURL` (an absolute URL ending in `/`), fetching with
 * `fetch` (the browser's, or a test's). `onFetch(url, response)` is told of every response.
 */
export function createIndexStore({ indexURL, fetch, onFetch = () => {} }) {
  const base = new URL(indexURL);
  const resolve = (name) => new URL(name, base).href;
  let entry = null;
  let shards = new Map();
  let fragments = new Map();

  async function getJSON(name, options) {
    const url = resolve(name);
    let response;
    try {
      response = await fetch(url, options);
    } catch (error) {
      throw new Error(`search index: cannot fetch ${url}: ${error.message}`);
    }
    onFetch(url, response);
    if (response.status === 404) throw new StaleIndexError(`search index: ${url} is gone`);
    if (!response.ok) throw new Error(`search index: ${url} answered ${response.status}`);
    return response.json();
  }

  function loadEntry(options) {
    const promise = getJSON("index.json", options).then((json) => {
      if (!json || json.format !== FORMAT || !Array.isArray(json.shards) || !Array.isArray(json.fragments)) {
        throw new Error(`search index: ${resolve("index.json")} is not a format ${FORMAT} index`);
      }
      const starts = [];
      let page = 0;
      for (let i = 0; i + 1 < json.fragments.length; i += 2) {
        page += json.fragments[i];
        starts.push([page, json.fragments[i + 1]]);
      }
      return { version: json.version, language: json.language, pages: json.pages, shardStarts: json.shards, fragmentStarts: starts };
    });
    promise.catch(() => {
      if (entry === promise) entry = null; // let the next search try again
    });
    return promise;
  }

  return {
    /** The entry (fetched once; again after `reload`). */
    entry() {
      entry ??= loadEntry();
      return entry;
    },

    /** Forgets everything and fetches the entry again, past any cache (the site was rebuilt). */
    reload() {
      shards = new Map();
      fragments = new Map();
      entry = loadEntry({ cache: "reload" });
      return entry;
    },

    /** The number of the shard that holds `term`. */
    async shardOf(term) {
      const { shardStarts } = await this.entry();
      return Math.max(0, lastAtMost(shardStarts, term, compareCodePoints));
    },

    /** The numbers of the shards that may hold terms starting with `prefix`. */
    async shardsOfPrefix(prefix) {
      const { shardStarts } = await this.entry();
      const first = Math.max(0, lastAtMost(shardStarts, prefix, compareCodePoints));
      const last = Math.max(first, lastAtMost(shardStarts, prefix + "\u{10FFFF}", compareCodePoints));
      const numbers = [];
      for (let i = first; i <= last; i++) numbers.push(i);
      return numbers;
    },

    /** Shard `number`: `{ terms, postings(i) }`, postings decoded on first use. */
    async shard(number) {
      const { version } = await this.entry();
      if (!shards.has(number)) {
        const promise = getJSON(`shard-${number}.${version}.json`).then((json) => {
          const decoded = new Map();
          return {
            terms: json.terms,
            find: (term) => {
              const index = lastAtMost(json.terms, term, compareCodePoints);
              return index >= 0 && json.terms[index] === term ? index : -1;
            },
            /** Indexes of the terms starting with `prefix`, in order. */
            withPrefix: (prefix) => {
              const result = [];
              const atMost = lastAtMost(json.terms, prefix, compareCodePoints);
              let index = atMost >= 0 && json.terms[atMost] === prefix ? atMost : atMost + 1;
              for (; index < json.terms.length && json.terms[index].startsWith(prefix); index++) result.push(index);
              return result;
            },
            postings: (index) => {
              if (!decoded.has(index)) decoded.set(index, decodePostings(json.postings[index]));
              return decoded.get(index);
            },
          };
        });
        promise.catch(() => shards.delete(number));
        shards.set(number, promise);
      }
      return shards.get(number);
    },

    /** The number of the fragment holding section `section` of page `page`. */
    async fragmentOf(page, section) {
      const { fragmentStarts } = await this.entry();
      const compare = (start, wanted) => (start[0] - wanted[0]) || (start[1] - wanted[1]);
      return Math.max(0, lastAtMost(fragmentStarts, [page, section], compare));
    },

    /** `{ url, title, anchor, heading, text }` of a page's section (or the page alone if it has none). */
    async section(page, section) {
      const number = await this.fragmentOf(page, section);
      const { version } = await this.entry();
      if (!fragments.has(number)) {
        const promise = getJSON(`fragment-${number}.${version}.json`);
        promise.catch(() => fragments.delete(number));
        fragments.set(number, promise);
      }
      const fragment = await fragments.get(number);
      const record = fragment.pages.find((candidate) => candidate.page === page);
      if (!record) throw new StaleIndexError(`search index: fragment ${number} does not hold page ${page}`);
      const [anchor = "", heading = "", text = ""] = record.sections[section - record.first] ?? [];
      return { url: record.url, title: record.title, anchor, heading, text };
    },
  };
}
