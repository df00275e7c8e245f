// Dialing: who is being called, and a cancel button.
import { byId, showParty } from "./dom.mjs";

export function mountDialing(doc, phone) {
  const root = doc.querySelector('[data-screen="dialing"]');
  byId("cancel", doc).addEventListener("click", () => phone.act("cancel"));
  return (state) => {
    if (state.screen === "dialing") showParty(root, state.call);
  };
}
