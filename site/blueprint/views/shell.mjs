// What every screen shares: the header (presence, log out), the status line (a polite live region),
// the notices, and which screen shows, with the focus moved to it when the screen changes.
import { byId, el } from "./dom.mjs";

export function mountShell(doc, phone) {
  const presence = byId("presence", doc);
  const logOut = byId("log-out", doc);
  const status = byId("status", doc);
  const notices = byId("notices", doc);
  const screens = [...doc.querySelectorAll("[data-screen]")];
  const waiting = byId("waiting-text", doc);
  const waitingText = waiting.textContent;
  logOut.addEventListener("click", () => phone.act("logOut"));
  let shown = null;
  let noticeKey = "";

  return (state) => {
    const { user, screen, role } = state;
    const inCall = ["dialing", "incoming", "call"].includes(screen);
    const [label, kind] = !user.loggedIn ? ["Offline", "offline"] : inCall ? ["On a call", "busy"]
      : user.available ? ["Available", "available"] : ["Unavailable", "away"];
    presence.textContent = role === "relay" ? `${label} · remote` : label;
    presence.dataset.state = kind;
    logOut.hidden = !(user.loggedIn && screen === "keypad");
    if (status.textContent !== state.status) status.textContent = state.status;
    waiting.textContent = role === "relay"
      ? "This is the remote: it shows the calling window's calls once the window is open, and passes your actions to it."
      : waitingText;

    const key = state.notices.map((n) => n.id).join();
    if (key !== noticeKey) {
      noticeKey = key;
      notices.replaceChildren(...state.notices.map((n) => {
        const close = el("button", { type: "button", class: "icon", "aria-label": "Dismiss: " + n.text, text: "×" });
        close.addEventListener("click", () => phone.act("dismiss", n.id));
        return el("p", { class: "notice", "data-level": n.level }, el("span", { text: n.text }), close);
      }));
    }

    if (shown !== screen) {
      const previous = screens.find((s) => s.dataset.screen === shown);
      // Follow the user: move the focus only when it was in the screen that goes away.
      const hadFocus = Boolean(previous && previous.contains(doc.activeElement));
      shown = screen;
      for (const section of screens) section.hidden = section.dataset.screen !== screen;
      const next = screens.find((s) => s.dataset.screen === screen);
      if (hadFocus && next) (next.querySelector("[data-autofocus]") || next.querySelector("h2")).focus();
    }
  };
}
