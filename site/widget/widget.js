// The DevKit demo widget: one button per message of the SDK's minimal demo, a log of every message,
// and answers to the host's events. It talks only through calling-extensions.js (the bridge).
//
// It runs in any of HubSpot's three places (onReady's iframeLocation): the classic call panel
// ("widget"), the calling window ("window") and the remote ("remote"). Exactly one instance reports
// calls to HubSpot: the calling window when usesCallingWindow is true, else the one instance there is.
// A remote beside a calling window reports nothing: it relays the user's actions to the window over a
// BroadcastChannel (same origin, so both frames share it) and mirrors the window's state.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const { Constants } = window.CallingExtensions;
  const params = new URLSearchParams(location.search);

  // What the widget believes; "Enforce button order" enables only the buttons that make sense now.
  const state = { ready: false, initialized: false, loggedIn: false, available: false, call: null };
  // Where this instance runs, and whether it reports calls or relays them (set by onReady).
  const place = { location: "widget", relays: false, link: null };
  // The buttons a relaying remote hands to the calling window; the others each instance sends itself.
  const RELAYED = ["log-in", "log-out", "available", "unavailable", "incoming-call", "outgoing-call", "call-answered",
    "call-ended", "call-completed", "call-transferred", "send-error"];

  function setStatus(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.title = text;
    status.dataset.state = kind;
    publish();
  }

  // engagementId as a number when it is one (HubSpot's ids are numbers), else as typed.
  function engagementId() {
    const text = $("engagement-id").value.trim();
    if (!text) return undefined;
    return /^\d+$/.test(text) ? Number(text) : text;
  }

  function newCallId() {
    return "devkit-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  function callId() {
    return $("external-call-id").value.trim();
  }

  // The message log: newest first, one line per message, click to see all of it.
  const MAX_ENTRIES = 200;
  const arrows = { in: "←", out: "→", dropped: "✕" };

  function brief(message) {
    const rest = Object.assign({}, message);
    delete rest.type;
    delete rest.messageId;
    const shown = "data" in rest && Object.keys(rest).length === 1 ? rest.data : rest;
    const text = shown === undefined ? "" : JSON.stringify(shown);
    return text === "{}" ? "" : text;
  }

  function addEntry(direction, message) {
    const item = document.createElement("li");
    item.className = direction;
    item.dataset.direction = direction;
    item.dataset.type = message.type;
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.title = { in: "from the host", out: "to the host", dropped: "not sent: no SYNC from the host yet" }[direction];
    for (const [cls, text] of [["dir", arrows[direction]], ["type", message.type], ["brief", brief(message)]]) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      summary.append(span);
    }
    const pre = document.createElement("pre");
    pre.textContent = JSON.stringify(message, null, 2);
    details.append(summary, pre);
    item.append(details);
    const log = $("log");
    log.prepend(item);
    while (log.children.length > MAX_ENTRIES) log.lastChild.remove();
  }

  // Buttons: id -> [what it does, when it makes sense (for "Enforce button order")].
  const inCall = (...states) => () => state.call !== null && states.includes(state.call.state);
  const actions = {
    "initialized": [initialize, () => state.ready && !state.initialized],
    "set-widget-url": [() => cti.setWidgetUrl({ iFrameUrl: $("widget-url").value.trim() }), () => state.initialized],
    "log-in": [() => { cti.userLoggedIn(); state.loggedIn = true; }, () => state.initialized && !state.loggedIn],
    "log-out": [() => { cti.userLoggedOut(); Object.assign(state, { loggedIn: false, available: false }); },
      () => state.loggedIn && !state.call],
    "available": [() => { cti.userAvailable(); state.available = true; }, () => state.loggedIn && !state.available],
    "unavailable": [() => { cti.userUnavailable(); state.available = false; }, () => state.available && !state.call],
    "incoming-call": [() => startCall("inbound"), () => state.available && !state.call],
    "outgoing-call": [() => startCall("outbound"), () => state.available && !state.call],
    "call-answered": [answerCall, inCall("ringing")],
    "call-ended": [endCall, inCall("ringing", "answered")],
    "call-completed": [completeCall, inCall("ended")],
    "call-transferred": [() => cti.callTransferred({ externalCallId: callId() }), inCall("answered")],
    "send-error": [() => cti.sendError({ message: $("error-message").value }), () => state.initialized],
    "resize-widget": [() => cti.resizeWidget(size()), () => state.initialized],
  };

  function refreshButtons() {
    const enforce = $("enforce-order").checked;
    for (const [id, [, allowed]] of Object.entries(actions)) $(id).disabled = enforce && !allowed();
  }

  // ---- The link between the remote and the calling window --------------------------------------

  // What the user types travels with a relayed action; the call's ids belong to the calling window,
  // which reports the call, and only travel back to the remote with its state.
  const INPUTS = ["phone-number", "from-number", "call-end-status", "notes", "error-message"];
  const FIELDS = [...INPUTS, "engagement-id", "external-call-id", "caller"];
  const readFields = (ids = FIELDS) => Object.fromEntries(ids.map((id) => [id, $(id).value]));
  const writeFields = (fields, ids = FIELDS) => {
    for (const id of ids) if (fields[id] !== undefined) $(id).value = fields[id];
  };
  const relay = (action) => place.link.postMessage({ kind: "action", action, fields: readFields(INPUTS) });

  // After onReady: a remote with a calling window relays; the calling window listens and answers.
  function openLink(data) {
    place.location = data.iframeLocation || "widget";
    // Without BroadcastChannel the remote cannot relay, so it reports calls itself rather than lose them.
    place.relays = place.location === "remote" && data.usesCallingWindow === true && typeof BroadcastChannel === "function";
    const role = $("role");
    role.hidden = place.location === "widget";
    role.textContent = place.relays ? "Remote: your clicks go to the calling window, which reports the call."
      : place.location === "window" ? "Calling window: this instance reports calls to HubSpot."
      : place.location === "remote" ? "Remote (no calling window): this instance reports calls to HubSpot." : "";
    if (place.link || typeof BroadcastChannel !== "function" || !data.usesCallingWindow || place.location === "widget") return;
    // One channel per HubSpot user and portal, so two sessions in one browser do not cross.
    place.link = new BroadcastChannel("devkit-demo-widget:" + data.portalId + ":" + data.userId);
    place.link.onmessage = (event) => (place.relays ? mirror(event.data) : obey(event.data));
    if (place.relays) place.link.postMessage({ kind: "hello" });
    else publish();
  }

  // The calling window tells the remote what it shows (after every change).
  function publish() {
    if (!place.link || place.relays) return;
    const status = $("status");
    place.link.postMessage({ kind: "state", state: JSON.parse(JSON.stringify(state)), fields: readFields(),
      status: { text: status.textContent, kind: status.dataset.state } });
  }

  // The remote shows the calling window's state as its own.
  function mirror(message) {
    if (!message || message.kind !== "state" || !message.state || !message.status) return;
    Object.assign(state, message.state, { ready: state.ready, initialized: state.initialized });
    writeFields(message.fields || {}, FIELDS.filter((id) => $(id) !== document.activeElement)); // not under the user's cursor
    const status = $("status");
    status.textContent = "Calling window: " + message.status.text;
    status.title = status.textContent;
    status.dataset.state = message.status.kind;
    refreshButtons();
  }

  // The calling window runs what the remote relays.
  function obey(message) {
    if (!message) return;
    if (message.kind === "hello") return publish();
    if (message.kind === "dial") return dialled(message.data);
    if (message.kind !== "action" || !RELAYED.includes(message.action)) return;
    writeFields(message.fields, INPUTS);
    actions[message.action][0]();
    refreshButtons();
    publish();
  }

  function size() {
    return { width: Number($("width").value), height: Number($("height").value) };
  }

  function initialize() {
    const payload = { isLoggedIn: state.loggedIn, isAvailable: state.available, sizeInfo: size() };
    if (engagementId() !== undefined) payload.engagementId = engagementId();
    cti.initialized(payload);
    state.initialized = state.ready;
  }

  function setCall(callState) {
    state.call.state = callState;
    setStatus((state.call.direction === "inbound" ? "Incoming call: " : "Call: ") + callState, "call");
  }

  function startCall(direction) {
    const externalCallId = newCallId();
    $("external-call-id").value = externalCallId;
    $("engagement-id").value = "";
    $("caller").value = "–";
    const number = $("phone-number").value.trim();
    const own = $("from-number").value.trim();
    const details = { externalCallId, callStartTime: Date.now(), createEngagement: true };
    if (direction === "outbound") cti.outgoingCall(Object.assign(details, { toNumber: number, fromNumber: own }));
    else cti.incomingCall(Object.assign(details, { fromNumber: number, toNumber: own }));
    state.call = { direction };
    setCall("ringing");
  }

  function answerCall() {
    cti.callAnswered({ externalCallId: callId() });
    setCall("answered");
  }

  function endCall() {
    const callEndStatus = $("call-end-status").value;
    cti.callEnded({ externalCallId: callId(), engagementId: engagementId(), callEndStatus });
    if (state.call) setCall("ended");
  }

  function completeCall() {
    cti.callCompleted({
      externalCallId: callId(),
      engagementId: engagementId(),
      hideWidget: false, // keep the demo on screen; HubSpot closes the widget when this is true
      engagementProperties: {
        hs_call_title: "DevKit demo call with " + $("phone-number").value.trim(),
        hs_call_body: $("notes").value,
      },
    });
    state.call = null;
    setStatus("Call completed", "ready");
  }

  // DIAL_NUMBER: the number the user clicked. The callee is data.calleeInfo; data.objectId is the record
  // the user is viewing (0 from the dialer), not necessarily the callee. startCall: place the call now.
  function dialled(data) {
    const number = data.phoneNumber || data.phone_number;
    if (number) $("phone-number").value = number;
    const callee = data.calleeInfo ? " (callee " + data.calleeInfo.calleeObjectTypeId + "/" + data.calleeInfo.calleeId + ")" : "";
    setStatus("Number from HubSpot: " + number + callee, state.call ? "call" : "ready");
    if (data.startCall === true && !state.call) startCall("outbound");
    refreshButtons();
  }

  // The host's events, as the SDK demo handles them.
  const eventHandlers = {
    onReady(data) {
      if (!data || !data.hostUrl) return; // the SDK calls onReady again with { iFrameUrl } after SET_WIDGET_URL
      state.ready = true;
      openLink(data);
      setStatus("Ready: " + data.hostUrl, "ready");
      if (data.engagementId) $("engagement-id").value = data.engagementId;
      if ($("auto-initialize").checked) initialize();
    },
    onDialNumber(data) {
      if (place.relays) {
        $("phone-number").value = data.phoneNumber || data.phone_number || "";
        place.link.postMessage({ kind: "dial", data });
        return;
      }
      dialled(data);
    },
    onCreateEngagementSucceeded(data) {
      if (data && data.engagementId !== undefined) $("engagement-id").value = data.engagementId;
      publish();
    },
    onEngagementCreated(data) {
      if (data && data.engagementId !== undefined) $("engagement-id").value = data.engagementId;
    },
    onEndCall() {
      if (place.relays) relay("call-ended");
      else if (state.call && state.call.state !== "ended") endCall();
    },
    onCallerIdMatchSucceeded(data) {
      const match = data && data.callerIdMatches && data.callerIdMatches[0];
      if (!match) {
        $("caller").value = "Unknown caller"; // no match is a successful lookup with an empty list
        publish();
        return;
      }
      const name = match.callerIdType === Constants.callerIdTypes.COMPANY
        ? match.name
        : [match.firstName, match.lastName].filter(Boolean).join(" ");
      $("caller").value = name || match.email || "Known caller";
      publish();
    },
    onCallerIdMatchFailed() {
      $("caller").value = "Caller ID lookup failed"; // HubSpot could not look the number up at all
      publish();
    },
    onUpdateEngagementSucceeded() {
      setStatus("Engagement updated", "ready");
    },
    onVisibilityChanged(data) {
      if (!data) return;
      setStatus(data.isHidden ? "Hidden" : data.isMinimized ? "Minimized" : "Shown", "ready");
    },
    FAILED(data, message) {
      setStatus(message.type + (data && data.error && data.error.message ? ": " + data.error.message : ""), "error");
    },
    defaultEventHandler() {
      // Every message is in the log already (see channel.tap below).
    },
  };

  const cti = new window.CallingExtensions({ debugMode: params.get("debug") !== "0", eventHandlers });
  if (cti.channel) {
    // DevKit-only: the bridge's channel shows every message on the wire (HubSpot's SDK has no such hook).
    cti.channel.tap = (direction, message) => {
      addEntry(direction, message);
      queueMicrotask(refreshButtons); // after the handler that caused or received it has run
    };
  }
  window.cti = cti; // for the console and for tests

  for (const [id, [run]] of Object.entries(actions)) {
    $(id).addEventListener("click", () => {
      if (place.relays && RELAYED.includes(id)) relay(id);
      else run();
      refreshButtons();
      publish();
    });
  }
  $("enforce-order").addEventListener("change", refreshButtons);
  $("clear-log").addEventListener("click", () => $("log").replaceChildren());
  $("widget-url").value = location.href;
  refreshButtons();
  if (window.parent === window) setStatus("Not in an iframe: no host", "error");
})();
