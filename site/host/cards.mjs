// cards.mjs: what the stage shows above the widget's frames: the current call, the record the widget
// opened (NAVIGATE_TO_RECORD), and the alerts (the widget's ERROR, the simulator's notes).
import { initials, recordName } from "./directory.mjs";
import { elementMaker } from "./dom.mjs";

const STATES = { ringing: "Ringing", answered: "Answered", ended: "Ended", completed: "Completed" };

export class Cards {
  /** document; host: the HostSimulator. */
  constructor({ document, host }) {
    Object.assign(this, { host, el: elementMaker(document) });
    const $ = (id) => document.getElementById(id);
    Object.assign(this, { callCard: $("call-card"), recordCard: $("record-card"), alerts: $("alerts") });
  }

  /** The last call HubSpot knows: state, who, ids, and the frame that reported it. */
  call() {
    const { el, host } = this;
    const card = this.callCard;
    const call = host.calls.list.at(-1);
    card.hidden = !call;
    if (!call) return;
    const who = call.record ? recordName(call.record) : call.number || "unknown number";
    const engagement = call.engagementId !== undefined ? `engagement ${call.engagementId}`
      : call.engagementFailed ? "engagement not created (switch)" : call.createEngagement ? "" : "no engagement requested";
    const direction = call.direction === "inbound" ? "Inbound" : call.direction === "outbound" ? "Outbound" : "Resumed";
    const from = host.frames.length > 1 ? `from the ${host.placeOf(call.location).label.toLowerCase()}` : "";
    card.replaceChildren(
      el("span", { className: `call-state ${call.state}`, textContent: call.ghost ? "Never completed" : STATES[call.state] || call.state }),
      el("strong", { textContent: `${direction} call · ${who}` }),
      el("span", { className: "muted", textContent: [call.externalCallId && `externalCallId ${call.externalCallId}`, engagement, call.callEndStatus, from].filter(Boolean).join(" · ") }),
    );
  }

  /** An alert: "error" for the widget's ERROR (role alert), "info" for a note (role status); three at most. */
  alert(level, message) {
    const el = this.el;
    const dismiss = el("button", { type: "button", className: "close", textContent: "×", title: "Dismiss", attrs: { "aria-label": "Dismiss" } });
    const alert = el("div", { className: `alert ${level}`, attrs: { role: level === "error" ? "alert" : "status" } },
      el("strong", { textContent: level === "error" ? "The calling app reported an error" : "Note" }),
      el("span", { textContent: message }), dismiss);
    dismiss.addEventListener("click", () => alert.remove());
    this.alerts.append(alert);
    while (this.alerts.children.length > 3) this.alerts.firstElementChild.remove();
  }

  /** The record of a NAVIGATE_TO_RECORD, from the sample CRM or by its coordinates. */
  record({ objectCoordinates, record }) {
    const el = this.el;
    const card = this.recordCard;
    card.hidden = false;
    const kind = objectCoordinates.objectTypeId === "0-2" ? "Company" : objectCoordinates.objectTypeId === "0-1" ? "Contact" : `Object ${objectCoordinates.objectTypeId}`;
    const close = el("button", { type: "button", className: "close", textContent: "×", title: "Close the record", attrs: { "aria-label": "Close the record" } });
    close.addEventListener("click", () => (card.hidden = true));
    card.replaceChildren(
      el("span", { className: "avatar", textContent: record ? initials(record) : "?", attrs: { "aria-hidden": "true" } }),
      el("div", {},
        el("p", { className: "muted", textContent: `NAVIGATE_TO_RECORD · ${kind} ${objectCoordinates.objectId}` }),
        el("strong", { textContent: record ? recordName(record) : "A record outside the sample CRM" }),
        record ? el("p", { className: "muted", textContent: [record.email || record.domain, record.phone].filter(Boolean).join(" · ") }) : null),
      close);
  }

  /** After a reset: no alerts, no record. */
  clear() {
    this.alerts.replaceChildren();
    this.recordCard.hidden = true;
  }
}
