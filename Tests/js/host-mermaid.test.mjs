// The timeline as a Mermaid sequence diagram (site/host/mermaid-export.mjs) on simulated sessions: the
// exact text of a small handshake; an outbound and an inbound call; the remote and calling window
// layout, one participant per frame; problems as notes; hostile payloads that try to break out of a
// Mermaid statement or leak a token, which must come out as one safe line each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./support/host-harness.mjs";
import { mermaidSafe, originOf, sequenceDiagram, summary, timelineAsMermaid } from "../../site/host/mermaid-export.mjs";

const ARROW = /^ {2}(HubSpot|Widget|Remote|Window)(->>|-->>|-x)(HubSpot|Widget|Remote|Window): (.+)$/;
const arrows = (text) => text.split("\n").filter((line) => ARROW.test(line)).map((line) => line.trim());
const lines = (text) => text.split("\n").map((line) => line.trim());

/** Every line is one Mermaid statement our grammar allows, and no text in it can end or change it. */
function assertSafe(text) {
  const [first, comment, ...rest] = text.split("\n");
  assert.equal(first, "sequenceDiagram");
  assert.match(comment, /^ {2}%% /);
  for (const line of rest) {
    const statement = /^ {2}(title|autonumber$|participant (HubSpot|Widget|Remote|Window)( as |$)|Note over (HubSpot|Widget|Remote|Window)(,(Widget|Remote|Window))?: |(HubSpot|Widget|Remote|Window)(->>|-->>|-x)(HubSpot|Widget|Remote|Window): )/;
    assert.match(line, statement, `a statement: ${JSON.stringify(line)}`);
    const words = line.replace(statement, "");
    assert.doesNotMatch(words, /[;#<>`\u0000-\u001f\u202e]|%%|-->>|->>|-x(HubSpot|Widget)/, `text that stays text: ${JSON.stringify(line)}`);
  }
}

async function ready(config, { initialized = true } = {}) {
  const t = harness({ config });
  await t.handshake();
  if (initialized) for (const location of Object.keys(t.frames)) t.post({ type: "INITIALIZED", data: { isLoggedIn: true, isAvailable: true } }, { location });
  await t.settle();
  return t;
}

test("a small session, exactly: the handshake with repeated SYNCs folded into one arrow, then INITIALIZED", async () => {
  const t = harness();
  t.load();
  await t.settle();
  t.clock.tick(200); // two more SYNCs before the widget answers
  await t.settle();
  t.answerSync();
  t.clock.tick(100);
  await t.settle();
  t.post({ type: "INITIALIZED", data: { isLoggedIn: true, isAvailable: false } });
  await t.settle();
  assert.equal(t.sent("SYNC").length, 4);
  assert.equal(sequenceDiagram(t.sim), [
    "sequenceDiagram",
    "  %% Recorded by the Calling DevKit host simulator. Payloads are summarised: Export JSON has every message in full.",
    "  title Host simulator session, 2023-11-14 22:13:20 UTC, widget https://localhost:9025",
    "  autonumber",
    "  participant HubSpot",
    "  participant Widget as Widget (call panel)",
    "  Note over Widget: FRAME_LOADED https://localhost:9025",
    "  HubSpot->>Widget: SYNC iframeLocation=widget",
    "  Note over HubSpot,Widget: SYNC ×4",
    "  Widget-->>HubSpot: SYNC_ACK version=0.9.6, iFrameUrl=https://localhost:9025",
    "  Widget->>HubSpot: INITIALIZED isLoggedIn=true, isAvailable=false",
  ].join("\n"));
  const copied = timelineAsMermaid(t.sim);
  assert.equal(copied, `\`\`\`mermaid\n${sequenceDiagram(t.sim)}\n\`\`\`\n`, "what is copied pastes into a GitHub issue as is");
  assert.equal(timelineAsMermaid(t.sim, { fenced: false }), sequenceDiagram(t.sim));
  assertSafe(sequenceDiagram(t.sim));
});

test("an outbound call: one numbered arrow per message, with its id, number, status and engagement", async () => {
  const t = await ready();
  t.sim.dial("+1 617 555 0123");
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 617 555 0123", createEngagement: true } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "c1", engagementId: 72001, callEndStatus: "COMPLETED" } });
  t.post({ type: "CALL_COMPLETED", data: { externalCallId: "c1", engagementId: 72001, hideWidget: false } });
  await t.settle();
  const text = sequenceDiagram(t.sim);
  assert.deepEqual(arrows(text), [
    "HubSpot->>Widget: SYNC iframeLocation=widget",
    "Widget-->>HubSpot: SYNC_ACK version=0.9.6, iFrameUrl=https://localhost:9025",
    "Widget->>HubSpot: INITIALIZED isLoggedIn=true, isAvailable=true",
    "HubSpot->>Widget: DIAL_NUMBER phoneNumber=+1 617 555 0123, startCall=false",
    "Widget->>HubSpot: OUTGOING_CALL_STARTED externalCallId=c1, toNumber=+1 617 555 0123, createEngagement=true",
    "HubSpot->>Widget: CREATE_ENGAGEMENT_SUCCEEDED engagementId=72001",
    "HubSpot->>Widget: ENGAGEMENT_CREATED engagementId=72001",
    "Widget->>HubSpot: CALL_ANSWERED externalCallId=c1",
    "Widget->>HubSpot: CALL_ENDED externalCallId=c1, callEndStatus=COMPLETED, engagementId=72001",
    "Widget->>HubSpot: CALL_COMPLETED externalCallId=c1, engagementId=72001, hideWidget=false",
    "HubSpot->>Widget: UPDATE_ENGAGEMENT_SUCCEEDED engagementId=72001",
  ]);
  assert.equal(arrows(text).length, t.sim.messages.length, "every message is an arrow (one SYNC here)");
  assert.ok(lines(text).includes("autonumber"));
  assert.doesNotMatch(text, /⚠/, "a correct call raises no problem");
  // DIAL_NUMBER's other fields (owner, portal, the record viewed) stay out of the summary.
  assert.doesNotMatch(text, /ownerId|portalId|calleeInfo|objectId|startTimestamp/);
  assertSafe(text);
});

test("an inbound call: the caller's number and how many records matched, never the matched names", async () => {
  const t = await ready();
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i1", fromNumber: "(617) 555-0142", toNumber: "+1 617 555 0199", createEngagement: true } });
  t.post({ type: "INCOMING_CALL", data: { externalCallId: "i2", fromNumber: "+33 1 00 00 00 00", toNumber: "+1 617 555 0199" } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: "i2", callEndStatus: "HUNG_UP" } });
  await t.settle();
  const text = sequenceDiagram(t.sim);
  assert.deepEqual(arrows(text).slice(3), [
    "Widget->>HubSpot: INCOMING_CALL externalCallId=i1, fromNumber=(617) 555-0142, toNumber=+1 617 555 0199, createEngagement=true",
    "HubSpot->>Widget: CALLER_ID_MATCH_SUCCEEDED callerIdMatches=1",
    "HubSpot->>Widget: CREATE_ENGAGEMENT_SUCCEEDED engagementId=72001",
    "HubSpot->>Widget: ENGAGEMENT_CREATED engagementId=72001",
    "Widget->>HubSpot: INCOMING_CALL externalCallId=i2, fromNumber=+33 1 00 00 00 00, toNumber=+1 617 555 0199",
    "HubSpot->>Widget: CALLER_ID_MATCH_SUCCEEDED callerIdMatches=0",
    "Widget->>HubSpot: CALL_ENDED externalCallId=i2, callEndStatus=HUNG_UP",
  ]);
  assert.doesNotMatch(text, /Grace|Hopper|grace@example\.com/);
  // The problem follows the message it is about.
  const all = lines(text);
  const ended = all.indexOf("Widget->>HubSpot: CALL_ENDED externalCallId=i2, callEndStatus=HUNG_UP");
  assert.equal(all[ended + 1], "Note over Widget: ⚠ Unknown callEndStatus (unknown-call-end-status)");
  assertSafe(text);
});

test("remote and calling window: one participant per frame, labelled as the page labels them, SYNCs folded per frame", async () => {
  const t = harness({ config: { usesRemote: true, usesCallingWindow: true } });
  t.load();
  await t.settle();
  t.clock.tick(300); // both frames get SYNC again and again, interleaved
  await t.settle();
  for (const location of ["remote", "window"]) t.answerSync({ location });
  t.clock.tick(100);
  await t.settle();
  for (const location of ["remote", "window"]) t.post({ type: "INITIALIZED", data: {} }, { location });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "w1", toNumber: "+1 617 555 0123", createEngagement: true } }, { location: "window" });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "w1" } }, { location: "remote" }); // the remote must only relay
  await t.settle();
  const text = sequenceDiagram(t.sim);
  const all = lines(text);
  assert.deepEqual(all.filter((l) => l.startsWith("participant")), [
    "participant HubSpot", "participant Remote as Widget (remote)", "participant Window as Widget (calling window)",
  ]);
  assert.deepEqual(t.sim.frames.map((f) => f.label), ["Remote", "Calling window"], "the page's labels");
  assert.deepEqual(all.filter((l) => /SYNC/.test(l) && !/SYNC_ACK/.test(l)), [
    "HubSpot->>Remote: SYNC iframeLocation=remote, usesCallingWindow=true",
    "Note over HubSpot,Remote: SYNC ×5",
    "HubSpot->>Window: SYNC iframeLocation=window, usesCallingWindow=true",
    "Note over HubSpot,Window: SYNC ×5",
  ]);
  assert.equal(t.sent("SYNC").length, 10);
  assert.deepEqual(arrows(text).slice(4), [
    "Remote->>HubSpot: INITIALIZED",
    "Window->>HubSpot: INITIALIZED",
    "Window->>HubSpot: OUTGOING_CALL_STARTED externalCallId=w1, toNumber=+1 617 555 0123, createEngagement=true",
    "HubSpot->>Window: CREATE_ENGAGEMENT_SUCCEEDED engagementId=72001",
    "HubSpot->>Window: ENGAGEMENT_CREATED engagementId=72001",
    "Remote->>HubSpot: CALL_ANSWERED externalCallId=w1",
  ]);
  assert.deepEqual(all.slice(-2), [
    "Note over Remote: ⚠ Call events from the remote while a calling window is in use (call-from-remote)",
    "Note over Remote: ⚠ Event for a call that never started (call-not-started)",
  ], "the problems of a message follow its arrow, over its frame");
  assert.deepEqual(all.filter((l) => l.startsWith("Note over Remote: FRAME") || l.startsWith("Note over Window: FRAME")),
    ["Note over Remote: FRAME_LOADED https://localhost:9025", "Note over Window: FRAME_LOADED https://localhost:9025"]);
  assertSafe(text);
});

