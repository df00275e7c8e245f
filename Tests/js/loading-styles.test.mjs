// Pages written for the SDK, run unchanged on the bridge: a widget for the CDN bundle (classic script,
// window.default), the same widget for npm (ES module and CommonJS), and a host-side test page on
// IFrameManager. The pages are the browser test's fixtures (Tests/browser/fixtures/loading/).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { repoRoot, bridgePath, modulePath, createWorld, loadBridge, plain } from "./support/fake-window.mjs";

const pages = path.join(repoRoot, "Tests/browser/fixtures/loading");
const HOST = "https://app.hubspot.com";
const WIDGET = "https://calls.example.com";
const inlineScripts = (file) =>
  [...fs.readFileSync(path.join(pages, file), "utf8").matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

const EXPECTED_WIDGET_EVENTS = [
  ["ready", undefined], ["dial", "+16175550123"], ["engagement", 4242], ["saved", "0.9.6"],
];
const EXPECTED_HOST_LOG = ["READY", "INITIALIZED", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"];

/** A fake of just the DOM that IFrameManager's host mode touches: one element and the iframe it makes. */
function fakeDocument(world, host, widget) {
  const element = { children: [], replaceChildren(...nodes) { this.children = nodes; } };
  const document = {
    iframes: [],
    querySelector: (selector) => (selector === "#calling-frame" ? element : null),
    createElement(tag) {
      assert.equal(tag, "iframe");
      const listeners = {};
      const iframe = {
        attributes: {},
        contentWindow: world.handle(host, widget),
        addEventListener: (type, fn) => (listeners[type] ||= []).push(fn),
        setAttribute(name, value) { this.attributes[name] = value; },
        remove() { element.children = element.children.filter((n) => n !== iframe); },
        fire: (type) => (listeners[type] || []).forEach((fn) => fn({ type })),
      };
      document.iframes.push(iframe);
      return iframe;
    },
    element,
  };
  return document;
}

/** The host test page (sdk-host.html) in its own window, with the bridge loaded as a classic script. */
function hostPage(world, widget) {
  const host = world.window("host", HOST, { path: `/calling/?widget=${encodeURIComponent(WIDGET + "/widget/")}` });
  host.location.search = new URL(host.location.href).search;
  Object.assign(host, { setTimeout, URLSearchParams });
  host.document = fakeDocument(world, host, widget);
  widget.parent = world.handle(widget, host);
  const context = loadBridge(host);
  for (const script of inlineScripts("sdk-host.html")) vm.runInContext(script, context);
  return { host, context, iframe: host.document.iframes[0], log: () => plain(host.hostLog).map((m) => m.type) };
}

async function runCall(world, page, widgetEvents) {
  page.iframe.fire("load"); // the frame has loaded: IFrameManager starts the handshake
  for (let i = 0; i < 20 && page.log().at(-1) !== "CALL_COMPLETED"; i++) await world.settle();
  await world.settle();
  assert.deepEqual(page.log(), EXPECTED_HOST_LOG);
  assert.deepEqual(plain(widgetEvents()), EXPECTED_WIDGET_EVENTS);
  for (const post of world.posts) assert.notEqual(post.targetOrigin, "*");
}

test("IFrameManager (host side) frames the widget as the SDK does, and checks its options", () => {
  const world = createWorld();
  const widget = world.window("widget", WIDGET, { referrer: HOST + "/" });
  const page = hostPage(world, widget);
  assert.equal(page.host.document.element.children[0], page.iframe, "the iframe replaced the element's content");
  assert.deepEqual({ id: page.iframe.id, allow: page.iframe.allow, src: page.iframe.src, width: page.iframe.width, height: page.iframe.height },
    { id: "hubspot-calling-extension-iframe", allow: "microphone; autoplay", src: WIDGET + "/widget/", width: "400px", height: "600px" });
  const { IFrameManager } = page.host;
  assert.throws(() => new IFrameManager({}), /onMessageHandler is not defined/);
  assert.throws(() => new IFrameManager({ onMessageHandler() {}, iFrameOptions: { src: "x", width: 1 } }),
    /iFrameOptions is missing height, hostElementSelector/);
  assert.throws(() => new IFrameManager({ onMessageHandler() {}, iFrameOptions: { src: "x", width: 1, height: 1, hostElementSelector: "#nope" } }),
    /hostElement not found. Selector - #nope/);
});

test("IFrameManager starts a new handshake on every load and forgets the SYNCs of the page before", async () => {
  const world = createWorld();
  const widget = world.window("widget", WIDGET, { referrer: HOST + "/" });
  const page = hostPage(world, widget);
  page.iframe.fire("load"); // nobody answers: SYNC is repeated
  await new Promise((resolve) => setTimeout(resolve, 250));
  const manager = vm.runInContext("manager", page.context);
  const firstRound = Object.keys(manager.channel.callbacks);
  assert.ok(firstRound.length >= 2, "SYNC repeated until answered");
  page.iframe.fire("load"); // the widget reloaded
  const secondRound = Object.keys(manager.channel.callbacks);
  assert.ok(firstRound.every((id) => !secondRound.includes(id)), "the first page's callbacks are gone");
  manager.remove(); // stops the repeats
  assert.equal(page.host.document.element.children.length, 0);
});

test("a widget page written for the CDN bundle (window.default) runs unchanged", async () => {
  const world = createWorld();
  const widget = world.window("widget", WIDGET, { path: "/widget/", referrer: HOST + "/calling/" });
  const page = hostPage(world, widget);
  const context = loadBridge(widget);
  const [script] = inlineScripts("cdn-style.html");
  vm.runInContext(script, context);
  await runCall(world, page, () => widget.widgetEvents);
});

// The npm package as a folder: its name, an exports map to the bridge's two faces.
function fakePackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridge-npm-"));
  const pkg = path.join(dir, "node_modules/@hubspot/calling-extensions-sdk");
  fs.mkdirSync(pkg, { recursive: true });
  fs.copyFileSync(bridgePath, path.join(pkg, "calling-extensions.js"));
  fs.copyFileSync(modulePath, path.join(pkg, "calling-extensions.mjs"));
  fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({
    name: "@hubspot/calling-extensions-sdk", version: "0.9.6", main: "calling-extensions.js",
    exports: { ".": { import: "./calling-extensions.mjs", require: "./calling-extensions.js" } },
  }));
  for (const file of ["npm-style.mjs", "npm-style.cjs"]) fs.copyFileSync(path.join(pages, file), path.join(dir, file));
  return dir;
}

const dirs = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function inNodeRealm(load) {
  const saved = { window: globalThis.window, CallingExtensions: globalThis.CallingExtensions, debug: console.debug };
  const world = createWorld();
  const widget = world.window("widget", WIDGET, { path: "/widget/", referrer: HOST + "/calling/" });
  const page = hostPage(world, widget);
  globalThis.window = widget;
  console.debug = () => {}; // the bridge's message log
  try {
    const dir = fakePackage();
    dirs.push(dir);
    await load(dir);
    await runCall(world, page, () => globalThis.widgetEvents);
  } finally {
    Object.assign(globalThis, { window: saved.window, CallingExtensions: saved.CallingExtensions });
    console.debug = saved.debug;
    delete globalThis.widgetEvents;
  }
}

test("the same widget written for npm as an ES module runs unchanged", async () => {
  await inNodeRealm((dir) => import(pathToFileURL(path.join(dir, "npm-style.mjs")).href));
});

test("the same widget written for npm as CommonJS, require(...).default, runs unchanged", async () => {
  await inNodeRealm((dir) => createRequire(path.join(dir, "index.js"))("./npm-style.cjs"));
});
