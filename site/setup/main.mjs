// The setup page's entry: wires the form to the snippet generators of setup.js (which does nothing
// on import, so node tests it alone). The only module of the page that touches the document.
import {
  CALLING_EXTENSIONS_KEY,
  DEFAULTS,
  SPEC,
  apiRequests,
  callingExtensionsSnippet,
  defaultWidgetUrl,
  devkitSnippetsCommand,
  removeSnippet,
  settingsJson,
  validateSettings,
  valuesFromQuery,
} from "./setup.js";

function codeBlock(doc, text, language) {
  const block = doc.createElement("div");
  block.className = "code-block";
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.setAttribute("aria-label", "Copy code");
  button.textContent = "Copy";
  const pre = doc.createElement("pre");
  const code = doc.createElement("code");
  if (language) code.className = `language-${language}`;
  code.textContent = text;
  pre.append(code);
  block.append(button, pre);
  return block;
}

function fill(doc, id, ...nodes) {
  const target = doc.getElementById(id);
  if (target) target.replaceChildren(...nodes);
}

function readForm(form) {
  return Object.fromEntries(SPEC.fields.map(({ name, type }) =>
    [name, type === "boolean" ? form.elements[name].checked : form.elements[name].value]));
}

function render(doc, form) {
  const values = readForm(form);
  const problems = validateSettings(values);
  const byField = new Map();
  for (const problem of problems) {
    if (!byField.has(problem.field)) byField.set(problem.field, problem.message);
  }
  for (const field of ["name", "url", "width", "height"]) {
    const input = form.elements[field];
    const message = doc.getElementById(`${field}-error`);
    const text = byField.get(field);
    input.setAttribute("aria-invalid", text ? "true" : "false");
    if (message) {
      message.textContent = text ?? "";
      message.hidden = !text;
    }
  }

  const output = doc.getElementById("snippets");
  const invalid = doc.getElementById("invalid");
  if (problems.length > 0) {
    output.hidden = true;
    invalid.hidden = false;
    // Drop the old snippets so nothing stale can be copied.
    for (const id of ["override", "api", "payload", "devkit-command"]) fill(doc, id);
    return;
  }
  invalid.hidden = true;
  output.hidden = false;

  fill(doc, "override", codeBlock(doc, callingExtensionsSnippet(values), "js"));
  const requests = apiRequests(values).flatMap(({ method, description, command }) => {
    const heading = doc.createElement("p");
    const label = doc.createElement("code");
    label.textContent = method;
    heading.append(label, " ", description);
    return [heading, codeBlock(doc, command, "sh")];
  });
  fill(doc, "api", ...requests);
  fill(doc, "payload", codeBlock(doc, settingsJson(values), "json"));
  fill(doc, "devkit-command", codeBlock(doc, devkitSnippetsCommand(values, "js"), "sh"));
}

function start(doc) {
  const form = doc.getElementById("settings-form");
  if (!form) return;
  if (form.elements.url.value === "") form.elements.url.value = defaultWidgetUrl();
  const given = valuesFromQuery(typeof location !== "undefined" ? location.search : "");
  for (const [field, value] of Object.entries(given)) {
    const input = form.elements[field];
    if (input.type === "checkbox") input.checked = value;
    else input.value = value;
  }
  form.addEventListener("input", () => render(doc, form));
  form.addEventListener("change", () => render(doc, form));
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const button of form.querySelectorAll("[data-preset]")) {
    button.addEventListener("click", () => {
      const preset = button.dataset.preset;
      form.elements.url.value = new URL(`../${preset}/`, location.href).href;
      form.elements.name.value = preset === "blueprint" ? "Calling DevKit blueprint" : DEFAULTS.name;
      render(doc, form);
    });
  }
  form.addEventListener("reset", () => {
    // The reset restores the HTML values after this event; fill in the URL and redraw then.
    setTimeout(() => {
      form.elements.url.value = defaultWidgetUrl();
      render(doc, form);
    });
  });
  fill(doc, "remove-override", codeBlock(doc, removeSnippet(CALLING_EXTENSIONS_KEY), "js"));
  for (const element of doc.querySelectorAll(".needs-script")) element.hidden = true;
  form.hidden = false;
  render(doc, form);
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(document));
  } else {
    start(document);
  }
}
