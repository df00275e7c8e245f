// host-ui.mjs: the host simulator's page. It frames the widget the way HubSpot does, runs
// HostSimulator (host-core.mjs) against it, shows every message and problem, and exposes
// window.devkitHost for scripts and CI. All protocol logic lives in host-core.mjs.
import { HostSimulator, DEFAULTS, DIRECTORY, RULES, recordName } from "./host-core.mjs";

const $ = (id) => document.getElementById(id);
const protocol = window.CallingExtensions && window.CallingExtensions.protocol;
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
  return node;
};

// ---- The session, from the page's URL ----------------------------------------------------------

const params = new URLSearchParams(location.search);
const value = (text) => (/^\d+$/.test(text) ? Number(text) : text);
function configFromUrl() {
  const config = {};
  for (const key of ["portalId", "userId", "ownerId", "engagementId", "width", "height", "syncTimeout", "initTimeout"]) {
    if (params.get(key)) config[key] = value(params.get(key));
  }
  if (["widget", "remote", "window"].includes(params.get("iframeLocation"))) config.iframeLocation = params.get("iframeLocation");
  if (params.has("usesCallingWindow")) config.usesCallingWindow = /^(1|true|yes|)$/i.test(params.get("usesCallingWindow"));
  return config;
}

/** An absolute http(s) URL for the widget, resolved against this page; or an Error. */
function widgetUrlFrom(text) {
  let url;
  try {
    url = new URL(text, location.href);
  } catch {
    return new Error(`"${text}" is not a URL.`);
  }
  if (!/^https?:$/.test(url.protocol)) return new Error(`The widget URL must be http(s); "${text}" is ${url.protocol}.`);
  return url.href;
}

if (!protocol) {
  document.body.prepend(el("p", { className: "fatal", textContent: "../assets/calling-extensions.js did not load; the simulator needs it." }));
  throw new Error("CallingExtensions.protocol is missing");
}

const initialUrl = widgetUrlFrom(params.get("widget") || "../widget/");
const core = new HostSimulator({
  protocol,
  window,
  config: { ...configFromUrl(), widgetUrl: initialUrl instanceof Error ? "" : initialUrl },
});
const startedAt = Date.now();

// ---- The widget's frame, as HubSpot makes it -----------------------------------------------------

const iframe = document.createElement("iframe");
iframe.id = "hubspot-calling-extension-iframe";
iframe.allow = "microphone; autoplay";
iframe.title = "The calling widget";
iframe.width = String(core.config.width);
iframe.height = String(core.config.height);
iframe.addEventListener("load", () => core.load(iframe.contentWindow));
iframe.addEventListener("error", () => core.loadError());

function loadWidget(url) {
  $("widget-url").value = url;
  $("frame-origin").textContent = url;
  iframe.src = url; // setting src loads the page again even when it is the same URL
  if (!iframe.isConnected) $("frame-holder").append(iframe);
  warnMixedContent(url);
}

function warnMixedContent(url) {
  const target = new URL(url);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(target.hostname);
  if (location.protocol === "https:" && target.protocol === "http:" && !local) {
    showAlert("info", `This page is on HTTPS and the widget on HTTP (${target.origin}): the browser will block the frame as mixed content. Serve the widget over HTTPS.`);
  }
}

// The page's URL keeps the session, so a reload (or a CI job) gets the same one.
function rememberInUrl() {
  const next = new URLSearchParams();
  next.set("widget", core.config.widgetUrl);
  for (const key of ["portalId", "userId", "ownerId", "engagementId", "iframeLocation", "usesCallingWindow", "syncTimeout", "initTimeout"]) {
    const v = core.config[key];
    if (v !== undefined && v !== "" && v !== DEFAULTS[key]) next.set(key, String(v));
  }
  history.replaceState(null, "", `${location.pathname}?${next}`);
}

// ---- Timeline ----------------------------------------------------------------------------------

const LABELS = { toWidget: "→ widget", toHost: "← widget", host: "HubSpot" };
const TITLES = { toWidget: "HubSpot to the widget", toHost: "The widget to HubSpot", host: "HubSpot's own note" };
const knownTypes = new Set();
let lastRow = null;

function clock(time) {
  const ms = Math.max(0, time - startedAt);
  const m = Math.floor(ms / 60000);
  const s = ((ms % 60000) / 1000).toFixed(3).padStart(6, "0");
  return `${String(m).padStart(2, "0")}:${s}`;
}

