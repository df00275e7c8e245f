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
 * `matches[g]` lists the `{ factor, postings }` that match group `g`. Returns every page found, best
 * first: `{ page, section, score, groupsFound }` (`section` is the section number to show).
 */
export function rankPages(matches, pageCount) {
  const groupCount = matches.length;
  const pages = new Map();
  matches.forEach((terms, group) => {
    const documents = Math.min(pageCount, terms.reduce((sum, { postings }) => sum + postings.documents, 0));
    const groupRarity = rarity(pageCount, documents);
    for (const { factor, postings } of terms) {
      const scale = factor * groupRarity;
      const { pages: pageNumbers, slots, weights } = postings;
      for (let i = 0; i < pageNumbers.length; i++) {
        let record = pages.get(pageNumbers[i]);
        if (!record) {
          record = { title: new Float64Array(groupCount), sections: new Map() };
          pages.set(pageNumbers[i], record);
        }
        const score = weights[i] * scale;
        if (slots[i] === 0) {
          if (score > record.title[group]) record.title[group] = score;
        } else {
          let section = record.sections.get(slots[i]);
          if (!section) {
            section = new Float64Array(groupCount);
            record.sections.set(slots[i], section);
          }
          if (score > section[group]) section[group] = score;
        }
      }
    }
  });

  const ranked = [];
  for (const [page, record] of pages) {
    const best = new Float64Array(groupCount);
    let bestSlot = 1;
    let bestCoverage = -1;
    let bestSectionScore = -1;
    for (const [slot, scores] of record.sections) {
      let coverage = 0;
      let total = 0;
      for (let g = 0; g < groupCount; g++) {
        if (scores[g] > best[g]) best[g] = scores[g];
        if (scores[g] > 0 || record.title[g] > 0) coverage++;
        total += scores[g];
      }
      if (coverage > bestCoverage || (coverage === bestCoverage && (total > bestSectionScore || (total === bestSectionScore && slot < bestSlot)))) {
        bestCoverage = coverage;
        bestSectionScore = total;
        bestSlot = slot;
      }
    }
    let score = 0;
    let groupsFound = 0;
    for (let g = 0; g < groupCount; g++) {
      score += record.title[g] + best[g];
      if (record.title[g] > 0 || best[g] > 0) groupsFound++;
    }
    ranked.push({ page, section: bestSlot - 1, score, groupsFound });
  }
  ranked.sort((a, b) => b.groupsFound - a.groupsFound || b.score - a.score || a.page - b.page);
  return ranked;
}
