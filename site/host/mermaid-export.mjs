// mermaid-export.mjs: a session's timeline as a Mermaid sequence diagram, for a GitHub issue (the page's
// "Copy as Mermaid" and devkitHost.timelineAsMermaid()): HubSpot and one participant per widget frame,
// one arrow per message with a short summary of its payload, repeated SYNCs folded into one arrow with
// a count (as the timeline folds them), HubSpot's own notes, and a note for each problem. Pure: data in,
// text out. Only the payload fields listed below are shown, and URLs only by their origin, so no token,
// query string or other payload field leaves the page.
import { layoutOf } from "./session.mjs";
import { isObject, missing } from "./values.mjs";

/** Participant ids by iframeLocation (the labels are the page's, from the frames). */
const IDS = { widget: "Widget", remote: "Remote", window: "Window" };
const HUBSPOT = "HubSpot";

/**
 * The payload fields a summary shows, in this order. Strings are cut to MAX_VALUE characters; URLs
 * become their origin; callerIdMatches its length; usesCallingWindow shows only when true.
 */
export const SUMMARY_FIELDS = Object.freeze([
  "externalCallId", "phoneNumber", "fromNumber", "toNumber", "callEndStatus", "engagementId", "createEngagement", "startCall",
  "hideWidget", "isLoggedIn", "isAvailable", "isMinimized", "isHidden", "width", "height", "iframeLocation", "usesCallingWindow",
  "version", "iFrameUrl", "callerIdMatches",
]);
/** Types whose summary shows only some of the fields (SYNC_ACK repeats SYNC's fields: it shows its own). */
const ONLY = new Map([["SYNC_ACK", ["version", "iFrameUrl"]]]); // a Map: a type such as "constructor" finds nothing
const MAX_VALUE = 40;
const MAX_TYPE = 48;

/**
 * Text that cannot end or change a Mermaid statement: line breaks and other control characters become
 * spaces, bidirectional overrides go, `;` becomes `,`, `#` `＃`, `<` and `>` `‹` and `›` (so no HTML and
 * no `-->>`), a backtick `'`, and `%%` (a comment) `% %`.
 */
export function mermaidSafe(text) {
  return String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/;/g, ",")
    .replace(/#/g, "＃")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/`/g, "'")
    .replace(/%(?=%)/g, "% ")
    .replace(/\s+/g, " ")
    .trim();
}

