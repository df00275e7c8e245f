// The twelve keys of a phone keypad, for the dial pad and the in-call tones.
import { el } from "./dom.mjs";

const KEYS = [["1", ""], ["2", "ABC"], ["3", "DEF"], ["4", "GHI"], ["5", "JKL"], ["6", "MNO"],
  ["7", "PQRS"], ["8", "TUV"], ["9", "WXYZ"], ["*", ""], ["0", "+"], ["#", ""]];

/** Fills `container` with the keys; `press(key)` runs on each click. */
export function mountKeys(container, press) {
  for (const [key, letters] of KEYS) {
    const button = el("button", { type: "button", class: "key", "data-key": key, "aria-label": key === "*" ? "star" : key === "#" ? "hash" : key },
      el("span", { text: key, "aria-hidden": "true" }), el("small", { text: letters, "aria-hidden": "true" }));
    button.addEventListener("click", () => press(key));
    container.append(button);
  }
}
