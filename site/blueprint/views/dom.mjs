// Small DOM helpers shared by the views.

/** The element with this id (throws when the page lacks it, so a renamed id fails loudly). */
export function byId(id, doc = document) {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element;
}

/** A new element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (key === "text") element.textContent = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children);
  return element;
}

/** Sets a field's value unless the user is typing in it (so echoes never move the caret). */
export function setValue(field, value) {
  if (field.value !== value && field.ownerDocument.activeElement !== field) field.value = value;
}

/** Fills every [data-name], [data-number] and [data-initials] in `root` for the party on the line. */
export function showParty(root, { name, number }) {
  for (const node of root.querySelectorAll("[data-name]")) node.textContent = name || number || "Unknown";
  for (const node of root.querySelectorAll("[data-number]")) node.textContent = name ? number : "";
  for (const node of root.querySelectorAll("[data-initials]")) node.textContent = initials(name);
}

function initials(name) {
  const words = String(name || "").split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words.length ? (words[0][0] + (words.length > 1 ? words.at(-1)[0] : "")).toUpperCase() : "#";
}
