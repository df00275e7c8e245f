// The search itself, without a page: reads the query, fetches only the shards its words need and
// the fragments of the results it returns, ranks the pages and shows each result's words in context.
//
//   const search = createSearch({ indexURL: "https://example.org/docs/search/", fetch });
//   const { total, results } = await search.query("tar -xvf");
//   // results[0] = { url: "/pages/common/tar/", title, heading, titlePieces, headingPieces, snippet, … }
//
// Pure: no DOM, nothing happens on import (ui.mjs shows the results; main.mjs wires the page).
import { createIndexStore, StaleIndexError } from "./index-store.mjs";
import { parseQuery } from "./query.mjs";
import { rankPages } from "./ranking.mjs";
import { highlight, snippet } from "./snippet.mjs";

/** Results shown at once. */
export const RESULT_LIMIT = 10;
/** A prefix looks in at most this many shards and takes at most this many of the words it starts. */
export const PREFIX_SHARDS = 2;
export const PREFIX_TERMS = 40;

const codePoints = (text) => [...text].length;

/**
 * A search over the index in the folder `indexURL` (absolute, ending in `/`). `fetch` is the
 * browser's or a test's; `onFetch(url, response)` hears of every file fetched.
 */
export function createSearch({ indexURL, fetch, onFetch }) {
  const store = createIndexStore({ indexURL, fetch, onFetch });

  /** The index terms matching one group: `{ term, factor, postings }`. */
  async function termsFor(group) {
    const found = [];
    const shard = await store.shard(await store.shardOf(group.term));
    const exact = shard.find(group.term);
    if (exact >= 0) found.push({ term: group.term, factor: 1, postings: shard.postings(exact) });
    if (!group.prefix) return found;
    const candidates = [];
    for (const number of (await store.shardsOfPrefix(group.term)).slice(0, PREFIX_SHARDS)) {
      const prefixShard = await store.shard(number);
      for (const index of prefixShard.withPrefix(group.term)) {
        const term = prefixShard.terms[index];
        if (term !== group.term) candidates.push({ term, shard: prefixShard, index });
      }
    }
    candidates.sort((a, b) => a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
    const typed = codePoints(group.term);
    for (const { term, shard: prefixShard, index } of candidates.slice(0, PREFIX_TERMS)) {
      // A longer word counts less the more of it was not typed.
      found.push({ term, factor: 0.5 + 0.4 * (typed / codePoints(term)), postings: prefixShard.postings(index) });
    }
    return found;
  }

  /** The groups to look for, after trying the whole of a compound word and then its pieces. */
  async function resolve(groups) {
    const resolved = [];
    for (const group of groups) {
      const terms = await termsFor(group);
      if (terms.length || !group.parts.length) {
        resolved.push({ group, terms });
        continue;
      }
      // `calling-extensions` is not a word of the index: look for its pieces, each required.
      for (const [index, part] of group.parts.entries()) {
        const partGroup = { term: part, kind: "word", parts: [], prefix: group.prefix && index === group.parts.length - 1 };
        resolved.push({ group: partGroup, terms: await termsFor(partGroup) });
      }
    }
    return resolved;
  }

  async function run(text, limit) {
    const groups = parseQuery(text);
    if (!groups.length) return { query: text, total: 0, results: [] };
    const entry = await store.entry();
    const resolved = await resolve(groups);
    const { total, top } = rankPages(resolved.map(({ terms }) => terms), entry.pages, limit);
    const matched = new Set(resolved.flatMap(({ terms }) => terms.map(({ term }) => term)));
    const matches = (term) => matched.has(term);
    const results = await Promise.all(top.map(async ({ page, section, score, groupsFound }) => {
      const record = await store.section(page, section);
      const heading = record.anchor ? record.heading : "";
      return {
        url: record.anchor ? `${record.url}#${record.anchor}` : record.url,
        title: record.title,
        heading,
        titlePieces: highlight(record.title, matches),
        headingPieces: highlight(heading, matches),
        snippet: snippet(record.text, matches),
        page,
        section,
        score,
        complete: groupsFound === resolved.length,
      };
    }));
    return { query: text, total, results };
  }

  return {
    /** Fetches the entry ahead of the first query (when the search box gets focus). */
    prepare: () => store.entry(),

    /** `{ query, total, results }` for what the reader typed; at most `limit` results. */
    async query(text, { limit = RESULT_LIMIT } = {}) {
      try {
        return await run(text, limit);
      } catch (error) {
        if (!(error instanceof StaleIndexError)) throw error;
        await store.reload(); // the site was rebuilt under us: the entry names files that are gone
        return run(text, limit);
      }
    },
  };
}
