// The guides' layout: copy buttons on code blocks (their result read out by screen readers),
// keyboard access to code blocks and tables that scroll sideways, the small-screen menu and the
// colour theme button (theme.js applies the stored choice before the first paint).
// No dependencies; loaded with `defer`, so the page is parsed when this runs.
"use strict";

// The words this script shows, in the page's language: the layout puts them on <html data-words>.
const words = Object.assign({
  copy: "Copy", copied: "Copied", copiedAnnounce: "Code copied to the clipboard.", pressCtrlC: "Press Ctrl+C",
  copyFailed: "The code is selected: press Control+C, or Command+C on a Mac, to copy it.",
  table: "Table", code: "Code", theme: "Theme", themeAuto: "Auto", themeLight: "Light", themeDark: "Dark",
  themeFollowsSystem: "following the system",
}, (() => {
  try {
    return JSON.parse(document.documentElement.dataset.words || "{}");
  } catch {
    return {};
  }
})());

// One polite live region for the page: what it says is read out without moving focus.
const announcer = document.createElement("div");
announcer.className = "visually-hidden";
announcer.setAttribute("role", "status");
announcer.setAttribute("aria-live", "polite");
document.body.append(announcer);

function announce(text) {
  announcer.textContent = "";
  // A fresh text node on the next frame, so the same message twice in a row is read twice.
  requestAnimationFrame(() => (announcer.textContent = text));
}

// What a copy button copies: the code as text; in a console block only the commands, without the
// prompts and the output the highlighter marked.
function copiedText(code) {
  if (!code.querySelector(".hl-prompt")) return code.textContent;
  const copy = code.cloneNode(true);
  for (const marked of copy.querySelectorAll(".hl-prompt, .hl-out")) marked.remove();
  return copy.textContent.split("\n").filter((line) => line.trim() !== "").join("\n") + "\n";
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const code = button.parentElement.querySelector("pre code");
  if (!code) return;
  try {
    await navigator.clipboard.writeText(copiedText(code));
    button.textContent = words.copied;
    button.classList.add("done");
    announce(words.copiedAnnounce);
  } catch {
    button.textContent = words.pressCtrlC;
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    announce(words.copyFailed);
  }
  setTimeout(() => {
    button.textContent = words.copy;
    button.classList.remove("done");
  }, 1500);
});

// A code block or table wider than its box scrolls; the keyboard reaches it as a named region
// (arrow keys then scroll it). One that fits stays out of the tab order.
function nameOf(element) {
  if (element.tagName === "TABLE") return words.table;
  const language = /(?:^|\s)language-([\w+-]+)/.exec(element.querySelector("code")?.className || "");
  return language ? `${words.code} (${language[1]})` : words.code;
}

function updateScrollable(element) {
  const scrolls = element.scrollWidth > element.clientWidth;
  if (scrolls === element.hasAttribute("data-scrolls")) return;
  if (scrolls) {
    element.setAttribute("data-scrolls", "");
    element.tabIndex = 0;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", nameOf(element));
  } else {
    element.removeAttribute("data-scrolls");
    for (const name of ["tabindex", "role", "aria-label"]) element.removeAttribute(name);
  }
}

// Boxes change width with the window; pages such as /setup/ also add and rewrite code blocks.
const resized = "ResizeObserver" in window
  ? new ResizeObserver((entries) => entries.forEach((entry) => updateScrollable(entry.target)))
  : null;
const watched = new WeakSet();
let pending = false;
function scanScrollables() {
  pending = false;
  for (const element of document.querySelectorAll(".code-block pre, main table")) {
    if (resized && !watched.has(element)) {
      watched.add(element);
      resized.observe(element);
    }
    updateScrollable(element);
  }
}
scanScrollables();
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(scanScrollables);
}).observe(document.body, { childList: true, subtree: true, characterData: true });

const menu = document.querySelector("button.menu");
if (menu) {
  const setOpen = (open) => {
    document.body.classList.toggle("menu-open", open);
    menu.setAttribute("aria-expanded", String(open));
  };
  menu.addEventListener("click", () => setOpen(!document.body.classList.contains("menu-open")));
  // Escape closes the open menu and gives focus back to its button.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !document.body.classList.contains("menu-open")) return;
    setOpen(false);
    menu.focus();
  });
}

// The theme button cycles Auto → Light → Dark; Auto follows the system. The choice is remembered
// per browser under "devkit-theme", which theme.js reads before the next page paints.
const themeButton = document.querySelector("button.theme");
if (themeButton) {
  const choices = ["auto", "light", "dark"];
  const names = { auto: words.themeAuto, light: words.themeLight, dark: words.themeDark };
  const current = () => document.documentElement.dataset.theme || "auto";
  const show = () => {
    themeButton.querySelector(".theme-name").textContent = names[current()];
  };
  themeButton.hidden = false;
  show();
  themeButton.addEventListener("click", () => {
    const next = choices[(choices.indexOf(current()) + 1) % choices.length];
    if (next === "auto") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    try {
      if (next === "auto") localStorage.removeItem("devkit-theme");
      else localStorage.setItem("devkit-theme", next);
    } catch (blocked) {
      // Not remembered, but applied to this page.
    }
    show();
    announce(`${words.theme}: ${names[next]}${next === "auto" ? `, ${words.themeFollowsSystem}` : ""}`);
  });
}
