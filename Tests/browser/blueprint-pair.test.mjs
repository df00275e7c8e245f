// The blueprint as remote and calling window side by side in the simulator (usesRemote and
// usesCallingWindow), in real headless Chromium: the remote relays the user's actions to the window
// over a BroadcastChannel and mirrors it; only the window reports calls; no protocol problem.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { Browser } from "./support/webdriver.mjs";
import { startSite, repoRoot } from "./support/site-server.mjs";
import { blueprintDriver } from "./support/blueprint-driver.mjs";

const artifacts = path.join(repoRoot, "artifacts");
let site;
let browser;
let bp;

before(async () => {
  site = await startSite();
  browser = await Browser.start({ windowSize: [1400, 900], args: site.browserArgs });
  await browser.setViewportSize(1400, 900);
  bp = blueprintDriver(browser, site);
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

const PAIR = { usesRemote: "1", usesCallingWindow: "1" };

test("a call placed in the remote is reported by the calling window, and both show it", { timeout: 60000 }, async () => {
  await bp.open({ ringMs: "1500" }, PAIR);
  const frames = await browser.execute(() => [...document.querySelectorAll("iframe")].map((f) => f.id));
  assert.deepEqual(frames.sort(), ["hubspot-calling-extension-iframe", "hubspot-calling-extension-remote-iframe"]);
  await bp.inFrame("remote", async () => {
    await browser.waitFor(() => /remote/.test(document.getElementById("presence").textContent) && !document.querySelector('[data-screen="waiting"]:not([hidden])'),
      { message: "the remote mirroring the calling window" });
    await bp.logIn();
    await browser.click("#availability");
  });
  await browser.execute(() => window.devkitHost.dial("+1 617 555 0123", { to: "remote" })); // HubSpot's click reached the remote
  await bp.inFrame("main", async () => {
    await browser.waitFor(() => document.getElementById("number").value === "+1 617 555 0123", { message: "the window got the number from the remote" });
    assert.equal(await browser.execute(() => document.getElementById("availability").getAttribute("aria-checked")), "true");
  });
  await bp.inFrame("remote", async () => {
    await browser.waitFor(() => document.getElementById("number").value === "+1 617 555 0123", { message: "the remote mirrors the number" });
    await browser.click("#call");
    await bp.waitForScreen("dialing");
  });
  await bp.inFrame("main", () => bp.waitForScreen("dialing"));
  await bp.inFrame("remote", async () => {
    await bp.waitForScreen("call");
    await bp.type("#call-notes", "Typed in the remote.");
  });
  await bp.inFrame("main", async () => {
    await browser.waitFor(() => document.getElementById("call-notes").value === "Typed in the remote.", { message: "the notes reach the window" });
  });
  await browser.screenshot(path.join(artifacts, "blueprint-remote-and-window.png"));
  await browser.execute(() => window.devkitHost.endCall({ to: "remote" }));
  await bp.inFrame("main", () => bp.waitForScreen("ended"));
  await bp.inFrame("remote", async () => {
    await bp.waitForScreen("ended");
    await browser.click("#save");
    await bp.waitForScreen("keypad");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.deepEqual(await bp.sent("remote"), ["INITIALIZED"], "the remote reports no call and no log-in");
  assert.deepEqual(await bp.sent("window"), ["INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  const completed = (await bp.messages()).find((m) => m.type === "CALL_COMPLETED").data;
  assert.equal(completed.engagementProperties.hs_call_body, "Typed in the remote.");
  assert.deepEqual(await bp.problems(), []);
});

test("an incoming call taken in the window shows in the remote, which can answer it", { timeout: 60000 }, async () => {
  await bp.open({}, PAIR);
  await bp.inFrame("main", async () => {
    await bp.logIn("grace");
    await browser.click("#availability");
    await browser.execute(() => (document.querySelector('[data-screen="keypad"] details').open = true));
    await bp.type("#incoming-number", "+1 617 555 0142");
    await browser.click("#simulate-incoming");
    await bp.waitForScreen("incoming");
  });
  await bp.inFrame("remote", async () => {
    await bp.waitForScreen("incoming");
    await browser.waitFor(() => document.getElementById("incoming-title").textContent === "Grace Hopper", { message: "the caller's name in the remote" });
    await browser.click("#answer");
    await bp.waitForScreen("call");
    await browser.click("#hang-up");
    await bp.waitForScreen("ended");
    await browser.click("#save");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.deepEqual(await bp.sent("remote"), ["INITIALIZED"]);
  assert.deepEqual((await bp.sent("window")).slice(3), ["INCOMING_CALL", "NAVIGATE_TO_RECORD", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.deepEqual(await bp.problems(), []);
});

test("a remote without a calling window reports calls itself and links to HubSpot's window", { timeout: 60000 }, async () => {
  await bp.open({}, { usesRemote: "1" });
  await bp.inFrame("main", async () => {
    await bp.logIn();
    const link = await browser.execute(() => [document.getElementById("window-link").hidden, document.getElementById("window-href").href]);
    assert.equal(link[0], false);
    assert.equal(link[1], `${site.hostOrigin}/calling-integration-popup-ui/123456?usesCallingWindow=false`);
    await bp.type("#number", "+1 212 555 0187");
    await browser.click("#call");
    await bp.waitForScreen("call");
    await browser.click("#hang-up");
    await browser.click("#save");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.deepEqual((await bp.sent("remote")).slice(2), ["OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.deepEqual(await bp.problems(), []);
});
