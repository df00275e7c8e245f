// The keypad: the number, the caller's own number, availability, the call button, and the
// simulation panel (how the other side answers, and a simulated incoming call).
import { byId, el, setValue } from "./dom.mjs";
import { mountKeys } from "./keys.mjs";
import { callingWindowUrl } from "../phone.mjs";

export function mountKeypad(doc, phone) {
  const $ = (id) => byId(id, doc);
  const number = $("number");
  const from = $("from-number");
  const availability = $("availability");
  const outcome = $("outcome");
  const ring = $("ring");
  const incoming = $("incoming-number");
  mountKeys($("keys"), (key) => phone.act("pressKey", key));
  number.addEventListener("input", () => phone.act("setNumber", number.value));
  number.addEventListener("keydown", (event) => {
    if (event.key === "Enter") phone.act("call");
  });
  number.addEventListener("blur", () => phone.changed());
  $("backspace").addEventListener("click", () => phone.act("backspace"));
  from.addEventListener("change", () => phone.act("chooseFrom", from.value));
  availability.addEventListener("click", () => phone.act("setAvailable", availability.getAttribute("aria-checked") !== "true"));
  $("call").addEventListener("click", () => phone.act("call"));
  outcome.addEventListener("change", () => phone.act("configure", { outcome: outcome.value }));
  ring.addEventListener("change", () => phone.act("configure", { ringMs: Math.round(Number(ring.value) * 1000) }));
  $("simulate-incoming").addEventListener("click", () => phone.act("simulateIncoming", incoming.value));

  return (state) => {
    const { dial, user, settings } = state;
    setValue(number, dial.number);
    $("callee").textContent = dial.name ? `Calling ${dial.name}` : dial.callee ? `A HubSpot ${dial.callee.objectTypeId === "0-2" ? "company" : "contact"}` : "";
    if (from.options.length !== state.numbers.length) from.replaceChildren(...state.numbers.map((n) => el("option", { value: n, text: n })));
    from.value = state.fromNumber;
    availability.setAttribute("aria-checked", String(user.available));
    outcome.value = settings.outcome;
    setValue(ring, String(settings.ringMs / 1000));
    $("simulate-incoming").disabled = !user.available;
    $("incoming-hint").hidden = user.available;
    const link = state.session && state.session.iframeLocation === "remote" && state.role === "reporter" ? callingWindowUrl(state.session) : "";
    $("window-link").hidden = !link;
    if (link) $("window-href").href = link;
  };
}
