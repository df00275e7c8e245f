// The page's parts that need no browser: what the live region says and when (site/host/announcer.mjs,
// on fake time), and how the timeline words and times a row (timeline.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fakeTimers } from "./support/host-harness.mjs";
import { Announcer } from "../../site/host/announcer.mjs";
import { brief, clock } from "../../site/host/timeline.mjs";

const describe = (entry) => `${entry.type} ${entry.direction}`;

test("messages are announced in batches, the last three named; repeated SYNCs once", () => {
  const timers = fakeTimers();
  const region = { textContent: "" };
  const announcer = new Announcer(region, { timers, delay: 800 });
  for (const type of ["SYNC", "SYNC", "SYNC", "SYNC_ACK"]) announcer.message({ type, direction: "toHost" }, describe);
  timers.tick(799);
  assert.equal(region.textContent, "", "nothing until the batch is due");
  timers.tick(100);
  assert.equal(region.textContent, "SYNC toHost; SYNC_ACK toHost.");
  for (const type of ["A", "B", "C", "D", "E"]) announcer.message({ type, direction: "toWidget" }, describe);
  timers.tick(1000);
  assert.equal(region.textContent, "5 new messages, the last: C toWidget; D toWidget; E toWidget.");
});

test("a problem is announced at once, after the messages waiting before it", () => {
  const timers = fakeTimers();
  const region = { textContent: "old" };
  const announcer = new Announcer(region, { timers });
  announcer.message({ type: "CALL_ENDED", direction: "toHost" }, describe);
  announcer.problem({ rule: "ghost-call" }, "A call with an engagement was never completed");
  assert.equal(region.textContent, "", "cleared first, so the same words are heard again");
  timers.tick(100);
  assert.equal(region.textContent, "Problem ghost-call: A call with an engagement was never completed.");
  timers.tick(5000);
  assert.equal(region.textContent, "Problem ghost-call: A call with an engagement was never completed.", "the flushed batch does not come back");
});

test("what the user did (Copied …) is said after the messages waiting before it, and stays", () => {
  const timers = fakeTimers();
  const region = { textContent: "" };
  const announcer = new Announcer(region, { timers });
  announcer.message({ type: "UPDATE_ENGAGEMENT_SUCCEEDED", direction: "toWidget" }, describe);
  announcer.say("Copied 13 messages as Mermaid.");
  timers.tick(100);
  assert.equal(region.textContent, "Copied 13 messages as Mermaid.");
  timers.tick(5000);
  assert.equal(region.textContent, "Copied 13 messages as Mermaid.", "the batch that was waiting does not talk over it");
});

test("timeline rows: a brief payload, HubSpot's notes in words, and the time since the page started", () => {
  assert.equal(brief({ direction: "toHost", data: { a: 1 } }), '{"a":1}');
  assert.equal(brief({ direction: "toHost", data: {} }), "");
  assert.equal(brief({ direction: "toWidget" }), "");
  assert.equal(brief({ direction: "host", type: "FRAME_LOADED", data: { url: "https://w.example/" } }), "https://w.example/");
  assert.equal(brief({ direction: "host", type: "SYNC_ACK_FAILED", data: { reason: "timeout", syncs: 300 } }), "no answer to 300 SYNC");
  assert.equal(clock(1000 + 61_234, 1000), "01:01.234");
  assert.equal(clock(500, 1000), "00:00.000");
});
