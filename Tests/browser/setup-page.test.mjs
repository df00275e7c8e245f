// The setup page in real headless Chromium: it reads calling-settings.json as a JSON module, renders
// every request, follows the form (the newer boolean fields included) and offers both widgets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Browser } from "./support/webdriver.mjs";
import { serveStatic } from "./support/static-server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const siteDir = path.resolve(process.env.DEVKIT_SITE_DIR || path.join(repoRoot, "site"));
const spec = JSON.parse(fs.readFileSync(path.join(repoRoot, "site/setup/calling-settings.json"), "utf8"));

let server;
let browser;

before(async () => {
  server = await serveStatic({ root: siteDir, fixtures: path.join(here, "fixtures") });
  browser = await Browser.start({ windowSize: [1024, 900] });
});

after(async () => {
  await browser?.quit();
  await server?.close();
});

const stored = () => {
  const text = document.querySelector("#override code").textContent;
  const literal = text.slice(text.indexOf(",") + 1, text.lastIndexOf(")"));
  return JSON.parse(literal); // the stored JSON text, parsed in node so its key order survives WebDriver
};

test("the form renders every request and follows the newer fields", { timeout: 30000 }, async () => {
  await browser.navigate(`http://127.0.0.1:${server.port}/setup/`);
  await browser.waitFor(() => !document.getElementById("snippets").hidden, { message: "the snippets to render" });
  const first = JSON.parse(await browser.execute(stored));
  assert.deepEqual(Object.keys(first), spec.fields.map((f) => f.name));
  assert.equal(first.url, `http://127.0.0.1:${server.port}/widget/`, "this site's demo widget by default");
  const requests = await browser.execute(() => [...document.querySelectorAll("#api pre code")].map((c) => c.textContent.split("\n")[0]));
  assert.deepEqual(requests, spec.requests.map((r) => `curl --request ${r.method} \\`));

  await browser.click("#usesRemote");
  await browser.click('[data-preset="blueprint"]');
  const changed = JSON.parse(await browser.execute(stored));
  assert.equal(changed.usesRemote, false);
  assert.equal(changed.url, `http://127.0.0.1:${server.port}/blueprint/`);
  assert.equal(changed.name, "Calling DevKit blueprint");
  const command = await browser.execute(() => document.querySelector("#devkit-command code").textContent);
  assert.match(command, /--no-uses-remote/);
  assert.match(command, /--url 'http:\/\/127\.0\.0\.1:\d+\/blueprint\/'/);
});
