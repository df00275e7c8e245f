// The blueprint widget (site/blueprint/) in real headless Chromium, framed by the host simulator on
// another origin, served by `devkit serve` over HTTPS when DEVKIT_BIN is set: every flow of a real
// softphone by its own buttons, with no protocol problem. Screenshots go to artifacts/.
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
  browser = await Browser.start({ windowSize: [1280, 900], args: site.browserArgs });
  await browser.setViewportSize(1280, 900);
  bp = blueprintDriver(browser, site);
});

after(async () => {
  await browser?.quit();
  await site?.close();
});

const inWidget = (fn) => bp.inFrame("main", fn);
const text = (selector) => browser.execute((s) => document.querySelector(s).textContent.trim(), selector);

/** Opens the simulator, logs in and goes available. */
async function ready(widgetParams) {
  await bp.open(widgetParams);
  await inWidget(async () => {
    await bp.logIn();
    await browser.click("#availability");
    await browser.waitFor(() => document.getElementById("availability").getAttribute("aria-checked") === "true", { message: "available" });
  });
}

test("a full outbound call: dial from HubSpot, answer, mute, notes, end, save; no problem", { timeout: 60000 }, async () => {
  await ready();
  await browser.execute(() => window.devkitHost.dial("+1 617 555 0123"));
  await inWidget(async () => {
    await browser.waitFor(() => document.getElementById("number").value === "+1 617 555 0123", { message: "DIAL_NUMBER fills in the number" });
    assert.equal(await text("#status"), "Ready to call +1 617 555 0123");
    await browser.click("#call");
    await bp.waitForScreen("call"); // answered after the simulated ring
    await browser.click('[data-toggle="muted"]');
    assert.equal(await browser.execute(() => document.querySelector('[data-toggle="muted"]').getAttribute("aria-pressed")), "true");
    await bp.type("#call-notes", "Wants a quote for 40 seats.");
  });
  await browser.screenshot(path.join(artifacts, "blueprint-call.png"));
  await inWidget(async () => {
    await browser.click("#hang-up");
    await bp.waitForScreen("ended");
    assert.equal(await browser.execute(() => document.getElementById("ended-notes").value), "Wants a quote for 40 seats.");
    assert.equal(await text("#ended-status"), "Completed");
    await browser.click("#save");
    await bp.waitForScreen("keypad");
    await browser.waitFor(() => /Call saved to HubSpot/.test(document.getElementById("notices").textContent), { message: "the saved notice" });
  });
  assert.deepEqual(await bp.sent(), ["INITIALIZED", "LOGGED_IN", "USER_AVAILABLE", "OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  const list = await bp.messages();
  const data = (type) => list.find((m) => m.type === type).data;
  assert.deepEqual(data("INITIALIZED"), { isLoggedIn: false, isAvailable: false, sizeInfo: { width: 400, height: 650 } });
  const { engagementId } = data("CREATE_ENGAGEMENT_SUCCEEDED");
  assert.equal(data("CALL_COMPLETED").engagementId, engagementId);
  assert.equal(data("CALL_COMPLETED").hideWidget, false);
  assert.equal(data("CALL_COMPLETED").engagementProperties.hs_call_body, "Wants a quote for 40 seats.");
  assert.equal(data("CALL_COMPLETED").engagementProperties.hs_call_status, "COMPLETED");
  assert.equal(data("OUTGOING_CALL_STARTED").toNumber, "+1 617 555 0123");
  assert.deepEqual(await bp.problems(), []);
});

test("an inbound call with a caller-ID match: named, record opened, answered, ended, saved", { timeout: 60000 }, async () => {
  await ready();
  await inWidget(async () => {
    await browser.execute(() => (document.querySelector('[data-screen="keypad"] details').open = true));
    await bp.type("#incoming-number", "+1 617 555 0123");
    await browser.click("#simulate-incoming");
    await bp.waitForScreen("incoming");
    await browser.waitFor(() => document.getElementById("incoming-title").textContent === "Ada Lovelace", { message: "the caller's name" });
  });
  await browser.screenshot(path.join(artifacts, "blueprint-incoming.png"));
  await bp.waitForMessage("NAVIGATE_TO_RECORD", "toHost");
  await inWidget(async () => {
    await browser.click("#answer");
    await bp.waitForScreen("call");
    await browser.click("#hang-up");
    await browser.click("#save");
    await bp.waitForScreen("keypad");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.deepEqual((await bp.sent()).slice(3), ["INCOMING_CALL", "NAVIGATE_TO_RECORD", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  const nav = (await bp.messages()).find((m) => m.type === "NAVIGATE_TO_RECORD").data;
  assert.deepEqual(nav.objectCoordinates, { portalId: 123456, objectId: 901, objectTypeId: "0-1" });
  assert.deepEqual(await bp.problems(), []);
});

test("a busy callee ends the call BUSY; a declined incoming call ends REJECTED", { timeout: 60000 }, async () => {
  await ready({ outcome: "busy" });
  await inWidget(async () => {
    await bp.type("#number", "+1 212 555 0187");
    await browser.click("#call");
    await bp.waitForScreen("ended");
    assert.equal(await text("#ended-status"), "Busy");
    assert.equal(await text("#ended-duration"), "not answered");
    await browser.click("#save");
    await browser.execute(() => (document.querySelector('[data-screen="keypad"] details').open = true));
    await bp.type("#incoming-number", "+33 1 99 99 99 99");
    await browser.click("#simulate-incoming");
    await bp.waitForScreen("incoming");
    await browser.waitFor(() => /Unknown caller/.test(document.getElementById("status").textContent), { message: "no caller-ID match" });
    await browser.click("#decline");
    await bp.waitForScreen("ended");
    assert.equal(await text("#ended-status"), "Declined");
    await browser.click("#save");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED", "toWidget", 2);
  const ends = (await bp.messages()).filter((m) => m.type === "CALL_ENDED").map((m) => m.data.callEndStatus);
  assert.deepEqual(ends, ["BUSY", "REJECTED"]);
  assert.deepEqual(await bp.problems(), []);
});

test("a failed engagement create: a notice, the call goes on, the save says the record was not updated", { timeout: 60000 }, async () => {
  await ready();
  await browser.execute(() => window.devkitHost.failNextEngagementCreate());
  await inWidget(async () => {
    await bp.type("#number", "+1 212 555 0187");
    await browser.click("#call");
    await browser.waitFor(() => /could not create the call record/.test(document.getElementById("notices").textContent), { message: "the create-failed notice" });
    await bp.waitForScreen("call");
    await browser.click("#hang-up");
    await bp.waitForScreen("ended");
    assert.equal(await browser.execute(() => document.getElementById("ended-warning").hidden), false);
    assert.equal(await browser.execute(() => document.getElementById("finalize").disabled), true, "nothing to finalize");
  });
  await browser.screenshot(path.join(artifacts, "blueprint-create-failed.png"));
  await inWidget(async () => {
    await browser.click("#save");
    await bp.waitForScreen("keypad");
    assert.match(await text("#notices"), /could not be updated/);
  });
  assert.deepEqual((await bp.sent()).slice(3), ["OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED"]);
  assert.deepEqual(await bp.problems(), []);
});

test("a late CREATE_ENGAGEMENT_SUCCEEDED: Save is disabled and says it waits, then saves with the engagementId", { timeout: 60000 }, async () => {
  await ready({ outcome: "busy" });
  await inWidget(async () => {
    // Hold HubSpot's answer back in the page, as a slow HubSpot would.
    await browser.execute(() => {
      window.heldCreates = [];
      window.blueprint.phone.onCreateEngagementSucceeded = (data) => window.heldCreates.push(data);
    });
    await bp.type("#number", "+1 212 555 0187");
    await browser.click("#call");
    await bp.waitForScreen("ended");
    await browser.waitFor(() => window.heldCreates.length === 1, { message: "the held CREATE_ENGAGEMENT_SUCCEEDED" });
    const waiting = await browser.execute(() => ({
      shown: !document.getElementById("ended-waiting").hidden,
      text: document.getElementById("ended-waiting").textContent,
      disabled: document.getElementById("save").disabled,
    }));
    assert.deepEqual(waiting, { shown: true, text: "Waiting for HubSpot to create the call record…", disabled: true });
  });
  await browser.screenshot(path.join(artifacts, "blueprint-waiting-for-record.png"));
  assert.equal((await bp.sent()).includes("CALL_COMPLETED"), false);
  await inWidget(async () => {
    await browser.execute(() => {
      const { phone } = window.blueprint;
      delete phone.onCreateEngagementSucceeded;
      for (const data of window.heldCreates) phone.onCreateEngagementSucceeded(data);
    });
    await browser.waitFor(() => !document.getElementById("save").disabled && document.getElementById("ended-waiting").hidden, { message: "Save enabled" });
    await browser.click("#save");
    await bp.waitForScreen("keypad");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  const list = await bp.messages();
  const { engagementId } = list.find((m) => m.type === "CREATE_ENGAGEMENT_SUCCEEDED").data;
  assert.equal(list.find((m) => m.type === "CALL_COMPLETED").data.engagementId, engagementId);
  assert.deepEqual(await bp.problems(), []);
});

test("END_CALL from HubSpot ends the call; minimised, the call goes on", { timeout: 60000 }, async () => {
  await ready({ ringMs: "200" });
  await inWidget(async () => {
    await bp.type("#number", "+1 212 555 0187");
    await browser.click("#call");
    await bp.waitForScreen("call");
  });
  await browser.execute(() => window.devkitHost.setVisibility({ isMinimized: true }));
  await inWidget(async () => {
    await browser.waitFor(() => document.getElementById("status").textContent === "Minimized: the call goes on", { message: "the minimised status" });
    assert.equal(await bp.screen(), "call");
  });
  await browser.execute(() => window.devkitHost.setVisibility({ isMinimized: false }));
  await browser.execute(() => window.devkitHost.endCall());
  await inWidget(async () => {
    await bp.waitForScreen("ended");
    await browser.click("#save");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.equal((await bp.messages()).find((m) => m.type === "CALL_ENDED").data.callEndStatus, "COMPLETED");
  assert.deepEqual(await bp.problems(), []);
});

test("keyboard only: log in, go available, type a number and call, with a visible focus ring", { timeout: 60000 }, async () => {
  await bp.open({ ringMs: "3000" });
  await inWidget(async () => {
    await bp.waitForScreen("login");
    await browser.execute(() => document.getElementById("login-user").focus());
    await bp.keys(..."ada", "\uE004", ..."pw", "\uE007"); // Tab to the password, Enter submits
    await bp.waitForScreen("keypad");
    await browser.execute(() => document.getElementById("from-number").focus());
    await bp.keys("\uE004"); // Tab to the availability switch
    const ring = await browser.execute(() => {
      const style = getComputedStyle(document.activeElement);
      return { id: document.activeElement.id, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.deepEqual([ring.id, ring.outline], ["availability", "solid"]);
    assert.ok(ring.width >= 2, `a ${ring.width}px focus ring`);
    await bp.keys(" "); // Space toggles the switch
    await browser.waitFor(() => document.getElementById("availability").getAttribute("aria-checked") === "true", { message: "available by keyboard" });
    await bp.keys("\uE004"); // Tab to the number
    await bp.keys(..."+12125550187", "\uE007"); // Enter calls
    await bp.waitForScreen("dialing");
    assert.equal(await browser.execute(() => document.activeElement.id), "dialing-title", "the focus follows to the new screen");
    await bp.waitForScreen("call");
  });
  await browser.execute(() => window.devkitHost.endCall());
  await inWidget(async () => {
    await bp.waitForScreen("ended");
    await browser.click("#save");
  });
  await bp.waitForMessage("UPDATE_ENGAGEMENT_SUCCEEDED");
  assert.deepEqual(await bp.problems(), []);
});

test("the developer drawer lists the messages both ways; the status line is a polite live region", { timeout: 60000 }, async () => {
  await ready();
  await inWidget(async () => {
    const page = await browser.execute(() => ({
      status: [document.getElementById("status").getAttribute("role"), document.getElementById("notices").getAttribute("aria-live")],
      open: document.getElementById("drawer").open,
      rows: [...document.querySelectorAll("#messages li")].map((li) => `${li.dataset.direction} ${li.dataset.type}`).reverse(),
      size: [innerWidth, innerHeight],
    }));
    assert.deepEqual(page.status, ["status", "polite"]);
    assert.equal(page.open, false, "the drawer starts closed");
    assert.deepEqual(page.rows, ["in READY", "out initialized", "out userLoggedIn", "out userAvailable"]);
    assert.deepEqual(page.size, [400, 650], "the size asked for in INITIALIZED");
    await browser.click("#drawer summary");
    assert.equal(await browser.execute(() => document.getElementById("drawer").open), true);
  });
  await browser.screenshot(path.join(artifacts, "blueprint-drawer.png"));
});

test("the page and everything it loads come to under 60 KB on the wire from devkit serve", { timeout: 30000 }, async (t) => {
  if (site.kind !== "devkit") return t.skip("needs DEVKIT_BIN: the static test server does not compress");
  await bp.open();
  const loaded = await bp.inFrame("main", () => browser.execute(() => {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return entries.map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize }));
  }));
  const sum = (key) => loaded.reduce((total, entry) => total + entry[key], 0);
  console.log(`blueprint: ${loaded.length} files, ${sum("encoded")} bytes of bodies on the wire (${sum("transfer")} with headers), ${sum("decoded")} as written`);
  assert.ok(loaded.length >= 10, loaded.map((e) => e.name).join("\n"));
  assert.ok(loaded.some((e) => e.name.endsWith("/assets/calling-extensions.mjs")), "the bridge is counted");
  assert.ok(sum("transfer") < 60000, `${sum("transfer")} bytes on the wire`);
  assert.ok(sum("encoded") < sum("decoded"), "devkit serve compressed the text files");
});
