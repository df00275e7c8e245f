// Calling DevKit setup page: builds the snippets that make a HubSpot tab load a calling widget.
//
// The generators are pure functions, exported so that node can test them (Tests/js/setup.test.mjs);
// main.mjs wires them to the page. Nothing here runs on import. No dependencies, no network.

import SPEC from "./calling-settings.json" with { type: "json" };

/** The data both this page and `devkit snippets` read: keys, fields, messages, requests. */
export { SPEC };

/** The localStorage key that installs one of the demo widgets in a HubSpot tab. */
export const INSTALL_DEMO_WIDGET_KEY = SPEC.keys.installDemoWidget;

/** The localStorage key that overrides the calling settings in a HubSpot tab. */
export const CALLING_EXTENSIONS_KEY = SPEC.keys.callingExtensions;

/** The values of INSTALL_DEMO_WIDGET_KEY that HubSpot knows, with what each loads. */
export const DEMO_WIDGET_MODES = Object.freeze(Object.fromEntries(SPEC.demoModes.map(({ mode, meaning }) => [mode, meaning])));

/** The calling settings API, with the two values it needs as shell variables. */
export const SETTINGS_API_URL = SPEC.requests[0].url;

/** The form's initial values, one per field of the settings API. */
export const DEFAULTS = Object.freeze(Object.fromEntries(SPEC.fields.map((field) => [field.name, field.default])));

/** The widget URL used when the page cannot work out its own (e.g. opened from a file). */
export const FALLBACK_WIDGET_URL = DEFAULTS.url;

const FIELDS_OF = (type) => SPEC.fields.filter((field) => field.type === type).map((field) => field.name);
const BOOLEAN_FIELDS = FIELDS_OF("boolean");
const LOCAL_HOSTS = new Set(SPEC.localHosts);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const message = (id, values = {}) => SPEC.messages[id].replace(/\{(\w+)\}/g, (_, name) => values[name]);

/**
 * The demo widget of the site this page belongs to: `../widget/` from the page's own address.
 * Falls back to https://localhost:9025/widget/ when the page is not served over HTTP(S).
 * @param {string} [pageHref] the page's address (default: location.href in a browser)
 * @returns {string}
 */
export function defaultWidgetUrl(pageHref) {
  const href = pageHref ?? (typeof location !== "undefined" ? location.href : undefined);
  if (href === undefined) return FALLBACK_WIDGET_URL;
  try {
    const url = new URL("../widget/", href);
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  } catch {
    // Not a usable base address.
  }
  return FALLBACK_WIDGET_URL;
}

function withDefaults(opts) {
  const merged = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    if (opts && opts[key] !== undefined) merged[key] = opts[key];
  }
  return merged;
}

/** A size as a number: numbers as they are, strings of digits (surrounding spaces allowed) parsed. */
function toSize(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return Number.NaN;
}

/**
 * The calling settings, in the order and with the types HubSpot expects (the fields of
 * calling-settings.json). Missing fields take DEFAULTS. `name` is kept exactly as given; `url` is
 * trimmed; sizes given as strings are parsed. Call validateSettings first: this does not reject bad values.
 * @param {object} [opts]
 * @returns {object}
 */
export function settingsPayload(opts = {}) {
  const o = withDefaults(opts);
  const convert = { text: String, url: (v) => String(v).trim(), pixels: toSize, boolean: (v) => v === true };
  return Object.fromEntries(SPEC.fields.map((field) => [field.name, convert[field.type](o[field.name])]));
}

function urlProblem(raw) {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return message("url.empty");
  let url;
  try {
    url = new URL(text);
  } catch {
    return message("url.notAbsolute");
  }
  if (url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)) return message("url.http");
  if (url.protocol !== "https:" && url.protocol !== "http:") return message("url.scheme", { scheme: url.protocol });
  if (url.username !== "" || url.password !== "") return message("url.credentials");
  return undefined;
}

const CHECKS = {
  text: (value) => {
    if (typeof value !== "string" || value.trim() === "") return message("text.empty");
    return LONE_SURROGATE.test(value) ? message("text.brokenCharacter") : undefined;
  },
  url: urlProblem,
  pixels: (value, field) => {
    if (typeof value === "string" && value.trim() === "") return message("pixels.empty", { field });
    const size = toSize(value);
    return !Number.isSafeInteger(size) || size <= 0 ? message("pixels.invalid", { field }) : undefined;
  },
  boolean: (value, field) => (typeof value !== "boolean" ? message("boolean.invalid", { field }) : undefined),
};

/**
 * Checks the form's values. Missing fields take DEFAULTS.
 * @param {object} [opts]
 * @returns {{field: string, message: string}[]} one entry per problem; empty when all is well
 */
export function validateSettings(opts = {}) {
  const o = withDefaults(opts);
  return SPEC.fields.flatMap(({ name, type }) => {
    const problem = CHECKS[type](o[name], name);
    return problem ? [{ field: name, message: problem }] : [];
  });
}

