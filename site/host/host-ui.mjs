// host-ui.mjs: the host simulator's page. startPage() frames the widget the way HubSpot does (stage.mjs),
// runs the HostSimulator (host.mjs) against it, shows every message (timeline.mjs) and problem
// (problem-list.mjs) and the cards above the frames (cards.mjs), wires HubSpot's controls, copies the
// timeline as Mermaid (mermaid-export.mjs), and returns window.devkitHost (devkit-host.mjs).
// Nothing runs on import: main.mjs calls startPage().
import { Announcer } from "./announcer.mjs";
import { Cards } from "./cards.mjs";
import { createDevkitHost } from "./devkit-host.mjs";
import { DIRECTORY, initials, lookupNumber, recordName } from "./directory.mjs";
import { elementMaker } from "./dom.mjs";
import { HostSimulator } from "./host.mjs";
import { timelineAsMermaid } from "./mermaid-export.mjs";
import { ProblemList } from "./problem-list.mjs";
import { RULES } from "./rules.mjs";
import { configFromParams, paramsFromConfig } from "./session.mjs";
import { Stage } from "./stage.mjs";
import { TimelineView } from "./timeline.mjs";

/** The widgets the picker offers besides a URL of your own, relative to the simulator. */
export const WIDGETS = Object.freeze([
  { url: "../widget/", label: "Demo widget" },
  { url: "../blueprint/", label: "Blueprint widget" },
]);

/** An absolute http(s) URL for the widget, resolved against `base`; or an Error. */
export function widgetUrlFrom(text, base) {
  let url;
  try {
    url = new URL(text, base);
  } catch {
    return new Error(`"${text}" is not a URL.`);
  }
  if (!/^https?:$/.test(url.protocol)) return new Error(`The widget URL must be http(s); "${text}" is ${url.protocol}.`);
  return url.href;
}

