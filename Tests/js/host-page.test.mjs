// The host simulator's static files (site/host/): relative URLs only, nothing from the network, one
// role per module with nothing run on import but by main.mjs, the wire taken from the bridge rather
// than copied; and the bridge's Channel.onDrop hook it relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repoRoot, createWorld, loadBridge } from "./support/fake-window.mjs";

const hostDir = path.join(repoRoot, "site/host");
const read = (name) => fs.readFileSync(path.join(hostDir, name), "utf8");
const html = read("index.html");
const modules = fs.readdirSync(hostDir).filter((name) => name.endsWith(".mjs")).sort();
const references = [...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((m) => m[1]);
const code = (text) => text.split("\n").filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join("\n"); // without comments

test("index.html loads the bridge, the guides' stylesheet and its own files by relative URLs", () => {
  assert.deepEqual(references.filter((r) => /\.(m?js|css)$/.test(r)).sort(),
    ["../assets/calling-extensions.js", "../assets/site.css", "../assets/theme.js", "host.css", "main.mjs"]);
  for (const ref of references) assert.doesNotMatch(ref, /^(\/|[a-z]+:)/i, `${ref} must be relative`);
  // The bridge (a classic script) runs before the module that needs CallingExtensions.protocol.
  assert.ok(html.indexOf('src="../assets/calling-extensions.js"') < html.indexOf('src="main.mjs"'));
  assert.match(html, /<script type="module" src="main\.mjs"><\/script>/);
});

test("nothing comes from the network: no absolute URLs, fonts, imports from elsewhere or fetches", () => {
  for (const name of ["index.html", "host.css", ...modules]) {
    assert.doesNotMatch(read(name), /(src|href)="https?:|url\(|@import|@font-face|fetch\(|XMLHttpRequest|\bcdn\b/, name);
  }
  for (const name of modules) {
    const imports = [...read(name).matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    for (const spec of imports) assert.match(spec, /^\.\/[a-z-]+\.mjs$/, `${name} imports ${spec}`);
  }
});

test("modules do nothing on import: every one but main.mjs loads in node, with no window or document", async () => {
  assert.equal(typeof globalThis.document, "undefined");
  for (const name of modules.filter((n) => n !== "main.mjs")) {
    const exports = await import(path.join(hostDir, name));
    assert.ok(Object.keys(exports).length > 0, `${name} exports something`);
  }
  await assert.rejects(import(path.join(hostDir, "main.mjs")), /window is not defined/, "main.mjs is the page's entry");
  for (const name of modules) {
    const first = read(name).split("\n")[0];
    assert.match(first, new RegExp(`^// ${name.replace(".", "\\.")}: `), `${name} starts by naming its role`);
    assert.doesNotMatch(read(name), /PROTOCOL\.md/, `${name} cites content/reference/, not a file outside the repository`);
  }
});

test("the simulator reuses the bridge's protocol: Channel for ids and origins, its tables for types", () => {
  const all = Object.fromEntries(modules.map((n) => [n, code(read(n))]));
  assert.match(all["frame.mjs"], /new host\.protocol\.Channel\(/);
  assert.match(all["host.mjs"], /protocol\.Constants\.messageType/);
  assert.match(all["calls.mjs"], /protocol\.callEndStatuses/);
  assert.match(all["inbox.mjs"], /protocol\.widgetToHost/);
  for (const [name, text] of Object.entries(all)) {
    assert.doesNotMatch(text, /postMessage\(|instanceId \+|Date\.now\(\) \+ "_"/, `${name}: no second implementation of the wire`);
    assert.doesNotMatch(text, /"NO_ANSWER", "REJECTED"|OUTGOING_CALL_STARTED: "/, `${name}: no copied constants`);
    assert.doesNotMatch(text, /messageType\.UNKNOWN_MESSAGE_TYPE|Constants\.(objectTypes|objectTypeIds|iframeLocations)|INTERNAL_(REJECTED|MISSED)/,
      `${name}: only what the SDK's Constants has, and the DevKit tables from protocol`);
  }
  const listeners = Object.entries(all).filter(([, text]) => /addEventListener\("message"|addEventListener\(type/.test(text)).map(([n]) => n);
  assert.deepEqual(listeners, ["frame.mjs"], "only a frame's port filters the host window's messages (by source)");
  assert.match(all["main.mjs"], /window\.CallingExtensions && window\.CallingExtensions\.protocol/);
});

test("the page's modules are valid JavaScript, and the page has the ids the guide and tests use", () => {
  for (const name of modules) execFileSync(process.execPath, ["--check", path.join(hostDir, name)]);
  for (const id of ["widget-choice", "widget-url", "connection", "dial-number", "dial-from", "dial-button", "records", "end-call", "minimise",
    "hide", "show", "fail-create", "fail-update", "fail-caller-id", "session-form", "uses-remote", "uses-calling-window", "iframe-location",
    "custom-form", "problems", "problem-count", "timeline", "filter-text", "filter-type", "filter-direction", "filter-lane", "export",
    "reset", "reload", "end-session", "frame-box", "frame-holder", "announcer"]) {
    assert.match(html, new RegExp(`id="${id}"`), id);
  }
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  const fields = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
  for (const field of fields) {
    const id = /id="([^"]+)"/.exec(field)?.[1];
    const ok = /aria-label=/.test(field) || new RegExp(`<label[^>]*for="${id}"`).test(html) ||
      html.slice(Math.max(0, html.lastIndexOf("<label", html.indexOf(field))), html.indexOf(field)).indexOf("</label>") === -1;
    assert.ok(ok, `${field} has a label`);
  }
  // Scrollable regions can be reached with the keyboard and have a name; new content is announced politely.
  assert.match(html, /<ol id="timeline"[^>]*tabindex="0"[^>]*aria-labelledby="timeline-title"/);
  assert.match(html, /<main[^>]*tabindex="0"/);
  assert.match(html, /<div id="announcer"[^>]*aria-live="polite"/);
  assert.match(read("timeline.mjs"), /tabIndex: 0,\s*attrs: \{ role: "region", "aria-label"/, "each message's JSON is focusable and named");
  const size = ["index.html", "host.css", ...modules].reduce((sum, f) => sum + fs.statSync(path.join(hostDir, f)).size, 0);
  assert.ok(size < 150000, `${size} bytes`); // as written, before gzip: a budget that flags runaway growth
});

test("host.css honours prefers-reduced-motion and gives every colour a dark one", () => {
  const css = read("host.css");
  assert.match(css, /@media \(prefers-reduced-motion: reduce\)/);
  // light-dark(light, dark): the system's scheme, or the reader's choice stored by the guides' theme button.
  const colours = [...css.matchAll(/(--[a-z-]+): (light-dark\()?#/g)];
  assert.ok(colours.length >= 10);
  for (const [declaration, name, pair] of colours) {
    if (name !== "--call") assert.ok(pair, `${declaration}… has no dark colour`);
  }
  assert.ok(html.indexOf('src="../assets/theme.js"') < html.indexOf('href="../assets/site.css"'), "theme.js runs before the first paint");
});

test("Channel.onDrop sees the messages the Channel drops, and only those", async () => {
  const world = createWorld();
  const host = world.window("host", "https://h.example");
  const widget = world.window("widget", "https://w.example");
  const other = world.window("other", "https://o.example");
  loadBridge(host);
  const dropped = [];
  const accepted = [];
  const channel = new host.CallingExtensions.protocol.Channel({
    window: host, target: world.handle(host, widget), origin: "https://w.example",
    onMessage: (m) => accepted.push(m.type), onDrop: (m, event) => dropped.push([m.type ?? m.messageId, event.origin]),
  });
  const fromWidget = world.handle(widget, host);
  fromWidget.postMessage({ type: "LOGGED_IN", messageId: "1_1" }, "*");
  fromWidget.postMessage({ type: "LOGGED_IN" }, "*");
  fromWidget.postMessage({ messageId: "1_2" }, "*");
  world.handle(other, host).postMessage({ type: "LOGGED_IN", messageId: "1_3" }, "*");
  fromWidget.postMessage("not an object", "*");
  await world.settle();
  assert.deepEqual(accepted, ["LOGGED_IN"]);
  assert.deepEqual(dropped, [["LOGGED_IN", "https://w.example"], ["1_2", "https://w.example"], ["LOGGED_IN", "https://o.example"]]);
  channel.close();
});
