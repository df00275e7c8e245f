// The Nu Html Checker (vnu.jar) over every HTML file of the built site (DEVKIT_SITE_DIR) and over a
// build with a long section (its listing pages, the sidebar's "more" links): no errors allowed.
// One Java process checks them all, with a known-bad file beside them to prove the checker reports.
//
//   source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools
//   DEVKIT_SITE_DIR=<built site> DEVKIT_BIN=.build/debug/devkit node --test Tests/browser/html-valid.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { builtSite, htmlFiles, LISTING_PATH, makeListingContent } from "./support/a11y-pages.mjs";
import { formatErrors, validateHtml } from "./support/a11y-vnu.mjs";
import { repoRoot } from "./support/site-server.mjs";

let scratch;
let content;
let groups; // { name: [files] }
let errors;

before(async () => {
  if (!process.env.DEVKIT_BIN) throw new Error("html-valid.test.mjs builds a long section: set DEVKIT_BIN (scripts/test does).");
  const site = builtSite();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-html-valid-"));
  content = makeListingContent();
  const listingSite = path.join(scratch, "listing");
  execFileSync(process.env.DEVKIT_BIN, ["build", "--root", repoRoot, "--content", content.content, "--links", "warn", "--output", listingSite],
    { stdio: ["ignore", "ignore", "pipe"] });
  const bad = path.join(scratch, "bad.html");
  fs.writeFileSync(bad, '<!doctype html><html lang="en"><title>Bad</title><p id="x">One<p id="x">Two</p><div><span></div></html>\n');
  groups = {
    built: htmlFiles(site).map((file) => path.join(site, file)),
    listing: htmlFiles(listingSite).filter((file) => file.startsWith(LISTING_PATH.split("/")[1] + "/")).map((file) => path.join(listingSite, file)),
    bad: [bad],
  };
  ({ errors } = await validateHtml(Object.values(groups).flat()));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  if (content) fs.rmSync(content.dir, { recursive: true, force: true });
});

const errorsIn = (files) => errors.filter((e) => files.includes(e.file));

test("the checker reports a known-bad file (a duplicate id, a stray end tag)", () => {
  const found = errorsIn(groups.bad);
  assert.ok(found.some((e) => /Duplicate ID/.test(e.message)), formatErrors(found).join("\n") || "no errors at all");
  assert.ok(found.every((e) => e.line >= 1), "errors carry their line");
});

test("every page of the built site is valid HTML", () => {
  assert.ok(groups.built.length >= 10, `${groups.built.length} HTML files in ${builtSite()}`);
  for (const page of ["index.html", "404.html", "setup/index.html", "host/index.html", "widget/index.html"]) {
    assert.ok(groups.built.includes(path.join(builtSite(), page)), `${page} is checked`);
  }
  const found = errorsIn(groups.built);
  assert.deepEqual(formatErrors(found), []);
});

test("a long section's listing pages are valid HTML", () => {
  assert.ok(groups.listing.some((file) => file.endsWith(`${LISTING_PATH.slice(1)}index.html`)), `${LISTING_PATH} is checked`);
  assert.deepEqual(formatErrors(errorsIn(groups.listing)), []);
});
