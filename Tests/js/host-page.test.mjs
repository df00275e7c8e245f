// The host simulator's static files (site/host/): relative URLs only, nothing from the network, the
// protocol taken from the bridge rather than copied; and the bridge's Channel.onDrop hook it relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repoRoot, createWorld, loadBridge } from "./support/fake-window.mjs";

const hostDir = path.join(repoRoot, "site/host");
const read = (name) => fs.readFileSync(path.join(hostDir, name), "utf8");
const html = read("index.html");
const references = [...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((m) => m[1]);

test("index.html loads the bridge, the guides' stylesheet and its own files by relative URLs", () => {
  assert.deepEqual(references.filter((r) => /\.(m?js|css)$/.test(r)).sort(),
    ["../assets/calling-extensions.js", "../assets/site.css", "host-ui.mjs", "host.css"]);
  for (const ref of references) assert.doesNotMatch(ref, /^(\/|[a-z]+:)/i, `${ref} must be relative`);
  for (const base of ["https://h.example/host/", "https://h.example/docs/calling/host/index.html"]) {
    const url = new URL("../assets/calling-extensions.js", base);
    assert.equal(url.pathname.endsWith("/assets/calling-extensions.js"), true);
  }
  // The bridge (a classic script) runs before the module that needs CallingExtensions.protocol.
  assert.ok(html.indexOf('src="../assets/calling-extensions.js"') < html.indexOf('src="host-ui.mjs"'));
  assert.match(html, /<script type="module" src="host-ui\.mjs"><\/script>/);
});

test("nothing comes from the network: no absolute URLs, fonts, imports from elsewhere or fetches", () => {
  for (const name of ["index.html", "host.css", "host-ui.mjs", "host-core.mjs"]) {
    const text = read(name);
    assert.doesNotMatch(text, /(src|href)="https?:|url\(|@import|@font-face|fetch\(|XMLHttpRequest|\bcdn\b/, name);
  }
  const imports = [...read("host-ui.mjs").matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
  assert.deepEqual(imports, ["./host-core.mjs"]);
  assert.doesNotMatch(read("host-core.mjs"), /^import /m, "the core has no imports: the protocol is handed to it");
});

const code = (text) => text.split("\n").filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join("\n"); // without comments

test("the core reuses the bridge's protocol: Channel for ids and origins, Constants for types", () => {
  const core = code(read("host-core.mjs"));
  assert.match(core, /new protocol\.Channel\(/);
  assert.match(core, /protocol\.Constants\.messageType/);
  assert.match(core, /protocol\.callEndStatuses/);
  assert.match(core, /protocol\.widgetToHost/);
  assert.doesNotMatch(core, /postMessage\(|addEventListener\(|document\.|instanceId \+|Date\.now\(\) \+ "_"/,
    "no second implementation of the wire");
  assert.doesNotMatch(core, /"NO_ANSWER", "REJECTED"|OUTGOING_CALL_STARTED: "/, "no copied constants");
  assert.match(read("host-ui.mjs"), /window\.CallingExtensions && window\.CallingExtensions\.protocol/);
});

test("the page's modules are valid JavaScript, and the page has the ids the guide and tests use", () => {
  for (const name of ["host-ui.mjs", "host-core.mjs"]) execFileSync(process.execPath, ["--check", path.join(hostDir, name)]);
  for (const id of ["widget-url", "connection", "dial-number", "dial-button", "records", "end-call", "minimise", "hide", "show",
    "fail-create", "fail-update", "session-form", "custom-form", "problems", "problem-count", "timeline", "filter-text",
    "filter-type", "filter-direction", "export", "reset", "frame-holder"]) {
    assert.match(html, new RegExp(`id="${id}"`), id);
  }
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  const labelled = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
  for (const field of labelled) {
    const id = /id="([^"]+)"/.exec(field)?.[1];
    const ok = /aria-label=/.test(field) || new RegExp(`<label[^>]*for="${id}"`).test(html) ||
      html.slice(Math.max(0, html.lastIndexOf("<label", html.indexOf(field))), html.indexOf(field)).indexOf("</label>") === -1;
    assert.ok(ok, `${field} has a label`);
  }
  const size = ["index.html", "host.css", "host-ui.mjs", "host-core.mjs"].reduce((sum, f) => sum + fs.statSync(path.join(hostDir, f)).size, 0);
  assert.ok(size < 100000, `${size} bytes`);
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
