// How the bridge is packaged: classic script, CommonJS, the ES-module twin, its constants and size.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { bridgePath, bridgeSource, modulePath, createWorld, loadBridge } from "./support/fake-window.mjs";

const SIZE_LIMIT = 13000; // the SDK's minified bundle is about 13 KB
const GZIP_LIMIT = 4300; // and about 4.3 KB gzipped

test(`calling-extensions.js stays under ${SIZE_LIMIT} bytes, unminified`, () => {
  const size = fs.statSync(bridgePath).size;
  assert.ok(size < SIZE_LIMIT, `calling-extensions.js is ${size} bytes; the limit is ${SIZE_LIMIT}`);
  assert.ok(bridgeSource.split("\n").length > 150, "it is readable source, not minified");
  const gzipped = zlib.gzipSync(fs.readFileSync(bridgePath), { level: 9 }).length;
  assert.ok(gzipped < GZIP_LIMIT, `calling-extensions.js is ${gzipped} bytes gzipped; the limit is ${GZIP_LIMIT}`);
});

test("calling-extensions.mjs is a thin wrapper, not a second copy", () => {
  const wrapper = fs.readFileSync(modulePath, "utf8");
  assert.ok(wrapper.length < 600, `${wrapper.length} bytes`);
  assert.match(wrapper, /^import "\.\/calling-extensions\.js";$/m);
});

test("as a classic script it defines only window.CallingExtensions", () => {
  const world = createWorld();
  const win = world.window("widget", "https://w.example");
  const before = new Set(Object.getOwnPropertyNames(win));
  const context = loadBridge(win);
  const added = Object.getOwnPropertyNames(win).filter((k) => !before.has(k));
  assert.deepEqual(added, ["CallingExtensions"]);
  assert.equal(vm.runInContext("typeof CallingExtensions.Constants.messageType", context), "object");
  assert.equal(vm.runInContext("typeof Channel + typeof T + typeof Constants", context), "undefinedundefinedundefined");
});

test("with CommonJS's module in scope it also sets module.exports", () => {
  const world = createWorld();
  const win = world.window("widget", "https://w.example");
  win.module = { exports: {} };
  loadBridge(win);
  assert.equal(win.module.exports, win.CallingExtensions);
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

test("calling-extensions.mjs exports the class (default), Constants, Channel and protocol", async () => {
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

test("Constants name every message type of PROTOCOL.md, both directions, as the SDK does", () => {
  const world = createWorld();
  const win = world.window("widget", "https://w.example");
  loadBridge(win);
  const C = win.CallingExtensions.Constants;
  const types = [
    "SYNC", "SYNC_ACK", "SYNC_ACK_FAILED", "READY", "FAILED", "ERROR", "UNLOADING",
    "INITIALIZED", "LOGGED_IN", "LOGGED_OUT", "USER_AVAILABLE", "USER_UNAVAILABLE", "INCOMING_CALL",
    "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_TRANSFERRED", "CALL_DATA", "CALL_ENDED", "CALL_COMPLETED",
    "FINALIZE_ENGAGEMENT", "PUBLISH_TO_CHANNEL", "NAVIGATE_TO_RECORD", "RESIZE_WIDGET", "SET_WIDGET_URL",
    "DIAL_NUMBER", "ENGAGEMENT_CREATED", "CREATE_ENGAGEMENT_SUCCEEDED", "CREATE_ENGAGEMENT_FAILED",
    "UPDATE_ENGAGEMENT_SUCCEEDED", "UPDATE_ENGAGEMENT_FAILED", "FINALIZE_ENGAGEMENT_SUCCEEDED",
    "FINALIZE_ENGAGEMENT_FAILED", "PUBLISH_TO_CHANNEL_SUCCEEDED", "PUBLISH_TO_CHANNEL_FAILED",
    "CALLER_ID_MATCH_SUCCEEDED", "CALLER_ID_MATCH_FAILED", "INITIATE_CALL_ID_SUCCEEDED", "INITIATE_CALL_ID_FAILED",
    "NAVIGATE_TO_RECORD_FAILED", "SET_WIDGET_URL_FAILED", "VISIBILITY_CHANGED", "END_CALL", "SET_CALL_STATE",
  ];
  for (const type of types) assert.equal(C.messageType[type], type, type);
  for (const [key, value] of Object.entries(C.messageType)) assert.equal(key, value);
  assert.equal(C.VERSION, "0.9.6");
  assert.equal(C.errorType.UNKNOWN_MESSAGE_TYPE, "UNKNOWN_MESSAGE_TYPE");
  assert.deepEqual({ ...C.callEndStatus }, {
    INTERNAL_COMPLETED: "COMPLETED", INTERNAL_FAILED: "FAILED", INTERNAL_CANCELED: "CANCELED", INTERNAL_BUSY: "BUSY",
    INTERNAL_NO_ANSWER: "NO_ANSWER", INTERNAL_REJECTED: "REJECTED", INTERNAL_MISSED: "MISSED",
  });
  assert.deepEqual({ ...C.callerIdTypes }, { CONTACT: "CONTACT", COMPANY: "COMPANY" });
  assert.deepEqual({ ...C.objectTypes }, { CONTACT: "CONTACT", COMPANY: "COMPANY" });
  assert.deepEqual({ ...C.objectTypeIds }, { CONTACT: "0-1", COMPANY: "0-2" });
  assert.deepEqual({ ...C.iframeLocations }, { WIDGET: "widget", REMOTE: "remote", WINDOW: "window" });
  assert.deepEqual({ ...C.debugMessageType }, { FROM_HUBSPOT: "From HubSpot", TO_HUBSPOT: "To HubSpot", GENERIC_MESSAGE: "Generic Message" });
});
