// The page's entry for search: finds the search partial's form, points a search at the index its
// `data-index` names (relative to the page, so a site published under any sub-path finds its own,
// and each language its own), and wires the box and the `/` and Ctrl-K shortcuts.
// Load with <script type="module" src="{{base}}assets/search/main.mjs"></script>.
import { createSearch } from "./search.mjs";
import { wireSearch, wireShortcuts } from "./ui.mjs";

const form = document.querySelector("form.search[data-index]");
if (form) {
  const indexURL = new URL(form.dataset.index, document.baseURI).href;
  const search = createSearch({ indexURL, fetch: (url, options) => fetch(url, options) });
  wireShortcuts(document, wireSearch(form, { search }));
}
