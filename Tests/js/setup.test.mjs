// Tests for the setup page's snippet generators (site/setup/setup.js).
//
// The console snippets are run in node:vm with a fake localStorage, the curl and devkit command
// lines in a POSIX shell with the command replaced by a function that prints its arguments, so
// each test checks what the snippet does, not only how it looks.
//
// Run from the repository root: node --test Tests/js/setup.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";

import {
  CALLING_EXTENSIONS_KEY,
  DEFAULTS,
  DEMO_WIDGET_MODES,
  FALLBACK_WIDGET_URL,
  INSTALL_DEMO_WIDGET_KEY,
  apiRequests,
  callingExtensionsSnippet,
  defaultWidgetUrl,
  devkitSnippetsCommand,
  installDemoWidgetSnippet,
  jsStringLiteral,
  removeSnippet,
  settingsJson,
  settingsPayload,
  shellQuote,
  validateSettings,
  valuesFromQuery,
} from "../../site/setup/setup.js";

const pageUrl = new URL("../../site/setup/index.html", import.meta.url);

// Names that break naive quoting in JavaScript, HTML, JSON or sh.
const HOSTILE_NAMES = [
  `Acme "Calls"`,
  "O'Brien's dialer",
  "'",
  "'\\''",
  "back\\slash \\u0041 \\n",
  "</script><script>alert(1)</script>",
  "<!-- x --> ]]>",
  "line\nbreak\r\nand\ttab",
  "sep\u2028ara\u2029tors",
  "emoji 📞☎️ 👩‍💻",
  "Ünïcödé 日本語 عربي",
  "bidi \u202Eevil\u202C zero\u200Bwidth \uFEFF bom \u0085 nel",
  "nul \u0000 and del \u007F",
  "lone \uD800 surrogate",
  "$(touch /tmp/setup-test-pwned) `id` $HOME ${PATH} !! %s %n",
  "  leading and trailing spaces  ",
  "a".repeat(2000),
];

/** Runs console snippets in a fresh context whose localStorage records every call. */
function runInConsole(source) {
  const calls = [];
  const store = new Map();
  const localStorage = {
    setItem(key, value) {
      calls.push(["setItem", key, value]);
      store.set(String(key), String(value));
    },
    removeItem(key) {
      calls.push(["removeItem", key]);
      store.delete(String(key));
    },
    getItem(key) {
      return store.has(key) ? store.get(key) : null;
    },
  };
  const context = vm.createContext({ localStorage });
  new vm.Script(source, { filename: "console-snippet.js" }).runInContext(context, { timeout: 1000 });
  return { calls, store };
}

/** Runs a shell script with `name` defined as a function that prints its arguments, NUL-separated. */
function runWithStub(name, command, env = {}) {
  const script = `${name}() { printf '%s\\0' "$@"; }\n${command}\n`;
  const result = spawnSync("sh", ["-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, ...env },
  });
  assert.equal(result.status, 0, `sh failed: ${result.stderr}`);
  assert.equal(result.stderr, "");
  const args = result.stdout.split("\0");
  assert.equal(args.pop(), "", "output ends with a NUL");
  return args;
}

/** The value following `flag` in an argument list. */
function optionValue(args, flag) {
  const index = args.indexOf(flag);
  assert.notEqual(index, -1, `missing ${flag} in ${JSON.stringify(args)}`);
  assert.ok(index + 1 < args.length, `${flag} has no value`);
  return args[index + 1];
}

const SETTINGS_KEYS = ["name", "url", "width", "height", "isReady", "supportsCustomObjects", "supportsInboundCalling", "usesCallingWindow", "usesRemote"];
const NEWER_FIELDS = { supportsInboundCalling: true, usesCallingWindow: true, usesRemote: true }; // their defaults

// ---------------------------------------------------------------------------------------------
// settingsPayload

test("settingsPayload gives every field of the settings API in order, with their types", () => {
  const payload = settingsPayload({
    name: "My Calling App",
    url: "https://calls.example.com/widget",
    width: 320,
    height: 650,
    isReady: true,
    supportsCustomObjects: true,
    supportsInboundCalling: false,
    usesCallingWindow: false,
    usesRemote: true,
  });
  assert.deepEqual(Object.keys(payload), SETTINGS_KEYS);
  assert.deepEqual(payload, {
    name: "My Calling App",
    url: "https://calls.example.com/widget",
    width: 320,
    height: 650,
    isReady: true,
    supportsCustomObjects: true,
    supportsInboundCalling: false,
    usesCallingWindow: false,
    usesRemote: true,
  });
  assert.equal(typeof payload.width, "number");
  assert.equal(typeof payload.height, "number");
  assert.equal(typeof payload.isReady, "boolean");
  assert.equal(typeof payload.supportsCustomObjects, "boolean");
});