function brief(entry) {
  if (entry.direction === "host") {
    const d = entry.data || {};
    if (entry.type === "FRAME_LOADED") return d.url;
    if (entry.type === "SYNC_ACK_FAILED") return d.reason === "error" ? "the frame failed to load" : `no answer to ${d.syncs} SYNC`;
    return JSON.stringify(d);
  }
  if (entry.data === undefined) return "";
  const text = JSON.stringify(entry.data);
  return text === "{}" ? "" : text;
}

function filters() {
  return {
    text: $("filter-text").value.trim().toLowerCase(),
    type: $("filter-type").value,
    direction: $("filter-direction").value,
    problems: $("filter-problems").checked,
  };
}

function matches(entry, f = filters()) {
  if (f.type && entry.type !== f.type) return false;
  if (f.direction && entry.direction !== f.direction) return false;
  if (f.problems && !(entry.problems && entry.problems.length)) return false;
  if (f.text && !`${entry.type} ${JSON.stringify(entry.message)}`.toLowerCase().includes(f.text)) return false;
  return true;
}

function addType(type) {
  if (!type || knownTypes.has(type)) return;
  knownTypes.add(type);
  const select = $("filter-type");
  const options = [...select.options].slice(1);
  const next = options.find((o) => o.value > type);
  select.insertBefore(el("option", { value: type, textContent: type }), next || null);
}

function rowFor(entry) {
  const summary = el("summary", { title: TITLES[entry.direction] },
    el("span", { className: "time", textContent: clock(entry.time) }),
    el("span", { className: "dir", textContent: LABELS[entry.direction] }),
    el("span", { className: "type", textContent: entry.type }),
    el("span", { className: "brief", textContent: brief(entry) }),
  );
  if (entry.ignored) summary.append(el("span", { className: "tag", textContent: "ignored", title: "HubSpot drops this message" }));
  const pre = el("pre", { textContent: JSON.stringify(entry.message, null, 2) });
  const meta = el("p", { className: "meta", textContent: entry.messageId ? `messageId ${entry.messageId}` : "no messageId" });
  const row = el("li", { className: `entry ${entry.direction}` }, el("details", {}, summary, meta, pre));
  Object.assign(row.dataset, { seq: entry.seq, type: entry.type, direction: entry.direction });
  if (entry.ignored) row.classList.add("ignored");
  return row;
}

function markRow(row, entry) {
  if (!row || !entry.problems) return;
  row.classList.add("has-problem");
  row.dataset.rules = entry.problems.join(" ");
  const summary = row.querySelector("summary");
  if (!summary.querySelector(".flag")) summary.append(el("span", { className: "flag", textContent: "!", title: "A protocol problem" }));
  summary.querySelector(".flag").title = entry.problems.join(", ");
}

const list = () => $("timeline");
function nearBottom() {
  const box = list();
  return box.scrollHeight - box.scrollTop - box.clientHeight < 40;
}

function appendEntry(entry, { scroll = true } = {}) {
  addType(entry.type);
  if (!matches(entry)) return;
  const box = list();
  const follow = scroll && nearBottom();
  // Repeated SYNCs (every 100 ms until SYNC_ACK) share one row with a counter.
  if (entry.type === "SYNC" && lastRow && lastRow.dataset.type === "SYNC" && lastRow === box.lastElementChild) {
    const n = Number(lastRow.dataset.count || 1) + 1;
    lastRow.dataset.count = n;
    const summary = lastRow.querySelector("summary");
    const badge = summary.querySelector(".repeat") || summary.appendChild(el("span", { className: "repeat" }));
    badge.textContent = `×${n}`;
    return;
  }
  lastRow = rowFor(entry);
  markRow(lastRow, entry);
  box.append(lastRow);
  if (follow) box.scrollTop = box.scrollHeight;
}

function renderTimeline() {
  list().replaceChildren();
  lastRow = null;
  for (const entry of core.timeline) appendEntry(entry, { scroll: false });
  list().scrollTop = list().scrollHeight;
  countMessages();
}

function countMessages() {
  const shown = list().querySelectorAll(".entry").length;
  const total = core.timeline.length;
  $("message-count").textContent = shown === total ? `${core.messages.length} messages` : `${shown} rows shown of ${total}`;
}

function rowOf(seq) {
  return list().querySelector(`.entry[data-seq="${seq}"]`);
}

