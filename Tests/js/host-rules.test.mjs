// The simulator's rules (site/host/rules.mjs) against the code that raises them and the guide that
// lists them (content/simulator.md, "Protocol checks"): the same ids in all three, each rule with a
// title and a fix. The lists come from the files themselves, so a new rule cannot be left out.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./support/fake-window.mjs";
import { RULES } from "../../site/host/rules.mjs";

const hostDir = path.join(repoRoot, "site/host");
const guide = fs.readFileSync(path.join(repoRoot, "content/simulator.md"), "utf8");
const section = (title) => {
  const start = guide.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `content/simulator.md has a "## ${title}" section`);
  const end = guide.indexOf("\n## ", start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
};
const raised = new Set(fs.readdirSync(hostDir).filter((n) => n.endsWith(".mjs"))
  .flatMap((n) => [...fs.readFileSync(path.join(hostDir, n), "utf8").matchAll(/\bproblem\(\s*"([a-z-]+)"/g)].map((m) => m[1])));

test("every rule has an id of lowercase words, a title and a fix", () => {
  for (const [id, rule] of Object.entries(RULES)) {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    assert.deepEqual(Object.keys(rule), ["title", "fix"], id);
    assert.ok(rule.title.length > 10 && !rule.title.endsWith("."), `${id}: a title, without a full stop`);
    assert.ok(rule.fix.length > 30 && /[.)]$/.test(rule.fix), `${id}: a fix, as a sentence`);
    assert.doesNotMatch(rule.fix, /PROTOCOL\.md/, `${id}: points at the guides, not at a file outside the repository`);
  }
  assert.ok(Object.isFrozen(RULES) && Object.values(RULES).every(Object.isFrozen));
});

test("every rule the code raises is in RULES, and every rule in RULES is raised somewhere", () => {
  assert.deepEqual([...raised].sort(), Object.keys(RULES).sort());
});

test("the guide lists every rule, and no rule that does not exist", () => {
  const listed = [...section("Protocol checks").matchAll(/^- `([a-z-]+)`:/gm)].map((m) => m[1]);
  assert.equal(new Set(listed).size, listed.length, "each rule once");
  assert.deepEqual([...listed].sort(), Object.keys(RULES).sort());
});

test("the guide documents every devkitHost member and every URL parameter", async () => {
  const { URL_PARAMS } = await import("../../site/host/session.mjs");
  const params = section("URL parameters");
  for (const name of URL_PARAMS) assert.match(params, new RegExp("`" + name + "`"), name);
  const source = fs.readFileSync(path.join(hostDir, "devkit-host.mjs"), "utf8");
  const members = [...source.matchAll(/^\s{4}(?:get )?([a-zA-Z]+)(?:\(\)|:)/gm)].map((m) => m[1]);
  assert.ok(members.length >= 20, members.join());
  const api = section("Script it");
  for (const name of members) assert.match(api, new RegExp("`" + name + "[`(]"), `devkitHost.${name} in "Script it"`);
});
