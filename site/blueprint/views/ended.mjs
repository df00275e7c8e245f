// After the call: outcome, notes and duration; Save reports it to HubSpot (once HubSpot has created
// the call record), Finalize closes the record.
import { byId, el, setValue, showParty } from "./dom.mjs";
import { DISPOSITIONS, formatDuration } from "../phone.mjs";

const STATUS = { COMPLETED: "Completed", CANCELED: "Canceled", BUSY: "Busy", NO_ANSWER: "No answer", FAILED: "Failed", REJECTED: "Declined", MISSED: "Missed" };

export function mountEnded(doc, phone) {
  const root = doc.querySelector('[data-screen="ended"]');
  const disposition = byId("disposition", doc);
  const notes = byId("ended-notes", doc);
  disposition.append(...DISPOSITIONS.map(([id, label]) => el("option", { value: id, text: label })));
  disposition.addEventListener("change", () => phone.act("setDisposition", disposition.value));
  notes.addEventListener("input", () => phone.act("setNotes", notes.value));
  byId("save", doc).addEventListener("click", () => phone.act("save"));
  byId("finalize", doc).addEventListener("click", () => phone.act("finalize"));
  return (state) => {
    const { call } = state;
    if (state.screen !== "ended" || !call) return;
    showParty(root, call);
    byId("ended-status", doc).textContent = STATUS[call.endStatus] || call.endStatus;
    byId("ended-duration", doc).textContent = call.answeredAt ? formatDuration(call.endedAt - call.answeredAt) : "not answered";
    byId("ended-warning", doc).hidden = !call.engagementFailed;
    // Save waits until HubSpot has created the call record (or said it could not): see Phone.save().
    const waiting = Boolean(call.engagementPending);
    const save = byId("save", doc);
    byId("ended-waiting", doc).hidden = !waiting;
    save.disabled = waiting;
    if (waiting) save.setAttribute("aria-describedby", "ended-waiting");
    else save.removeAttribute("aria-describedby");
    disposition.value = call.disposition;
    setValue(notes, call.notes);
    const finalize = byId("finalize", doc);
    finalize.disabled = call.engagementId == null || call.finalized;
    finalize.textContent = call.finalized ? "Finalized" : "Finalize";
  };
}
