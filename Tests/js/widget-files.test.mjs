// The demo widget's static files: relative URLs only, the SDK demo's buttons in order, small.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repoRoot } from "./support/fake-window.mjs";

const widgetDir = path.join(repoRoot, "site/widget");
const html = fs.readFileSync(path.join(widgetDir, "index.html"), "utf8");
const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);

test("index.html loads the bridge and its own files by relative URLs that work at /widget/ and at /", () => {
  assert.deepEqual(references.sort(), ["../assets/calling-extensions.js", "../widget/widget.css", "../widget/widget.js"]);
  for (const base of ["https://h.example/widget/", "https://h.example/", "https://h.example/widget/index.html"]) {
    for (const ref of references) {
      const url = new URL(ref, base);
      assert.equal(url.origin, "https://h.example");
      assert.match(url.pathname, /^\/(assets|widget)\//, `${ref} from ${base}`);
    }
  }
});

test("the widget page and everything it loads stay under 50 KB as written (comments included), with nothing from elsewhere", () => {
  const files = references.map((ref) => path.join(widgetDir, ref));
  const total = fs.statSync(path.join(widgetDir, "index.html")).size + files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  assert.ok(total < 50000, `${total} bytes`);
  const css = fs.readFileSync(path.join(widgetDir, "widget.css"), "utf8");
  assert.doesNotMatch(css, /@import|url\(|@font-face/);
  const js = fs.readFileSync(path.join(widgetDir, "widget.js"), "utf8");
  assert.doesNotMatch(js, /https?:\/\/|fetch\(|XMLHttpRequest|import\(/);
  assert.doesNotMatch(html, /https?:\/\//);
});

test("the buttons have stable ids, in the order of the SDK's minimal demo", () => {
  const ids = [...html.matchAll(/<button id="([^"]+)"(?! type)/g)].map((m) => m[1]);
  assert.deepEqual(ids, [
    "initialized", "set-widget-url", "log-in", "log-out", "available", "unavailable", "incoming-call",
    "outgoing-call", "call-answered", "call-ended", "call-completed", "call-transferred", "send-error", "resize-widget",
  ]);
  for (const id of ["phone-number", "engagement-id", "external-call-id", "caller", "call-end-status", "enforce-order", "log", "status"]) {
    assert.match(html, new RegExp(`id="${id}"`), id);
  }
});

test("widget.js is valid JavaScript and wires every button", () => {
  execFileSync(process.execPath, ["--check", path.join(widgetDir, "widget.js")]);
  const js = fs.readFileSync(path.join(widgetDir, "widget.js"), "utf8");
  for (const id of ["initialized", "set-widget-url", "log-in", "incoming-call", "call-transferred", "resize-widget"]) {
    assert.match(js, new RegExp(`"${id}": \\[`), id);
  }
});