test("settingsPayload fills in the defaults: the demo name, 400 by 600, isReady false", () => {
  assert.deepEqual(settingsPayload(), {
    name: "Calling DevKit demo",
    url: "https://localhost:9025/widget/",
    width: 400,
    height: 600,
    isReady: false,
    supportsCustomObjects: false,
    ...NEWER_FIELDS,
  });
  assert.deepEqual(settingsPayload({}), settingsPayload(DEFAULTS));
  assert.equal(settingsPayload({ width: 500 }).height, 600);
});

test("settingsPayload turns the form's strings into numbers and keeps the name exactly", () => {
  const payload = settingsPayload({
    name: "  spaced name  ",
    url: "  https://calls.example.com/w  ",
    width: "320",
    height: " 650 ",
    isReady: false,
    supportsCustomObjects: true,
  });
  assert.equal(payload.name, "  spaced name  ");
  assert.equal(payload.url, "https://calls.example.com/w");
  assert.equal(payload.width, 320);
  assert.equal(payload.height, 650);
  assert.equal(payload.isReady, false);
  assert.equal(payload.supportsCustomObjects, true);
});

test("settingsPayload sets booleans only from true, not from truthy strings", () => {
  const payload = settingsPayload({ isReady: "false", supportsCustomObjects: 1 });
  assert.equal(payload.isReady, false);
  assert.equal(payload.supportsCustomObjects, false);
});

// ---------------------------------------------------------------------------------------------
// validateSettings

const valid = {
  name: "My Calling App",
  url: "https://calls.example.com/widget",
  width: "400",
  height: "600",
  isReady: false,
  supportsCustomObjects: false,
};

const fieldsOf = (problems) => problems.map((p) => p.field);

test("validateSettings accepts good settings and the defaults", () => {
  assert.deepEqual(validateSettings(valid), []);
  assert.deepEqual(validateSettings(), []);
  assert.deepEqual(validateSettings({ ...valid, width: 400, height: 600 }), []);
  assert.deepEqual(validateSettings({ ...valid, url: "https://calls.example.com:8443/a/b?x=1#y" }), []);
});

test("validateSettings returns {field, message} objects with readable messages", () => {
  const problems = validateSettings({ ...valid, name: "" });
  assert.equal(problems.length, 1);
  assert.deepEqual(Object.keys(problems[0]).sort(), ["field", "message"]);
  assert.equal(problems[0].field, "name");
  assert.match(problems[0].message, /name/i);
});

test("validateSettings rejects an empty or blank name", () => {
  for (const name of ["", " ", "\t\n"]) {
    assert.deepEqual(fieldsOf(validateSettings({ ...valid, name })), ["name"], JSON.stringify(name));
  }
  assert.deepEqual(validateSettings({ ...valid, name: " x " }), []);
});

test("validateSettings requires https, allowing http only for localhost, 127.0.0.1 and [::1]", () => {
  for (const url of [
    "http://localhost:9025/widget/",
    "http://localhost/",
    "http://127.0.0.1:8080/w",
    "http://[::1]:3000/",
    "https://localhost:9025/widget/",
    "https://127.0.0.1/",
  ]) {
    assert.deepEqual(validateSettings({ ...valid, url }), [], url);
  }
  for (const url of [
    "http://calls.example.com/widget",
    "http://localhost.example.com/",
    "http://127.0.0.2/",
    "http://192.168.1.10:9025/",
    "ftp://calls.example.com/",
    "javascript:alert(1)",
    "data:text/html,<p>hi</p>",
    "file:///tmp/widget.html",
    "calls.example.com/widget",
    "/widget/",
    "https://",
    "",
    "   ",
    "https://user:secret@calls.example.com/",
  ]) {
    const problems = validateSettings({ ...valid, url });
    assert.deepEqual(fieldsOf(problems), ["url"], url);
    assert.ok(problems[0].message.length > 10);
  }
  assert.match(validateSettings({ ...valid, url: "http://calls.example.com/" })[0].message, /https/);
});