/** Builds the page in `document` and starts the session of the page's URL; returns window.devkitHost. */
export function startPage({ window, document, protocol }) {
  const $ = (id) => document.getElementById(id);
  const el = elementMaker(document);
  const location = window.location;
  if (!protocol) {
    document.body.prepend(el("p", { className: "fatal", textContent: "../assets/calling-extensions.js did not load; the simulator needs it." }));
    throw new Error("CallingExtensions.protocol is missing");
  }

  const params = new URLSearchParams(location.search);
  const initialUrl = widgetUrlFrom(params.get("widget") || WIDGETS[0].url, location.href);
  const host = new HostSimulator({
    protocol,
    window,
    config: { ...configFromParams(params), widgetUrl: initialUrl instanceof Error ? "" : initialUrl },
  });
  const startedAt = Date.now();
  const stage = new Stage({ document, host });
  const timeline = new TimelineView({ document, host, startedAt });
  const problems = new ProblemList({ document, host, onShow: (seq) => timeline.reveal(seq) });
  const announcer = new Announcer($("announcer"));
  const cards = new Cards({ document, host });
  const showAlert = (level, message) => cards.alert(level, message);

  // ---- Frames and the session's URL --------------------------------------------------------------

  function layout() {
    stage.build();
    timeline.setLanes(host.frames);
    problems.setLanes(host.frames);
    $("frame-origin").textContent = host.frames.length > 1 ? `${host.frames.map((f) => f.label).join(" and ")} of one widget` : "";
  }

  function loadWidget(url) {
    $("widget-url").value = url;
    syncChoice(url);
    stage.load(url);
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
    window.history.replaceState(null, "", `${location.pathname}?${paramsFromConfig(host.config)}`);
  }

  function syncChoice(url) {
    const known = WIDGETS.find((w) => new URL(w.url, location.href).href === url);
    $("widget-choice").value = known ? known.url : "";
  }

  const page = {
    load(url) {
      const resolved = widgetUrlFrom(url, location.href);
      if (resolved instanceof Error) throw resolved;
      host.configure({ widgetUrl: resolved });
      rememberInUrl();
      loadWidget(resolved);
    },
    reload: () => host.reload(),
    configure(changes) {
      host.configure(changes);
      rememberInUrl();
      fillSession();
      loadWidget(host.config.widgetUrl);
    },
  };

  // ---- Status, call, alerts, records -------------------------------------------------------------

  function renderStatus() {
    const connection = $("connection");
    const waiting = host.frames.filter((f) => !f.ready);
    const failed = host.frames.some((f) => f.handshake && f.handshake.failed);
    let state = "waiting";
    let text = "Waiting for the widget";
    if (!waiting.length) {
      const { channel, widget } = host;
      state = "ready";
      text = `Connected · ${channel.origin.replace(/^https?:\/\//, "")}${widget.version ? ` · SDK ${widget.version}` : ""}`;
      connection.title = `HubSpot talks to ${channel.origin} (the iFrameUrl of SYNC_ACK)`;
    } else if (failed) {
      state = "failed";
      text = "No SYNC_ACK: handshake failed";
    } else if (host.frames.some((f) => f.handshake)) {
      text = host.frames.length > 1 ? `Waiting for SYNC_ACK from the ${waiting.map((f) => f.label.toLowerCase()).join(" and the ")}` : "Waiting for SYNC_ACK";
    }
    connection.dataset.state = state;
    connection.textContent = text;
    const widget = host.widget;
    for (const [id, on] of [["chip-initialized", widget.initialized], ["chip-logged-in", widget.loggedIn], ["chip-available", widget.available]]) {
      $(id).dataset.on = String(Boolean(on));
    }
    const ready = host.frame().ready;
    for (const id of ["dial-button", "end-call", "minimise", "hide", "show"]) $(id).disabled = !ready;
    for (const button of $("records").querySelectorAll("button")) button.disabled = !ready;
    $("custom-form").querySelector("button[type=submit]").disabled = !ready;
    for (const [id, name] of [["fail-create", "failNextEngagementCreate"], ["fail-update", "failNextEngagementUpdate"], ["fail-caller-id", "failNextCallerIdMatch"]]) {
      $(id).checked = host.switches[name];
    }
    $("end-session").disabled = host.ended;
    stage.status();
    cards.call();
  }

  // ---- The simulator's events --------------------------------------------------------------------

  host.on((event) => {
    if (event.kind === "message") {
      timeline.append(event.entry);
      timeline.counted();
      announcer.message(event.entry, (entry) => timeline.describe(entry));
    } else if (event.kind === "problem") {
      problems.append(event.problem);
      timeline.mark(host.timeline.find((e) => e.seq === event.problem.seq));
      announcer.problem(event.problem, RULES[event.problem.rule].title);
    } else if (event.kind === "state") {
      renderStatus();
    } else if (event.effect === "resize") {
      stage.resize(event.location, event.width, event.height);
    } else if (event.effect === "visibility") {
      stage.visibility(event);
    } else if (event.effect === "navigate") {
      loadWidget(event.url);
      rememberInUrl();
    } else if (event.effect === "record") {
      cards.record(event);
    } else if (event.effect === "alert") {
      showAlert(event.level, event.message);
    } else if (event.effect === "layout") {
      layout();
    } else if (event.effect === "reload") {
      if (event.reset) {
        timeline.render();
        problems.render();
        cards.clear();
      }
      loadWidget(event.url);
    }
  });

  // ---- Controls ----------------------------------------------------------------------------------

  function act(fn) {
    try {
      return fn();
    } catch (error) {
      showAlert("info", error.message);
      return undefined;
    }
  }

  // objectId of DIAL_NUMBER: the record the user is viewing ("record": the callee's own page).
  function viewing(number) {
    const from = $("dial-from").value;
    if (from === "none") return { objectId: 0 };
    if (from === "record") {
      const record = lookupNumber(number);
      return record ? { objectId: record.objectId, objectType: record.objectType } : { objectId: 0 };
    }
    return { objectId: Number(from) };
  }

  function dial(number) {
    act(() => host.dial(number, { ...viewing(number), startCall: $("start-call").checked }));
  }

  function fillRecords() {
    for (const record of DIRECTORY) {
      const call = el("button", { type: "button", className: "button small", textContent: "Call", dataset: { objectId: record.objectId },
        attrs: { "aria-label": `Call ${recordName(record)} (${record.phone})` } });
      call.addEventListener("click", () => {
        $("dial-number").value = record.phone;
        dial(record.phone);
      });
      $("records").append(el("li", {},
        el("span", { className: `avatar ${record.objectType.toLowerCase()}`, textContent: initials(record), attrs: { "aria-hidden": "true" } }),
        el("span", { className: "who" },
          el("strong", { textContent: recordName(record) }),
          el("span", { className: "muted", textContent: record.phone, title: `${record.objectType} ${protocol.objectTypeIds[record.objectType]}/${record.objectId}` })),
        call));
      if (record.objectType === "COMPANY") $("dial-from").append(el("option", { value: String(record.objectId), textContent: `${record.name}'s page` }));
    }
  }

  function fillSession() {
    const c = host.config;
    $("portal-id").value = c.portalId ?? "";
    $("user-id").value = c.userId ?? "";
    $("owner-id").value = c.ownerId ?? "";
    $("engagement-id").value = c.engagementId ?? "";
    $("uses-remote").checked = Boolean(c.usesRemote);
    $("uses-calling-window").checked = Boolean(c.usesCallingWindow);
    $("iframe-location").value = c.iframeLocation || "";
  }

  function readSession() {
    const read = (id) => {
      const text = $(id).value.trim();
      return text === "" ? "" : /^\d+$/.test(text) ? Number(text) : text;
    };
    return {
      portalId: read("portal-id"), userId: read("user-id"), ownerId: read("owner-id"), engagementId: read("engagement-id"),
      usesRemote: $("uses-remote").checked, usesCallingWindow: $("uses-calling-window").checked, iframeLocation: $("iframe-location").value,
    };
  }

  function wire() {
    for (const widget of WIDGETS) $("widget-choice").append(el("option", { value: widget.url, textContent: `${widget.label} (${widget.url.replace("../", "/")})` }));
    $("widget-choice").addEventListener("change", (event) => {
      if (event.target.value) act(() => page.load(event.target.value));
      else $("widget-url").focus();
    });
    $("widget-form").addEventListener("submit", (event) => {
      event.preventDefault();
      act(() => page.load($("widget-url").value.trim()));
    });
    $("reset").addEventListener("click", () => host.reset());
    $("reload").addEventListener("click", () => page.reload());
    $("end-session").addEventListener("click", () => host.endSession());
    $("dial-form").addEventListener("submit", (event) => {
      event.preventDefault();
      dial($("dial-number").value.trim());
    });
    for (const key of document.querySelectorAll(".keypad button")) {
      key.addEventListener("click", () => {
        const input = $("dial-number");
        input.value = key.dataset.key === "back" ? input.value.slice(0, -1) : input.value + key.dataset.key;
      });
    }
    $("end-call").addEventListener("click", () => act(() => host.endCall()));
    $("minimise").addEventListener("click", () => act(() => host.setVisibility({ isMinimized: true, isHidden: false })));
    $("hide").addEventListener("click", () => act(() => host.setVisibility({ isMinimized: false, isHidden: true })));
    $("show").addEventListener("click", () => act(() => host.setVisibility({ isMinimized: false, isHidden: false })));
    $("reopen").addEventListener("click", () => host.reveal());
    $("fail-create").addEventListener("change", (e) => host.failNextEngagementCreate(e.target.checked));
    $("fail-update").addEventListener("change", (e) => host.failNextEngagementUpdate(e.target.checked));
    $("fail-caller-id").addEventListener("change", (e) => host.failNextCallerIdMatch(e.target.checked));
    $("session-form").addEventListener("submit", (event) => {
      event.preventDefault();
      page.configure(readSession());
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
      return act(() => host.send($("custom-type").value.trim(), data));
    });
    timeline.wire();
    $("copy-mermaid").addEventListener("click", (event) => copyMermaid(event.currentTarget));
    $("mermaid-close").addEventListener("click", () => $("mermaid-dialog").close());
    $("export").addEventListener("click", () => {
      const blob = new window.Blob([JSON.stringify(host.export(), null, 2)], { type: "application/json" });
      const link = el("a", { href: window.URL.createObjectURL(blob), download: `devkit-host-${new Date().toISOString().replace(/[:.]/g, "-")}.json` });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => window.URL.revokeObjectURL(link.href), 1000);
    });
  }

  // The clipboard, or where it is refused a dialog with the text selected (as the guides' copy buttons do).
  async function copyMermaid(button) {
    const text = timelineAsMermaid(host);
    const count = host.messages.length === 1 ? "1 message" : `${host.messages.length} messages`;
    try {
      await window.navigator.clipboard.writeText(text);
      button.textContent = "Copied";
      window.setTimeout(() => (button.textContent = "Copy as Mermaid"), 1500);
      announcer.say(`Copied ${count} as Mermaid.`);
    } catch {
      const box = $("mermaid-text");
      box.value = text;
      if (!$("mermaid-dialog").open) $("mermaid-dialog").showModal();
      box.focus();
      box.select();
      announcer.say(`The clipboard is not available: ${count} as Mermaid are selected in a box. Press Control+C, or Command+C on a Mac, to copy them.`);
    }
  }

  fillRecords();
  fillSession();
  wire();
  layout();
  renderStatus();
  problems.counted();
  timeline.counted();
  if (initialUrl instanceof Error) {
    showAlert("info", `${initialUrl.message} Enter the widget's URL above.`);
  } else {
    loadWidget(initialUrl);
  }
  return createDevkitHost(host, page);
}
