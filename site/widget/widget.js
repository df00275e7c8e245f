// The DevKit demo widget: one button per message of the SDK's minimal demo, a log of every message,
// and answers to the host's events. It talks only through calling-extensions.js (the bridge).
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const { Constants } = window.CallingExtensions;
  const params = new URLSearchParams(location.search);

  // What the widget believes; "Enforce button order" enables only the buttons that make sense now.
  const state = { ready: false, initialized: false, loggedIn: false, available: false, call: null };

  function setStatus(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.title = text;
    status.dataset.state = kind;
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

  // The host's events, as the SDK demo handles them.
  const eventHandlers = {
    onReady(data) {
      state.ready = true;
      setStatus("Ready: " + (data.hostUrl || "host"), "ready");
      if (data.engagementId) $("engagement-id").value = data.engagementId;
      if ($("auto-initialize").checked) initialize();
    },
    onDialNumber(data) {
      if (data.phoneNumber) $("phone-number").value = data.phoneNumber;
      setStatus("Number from HubSpot: " + data.phoneNumber, state.call ? "call" : "ready");
    },
    onCreateEngagementSucceeded(data) {
      if (data && data.engagementId !== undefined) $("engagement-id").value = data.engagementId;
    },
    onEngagementCreated(data) {
      if (data && data.engagementId !== undefined) $("engagement-id").value = data.engagementId;
    },
    onEndCall() {
      if (state.call && state.call.state !== "ended") endCall();
    },
    onCallerIdMatchSucceeded(data) {
      const match = data && data.callerIdMatches && data.callerIdMatches[0];
      if (!match) return;
      const name = match.callerIdType === Constants.callerIdTypes.COMPANY
        ? match.name
        : [match.firstName, match.lastName].filter(Boolean).join(" ");
      $("caller").value = name || match.email || "Known caller";
    },
    onCallerIdMatchFailed() {
      $("caller").value = "Unknown caller";
    },
    onUpdateEngagementSucceeded() {
      setStatus("Engagement updated", "ready");
    },
    onVisibilityChanged(data) {
      if (data && (data.isHidden || data.isMinimized)) setStatus(data.isHidden ? "Hidden" : "Minimized", "ready");
    },
    FAILED(data, message) {
      setStatus(message.type + (data && data.error && data.error.message ? ": " + data.error.message : ""), "error");
    },
    defaultEventHandler() {
      // Every message is in the log already (see channel.tap below).
    },
  };

  const cti = new window.CallingExtensions({ debugMode: params.get("debug") !== "0", eventHandlers });
  cti.channel.tap = (direction, message) => {
    addEntry(direction, message);
    queueMicrotask(refreshButtons); // after the handler that caused or received it has run
  };
  window.cti = cti; // for the console and for tests

  for (const [id, [run]] of Object.entries(actions)) {
    $(id).addEventListener("click", () => {
      run();
      refreshButtons();
    });
  }
  $("enforce-order").addEventListener("change", refreshButtons);
  $("clear-log").addEventListener("click", () => $("log").replaceChildren());
  $("widget-url").value = location.href;
  refreshButtons();
  if (window.parent === window) setStatus("Not in an iframe: no host", "error");
})();