function reveal(seq) {
  let row = rowOf(seq);
  if (!row) {
    $("filters").reset();
    renderTimeline();
    row = rowOf(seq);
  }
  if (!row) return;
  row.querySelector("details").open = true;
  row.scrollIntoView({ block: "center" });
  row.querySelector("summary").focus();
  row.classList.add("flash");
  setTimeout(() => row.classList.remove("flash"), 1200);
}

// ---- Problems ----------------------------------------------------------------------------------

function appendProblem(problem) {
  const [title] = RULES[problem.rule] || [problem.rule];
  const head = el("p", { className: "problem-head" },
    el("code", { className: "rule", textContent: problem.rule }),
    problem.type ? el("span", { className: "problem-type", textContent: problem.type }) : null);
  if (problem.seq) {
    const button = el("button", { type: "button", className: "link", textContent: "Show message",
      title: problem.messageId ? `messageId ${problem.messageId}` : "This message has no messageId" });
    button.addEventListener("click", () => reveal(problem.seq));
    head.append(button);
  }
  const item = el("li", { className: "problem" }, head,
    el("p", { className: "problem-text" }, el("strong", { textContent: `${title}. ` }), problem.message));
  item.dataset.rule = problem.rule;
  $("problems").append(item);
  const row = problem.seq && rowOf(problem.seq);
  if (row) markRow(row, core.timeline.find((e) => e.seq === problem.seq));
  countProblems();
}

function countProblems() {
  const n = core.problems.length;
  $("problem-count").textContent = String(n);
  $("problem-count").dataset.count = String(n);
  $("no-problems").hidden = n > 0;
}

function renderProblems() {
  $("problems").replaceChildren();
  for (const p of core.problems) appendProblem(p);
  countProblems();
}

// ---- The stage: status, alerts, call, record, visibility -----------------------------------------

function renderStatus() {
  const connection = $("connection");
  const hs = core.handshake;
  let state = "waiting";
  let text = "Waiting for the widget";
  if (core.ready) {
    state = "ready";
    text = `Connected · ${core.channel.origin.replace(/^https?:\/\//, "")}${core.widget.version ? ` · SDK ${core.widget.version}` : ""}`;
    connection.title = `HubSpot talks to ${core.channel.origin} (the iFrameUrl of SYNC_ACK)`;
  } else if (hs && hs.failed) {
    state = "failed";
    text = "No SYNC_ACK: handshake failed";
  } else if (hs) {
    text = "Waiting for SYNC_ACK";
  }
  connection.dataset.state = state;
  connection.textContent = text;
  for (const [id, on] of [["chip-initialized", core.widget.initialized], ["chip-logged-in", core.widget.loggedIn], ["chip-available", core.widget.available]]) {
    $(id).dataset.on = String(Boolean(on));
  }
  for (const id of ["dial-button", "end-call", "minimise", "hide", "show"]) $(id).disabled = !core.ready;
  for (const button of $("records").querySelectorAll("button")) button.disabled = !core.ready;
  $("custom-form").querySelector("button").disabled = !core.ready;
  $("fail-create").checked = core.switches.failNextEngagementCreate;
  $("fail-update").checked = core.switches.failNextEngagementUpdate;
  renderCall();
}

const STATES = { ringing: "Ringing", answered: "Answered", ended: "Ended", completed: "Completed" };
function renderCall() {
  const card = $("call-card");
  const call = core.calls.at(-1);
  if (!call) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const who = call.record ? recordName(call.record) : call.number || "unknown number";
  const engagement = call.engagementId !== undefined ? `engagement ${call.engagementId}`
    : call.engagementFailed ? "engagement not created (switch)" : call.createEngagement ? "" : "no engagement requested";
  card.replaceChildren(
    el("span", { className: `call-state ${call.state}`, textContent: STATES[call.state] || call.state }),
    el("strong", { textContent: `${call.direction === "inbound" ? "Inbound" : call.direction === "outbound" ? "Outbound" : "Resumed"} call · ${who}` }),
    el("span", { className: "muted", textContent: [call.externalCallId && `externalCallId ${call.externalCallId}`, engagement, call.callEndStatus].filter(Boolean).join(" · ") }),
  );
}