test("HubSpot's own notes and problems about no message: where they happened, over the frame or the session", async () => {
  const t = await ready({}, { initialized: false });
  t.clock.tick(5000); // no INITIALIZED: no-initialized, a problem about no message
  t.post({ type: "INITIALIZED", data: {} });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: "c1", toNumber: "+1 555", createEngagement: true } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "c1" } }, { id: false }); // HubSpot ignores it
  await t.settle();
  t.sim.endSession(); // c1 was never completed: a ghost call
  const all = lines(sequenceDiagram(t.sim));
  const at = (line) => {
    assert.ok(all.includes(line), `${line}\nin\n${all.join("\n")}`);
    return all.indexOf(line);
  };
  assert.ok(at("Note over Widget: ⚠ No INITIALIZED (no-initialized)") < at("Widget->>HubSpot: INITIALIZED"));
  assert.ok(at("Widget-->>HubSpot: SYNC_ACK version=0.9.6, iFrameUrl=https://localhost:9025") < at("Note over Widget: ⚠ No INITIALIZED (no-initialized)"));
  assert.equal(all[at("Widget-xHubSpot: CALL_ANSWERED externalCallId=c1 (ignored)") + 1], "Note over Widget: ⚠ Message without messageId (missing-message-id)");
  assert.deepEqual(all.slice(-2), [
    "Note over Widget: ⚠ A call with an engagement was never completed (ghost-call)",
    "Note over HubSpot,Widget: SESSION_ENDED, 1 call, 3 problems",
  ], "ending the session found the ghost call");

  const failed = harness({ config: { syncTimeout: 300 } });
  failed.load();
  await failed.settle();
  failed.clock.tick(300);
  const text = sequenceDiagram(failed.sim);
  assert.deepEqual(lines(text).slice(-3), [
    "Note over HubSpot,Widget: SYNC ×3",
    "Note over HubSpot,Widget: SYNC_ACK_FAILED, no answer to 3 SYNC",
    "Note over Widget: ⚠ The widget never answered SYNC (no-sync-ack)",
  ]);
  assertSafe(text);
  assert.deepEqual(lines(sequenceDiagram(harness().sim)).slice(-1), ["Note over HubSpot,Widget: No messages yet"]);
});