// Characters that are legal in JSON and JavaScript strings but are invisible, reorder text
// (bidirectional controls), or end a line in older JavaScript (U+2028, U+2029). They are written
// as \u escapes so a copied snippet shows what it stores.
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
// `<` and `>` as well, so a snippet is also safe inside an HTML <script> element.
const INVISIBLE_OR_ANGLE = /[<>\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

const unicodeEscape = (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");

/**
 * JSON text for a value, with invisible and line-separating characters written as \u escapes.
 * JSON.parse gives back exactly the value.
 * @param {unknown} value
 * @param {number} [indent]
 * @returns {string}
 */
export function safeJson(value, indent) {
  // Those characters can only occur inside JSON strings, never right after a backslash that
  // starts an escape (those are ASCII), so escaping them keeps the same value.
  return JSON.stringify(value, null, indent).replace(INVISIBLE, unicodeEscape);
}

/**
 * A JavaScript string literal (double-quoted) whose value is exactly `text`. Valid JavaScript for
 * any text, with no raw `<`, `>`, line terminators or invisible characters, so it is safe in a
 * console, in a file and inside an HTML <script> element.
 * @param {string} text
 * @returns {string}
 */
export function jsStringLiteral(text) {
  return JSON.stringify(String(text)).replace(INVISIBLE_OR_ANGLE, unicodeEscape);
}

/**
 * A POSIX shell word whose value is exactly `text`: single-quoted, with `'` written as `'\''`.
 * @param {string} text
 * @returns {string}
 */
export function shellQuote(text) {
  return "'" + String(text).replace(/'/g, "'\\''") + "'";
}

/**
 * The console statement that installs one of HubSpot's demo widgets in this browser.
 * @param {"local" | "app:js" | "app"} mode
 * @returns {string}
 */
export function installDemoWidgetSnippet(mode) {
  if (!Object.hasOwn(DEMO_WIDGET_MODES, mode)) {
    throw new RangeError(`unknown demo widget mode ${JSON.stringify(mode)}; use local, app:js or app`);
  }
  return `localStorage.setItem(${jsStringLiteral(INSTALL_DEMO_WIDGET_KEY)}, ${jsStringLiteral(mode)});`;
}

/**
 * The console statement that removes a localStorage setting again.
 * @param {string} [key] default: INSTALL_DEMO_WIDGET_KEY
 * @returns {string}
 */
export function removeSnippet(key = INSTALL_DEMO_WIDGET_KEY) {
  return `localStorage.removeItem(${jsStringLiteral(key)});`;
}

/**
 * The console statement that overrides the calling settings in this browser. Its argument is a
 * string literal holding the settings JSON, so it stores exactly JSON.stringify(settingsPayload(settings)).
 * @param {object} settings the form's values or a payload
 * @returns {string}
 */
export function callingExtensionsSnippet(settings) {
  const json = JSON.stringify(settingsPayload(settings));
  return `localStorage.setItem(${jsStringLiteral(CALLING_EXTENSIONS_KEY)}, ${jsStringLiteral(json)});`;
}

/**
 * The settings payload alone, pretty-printed, for the API or `devkit snippets --format json`.
 * @param {object} settings
 * @returns {string}
 */
export function settingsJson(settings) {
  return safeJson(settingsPayload(settings), 2);
}

/**
 * curl commands for the calling settings API and its recording and channel-connection settings, for
 * POSIX shells (the requests of calling-settings.json). URLs use the shell variables APP_ID and
 * DEVELOPER_ACCOUNT_API_KEY; a request with a body sends it as JSON.
 * @param {object} settings
 * @returns {{method: string, description: string, command: string}[]}
 */
export function apiRequests(settings) {
  const payload = settingsPayload(settings);
  let origin = "https://calls.example.com";
  try {
    origin = new URL(payload.url).origin;
  } catch {
    // Keep the example origin.
  }
  const bodyOf = (body) => (body === "settings" ? payload
    : Object.fromEntries(body.map(([key, value]) => [key, typeof value === "string" ? value.replace("{origin}", origin) : value])));
  return SPEC.requests.map(({ method, url, headers = [], body, description }) => {
    const lines = [`curl --request ${method}`, `  --url "${url}"`, ...headers.map((header) => `  --header "${header}"`)];
    if (method !== "DELETE") lines.push("  --header 'accept: application/json'");
    if (body) lines.push("  --header 'content-type: application/json'", `  --data ${shellQuote(safeJson(bodyOf(body)))}`);
    return { method, description, command: lines.join(" \\\n") };
  });
}

/**
 * The `devkit snippets` command line that prints the same snippets in a terminal.
 * @param {object} settings
 * @param {"text" | "js" | "json"} [format]
 * @returns {string}
 */
export function devkitSnippetsCommand(settings, format = "js") {
  const p = settingsPayload(settings);
  const words = ["devkit snippets", "--name", shellQuote(p.name), "--url", shellQuote(p.url),
    "--width", String(p.width), "--height", String(p.height)];
  for (const field of SPEC.fields.filter((f) => f.type === "boolean")) {
    const option = field.option || field.name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    if (p[field.name] !== field.default) words.push(p[field.name] ? `--${option}` : `--no-${option}`);
  }
  words.push("--format", format);
  return words.join(" ");
}

/**
 * Form values given in a query string (`?name=…&url=…&width=…&height=…&ready&supportsCustomObjects`),
 * so that a link can open the page pre-filled. Only the fields present are returned.
 * @param {string} search e.g. location.search
 * @returns {object}
 */
export function valuesFromQuery(search) {
  const params = new URLSearchParams(search);
  const values = {};
  for (const field of ["name", "url", "width", "height"]) {
    if (params.has(field)) values[field] = params.get(field);
  }
  const flag = (value) => value === "" || value === "true" || value === "1";
  if (params.has("ready")) values.isReady = flag(params.get("ready"));
  for (const field of BOOLEAN_FIELDS) {
    if (params.has(field)) values[field] = flag(params.get(field));
  }
  return values;
}
