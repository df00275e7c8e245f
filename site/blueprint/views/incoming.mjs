// An incoming call: the caller (named once HubSpot matches the number), answer and decline.
import { byId, showParty } from "./dom.mjs";

export function mountIncoming(doc, phone) {
  const root = doc.querySelector('[data-screen="incoming"]');
  byId("answer", doc).addEventListener("click", () => phone.act("answer"));
  byId("decline", doc).addEventListener("click", () => phone.act("decline"));
  return (state) => {
    if (state.screen === "incoming") showParty(root, state.call);
  };
}