test("hostile payloads: each message stays one safe line, and no token, query or unlisted field gets out", async () => {
  const secret = "tok_SECRET_9f8e";
  const t = harness({ config: { widgetUrl: `https://localhost:9025/widget/?accessToken=${secret}#${secret}` } });
  await t.handshake();
  const evil = "c1; Widget->>HubSpot: fake\nNote over HubSpot: %% pwned # <script>alert(1)</script> --> HubSpot-->>Widget: x `code` \u202Eevil";
  t.post({ type: "INITIALIZED", data: {} });
  t.post({ type: "OUTGOING_CALL_STARTED", data: { externalCallId: evil, toNumber: "+1 617 555 0123;ext=9#22", createEngagement: true, accessToken: secret, token: secret } });
  t.post({ type: "CALL_ENDED", data: { externalCallId: evil, callEndStatus: "COMPLETED\n%%{init: {'theme':'dark'}}%%", engagementId: 72001 } });
  t.post({ type: "CALL_ANSWERED", data: { externalCallId: "<b>x</b>-->>\n%%x#1;y\r`z`" } });
  t.post({ type: "NOT_A_TYPE;\nsequenceDiagram#", data: { password: secret } });
  t.post({ type: "SET_WIDGET_URL", data: { iFrameUrl: `https://user:${secret}@evil.example:8443/p?token=${secret}` } });
  t.post({ type: ["OUTGOING_CALL_STARTED"], data: {} });
  t.post({ messageId: "w_only" }); // no type at all
  t.post({ type: "ERROR", data: { message: `failed for ${secret}` } });
  await t.settle();
  const text = sequenceDiagram(t.sim);
  assertSafe(text);
  assert.doesNotMatch(text, new RegExp(secret), "no token anywhere: not from the URL, not from the payload");
  assert.doesNotMatch(text, /accessToken|password|user:|\/widget\/|\?|<script/);
  assert.match(lines(text)[2], /^title Host simulator session, 2023-11-14 22:13:20 UTC, widget https:\/\/localhost:9025$/, "the widget's origin only");
  const toHost = arrows(text).filter((l) => l.startsWith("Widget->>") || l.startsWith("Widget-x"));
  assert.equal(toHost.length, t.sim.messages.filter((m) => m.direction === "toHost").length - 1, "one line per message (SYNC_ACK is dashed)");
  assert.ok(toHost.includes("Widget->>HubSpot: SET_WIDGET_URL iFrameUrl=https://evil.example:8443"), toHost.join("\n"));
  assert.ok(toHost.includes("Widget->>HubSpot: OUTGOING_CALL_STARTED externalCallId=c1, Widget-››HubSpot: fake Note over Hu…, " +
    "toNumber=+1 617 555 0123,ext=9＃22, createEngagement=true"), "long values are cut, and the payload's own token fields never shown");
  assert.ok(toHost.includes("Widget->>HubSpot: CALL_ANSWERED externalCallId=‹b›x‹/b›--›› % %x＃1,y 'z'"), toHost.join("\n"));
  assert.ok(toHost.includes("Widget->>HubSpot: NOT_A_TYPE, sequenceDiagram＃"));
  assert.ok(toHost.includes("Widget->>HubSpot: (no type)"), "a type that is not a string");
  assert.ok(toHost.includes("Widget-xHubSpot: (no type) (ignored)"), "a message without type, which HubSpot ignored");
  assert.ok(toHost.includes("Widget->>HubSpot: ERROR"), "the ERROR's free text stays out");
  assert.ok(toHost.some((l) => l.startsWith("Widget->>HubSpot: CALL_ENDED ") && l.includes("callEndStatus=COMPLETED % %{init")));
});