function showAlert(level, message) {
  const dismiss = el("button", { type: "button", className: "close", textContent: "×", title: "Dismiss" });
  const alert = el("div", { className: `alert ${level}`, role: level === "error" ? "alert" : "status" },
    el("strong", { textContent: level === "error" ? "The calling app reported an error" : "Note" }),
    el("span", { textContent: message }), dismiss);
  dismiss.setAttribute("aria-label", "Dismiss");
  dismiss.addEventListener("click", () => alert.remove());
  const box = $("alerts");
  box.append(alert);
  while (box.children.length > 3) box.firstElementChild.remove();
}

function showRecord({ objectCoordinates, record }) {
  const card = $("record-card");
  card.hidden = false;
  const kind = objectCoordinates.objectTypeId === "0-2" ? "Company" : objectCoordinates.objectTypeId === "0-1" ? "Contact" : `Object ${objectCoordinates.objectTypeId}`;
  const close = el("button", { type: "button", className: "close", textContent: "×", title: "Close the record" });
  close.setAttribute("aria-label", "Close the record");
  close.addEventListener("click", () => (card.hidden = true));
  card.replaceChildren(
    el("span", { className: "avatar", textContent: record ? recordName(record).split(" ").map((w) => w[0]).join("").slice(0, 2) : "?" }),
    el("div", {},
      el("p", { className: "muted", textContent: `NAVIGATE_TO_RECORD · ${kind} ${objectCoordinates.objectId}` }),
      el("strong", { textContent: record ? recordName(record) : "A record outside the sample CRM" }),
      record ? el("p", { className: "muted", textContent: [record.email || record.domain, record.phone].filter(Boolean).join(" · ") }) : null),
    close);
}

function setVisibility({ isMinimized, isHidden, reason }) {
  const box = $("frame-box");
  box.dataset.visibility = isHidden ? "hidden" : isMinimized ? "minimised" : "shown";
  $("reopen").hidden = !(isHidden || isMinimized);
  const note = $("frame-note");
  note.hidden = !(isHidden || isMinimized);
  note.textContent = isHidden
    ? reason === "CALL_COMPLETED" ? "HubSpot closed the call panel after CALL_COMPLETED (hideWidget was not false)." : "The call panel is hidden (VISIBILITY_CHANGED isHidden)."
    : "The call panel is minimised (VISIBILITY_CHANGED isMinimized).";
}

function sizeFrame(width, height) {
  if (width !== undefined) iframe.width = String(width);
  if (height !== undefined) iframe.height = String(height);
  $("frame-size").textContent = `${iframe.width} × ${iframe.height}`;
}

// ---- The core's events --------------------------------------------------------------------------

core.on((event) => {
  switch (event.kind) {
    case "message":
      appendEntry(event.entry);
      countMessages();
      break;
    case "problem":
      appendProblem(event.problem);
      break;
    case "state":
      renderStatus();
      break;
    case "effect":
      if (event.effect === "resize") sizeFrame(event.width, event.height);
      else if (event.effect === "visibility") setVisibility(event);
      else if (event.effect === "navigate") {
        loadWidget(event.url);
        rememberInUrl();
      } else if (event.effect === "record") showRecord(event);
      else if (event.effect === "alert") showAlert(event.level, event.message);
      else if (event.effect === "reload") {
        renderTimeline();
        renderProblems();
        $("alerts").replaceChildren();
        $("record-card").hidden = true;
        loadWidget(event.url);
      }
      break;
    default:
  }
});

// ---- Controls ------------------------------------------------------------------------------------

function act(fn) {
  try {
    return fn();
  } catch (error) {
    showAlert("info", error.message);
    return undefined;
  }
}

function fillRecords() {
  const typeIds = protocol.objectTypeIds;
  for (const record of DIRECTORY) {
    const call = el("button", { type: "button", className: "button small", textContent: "Call" });
    call.dataset.objectId = record.objectId;
    call.setAttribute("aria-label", `Call ${recordName(record)} (${record.phone})`);
    call.addEventListener("click", () => {
      $("dial-number").value = record.phone;
      act(() => core.dial(record.phone, { objectId: record.objectId, objectType: record.objectType, startCall: $("start-call").checked }));
    });
    $("records").append(el("li", {},
      el("span", { className: `avatar ${record.objectType.toLowerCase()}`, textContent: recordName(record).split(" ").map((w) => w[0]).join("").slice(0, 2), ariaHidden: "true" }),
      el("span", { className: "who" },
        el("strong", { textContent: recordName(record) }),
        el("span", { className: "muted", textContent: record.phone, title: `${record.objectType} ${typeIds[record.objectType]}/${record.objectId}` })),
      call));
  }
}

