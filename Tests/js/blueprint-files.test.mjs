// The blueprint's files (site/blueprint/): what the page loads stays under 60 KB and comes from this
// origin only, modules do nothing on import, only the SDK's Constants are used, every HubSpot event
// has a handler, and the colours of both themes meet WCAG AA.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { Constants } from "../../site/assets/calling-extensions.mjs";
import { repoRoot } from "./support/fake-window.mjs";

const dir = path.join(repoRoot, "site/blueprint");
const siteDir = path.join(repoRoot, "site");
const read = (file) => fs.readFileSync(file, "utf8");
const ownFiles = fs.readdirSync(dir, { recursive: true }).filter((f) => /\.(mjs|html|css)$/.test(f)).map((f) => path.join(dir, f)).sort();
const modules = ownFiles.filter((f) => f.endsWith(".mjs"));

/** The relative URLs a file loads: src/href in HTML, static imports in modules. */
function references(file) {
  const text = read(file);
  if (file.endsWith(".html")) return [...text.matchAll(/\b(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]); // not #fragments
  if (file.endsWith(".css")) return [...text.matchAll(/@import\s+(?:url\()?["']?([^"')]+)/g)].map((m) => m[1]);
  return [...text.matchAll(/^\s*(?:import|export)\s(?:[^"'`;]*?\sfrom\s)?["']([^"']+)["']/gm)].map((m) => m[1]);
}

/** Every file the page at /blueprint/ loads, following imports from index.html. */
function loaded() {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    assert.ok(fs.existsSync(file), `${path.relative(repoRoot, file)} is loaded but does not exist`);
    seen.add(file);
    for (const ref of references(file)) visit(path.resolve(path.dirname(file), ref));
  };
  visit(path.join(dir, "index.html"));
  return [...seen];
}

// Measured as a server that compresses sends it (gzip, each file on its own); the bytes as written are printed too.
test("the page and everything it loads is under 60 KB on the wire, and it loads every file of the folder", () => {
  const files = loaded();
  const raw = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const wire = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f)).length, 0);
  const bridge = files.filter((f) => !f.startsWith(dir)).reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(`blueprint: ${files.length} files, ${wire} bytes gzipped, ${raw} bytes as written (the bridge ${bridge} of them)`);
  assert.ok(wire < 60000, `${wire} bytes gzipped`);
  assert.ok(files.includes(path.join(siteDir, "assets/calling-extensions.js")), "it runs on the bridge");
  for (const file of ownFiles) assert.ok(files.includes(file), `${path.relative(repoRoot, file)} is never loaded`);
});

test("nothing comes from the network: relative URLs only, no fonts, no fetch, no dynamic import", () => {
  for (const file of loaded()) {
    const text = read(file);
    const name = path.relative(repoRoot, file);
    for (const ref of references(file)) {
      assert.match(ref, /^\.\.?\//, `${name} loads ${ref}: only relative URLs`);
      const url = new URL(ref, "https://h.example/blueprint/");
      assert.equal(url.origin, "https://h.example", `${name}: ${ref}`);
    }
    if (!file.startsWith(dir)) continue; // the bridge has its own tests
    assert.doesNotMatch(text, /https?:\/\//, `${name} names an http(s) URL`);
    assert.doesNotMatch(text, /@import|url\(|@font-face|\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|\bimport\(/, name);
  }
  const html = read(path.join(dir, "index.html"));
  assert.deepEqual(references(path.join(dir, "index.html")).sort(), ["../blueprint/blueprint.css", "../blueprint/main.mjs"]);
  assert.match(html, /<script type="module" src="\.\.\/blueprint\/main\.mjs"><\/script>/);
});

test("modules do nothing on import (only main.mjs touches the page)", async () => {
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  for (const file of modules.filter((f) => !f.endsWith("main.mjs"))) {
    const source = read(file);
    const top = source.split("\n").filter((line) => /^(?:document|window|location|setInterval|setTimeout|new )/.test(line));
    assert.deepEqual(top, [], `${path.relative(repoRoot, file)} runs code at the top level`);
    await import(pathToFileURL(file).href); // no document in node: touching it would throw
  }
  const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k) && k !== "CallingExtensions");
  assert.deepEqual(added, []);
  const main = read(path.join(dir, "main.mjs"));
  assert.match(main, /from "\.\.\/assets\/calling-extensions\.mjs"/, "the SDK as an ES module");
});

test("views, the phone, the relay and the event handlers get the SDK from main.mjs; the phone has no DOM", async () => {
  for (const file of modules) {
    const text = read(file);
    if (file.includes(`${path.sep}views${path.sep}`) || /phone|relay|hubspot-events/.test(file)) {
      assert.doesNotMatch(text, /calling-extensions/, `${path.relative(repoRoot, file)} must get the SDK from main.mjs`);
    }
  }
  const phone = read(path.join(dir, "phone.mjs"));
  const code = phone.replace(/^\s*\/\/.*$|\/\*\*[^]*?\*\//gm, "");
  assert.doesNotMatch(code, /\bdocument\b|\bwindow\.|addEventListener|\bfetch\b/, "the state machine has no DOM");
});

test("only the SDK's Constants keys are used; REJECTED and MISSED are plain strings", () => {
  const phone = read(path.join(dir, "phone.mjs"));
  const ends = [...phone.matchAll(/this\.end\.(\w+)|end\.(\w+)/g)].map((m) => m[1] || m[2]);
  assert.ok(ends.length >= 5);
  for (const key of ends) assert.ok(key in Constants.callEndStatus, `Constants.callEndStatus.${key} is not the SDK's`);
  for (const m of phone.matchAll(/this\.callerIdTypes\.(\w+)/g)) assert.ok(m[1] in Constants.callerIdTypes, m[1]);
  for (const file of modules) {
    for (const m of read(file).matchAll(/Constants\.(\w+)/g)) assert.ok(m[1] in Constants, `${path.basename(file)}: Constants.${m[1]}`);
  }
  assert.match(phone, /"REJECTED"/);
  assert.match(phone, /"MISSED"/);
});

test("eventHandlers has every handler the SDK calls, and no name it does not know", async () => {
  const { eventHandlers } = await import(pathToFileURL(path.join(dir, "hubspot-events.mjs")).href);
  const { Phone } = await import(pathToFileURL(path.join(dir, "phone.mjs")).href);
  const phone = new Phone({ Constants, clock: { now: () => 0, setTimeout: () => 0, clearTimeout() {} } });
  const handlers = eventHandlers(phone);
  const expected = [...Object.values(Constants.messageHandlerNames), "defaultEventHandler"].sort();
  assert.deepEqual(Object.keys(handlers).sort(), expected);
  for (const name of Object.keys(handlers)) {
    if (typeof phone[name] === "function") continue;
    handlers[name]({ error: { message: "x" } }, { type: "X" }); // the ones the phone does not implement run without throwing
  }
});

// ---- Colours ----------------------------------------------------------------------------------

function luminance(hex) {
  const [r, g, b] = hex.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

function themes() {
  const css = read(path.join(dir, "blueprint.css"));
  const vars = (block) => Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  const light = vars(css.slice(css.indexOf(":root {"), css.indexOf("}")));
  const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
  const dark = { ...light, ...vars(css.slice(darkStart, css.indexOf("}\n}", darkStart))) };
  return { light, dark };
}

// [foreground, background, minimum]: text 4.5:1, focus rings, borders and state dots 3:1.
const PAIRS = [
  ["text", "bg", 4.5], ["text", "surface", 4.5], ["muted", "bg", 4.5], ["muted", "surface", 4.5],
  ["accent", "bg", 4.5], ["accent", "surface", 4.5], ["on-accent", "accent", 4.5], ["on-accent", "pressed", 4.5],
  ["on-solid", "go", 4.5], ["on-solid", "stop", 4.5], ["error", "bg", 4.5], ["go", "surface", 3],
  ["text", "info-bg", 4.5], ["text", "success-bg", 4.5], ["text", "error-bg", 4.5],
  ["focus", "bg", 3], ["focus", "surface", 3], ["muted", "bg", 3], ["go", "bg", 3], ["stop", "surface", 3],
];

test("both themes meet WCAG AA for every text and control colour pair", () => {
  const { light, dark } = themes();
  assert.ok(Object.keys(light).length >= 15 && dark.bg !== light.bg, "two themes were read");
  for (const [name, theme] of [["light", light], ["dark", dark]]) {
    for (const [fg, bg, min] of PAIRS) {
      assert.ok(theme[fg] && theme[bg], `${name}: --${fg} and --${bg} are defined`);
      const ratio = contrast(theme[fg], theme[bg]);
      assert.ok(ratio >= min, `${name}: --${fg} on --${bg} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
    }
  }
});
