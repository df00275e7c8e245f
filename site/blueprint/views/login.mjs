// The log-in screen: any non-empty user name and password (a demo).
import { byId } from "./dom.mjs";

export function mountLogin(doc, phone) {
  const form = byId("login-form", doc);
  const error = byId("login-error", doc);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    phone.act("logIn", { user: form.elements.user.value, password: form.elements.password.value });
    if (!phone.state.loginError) form.elements.password.value = "";
  });
  return (state) => {
    error.textContent = state.loginError;
    error.hidden = !state.loginError;
    form.elements.user.setAttribute("aria-invalid", String(Boolean(state.loginError)));
  };
}