test("validateSettings requires width and height to be positive whole numbers", () => {
  for (const size of ["1", "400", 1, 400, "  640 ", 10000]) {
    assert.deepEqual(validateSettings({ ...valid, width: size, height: size }), [], String(size));
  }
  for (const size of [0, "0", -1, "-1", 1.5, "12.5", "", "  ", "abc", "1e3", "0x10", "400px",
    Number.NaN, Infinity, 2 ** 53, null, true]) {
    assert.deepEqual(fieldsOf(validateSettings({ ...valid, width: size })), ["width"], `width ${String(size)}`);
    assert.deepEqual(fieldsOf(validateSettings({ ...valid, height: size })), ["height"], `height ${String(size)}`);
  }
});

test("validateSettings reports every bad field at once", () => {
  const problems = validateSettings({ name: "", url: "http://example.com", width: "0", height: "x" });
  assert.deepEqual(fieldsOf(problems), ["name", "url", "width", "height"]);
});

test("validateSettings rejects a name with half of a surrogate pair", () => {
  for (const name of ["lone \uD800 high", "lone \uDC00 low", "\uDC00\uD800", "end \uD83D"]) {
    assert.deepEqual(fieldsOf(validateSettings({ ...valid, name })), ["name"], JSON.stringify(name));
  }
  assert.deepEqual(validateSettings({ ...valid, name: "pair 📞 \uD83D\uDCDE" }), []);
});

test("validateSettings requires booleans for isReady and supportsCustomObjects", () => {
  assert.deepEqual(fieldsOf(validateSettings({ ...valid, isReady: "true" })), ["isReady"]);
  assert.deepEqual(fieldsOf(validateSettings({ ...valid, supportsCustomObjects: 1 })), ["supportsCustomObjects"]);
});

// ---------------------------------------------------------------------------------------------
// installDemoWidget snippets

test("installDemoWidgetSnippet stores exactly local, app:js or app", () => {
  assert.deepEqual(Object.keys(DEMO_WIDGET_MODES), ["local", "app:js", "app"]);
  for (const mode of ["local", "app:js", "app"]) {
    const snippet = installDemoWidgetSnippet(mode);
    assert.equal(snippet, `localStorage.setItem("LocalSettings:Calling:installDemoWidget", "${mode}");`);
    const { calls, store } = runInConsole(snippet);
    assert.deepEqual(calls, [["setItem", "LocalSettings:Calling:installDemoWidget", mode]]);
    assert.equal(store.get(INSTALL_DEMO_WIDGET_KEY), mode);
  }
});

test("installDemoWidgetSnippet rejects modes HubSpot does not know", () => {
  for (const mode of ["", "Local", "js", "app:react", "toString", "__proto__", undefined]) {
    assert.throws(() => installDemoWidgetSnippet(mode), RangeError, String(mode));
  }
});

test("removeSnippet removes the demo widget setting and the settings override", () => {
  assert.equal(removeSnippet(), 'localStorage.removeItem("LocalSettings:Calling:installDemoWidget");');
  const { calls } = runInConsole(removeSnippet());
  assert.deepEqual(calls, [["removeItem", "LocalSettings:Calling:installDemoWidget"]]);
  const override = runInConsole(removeSnippet(CALLING_EXTENSIONS_KEY));
  assert.deepEqual(override.calls, [["removeItem", "LocalSettings:Calling:CallingExtensions"]]);
});

// ---------------------------------------------------------------------------------------------
// The CallingExtensions override

test("callingExtensionsSnippet stores exactly the settings JSON", () => {
  const settings = { ...valid, isReady: true, supportsCustomObjects: true };
  const { calls, store } = runInConsole(callingExtensionsSnippet(settings));
  assert.equal(calls.length, 1);
  assert.equal(calls[0][1], "LocalSettings:Calling:CallingExtensions");
  const stored = store.get(CALLING_EXTENSIONS_KEY);
  assert.equal(stored, JSON.stringify(settingsPayload(settings)));
  assert.deepEqual(JSON.parse(stored), {
    name: "My Calling App",
    url: "https://calls.example.com/widget",
    width: 400,
    height: 600,
    isReady: true,
    supportsCustomObjects: true,
    ...NEWER_FIELDS,
  });
});