test("mermaidSafe, originOf and summary on their own", () => {
  assert.equal(mermaidSafe("a;b#c<d>e`f%%g%%%h\r\ni\u2028j\u202Ek  "), "a,b＃c‹d›e'f% %g% % %h i jk");
  assert.equal(mermaidSafe("A-->>B: x"), "A--››B: x");
  assert.equal(originOf("https://u:p@h.example:3000/p?token=1#f"), "https://h.example:3000");
  assert.equal(originOf("javascript:alert(1)"), undefined);
  assert.equal(originOf("not a url"), undefined);
  const long = "x".repeat(100);
  assert.equal(summary({ type: "CALL_ANSWERED", data: { externalCallId: long } }), `CALL_ANSWERED externalCallId=${"x".repeat(39)}…`);
  assert.equal(summary({ type: "RESIZE_WIDGET", data: { width: 320, height: "400px" } }), "RESIZE_WIDGET width=320, height=400px");
  assert.equal(summary({ type: "RESIZE_WIDGET", data: [1, 2] }), "RESIZE_WIDGET");
  assert.equal(summary({ type: "SET_WIDGET_URL", data: {}, message: { type: "SET_WIDGET_URL", iFrameUrl: "ftp://x" } }), "SET_WIDGET_URL iFrameUrl=not an http(s) URL");
});
