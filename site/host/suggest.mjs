// suggest.mjs: "did you mean": the known word closest to a mistyped one, by edit distance.

/** Levenshtein distance between two strings. */
export function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** The candidate closest to `word` (compared in upper case), or undefined when none is close. */
export function closest(word, candidates) {
  const text = String(word).toUpperCase();
  const limit = Math.max(2, Math.floor(text.length / 4));
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - text.length) > limit) continue; // at least that many edits: never close (and a huge word costs nothing)
    const distance = editDistance(text, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= limit ? best : undefined;
}