test("callingExtensionsSnippet is valid JavaScript that stores hostile names byte for byte", () => {
  for (const name of HOSTILE_NAMES) {
    const settings = { ...valid, name };
    const snippet = callingExtensionsSnippet(settings);
    const { calls, store } = runInConsole(snippet);
    assert.equal(calls.length, 1, name);
    const stored = store.get(CALLING_EXTENSIONS_KEY);
    const parsed = JSON.parse(stored);
    assert.deepEqual(parsed, settingsPayload(settings), name);
    assert.equal(parsed.name, name, "name round-trips exactly");
    assert.equal(stored, JSON.stringify(settingsPayload(settings)));
  }
});

test("callingExtensionsSnippet is one line, safe inside an HTML <script> element", () => {
  for (const name of HOSTILE_NAMES) {
    const snippet = callingExtensionsSnippet({ ...valid, name });
    assert.doesNotMatch(snippet, /<\/script/i, name);
    assert.doesNotMatch(snippet, /<!--/, name);
    assert.ok(!snippet.includes("<"), `raw < in ${JSON.stringify(snippet)}`);
    assert.doesNotMatch(snippet, /[\n\r\u2028\u2029]/, `line terminator in ${JSON.stringify(snippet)}`);
    assert.doesNotMatch(snippet, /[\u202a-\u202e\u2066-\u2069\u200b\ufeff\u0085]/, "invisible characters are escaped");
  }
  // Emoji and letters stay readable.
  assert.ok(callingExtensionsSnippet({ ...valid, name: "Ünïcödé 📞" }).includes("Ünïcödé 📞"));
});

test("jsStringLiteral evaluates to exactly its input", () => {
  for (const text of [...HOSTILE_NAMES, "", '"', "\\", "\u2028", "<>&", "\uDC00\uD800"]) {
    const literal = jsStringLiteral(text);
    assert.equal(vm.runInNewContext(`(${literal})`), text, JSON.stringify(text));
    assert.ok(!literal.includes("<") && !literal.includes(">"), literal);
  }
});

// ---------------------------------------------------------------------------------------------
// The settings payload alone

test("settingsJson is the pretty-printed payload", () => {
  for (const name of HOSTILE_NAMES) {
    const settings = { ...valid, name, supportsCustomObjects: true };
    const text = settingsJson(settings);
    assert.deepEqual(JSON.parse(text), settingsPayload(settings), name);
    assert.equal(JSON.parse(text).name, name);
  }
  const lines = settingsJson(valid).split("\n");
  assert.equal(lines.length, 11);
  assert.equal(lines[0], "{");
  assert.equal(lines[1], '  "name": "My Calling App",');
  assert.equal(lines[3], '  "width": 400,');
  assert.equal(lines[5], '  "isReady": false,');
  assert.equal(lines[10], "}");
});

// ---------------------------------------------------------------------------------------------
// curl commands for the settings API

const API_ENV = { APP_ID: "1234567", DEVELOPER_ACCOUNT_API_KEY: "dev-key-abc" };
const EXPECTED_API_URL = "https://api.hubapi.com/crm/v3/extensions/calling/1234567/settings?hapikey=dev-key-abc";

test("apiRequests gives POST, PATCH, GET and DELETE, then the recording and channel-connection requests, each described", () => {
  const requests = apiRequests(valid);
  assert.deepEqual(requests.map((r) => r.method), ["POST", "PATCH", "GET", "DELETE", "POST", "POST", "POST"]);
  for (const request of requests) {
    assert.deepEqual(Object.keys(request).sort(), ["command", "description", "method"]);
    assert.ok(request.description.length > 5);
    assert.match(request.command, /^curl --request (POST|PATCH|GET|DELETE) \\\n/);
    if (!request.command.includes("/recordings/ready")) assert.ok(request.command.includes("${APP_ID}"), "APP_ID placeholder is visible");
    if (!request.command.includes("/recordings/ready")) assert.ok(request.command.includes("${DEVELOPER_ACCOUNT_API_KEY}"), "API key placeholder is visible");
    assert.ok(request.command.includes("https://api.hubapi.com/crm/v3/extensions/calling/"));
  }
});

