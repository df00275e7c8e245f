// The developer drawer: every message between the app and HubSpot, newest first.
import { byId, el } from "./dom.mjs";

const MAX = 150;

export function mountDrawer(doc) {
  const list = byId("messages", doc);
  const count = byId("message-count", doc);
  let total = 0;
  byId("clear-messages", doc).addEventListener("click", () => {
    list.replaceChildren();
    total = 0;
    count.textContent = "0";
  });
  /** Adds one message: direction "in" (from HubSpot) or "out" (an SDK call), its type, its data. */
  return (direction, type, data) => {
    const text = data === undefined ? "" : JSON.stringify(data, null, 1);
    const item = el("li", { "data-direction": direction, "data-type": type },
      el("span", { class: "arrow", text: direction === "in" ? "←" : "→", title: direction === "in" ? "from HubSpot" : "to HubSpot" }),
      el("strong", { text: type }),
      text && text !== "{}" ? el("code", { text }) : "");
    list.prepend(item);
    while (list.children.length > MAX) list.lastChild.remove();
    count.textContent = String(++total);
  };
}
