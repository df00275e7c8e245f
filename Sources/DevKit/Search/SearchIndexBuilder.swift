/// Builds the search index of one language from its rendered pages: a small entry file, term shards
/// and text fragments, written as JSON files for `site/assets/search/search.mjs` to fetch piece by
/// piece (a first search downloads the entry, the shards of its words and the fragments of its first
/// results, never the whole index). Same pages, same bytes.
///
/// The files (all UTF-8 JSON; `V` is the index's version, a fingerprint of every shard and fragment):
/// - `index.json`, the entry, fetched first (with ordinary caching: it changes with every build):
///   `{"format":1,"language":"en","version":V,"pages":N,"shards":[first term of each shard…],
///   "fragments":[page delta, section, page delta, section, …]}`. Shard `i` holds the terms from
///   `shards[i]` up to (not including) `shards[i+1]`, in code point order; fragment `j` holds the
///   sections from (page, section) `j` up to fragment `j+1`'s start (pages delta-coded).
/// - `shard-<i>.<V>.json`: `{"terms":[term…],"postings":[postings of each term…]}`. A term's postings
///   are a string of URL-safe base-64 digits (`A`…`Z`, `a`…`z`, `0`…`9`, `-`, `_` are 0…63): for each
///   posting, the page number's difference from the previous posting's and then the slot, both in
///   5-bit digits, least significant first, where a digit of 32 or more means another follows; then
///   the weight (1…63) in one digit. A slot is 0 for the page's title and `k + 1` for section `k`.
/// - `fragment-<j>.<V>.json`: `{"pages":[{"page":n,"url":…,"title":…,"first":k,
///   "sections":[[anchor, heading, text]…]}…]}`: the text of sections `first…` of page `n`.
public enum SearchIndexBuilder {
    /// The index files of one language's pages. `documents` may come in any order (the index sorts
    /// them by URL); `language` is the BCP 47 code written into the entry (`en`, `ja`).
    public static func build(_ documents: [SearchDocument], language: String) -> [SearchIndexFile] {
        build(documents, language: language, limits: .standard)
    }

    /// The same, with chosen file sizes (tests use small ones to get several files from few pages).
    static func build(_ documents: [SearchDocument], language: String, limits: SearchIndexLayout.Limits) -> [SearchIndexFile] {
        let sorted = documents.sorted { lhs, rhs in
            lhs.url == rhs.url ? lhs.title.utf8.lexicographicallyPrecedes(rhs.title.utf8)
                : lhs.url.utf8.lexicographicallyPrecedes(rhs.url.utf8)
        }
        let pages = parallelMap(sorted) { SearchPageTerms($0) }
        let postings = SearchPostings(pages)
        return SearchIndexLayout(limits: limits).files(documents: sorted, pages: pages, postings: postings, language: language)
    }
}