function fillSession() {
  const c = core.config;
  $("portal-id").value = c.portalId ?? "";
  $("user-id").value = c.userId ?? "";
  $("owner-id").value = c.ownerId ?? "";
  $("engagement-id").value = c.engagementId ?? "";
  $("iframe-location").value = c.iframeLocation;
  $("uses-calling-window").checked = Boolean(c.usesCallingWindow);
}

function wire() {
  $("widget-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const url = widgetUrlFrom($("widget-url").value.trim());
    if (url instanceof Error) return showAlert("info", url.message);
    core.configure({ widgetUrl: url });
    rememberInUrl();
    loadWidget(url);
  });
  $("reset").addEventListener("click", () => core.reset());
  $("dial-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(() => core.dial($("dial-number").value.trim(), { startCall: $("start-call").checked }));
  });
  for (const key of document.querySelectorAll(".keypad button")) {
    key.addEventListener("click", () => {
      const input = $("dial-number");
      input.value = key.dataset.key === "back" ? input.value.slice(0, -1) : input.value + key.dataset.key;
    });
  }
  $("end-call").addEventListener("click", () => act(() => core.endCall()));
  $("minimise").addEventListener("click", () => act(() => core.setVisibility({ isMinimized: true, isHidden: false })));
  $("hide").addEventListener("click", () => act(() => core.setVisibility({ isMinimized: false, isHidden: true })));
  $("show").addEventListener("click", () => act(() => core.setVisibility({ isMinimized: false, isHidden: false })));
  $("reopen").addEventListener("click", () => core.reveal());
  $("fail-create").addEventListener("change", (e) => core.failNextEngagementCreate(e.target.checked));
  $("fail-update").addEventListener("change", (e) => core.failNextEngagementUpdate(e.target.checked));
  $("session-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const read = (id) => {
      const text = $(id).value.trim();
      return text === "" ? "" : value(text);
    };
    core.configure({
      portalId: read("portal-id"), userId: read("user-id"), ownerId: read("owner-id"), engagementId: read("engagement-id"),
      iframeLocation: $("iframe-location").value, usesCallingWindow: $("uses-calling-window").checked,
    });
    rememberInUrl();
    loadWidget(core.config.widgetUrl);
  });
  for (const type of Object.keys(protocol.hostToWidget)) $("host-types").append(el("option", { value: type }));
  $("custom-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("custom-data").value.trim();
    let data;
    try {
      data = text === "" ? undefined : JSON.parse(text);
    } catch (error) {
      return showAlert("info", `data is not JSON: ${error.message}`);
    }
    return act(() => core.send($("custom-type").value.trim(), data));
  });
  $("filters").addEventListener("input", renderTimeline);
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("filters").addEventListener("reset", () => setTimeout(renderTimeline));
  $("export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(core.export(), null, 2)], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: `devkit-host-${new Date().toISOString().replace(/[:.]/g, "-")}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

// ---- window.devkitHost: the scripting interface (documented in the Host simulator guide) --------

window.devkitHost = Object.freeze({
  get ready() { return core.ready; },
  get messages() { return core.messages; },
  get problems() { return core.problems; },
  get timeline() { return core.timeline; },
  get calls() { return core.calls; },
  get config() { return { ...core.config }; },
  get widget() { return { ...core.widget }; },
  rules: RULES,
  dial: (number, options) => core.dial(number, options),
  endCall: () => core.endCall(),
  setVisibility: (visibility) => core.setVisibility(visibility),
  send: (type, data) => core.send(type, data),
  failNextEngagementCreate: (on = true) => core.failNextEngagementCreate(on),
  failNextEngagementUpdate: (on = true) => core.failNextEngagementUpdate(on),
  reset: () => core.reset(),
  load(url) {
    const resolved = widgetUrlFrom(url);
    if (resolved instanceof Error) throw resolved;
    core.configure({ widgetUrl: resolved });
    rememberInUrl();
    loadWidget(resolved);
  },
  export: () => core.export(),
  on: (listener) => core.on(listener),
});

fillRecords();
fillSession();
wire();
sizeFrame();
renderStatus();
countProblems();
countMessages();
if (initialUrl instanceof Error) {
  showAlert("info", `${initialUrl.message} Enter the widget's URL above.`);
} else {
  loadWidget(initialUrl);
}