test("apiRequests commands call curl with the method, the URL and, for POST and PATCH, the payload", () => {
  const settings = { ...valid, isReady: true };
  for (const { method, command } of apiRequests(settings).slice(0, 4)) {
    const args = runWithStub("curl", command, API_ENV);
    assert.equal(optionValue(args, "--request"), method);
    assert.equal(optionValue(args, "--url"), EXPECTED_API_URL);
    if (method === "POST" || method === "PATCH") {
      assert.deepEqual(JSON.parse(optionValue(args, "--data")), settingsPayload(settings), method);
      assert.ok(args.includes("content-type: application/json"));
    } else {
      assert.ok(!args.includes("--data"), `${method} sends no body`);
    }
    if (method !== "DELETE") assert.ok(args.includes("accept: application/json"));
  }
});

test("the JSON payloads write invisible and line-separating characters as \\u escapes", () => {
  const name = "a\u2028b\u2029c\u202Ed\u200Be\uFEFFf\u0085g\u2066h";
  const settings = { ...valid, name };
  const pretty = settingsJson(settings);
  const post = apiRequests(settings)[0].command;
  for (const text of [pretty, post]) {
    assert.doesNotMatch(text, /[\u2028\u2029\u202e\u200b\ufeff\u0085\u2066]/, JSON.stringify(text));
    assert.ok(text.includes("a\\u2028b\\u2029c\\u202ed\\u200be\\ufefff\\u0085g\\u2066h"), text);
  }
  assert.equal(JSON.parse(pretty).name, name);
  // Readable characters are left alone.
  assert.ok(settingsJson({ ...valid, name: "Café 📞 <b>" }).includes('"name": "Café 📞 <b>"'));
});

test("apiRequests quote hostile names safely for sh", () => {
  for (const name of HOSTILE_NAMES) {
    const settings = { ...valid, name };
    const [post, patch] = apiRequests(settings);
    for (const { command } of [post, patch]) {
      const args = runWithStub("curl", command, API_ENV);
      const body = optionValue(args, "--data");
      assert.deepEqual(JSON.parse(body), settingsPayload(settings), name);
      assert.equal(JSON.parse(body).name, name, "name round-trips exactly");
    }
  }
});

test("shellQuote gives a single sh word with exactly the input", () => {
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  // Shell arguments cannot hold NUL or a lone surrogate (not UTF-8); JSON bodies escape both.
  const representable = HOSTILE_NAMES.filter((n) => !n.includes("\u0000") && n.isWellFormed());
  assert.ok(representable.length >= HOSTILE_NAMES.length - 2);
  for (const text of [...representable, "", "'''", "a b\tc"]) {
    const args = runWithStub("show", `show ${shellQuote(text)}`);
    assert.deepEqual(args, [text], JSON.stringify(text));
  }
});

// ---------------------------------------------------------------------------------------------
// devkit snippets, defaults, query string

test("devkitSnippetsCommand passes the same values to devkit snippets", () => {
  for (const name of ["My Calling App", "O'Brien \"x\" $(id)"]) {
    const settings = { ...valid, name, url: "https://calls.example.com/it's", supportsCustomObjects: true };
    const args = runWithStub("devkit", devkitSnippetsCommand(settings, "json"));
    assert.deepEqual(args, [
      "snippets", "--name", name, "--url", "https://calls.example.com/it's", "--width", "400",
      "--height", "600", "--supports-custom-objects", "--format", "json",
    ]);
  }
  const ready = runWithStub("devkit", devkitSnippetsCommand({ ...valid, isReady: true }));
  assert.ok(ready.includes("--ready"));
  assert.equal(optionValue(ready, "--format"), "js");
  assert.ok(!ready.includes("--supports-custom-objects"));
});

test("defaultWidgetUrl is the site's own widget, under any base path", () => {
  assert.equal(defaultWidgetUrl("https://localhost:9025/setup/"), "https://localhost:9025/widget/");
  assert.equal(defaultWidgetUrl("https://localhost:9025/setup/index.html?x=1#y"), "https://localhost:9025/widget/");
  assert.equal(defaultWidgetUrl("https://acme.github.io/calling-devkit/setup/"), "https://acme.github.io/calling-devkit/widget/");
  assert.equal(defaultWidgetUrl("http://127.0.0.1:8765/setup/"), "http://127.0.0.1:8765/widget/");
  assert.equal(defaultWidgetUrl("file:///work/main/site/setup/index.html"), FALLBACK_WIDGET_URL);
  assert.equal(FALLBACK_WIDGET_URL, "https://localhost:9025/widget/");
});

