// Orders the pages a search found. Each query group (a word, or a CJK bigram) is matched by some
// index terms, each with postings (page, slot, weight): slot 0 is the page's title, slot k + 1 its
// section k, and the weight (fixed at build time) already ranks title over heading over text and
// counts how often the term occurs. Here a weight is multiplied by the group's rarity (BM25's idf,
// from the pages any of its terms is on, so that a rare longer word a prefix also starts does not
// outrank the word typed) and by how closely the term matches the group (1 for the word itself,
// less for a longer word it starts). A page scores, per group, its best title match plus its best section match; pages with
// every group come first, then by score. The result points at the section where most groups are.
// Pure; nothing happens on import.

/** Inverse document frequency, as BM25 has it. */
export function rarity(pageCount, documents) {
  return Math.log(1 + (pageCount - documents + 0.5) / (documents + 0.5));
}

/**
 * `matches[g]` lists the `{ factor, postings }` that match group `g`. Returns how many pages were found
 * and the best `limit` of them, best first: `{ page, section, score, groupsFound }` (`section` is the
 * section number to show). Scores live in flat arrays (one per group, indexed by page), and sections
 * are only weighed for the pages returned, so a word on every page stays fast.
 */
export function rankPages(matches, pageCount, limit = Infinity) {
  const groupCount = matches.length;
  const rarities = matches.map((terms) =>
    rarity(pageCount, Math.min(pageCount, terms.reduce((sum, { postings }) => sum + postings.documents, 0))));
  const titles = [];
  const bests = [];
  for (let g = 0; g < groupCount; g++) {
    const title = new Float64Array(pageCount);
    const best = new Float64Array(pageCount);
    for (const { factor, postings } of matches[g]) {
      const scale = factor * rarities[g];
      const { pages, slots, weights } = postings;
      for (let i = 0; i < pages.length; i++) {
        const page = pages[i];
        if (page >= pageCount) continue;
        const score = weights[i] * scale;
        const target = slots[i] === 0 ? title : best;
        if (score > target[page]) target[page] = score;
      }
    }
    titles.push(title);
    bests.push(best);
  }

  const scores = new Float64Array(pageCount);
  const found = new Uint8Array(pageCount);
  const candidates = [];
  for (let page = 0; page < pageCount; page++) {
    let score = 0;
    let groupsFound = 0;
    for (let g = 0; g < groupCount; g++) {
      const value = titles[g][page] + bests[g][page];
      if (value > 0) {
        score += value;
        groupsFound++;
      }
    }
    if (groupsFound) {
      scores[page] = score;
      found[page] = groupsFound;
      candidates.push(page);
    }
  }
  candidates.sort((a, b) => found[b] - found[a] || scores[b] - scores[a] || a - b);
  const top = candidates.slice(0, limit);
  const sections = bestSections(matches, rarities, top, titles);
  return {
    total: candidates.length,
    top: top.map((page) => ({ page, section: sections.get(page) ?? 0, score: scores[page], groupsFound: found[page] })),
  };
}

/**
 * For each of `pages`, the section where most groups are (a title match counts for every section),
 * then the highest score, then the first.
 */
function bestSections(matches, rarities, pages, titles) {
  const groupCount = matches.length;
  const wanted = new Set(pages);
  const perPage = new Map(); // page → Map(slot → Float64Array of group scores)
  matches.forEach((terms, group) => {
    for (const { factor, postings } of terms) {
      const { pages: pageNumbers, slots, weights } = postings;
      for (let i = 0; i < pageNumbers.length; i++) {
        if (slots[i] === 0 || !wanted.has(pageNumbers[i])) continue;
        let slotsOfPage = perPage.get(pageNumbers[i]);
        if (!slotsOfPage) perPage.set(pageNumbers[i], (slotsOfPage = new Map()));
        let scores = slotsOfPage.get(slots[i]);
        if (!scores) slotsOfPage.set(slots[i], (scores = new Float64Array(groupCount)));
        const score = weights[i] * factor * rarities[group];
        if (score > scores[group]) scores[group] = score;
      }
    }
  });
  const result = new Map();
  for (const page of pages) {
    let bestSlot = 1;
    let bestCoverage = -1;
    let bestScore = -1;
    for (const [slot, scores] of perPage.get(page) ?? []) {
      let coverage = 0;
      let total = 0;
      for (let g = 0; g < groupCount; g++) {
        if (scores[g] > 0 || titles[g][page] > 0) coverage++;
        total += scores[g];
      }
      if (coverage > bestCoverage || (coverage === bestCoverage && (total > bestScore || (total === bestScore && slot < bestSlot)))) {
        bestCoverage = coverage;
        bestScore = total;
        bestSlot = slot;
      }
    }
    result.set(page, bestSlot - 1);
  }
  return result;
}