const cut = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The origin of an http(s) URL, or undefined: never its path, query or fragment. */
export function originOf(url) {
  try {
    const parsed = new URL(String(url));
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function shown(field, value) {
  if (field === "iFrameUrl") return originOf(value) || "not an http(s) URL";
  if (field === "callerIdMatches") return Array.isArray(value) ? String(value.length) : undefined;
  if (field === "usesCallingWindow") return value === true ? "true" : undefined;
  if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return String(value);
  if (typeof value === "string") return cut(value.trim(), MAX_VALUE);
  return undefined;
}

/** An entry's type as text: a message without a string type is "(no type)". */
export function typeOf(entry) {
  return typeof entry.type === "string" && entry.type.trim() ? cut(mermaidSafe(entry.type), MAX_TYPE) : "(no type)";
}

/** "TYPE field=value, field=value" for a message, with only SUMMARY_FIELDS, all made safe. */
export function summary(entry) {
  const data = isObject(entry.data) ? entry.data : {};
  const message = isObject(entry.message) ? entry.message : {};
  const parts = [];
  for (const field of ONLY.get(entry.type) || SUMMARY_FIELDS) {
    const value = field in data ? data[field] : field === "iFrameUrl" ? message[field] : undefined; // SET_WIDGET_URL may have it beside data
    if (missing(value)) continue;
    const text = shown(field, value);
    if (text !== undefined && text !== "") parts.push(`${field}=${mermaidSafe(text)}`);
  }
  return mermaidSafe(`${typeOf(entry)} ${parts.join(", ")}`);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The participants: HubSpot, then each frame of the layout, then any other frame the timeline names. */
function participantsOf(frames, timeline) {
  const seen = new Map(frames.map((f) => [f.location, f.label]));
  for (const entry of timeline) {
    if (entry.location && !seen.has(entry.location) && IDS[entry.location]) seen.set(entry.location, layoutOf({ iframeLocation: entry.location })[0].label);
  }
  if (!seen.size) seen.set("widget", layoutOf({})[0].label);
  return [...seen].filter(([location]) => IDS[location]).map(([location, label]) => ({ location, id: IDS[location], label: `Widget (${String(label).toLowerCase()})` }));
}

/** The session's title: when it started (UTC) and the origin of the widget it started with. */
function titleOf(startedAt, widgetUrl) {
  const parts = ["Host simulator session"];
  if (Number.isFinite(startedAt)) parts.push(`${new Date(startedAt).toISOString().slice(0, 19).replace("T", " ")} UTC`);
  const origin = originOf(widgetUrl);
  if (origin) parts.push(`widget ${origin}`);
  return mermaidSafe(parts.join(", "));
}

/**
 * For each SYNC that starts a run, how many SYNCs the run has: HubSpot repeats SYNC to a frame every
 * 100 ms until SYNC_ACK, and the repeats fold into the first until anything else happens in that frame
 * (messages of another frame do not break the run). Returns Map(first entry -> count) and the set of
 * the folded repeats.
 */
function syncRuns(timeline) {
  const counts = new Map();
  const folded = new Set();
  const head = new Map(); // location -> the first SYNC of its open run
  for (const entry of timeline) {
    if (entry.direction === "toWidget" && entry.type === "SYNC") {
      const first = head.get(entry.location);
      if (first) {
        counts.set(first, counts.get(first) + 1);
        folded.add(entry);
      } else {
        head.set(entry.location, entry);
        counts.set(entry, 1);
      }
    } else if (entry.location === undefined) {
      head.clear();
    } else {
      head.delete(entry.location);
    }
  }
  return { counts, folded };
}

/**
 * The session as a Mermaid `sequenceDiagram` (text without fences). `session` is what the page knows,
 * e.g. the HostSimulator itself: { timeline, problems, frames, config: { widgetUrl } }.
 */
export function sequenceDiagram({ timeline = [], problems = [], frames = [], config = {} } = {}) {
  const participants = participantsOf(frames, timeline);
  const idOf = (location) => (participants.find((p) => p.location === location) || participants[0]).id;
  const last = participants[participants.length - 1].id;
  const lines = ["sequenceDiagram"];
  const say = (line) => lines.push(`  ${line}`);
  say("%% Recorded by the Calling DevKit host simulator. Payloads are summarised: Export JSON has every message in full.");
  const loaded = timeline.find((e) => e.direction === "host" && e.type === "FRAME_LOADED" && isObject(e.data)); // the first widget, if it moved since
  say(`title ${titleOf(timeline.length ? timeline[0].time : undefined, loaded ? loaded.data.origin : config.widgetUrl)}`);
  say("autonumber");
  say(`participant ${HUBSPOT}`);
  for (const p of participants) say(`participant ${p.id} as ${mermaidSafe(p.label)}`);

  // A problem about a message follows its arrow. One about no message (no-initialized, no-sync-ack,
  // ghost-call) goes before the first entry not earlier than it, but after the entries of the problems
  // raised before it, and after the SYNC_ACK_FAILED note that no-sync-ack explains.
  const bySeq = new Map();
  const loose = [];
  let floor = -Infinity;
  for (const problem of problems) {
    if (problem.seq !== undefined && timeline.some((e) => e.seq === problem.seq)) {
      bySeq.set(problem.seq, [...(bySeq.get(problem.seq) || []), problem]);
      floor = Math.max(floor, problem.seq);
    } else {
      loose.push({ problem, floor });
    }
  }
  const noteProblem = (problem) => {
    const where = problem.location && IDS[problem.location] ? idOf(problem.location) : HUBSPOT;
    say(`Note over ${where}: ⚠ ${mermaidSafe(`${problem.title || problem.rule} (${problem.rule})`)}`);
  };
  const due = ({ problem, floor: after }, entry) => {
    if (!(entry.seq > after) && after !== -Infinity) return false;
    if (!Number.isFinite(problem.time) || problem.time < entry.time) return true;
    const explained = entry.type === "SYNC_ACK_FAILED" && problem.rule === "no-sync-ack" && problem.location === entry.location;
    return problem.time === entry.time && !explained;
  };
  const looseBefore = (entry) => {
    while (loose.length && due(loose[0], entry)) noteProblem(loose.shift().problem);
  };

  const { counts, folded } = syncRuns(timeline);
  for (const entry of timeline) {
    looseBefore(entry);
    if (folded.has(entry)) {
      // a repeat of the SYNC above: counted there
    } else if (entry.direction === "host") {
      say(hostNote(entry, idOf, last));
    } else if (entry.direction === "toWidget") {
      say(`${HUBSPOT}->>${idOf(entry.location)}: ${summary(entry)}`);
      if (counts.get(entry) > 1) say(`Note over ${HUBSPOT},${idOf(entry.location)}: SYNC ×${counts.get(entry)}`);
    } else {
      const arrow = entry.ignored ? "-x" : entry.type === "SYNC_ACK" ? "-->>" : "->>";
      say(`${idOf(entry.location)}${arrow}${HUBSPOT}: ${summary(entry)}${entry.ignored ? " (ignored)" : ""}`);
    }
    for (const problem of bySeq.get(entry.seq) || []) noteProblem(problem);
  }
  for (const { problem } of loose) noteProblem(problem);
  if (!timeline.length && !problems.length) say(`Note over ${HUBSPOT},${last}: No messages yet`);
  return lines.join("\n");
}

/** One of HubSpot's own notes (FRAME_LOADED, SYNC_ACK_FAILED, NOT_SENT, SESSION_ENDED) as a Mermaid Note. */
function hostNote(entry, idOf, last) {
  const d = isObject(entry.data) ? entry.data : {};
  const lane = entry.location && IDS[entry.location] ? idOf(entry.location) : undefined;
  const type = typeOf(entry);
  let where = lane || HUBSPOT;
  let text = type;
  if (entry.type === "FRAME_LOADED") {
    const origin = originOf(d.origin) || originOf(d.url);
    text = origin ? `${type} ${origin}` : type;
  } else if (entry.type === "SYNC_ACK_FAILED") {
    where = `${HUBSPOT},${lane || last}`;
    text = `${type}, ${d.reason === "error" ? "the frame failed to load" : `no answer to ${Number(d.syncs) || 0} SYNC`}`;
  } else if (entry.type === "NOT_SENT") {
    const sent = isObject(d.message) ? typeOf(d.message) : "a message";
    where = HUBSPOT;
    text = `${type} ${sent}, no handshake yet`;
  } else if (entry.type === "SESSION_ENDED") {
    where = `${HUBSPOT},${last}`;
    text = `${type}, ${plural(Number(d.calls) || 0, "call")}, ${plural(Number(d.problems) || 0, "problem")}`;
  }
  return `Note over ${where}: ${mermaidSafe(text)}`;
}

/** The diagram in a ```mermaid fence, ready to paste into a GitHub issue or a Markdown page. */
export function mermaidFence(diagram) {
  return `\`\`\`mermaid\n${diagram}\n\`\`\`\n`;
}

/** What "Copy as Mermaid" copies: the session's diagram in a ```mermaid fence; with fenced: false, the bare diagram. */
export function timelineAsMermaid(session, { fenced = true } = {}) {
  const diagram = sequenceDiagram(session);
  return fenced ? mermaidFence(diagram) : diagram;
}
