// Shows the words a search found in their context: the stretch of a section's text where most of
// the query's words are, cut at word boundaries, with the found words marked. The result is a list
// of `{ text, match }` pieces (the UI puts the marked ones in <mark>, as text, never as HTML).
// Pure; nothing happens on import.
import { forEachTerm } from "./tokenizer.mjs";

export const SNIPPET_LENGTH = 160;
const MAXIMUM_SPANS = 400;

/** The ranges of `text` whose terms `matches(term)` accepts, merged where they touch or overlap. */
export function matchedRanges(text, matches) {
  const spans = [];
  forEachTerm(text, (term, kind, start, end) => {
    if (spans.length < MAXIMUM_SPANS && matches(term)) spans.push([start, end, term]);
  });
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const [start, end, term] of spans) {
    const last = merged.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.terms.add(term);
    } else {
      merged.push({ start, end, terms: new Set([term]) });
    }
  }
  return merged;
}

/** `text` as pieces, the matched terms marked. */
export function highlight(text, matches) {
  return pieces(text, 0, text.length, matchedRanges(text, matches));
}

/** About `length` characters of `text` around the matched terms, marked, with "…" where cut. */
export function snippet(text, matches, { length = SNIPPET_LENGTH } = {}) {
  if (text.length <= length) return highlight(text, matches);
  const ranges = matchedRanges(text, matches);
  let start = 0;
  if (ranges.length) {
    // The window that holds the most distinct terms, starting a little before a match.
    let best = -1;
    for (let i = 0; i < ranges.length; i++) {
      const windowEnd = ranges[i].start + length;
      const terms = new Set();
      for (let j = i; j < ranges.length && ranges[j].end <= windowEnd; j++) ranges[j].terms.forEach((term) => terms.add(term));
      if (terms.size > best) {
        best = terms.size;
        start = ranges[i].start;
      }
    }
    start = Math.max(0, start - 30);
  }
  start = wordStart(text, start);
  let end = Math.min(text.length, start + length);
  end = wordEnd(text, end);
  const result = pieces(text, start, end, ranges);
  if (start > 0) result.unshift({ text: "…", match: false });
  if (end < text.length) result.push({ text: "…", match: false });
  return result;
}

function pieces(text, start, end, ranges) {
  const result = [];
  let position = start;
  for (const range of ranges) {
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (to <= from) continue;
    if (from > position) result.push({ text: text.slice(position, from), match: false });
    result.push({ text: text.slice(from, to), match: true });
    position = to;
  }
  if (position < end) result.push({ text: text.slice(position, end), match: false });
  return result;
}

const isSpace = (unit) => unit === " " || unit === "\n" || unit === "\t";
const isLowSurrogate = (text, index) => index > 0 && index < text.length && text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff;

/** Moves a cut back to the start of its word (at most 20 characters), never into a surrogate pair. */
function wordStart(text, index) {
  let position = index;
  for (let steps = 0; position > 0 && steps < 20 && !isSpace(text[position - 1]); steps++) position--;
  if (position > 0 && !isSpace(text[position - 1])) position = index;
  while (isLowSurrogate(text, position)) position--;
  return position;
}

/** Moves a cut forward to the end of its word (at most 20 characters), never into a surrogate pair. */
function wordEnd(text, index) {
  let position = index;
  for (let steps = 0; position < text.length && steps < 20 && !isSpace(text[position]); steps++) position++;
  if (position < text.length && !isSpace(text[position])) position = index;
  while (isLowSurrogate(text, position)) position++;
  return position;
}
