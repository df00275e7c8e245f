// In a call: the timer, mute / hold / record, the tone keypad, notes, transfer and hang up.
import { byId, setValue, showParty } from "./dom.mjs";
import { mountKeys } from "./keys.mjs";
import { formatDuration } from "../phone.mjs";

export function mountCall(doc, phone, clock) {
  const root = doc.querySelector('[data-screen="call"]');
  const notes = byId("call-notes", doc);
  const timer = byId("timer", doc);
  const transferTo = byId("transfer-to", doc);
  mountKeys(byId("dtmf", doc), (key) => phone.act("sendDigit", key));
  for (const button of root.querySelectorAll("[data-toggle]")) {
    button.addEventListener("click", () => phone.act("toggle", button.dataset.toggle));
  }
  notes.addEventListener("input", () => phone.act("setNotes", notes.value));
  byId("transfer-form", doc).addEventListener("submit", (event) => {
    event.preventDefault();
    phone.act("transfer", transferTo.value);
  });
  byId("hang-up", doc).addEventListener("click", () => phone.act("hangUp"));
  let call = null;

  const render = (state) => {
    call = state.screen === "call" ? state.call : null;
    if (!call) return;
    showParty(root, call);
    for (const button of root.querySelectorAll("[data-toggle]")) button.setAttribute("aria-pressed", String(call[button.dataset.toggle]));
    byId("digits", doc).textContent = call.digits;
    setValue(notes, call.notes);
    tick();
  };
  // The timer text, once a second from main.mjs (the time is not state: it follows the clock).
  const tick = () => {
    if (call && call.answeredAt) timer.textContent = formatDuration(clock.now() - call.answeredAt);
  };
  render.tick = tick;
  return render;
}
