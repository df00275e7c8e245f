// How the bridge is packaged: classic script, CommonJS, the ES-module twin, its constants and size.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { bridgePath, bridgeSource, modulePath, createWorld, loadBridge } from "./support/fake-window.mjs";

// The SDK's own bundle (calling-extensions-sdk 0.9.6, dist/main.js, minified by its build) is 12,986 bytes,
// 4,315 gzipped. The bridge is measured the same way: minified (Debian's esbuild --minify), then gzip -9.
const SDK_MINIFIED = 12986;
const SDK_MINIFIED_GZIPPED = 4315;

function minified(file) {
  const run = spawnSync("esbuild", ["--minify", file], { encoding: "utf8" });
  if (run.error) assert.fail(`esbuild is needed to measure the bridge (Debian package esbuild; scripts/test installs it): ${run.error.message}`);
  assert.equal(run.status, 0, run.stderr);
  return Buffer.from(run.stdout);
}

test(`calling-extensions.js, minified, is smaller than the SDK's bundle (${SDK_MINIFIED} bytes, ${SDK_MINIFIED_GZIPPED} gzipped)`, () => {
  const min = minified(bridgePath);
  const gzipped = zlib.gzipSync(min, { level: 9 }).length;
  console.log(`calling-extensions.js: ${fs.statSync(bridgePath).size} bytes as written, ${min.length} minified, ${gzipped} minified and gzipped`);
  assert.ok(min.length < SDK_MINIFIED, `${min.length} bytes minified; the SDK's bundle is ${SDK_MINIFIED}`);
  assert.ok(gzipped < SDK_MINIFIED_GZIPPED, `${gzipped} bytes minified and gzipped; the SDK's bundle is ${SDK_MINIFIED_GZIPPED}`);
  assert.ok(bridgeSource.split("\n").length > 300, "the source is written for reading, not minified by hand");
});

test("calling-extensions.mjs is a thin wrapper, not a second copy", () => {
  const wrapper = fs.readFileSync(modulePath, "utf8");
  assert.ok(wrapper.length < 600, `${wrapper.length} bytes`);
  assert.match(wrapper, /^import "\.\/calling-extensions\.js";$/m);
});

test("as a classic script it defines the CDN bundle's globals (default, Constants, IFrameManager) and CallingExtensions", () => {
  const world = createWorld();
  const win = world.window("widget", "https://w.example");
  const before = new Set(Object.getOwnPropertyNames(win));
  const context = loadBridge(win);
  const added = Object.getOwnPropertyNames(win).filter((k) => !before.has(k));
  assert.deepEqual(added.sort(), ["CallingExtensions", "Constants", "IFrameManager", "default"]);
  assert.equal(win.default, win.CallingExtensions);
  assert.equal(win.Constants, win.CallingExtensions.Constants);
  assert.equal(win.IFrameManager, win.CallingExtensions.IFrameManager);
  assert.equal(vm.runInContext("typeof Channel + typeof TYPE + typeof METHODS", context), "undefinedundefinedundefined");
  // HubSpot's demo-minimal-js declares its own const of the same name at the top level of a script.
  vm.runInContext("const CallingExtensions = window.default; const { Constants } = window; globalThis.seen = [typeof CallingExtensions, Constants.VERSION];", context);
  assert.deepEqual([...win.seen], ["function", "0.9.6"]);
});

test("under CommonJS it sets module.exports as the SDK's package does: default, Constants, IFrameManager", () => {
  const world = createWorld();
  const win = world.window("widget", "https://w.example");
  win.module = { exports: {} };
  const before = new Set(Object.getOwnPropertyNames(win));
  loadBridge(win);
  const exported = win.module.exports;
  assert.deepEqual(Object.keys(exported).sort(), ["Constants", "IFrameManager", "default"]);
  assert.equal(exported.__esModule, true, "bundlers take .default for an ES default import");
  assert.equal(exported.default, win.CallingExtensions);
  assert.equal(exported.Constants, win.CallingExtensions.Constants);
  const added = Object.getOwnPropertyNames(win).filter((k) => !before.has(k));
  assert.deepEqual(added, ["CallingExtensions"], "no CDN globals under CommonJS");
});

function stubWindow() {
  const world = createWorld();
  const win = world.window("widget", "https://w.example", { referrer: "https://app.hubspot.com/" });
  win.parent = world.handle(win, world.window("host", "https://app.hubspot.com"));
  return win;
}

async function checkModule(url) {
  const saved = { window: globalThis.window, CallingExtensions: globalThis.CallingExtensions };
  globalThis.window = stubWindow();
  delete globalThis.CallingExtensions;
  try {
    const mod = await import(url);
    assert.equal(typeof mod.default, "function");
    assert.equal(mod.default, globalThis.CallingExtensions);
    assert.equal(mod.Constants, mod.default.Constants);
    assert.equal(mod.IFrameManager, mod.default.IFrameManager);
    assert.equal(mod.Channel, mod.default.Channel);
    assert.equal(mod.protocol, mod.default.protocol);
    assert.equal(mod.Constants.VERSION, "0.9.6");
    const cti = new mod.default({ eventHandlers: {} });
    assert.equal(cti.channel.origin, "https://app.hubspot.com");
    assert.equal(typeof cti.outgoingCall, "function");
  } finally {
    Object.assign(globalThis, saved);
  }
}

test("calling-extensions.mjs exports the class (default), Constants, IFrameManager, Channel and protocol", async () => {
  await checkModule(pathToFileURL(modulePath).href);
});

test("the twin works where calling-extensions.js is evaluated as an ES module (as in browsers)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridge-esm-"));
  try {
    fs.copyFileSync(bridgePath, path.join(dir, "calling-extensions.js"));
    fs.copyFileSync(modulePath, path.join(dir, "calling-extensions.mjs"));
    fs.writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n'); // .js files are ES modules here
    await checkModule(pathToFileURL(path.join(dir, "calling-extensions.mjs")).href);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
