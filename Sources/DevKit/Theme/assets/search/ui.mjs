// The search box of site/templates/search.mustache, as an ARIA 1.2 combobox with a listbox popup:
// type to search (results follow as you type), ArrowDown/ArrowUp move through the results, Enter
// opens one, Escape closes the list (and goes back to where `/` or Ctrl-K was pressed). The result
// count is read out by a polite live region. On a phone the box hides behind a button.
// Nothing happens on import: main.mjs calls `wireSearch` and `wireShortcuts`.

/** How long typing must pause before a search runs, and before its result count is read out. */
export const SEARCH_DELAY_MS = 60;
export const ANNOUNCE_DELAY_MS = 500;

/** Whether an element takes typed text (a `/` typed there is text, not a shortcut). */
export function isTyping(element) {
  if (!element || element.nodeType !== 1) return false;
  return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
}

/**
 * Wires the form of the search partial to `search` (from search.mjs). Returns `{ open(fromShortcut) }`,
 * which focuses the box (opening it on a phone).
 */
export function wireSearch(form, { search, delay = SEARCH_DELAY_MS, announceDelay = ANNOUNCE_DELAY_MS }) {
  const doc = form.ownerDocument;
  const view = doc.defaultView;
  const input = form.querySelector(".search-input");
  const opener = form.querySelector(".search-open");
  const popup = form.querySelector(".search-popup");
  const list = form.querySelector(".search-results");
  const message = form.querySelector(".search-message");
  const status = form.querySelector(".search-status");
  const phrase = (name, values = {}) =>
    (form.dataset[`text${name}`] || "").replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

  let options = [];
  let active = -1;
  let sequence = 0;
  let searchTimer = null;
  let announceTimer = null;
  let returnTo = null;
  /** The query whose results are shown (Enter before the next search ran searches first). */
  let shownQuery = null;

  function setActive(index) {
    options[active]?.setAttribute("aria-selected", "false");
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function setOpen(open) {
    popup.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) setActive(-1);
  }

  function setExpandedPanel(expanded) {
    form.classList.toggle("search-expanded", expanded);
    opener.setAttribute("aria-expanded", String(expanded));
  }

  function announce(text) {
    view.clearTimeout(announceTimer);
    announceTimer = view.setTimeout(() => {
      status.textContent = text;
    }, announceDelay);
  }

  function appendPieces(parent, pieces) {
    for (const piece of pieces) {
      if (piece.match) {
        const mark = doc.createElement("mark");
        mark.textContent = piece.text;
        parent.append(mark);
      } else {
        parent.append(piece.text);
      }
    }
  }

  function span(className, pieces) {
    const element = doc.createElement("span");
    element.className = className;
    appendPieces(element, pieces);
    return element;
  }

  function render({ query, total, results }) {
    shownQuery = query;
    list.replaceChildren();
    options = results.map((result, index) => {
      const option = doc.createElement("a");
      option.className = "search-result";
      option.id = `search-result-${index}`;
      option.href = result.url;
      option.tabIndex = -1;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      const title = span("search-result-title", result.titlePieces);
      if (result.heading) {
        title.append(" › ");
        title.append(span("search-result-heading", result.headingPieces));
      }
      option.append(title);
      if (result.snippet.length) option.append(span("search-result-snippet", result.snippet));
      list.append(option);
      return option;
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.hidden = options.length === 0;
    let text;
    if (total === 0) {
      text = phrase("None", { query: query.trim() });
      message.textContent = text;
    } else {
      text = total === 1 ? phrase("Result") : phrase("Results", { count: total });
      message.textContent = total > results.length ? phrase("Shown", { shown: results.length, count: total }) : "";
    }
    message.hidden = message.textContent === "";
    setOpen(doc.activeElement === input);
    announce(text);
  }

  async function run() {
    const query = input.value;
    const mine = ++sequence;
    if (!query.trim()) {
      shownQuery = query;
      options = [];
      list.replaceChildren();
      setOpen(false);
      announce("");
      return;
    }
    try {
      const answer = await search.query(query);
      if (mine === sequence) render(answer);
    } catch (error) {
      if (mine !== sequence) return;
      shownQuery = query;
      options = [];
      list.replaceChildren();
      list.hidden = true;
      message.textContent = phrase("Failed");
      message.hidden = false;
      setOpen(doc.activeElement === input);
      announce(message.textContent);
      view.console?.error(error);
    }
  }

  /** Goes to a result: a page, or a section of the page already open (focus moves to it). */
  function choose(index) {
    const option = options[index];
    if (!option) return;
    const target = new URL(option.href, doc.baseURI);
    const here = new URL(view.location.href);
    setOpen(false);
    setExpandedPanel(false);
    returnTo = null;
    if (target.pathname === here.pathname && target.search === here.search && target.hash) {
      view.location.hash = target.hash;
      const section = doc.getElementById(decodeURIComponent(target.hash.slice(1)));
      if (section) {
        if (!section.hasAttribute("tabindex")) section.setAttribute("tabindex", "-1");
        section.scrollIntoView(); // also when the page was already at this section
        section.focus({ preventScroll: true });
      }
      return;
    }
    view.location.assign(target.href);
  }

  function close({ restoreFocus }) {
    setOpen(false);
    if (!restoreFocus) return;
    const back = returnTo;
    returnTo = null;
    if (back && back.isConnected && back !== input) {
      setExpandedPanel(false);
      back.focus();
    } else if (form.classList.contains("search-expanded")) {
      setExpandedPanel(false);
      opener.focus();
    }
  }

  const schedule = () => {
    view.clearTimeout(searchTimer);
    searchTimer = view.setTimeout(run, delay);
  };
  // While an input method composes (Japanese, Chinese, Korean), wait for the word it makes.
  input.addEventListener("input", (event) => {
    if (!event.isComposing) schedule();
  });
  input.addEventListener("compositionend", schedule);

  input.addEventListener("focus", () => {
    search.prepare().catch(() => {}); // fetch the entry while the reader types
    if (input.value.trim() && (options.length || !message.hidden)) setOpen(true);
  });

  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.keyCode === 229) return; // keys an input method is using
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (!options.length) return;
        event.preventDefault();
        if (popup.hidden) setOpen(true);
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
        setActive(next);
        break;
      }
      case "Enter":
        event.preventDefault();
        if (shownQuery !== input.value) {
          // Enter right after typing: search now, then open the first result.
          view.clearTimeout(searchTimer);
          run().then(() => choose(0));
          return;
        }
        choose(active >= 0 ? active : 0);
        break;
      case "Escape":
        if (!popup.hidden) {
          event.preventDefault();
          event.stopPropagation();
          close({ restoreFocus: true });
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          run();
        } else {
          close({ restoreFocus: true });
        }
        break;
      default:
        break;
    }
  });

  form.addEventListener("submit", (event) => event.preventDefault());

  form.addEventListener("focusout", (event) => {
    if (event.relatedTarget && form.contains(event.relatedTarget)) return;
    setOpen(false);
    setExpandedPanel(false);
  });

  // A click on a result keeps the focus in the box until the page changes.
  list.addEventListener("pointerdown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (!option || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab: the browser's
    event.preventDefault();
    choose(options.indexOf(option));
  });

  opener.addEventListener("click", () => open(false));

  function open(fromShortcut) {
    const current = doc.activeElement;
    if (fromShortcut && current && current !== input && current !== doc.body) returnTo = current;
    setExpandedPanel(true);
    input.focus();
    input.select();
  }

  return { open };
}

/** `/` (when not typing in a field) and Ctrl-K or Cmd-K focus the search box. */
export function wireShortcuts(doc, controller) {
  doc.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const key = event.key;
    if ((key === "k" || key === "K") && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      controller.open(true);
    } else if (key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
      event.preventDefault();
      controller.open(true);
    }
  });
}