test("valuesFromQuery reads the fields a link gives", () => {
  assert.deepEqual(valuesFromQuery(""), {});
  assert.deepEqual(valuesFromQuery("?name=A%20%26%20B&url=https%3A%2F%2Fx.example%2F&width=300&height=500&ready&supportsCustomObjects=true"), {
    name: "A & B",
    url: "https://x.example/",
    width: "300",
    height: "500",
    isReady: true,
    supportsCustomObjects: true,
  });
  assert.deepEqual(valuesFromQuery("?usesRemote=0&usesCallingWindow"), { usesRemote: false, usesCallingWindow: true });
  assert.deepEqual(valuesFromQuery("?isReady=false&supportsCustomObjects=0"), { isReady: false, supportsCustomObjects: false });
});

// ---------------------------------------------------------------------------------------------
// The page itself

test("the page shows the same demo snippets as installDemoWidgetSnippet", () => {
  const html = readFileSync(pageUrl, "utf8");
  const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const shown = new Map();
  for (const match of html.matchAll(/<code[^>]*data-demo-mode="([^"]+)"[^>]*>([^<]*)<\/code>/g)) {
    shown.set(match[1], unescape(match[2]));
  }
  assert.deepEqual([...shown.keys()], ["local", "app:js", "app"]);
  for (const [mode, snippet] of shown) assert.equal(snippet, installDemoWidgetSnippet(mode));
  const remove = html.match(/<code[^>]*data-remove="installDemoWidget"[^>]*>([^<]*)<\/code>/);
  assert.ok(remove, "the page shows how to remove the demo");
  assert.equal(unescape(remove[1]), removeSnippet());
});

test("the page uses only relative URLs and loads its entry module, main.mjs", () => {
  const html = readFileSync(pageUrl, "utf8");
  const urls = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(urls.length >= 8);
  for (const url of urls) {
    assert.doesNotMatch(url, /^(?:[a-z][a-z0-9+.-]*:|\/)/i, `not relative: ${url}`);
  }
  assert.ok(urls.includes("../assets/site.css"));
  assert.ok(urls.includes("../"));
  assert.ok(urls.includes("../widget/"));
  assert.ok(urls.includes("../host/"));
  assert.match(html, /<script type="module" src="main\.mjs"><\/script>/);
  for (const id of ["settings-form", "name", "url", "width", "height", "isReady", "supportsCustomObjects",
    "name-error", "url-error", "width-error", "height-error", "invalid", "snippets", "override",
    "remove-override", "api", "payload", "devkit-command"]) {
    assert.match(html, new RegExp(`id="${id}"`), `the script needs #${id}`);
  }
});

test("the recording and channel-connection requests send their bodies to their own endpoints", () => {
  const [recording, ready, channel] = apiRequests({ ...valid, url: "https://calls.example.com/app/widget" }).slice(4);
  const base = "https://api.hubapi.com/crm/v3/extensions/calling";
  const expected = [
    [recording, `${base}/1234567/settings/recording?hapikey=dev-key-abc`, { urlToRetrieveAuthedRecording: "https://calls.example.com/recordings/%s" }],
    [ready, `${base}/recordings/ready`, { engagementId: 0 }],
    [channel, `${base}/1234567/settings/channel-connection?hapikey=dev-key-abc`, { url: "https://calls.example.com/hubspot/phone-numbers", isReady: false }],
  ];
  assert.ok(runWithStub("curl", ready.command, { ...API_ENV, ACCESS_TOKEN: "tok-1" }).includes("authorization: Bearer tok-1"),
    "recordings/ready takes the installing account's OAuth token");
  for (const [request, url, body] of expected) {
    const args = runWithStub("curl", request.command, API_ENV);
    assert.equal(optionValue(args, "--url"), url);
    assert.deepEqual(JSON.parse(optionValue(args, "--data")), body);
  }
});

test("the page's form has a control for every field of calling-settings.json", () => {
  const html = readFileSync(pageUrl, "utf8");
  for (const name of SETTINGS_KEYS) assert.match(html, new RegExp(`name="${name}"`), name);
});

test("setup.js does nothing on import; main.mjs is the page's only entry and touches the document", () => {
  const generators = readFileSync(new URL("../../site/setup/setup.js", import.meta.url), "utf8");
  assert.doesNotMatch(generators, /\bdocument\b|addEventListener/);
  const entry = readFileSync(new URL("../../site/setup/main.mjs", import.meta.url), "utf8");
  assert.match(entry, /from "\.\/setup\.js";/);
  assert.match(entry, /document/);
});
