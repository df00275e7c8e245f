// Reads what a reader typed into the groups of terms a search looks for: one group per word (with
// its pieces, tried when the whole word is not in the index) and one per CJK bigram. The last word
// is a prefix while it is being typed (`onDial` finds `ondialnumber`), and so is a lone CJK
// character (`着` finds `着信`). Hostile input is cut down: at most 200 characters and 10 groups.
// Pure; nothing happens on import.
import { forEachTerm } from "./tokenizer.mjs";

export const MAXIMUM_QUERY_LENGTH = 200;
export const MAXIMUM_GROUPS = 10;

const codePoints = (text) => [...text].length;

/**
 * The groups of `text`: `{ term, kind: "word" | "cjk", parts: [term…], prefix }`, in order,
 * without repeats.
 */
export function parseQuery(text) {
  const clipped = String(text ?? "").slice(0, MAXIMUM_QUERY_LENGTH);
  const groups = [];
  let lastWord = null;
  forEachTerm(clipped, (term, kind, start, end) => {
    if (kind === "part" && lastWord && start >= lastWord.start && end <= lastWord.end) {
      lastWord.parts.push(term);
      return;
    }
    const group = { term, kind: kind === "cjk" ? "cjk" : "word", parts: [], prefix: false, start, end };
    if (kind === "cjk" && codePoints(term) === 1) group.prefix = true;
    groups.push(group);
    lastWord = group.kind === "word" ? group : null;
  });
  const last = groups.at(-1);
  if (last && last.kind === "word" && last.end === clipped.length && codePoints(last.term) >= 2) last.prefix = true;
  const seen = new Set();
  const unique = [];
  for (const group of groups) {
    const key = `${group.kind}:${group.term}:${group.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ term: group.term, kind: group.kind, parts: group.parts, prefix: group.prefix });
  }
  return unique.slice(0, MAXIMUM_GROUPS);
}
