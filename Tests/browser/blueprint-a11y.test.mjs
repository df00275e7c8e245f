// axe-core's WCAG A/AA rules on every screen of the blueprint widget, in light and in dark, inside
// the simulator's frame (panels and the developer drawer open, so their contents are checked too).
//   AXE_JS=<axe.min.js> DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/blueprint-a11y.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Browser } from "./support/webdriver.mjs";
import { startSite } from "./support/site-server.mjs";
import { blueprintDriver } from "./support/blueprint-driver.mjs";
import { axeSource, axeViolations, expectScheme, schemeArgs, SCHEMES } from "./support/a11y-axe.mjs";

let site;
let engine;

before(async () => {
  engine = axeSource();
  site = await startSite();
});

after(async () => {
  await site?.close();
});

for (const scheme of SCHEMES) {
  test(`every blueprint screen passes axe WCAG A/AA in ${scheme}`, { timeout: 120000 }, async () => {
    const browser = await Browser.start({ windowSize: [1280, 900], args: [...site.browserArgs, ...schemeArgs(scheme)] });
    try {
      const bp = blueprintDriver(browser, site);
      const found = [];
      const check = (screen) => bp.inFrame("main", async () => {
        await bp.waitForScreen(screen);
        await expectScheme(browser, scheme);
        await browser.execute(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
        });
        found.push(...await axeViolations(browser, engine, { page: `/blueprint/ ${screen}`, scheme }));
      });
      await bp.open({ ringMs: "60000" });
      await check("login");
      await bp.inFrame("main", async () => {
        await browser.click('#login-form button[type="submit"]'); // empty: the error message shows
        await browser.waitFor(() => !document.getElementById("login-error").hidden, { message: "the log-in error" });
      });
      await check("login");
      await bp.inFrame("main", async () => {
        await bp.logIn();
        await browser.click("#availability");
      });
      await browser.execute(() => window.devkitHost.dial("+1 617 555 0123"));
      await check("keypad");
      await bp.inFrame("main", async () => {
        // DIAL_NUMBER may still be on its way: call only once it has filled in the number.
        await browser.waitFor(() => document.getElementById("number").value === "+1 617 555 0123", { message: "DIAL_NUMBER fills in the number" });
        await browser.click("#call");
      });
      await check("dialing");
      await browser.execute(() => window.devkitHost.endCall());
      await check("ended");
      await bp.inFrame("main", async () => {
        await browser.click("#save");
        await bp.waitForScreen("keypad");
        await bp.type("#incoming-number", "+1 617 555 0142");
        await browser.click("#simulate-incoming");
      });
      await check("incoming");
      await bp.inFrame("main", async () => {
        await browser.click("#answer");
        await browser.click('[data-toggle="muted"]');
      });
      await check("call");
      assert.deepEqual(found, [], `${found.length} axe violation(s):\n${found.join("\n")}`);
      assert.deepEqual(await bp.problems(), []);
    } finally {
      await browser.quit();
    }
  });
}
