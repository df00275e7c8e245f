/* Calling DevKit bridge (MIT): the widget side of @hubspot/calling-extensions-sdk 0.9.6, same API
 * and wire, plus "[calling-extensions]" warnings. .protocol is the shared core; see content/bridge.md. */
(function () {
"use strict";

const PREFIX = "[calling-extensions]";
const VERSION = "0.9.6";
const warn = (text) => console.warn(PREFIX, text + " Sent anyway.");
const isObject = (v) => v !== null && typeof v === "object";
const missing = (v) => v === undefined || v === null || v === "";
const words = (s) => (s ? s.split(" ") : []);
const keys = (s) => Object.fromEntries(words(s).map((n) => [n, n])); // "A B" -> { A: "A", B: "B" }

// Host -> widget types. The handler name follows from the type: DIAL_NUMBER -> onDialNumber.
const hostTypes = [
  "DIAL_NUMBER", "ENGAGEMENT_CREATED",
  ...words("CREATE_ENGAGEMENT UPDATE_ENGAGEMENT FINALIZE_ENGAGEMENT PUBLISH_TO_CHANNEL CALLER_ID_MATCH INITIATE_CALL_ID")
    .flatMap((t) => [t + "_SUCCEEDED", t + "_FAILED"]),
  ...words("NAVIGATE_TO_RECORD_FAILED SET_WIDGET_URL_FAILED VISIBILITY_CHANGED END_CALL SET_CALL_STATE READY FAILED"),
];
const hostToWidget = Object.fromEntries(
  hostTypes.map((t) => [t, "on" + t.toLowerCase().replace(/(?:^|_)(\w)/g, (_, c) => c.toUpperCase())]),
);
const handlerNames = Object.values(hostToWidget);

const statuses = words("COMPLETED FAILED CANCELED BUSY NO_ANSWER REJECTED MISSED");
const size = (s) => ![s.width, s.height].every((n) => typeof n === "number" && n > 0) &&
  "width and height must be numbers of pixels, e.g. { width: 400, height: 600 }.";

// Widget -> host, one row per method: [type, fields it needs, check returning a problem or false].
// Without fields the message has no data; with null fields the data is free-form.
const methods = {
  initialized: ["INITIALIZED", "", (p) => isObject(p.sizeInfo) && size(p.sizeInfo)],
  userLoggedIn: ["LOGGED_IN"],
  userLoggedOut: ["LOGGED_OUT"],
  userAvailable: ["USER_AVAILABLE"],
  userUnavailable: ["USER_UNAVAILABLE"],
  incomingCall: ["INCOMING_CALL", "externalCallId fromNumber"],
  outgoingCall: ["OUTGOING_CALL_STARTED", "externalCallId",
    (p) => missing(p.toNumber) && missing(p.phoneNumber) && "toNumber (the number dialled) is missing."],
  callAnswered: ["CALL_ANSWERED", "externalCallId"],
  callTransferred: ["CALL_TRANSFERRED", "externalCallId"],
  callData: ["CALL_DATA", null],
  callEnded: ["CALL_ENDED", "externalCallId", (p) => !statuses.includes(p.callEndStatus) &&
    "callEndStatus " + JSON.stringify(p.callEndStatus) + " is unknown; use Constants.callEndStatus."],
  callCompleted: ["CALL_COMPLETED", "externalCallId"],
  finalizeEngagement: ["FINALIZE_ENGAGEMENT", "externalCallId"],
  publishToChannel: ["PUBLISH_TO_CHANNEL", "externalCallId", () => "it is deprecated; use finalizeEngagement()."],
  navigateToRecord: ["NAVIGATE_TO_RECORD", "objectCoordinates", ({ objectCoordinates: c }) =>
    !(isObject(c) && /^0-[12]$/.test(c.objectTypeId) && !missing(c.objectId)) &&
    'objectCoordinates needs objectId and objectTypeId "0-1" (contact) or "0-2" (company).'],
  sendError: ["ERROR", "", (p) => typeof p.message !== "string" && "message (shown to the user) must be a string."],
  resizeWidget: ["RESIZE_WIDGET", "", size],
  setWidgetUrl: ["SET_WIDGET_URL", "",
    (p) => !/^https?:\/\//.test(p.iFrameUrl) && "iFrameUrl must be an absolute http(s) URL."],
};
const widgetToHost = Object.fromEntries(Object.entries(methods).map(([m, [type]]) => [m, type]));

const Constants = {
  VERSION,
  messageType: keys([...hostTypes, ...Object.values(widgetToHost)].join(" ") +
    " SYNC SYNC_ACK SYNC_ACK_FAILED UNLOADING UNKNOWN_MESSAGE_TYPE"),
  messageHandlerNames: hostToWidget,
  errorType: keys("UNKNOWN_MESSAGE_TYPE GENERIC"),
  debugMessageType: { FROM_HUBSPOT: "From HubSpot", TO_HUBSPOT: "To HubSpot", GENERIC_MESSAGE: "Generic Message" },
  callEndStatus: Object.fromEntries(statuses.map((s) => ["INTERNAL_" + s, s])),
  callerIdTypes: keys("CONTACT COMPANY"),
  objectTypes: keys("CONTACT COMPANY"),
  objectTypeIds: { CONTACT: "0-1", COMPANY: "0-2" },
  iframeLocations: { WIDGET: "widget", REMOTE: "remote", WINDOW: "window" },
};
const T = Constants.messageType;

// "https://a.example:8443/x?y" -> "https://a.example:8443"; "" if it is no URL.
function originOf(url, base) {
  try {
    const u = new URL(url, base);
    return u.protocol + "//" + u.host;
  } catch (_) {
    return "";
  }
}

/** One postMessage link between two windows (see the header comment). */
class Channel {
  constructor(options) {
    const defaults = { window: globalThis.window, labels: ["To HubSpot", "From HubSpot"], ready: false, tap: null };
    Object.assign(this, defaults, options, { instanceId: Date.now(), callbacks: {} });
    this.listener = (event) => this.receive(event);
    this.window.addEventListener("message", this.listener);
  }

  newMessageId() {
    return this.instanceId + "_" + Date.now();
  }

  send(message, reply) {
    if (message.type !== T.SYNC && !this.ready) {
      console.warn(PREFIX, "iFrame not initialized to send a message within HubSpot: " + message.type +
        " not sent; send after onReady.", message);
      if (this.tap) this.tap("dropped", message);
      return undefined;
    }
    let messageId = message.messageId;
    if (!messageId) {
      messageId = this.newMessageId();
      if (reply) this.callbacks[messageId] = reply;
    }
    const sent = Object.assign({}, message, { messageId });
    this.log(this.labels[0], message.type, message);
    if (this.tap) this.tap("out", sent);
    this.target.postMessage(sent, this.origin); // never "*"
    return sent;
  }

  receive(event) {
    const message = event.data;
    if (!isObject(message)) return;
    // SYNC is accepted from any origin: it is how the host's origin arrives.
    if (message.type === T.SYNC) return this.onSync && this.onSync(message, event);
    const dropped = event.origin !== this.origin || !message.type || !message.messageId;
    if (dropped) return this.onDrop && this.onDrop(message, event);
    this.log(this.labels[1], message.type, message);
    if (this.tap) this.tap("in", message);
    if (String(message.messageId).startsWith(this.instanceId)) {
      // An answer to our own message: its callback only, never the event handlers.
      const reply = this.callbacks[message.messageId];
      delete this.callbacks[message.messageId];
      return reply && reply(message);
    }
    if (this.onMessage) this.onMessage(message, event);
  }

  log(...args) { // as the SDK's logDebugMessage
    console[this.debugMode ? "log" : "debug"](PREFIX, ...args);
  }

  close() {
    this.window.removeEventListener("message", this.listener);
  }
}
Channel.originOf = originOf;

/** The widget side: new CallingExtensions({ debugMode, eventHandlers }). */
class CallingExtensions {
  constructor(options) {
    if (!options || !options.eventHandlers) throw new Error("Invalid options or missing eventHandlers.");
    this.options = options;
    for (const name of Object.keys(options.eventHandlers)) {
      if (!handlerNames.includes(name) && name !== "FAILED" && name !== "defaultEventHandler") {
        console.warn(PREFIX, "eventHandlers." + name + " is never called; check the name (e.g. onDialNumber).");
      }
    }
    const win = globalThis.window;
    this.channel = new Channel({
      window: win,
      target: win.parent,
      // Until SYNC brings hostUrl, the host is whoever loaded this page.
      origin: originOf(win.document.referrer, win.location.href),
      debugMode: options.debugMode,
      onMessage: (message) => this.handle(message),
      onSync: (message, event) => this.sync(message, event),
    });
  }

  // Answers the first SYNC only, with the SYNC itself turned into a SYNC_ACK; then READY.
  sync(m, event) {
    const ch = this.channel;
    if (ch.ready) return;
    ch.ready = true;
    const hostUrl = m.hostUrl;
    if (hostUrl) ch.origin = originOf(hostUrl);
    if (ch.origin !== event.origin) {
      const text = "SYNC from " + event.origin + " has hostUrl " + hostUrl + "; messages go to " + ch.origin + ".";
      console.warn(PREFIX, text);
    }
    ch.log(ch.labels[1], m.type, m);
    if (ch.tap) ch.tap("in", m);
    const iFrameUrl = originOf(ch.window.location.href);
    const { debugMode } = this.options;
    ch.send(Object.assign({}, m, { type: T.SYNC_ACK, debugMode, version: VERSION, iFrameUrl }));
    const { engagementId, portalId, userId, ownerId, iframeLocation, usesCallingWindow } = m;
    this.handle({
      type: T.READY,
      data: { engagementId, portalId, userId, ownerId, iframeLocation, usesCallingWindow, hostUrl },
    });
  }

  // Gives one host message to eventHandlers the way the SDK does.
  handle(message) {
    const { type, data } = message;
    const handlers = this.options.eventHandlers;
    const call = (name) => {
      try {
        handlers[name](data, message);
      } catch (error) {
        console.error(PREFIX, "eventHandlers." + name + " threw on " + type + ":", error);
      }
    };
    if (type === T.SET_WIDGET_URL) {
      const url = message.iFrameUrl || (isObject(data) && data.iFrameUrl);
      if (url) this.channel.origin = originOf(url);
      return;
    }
    if (/_FAILED$/.test(type) && typeof handlers.FAILED === "function") call("FAILED");
    const known = Object.prototype.hasOwnProperty.call(hostToWidget, type);
    if (!known) {
      this.sendMessage({ type: T.ERROR, data: { type: T.UNKNOWN_MESSAGE_TYPE, data: { originalMessage: message } } });
    }
    const name = known && handlers[hostToWidget[type]] ? hostToWidget[type] : "defaultEventHandler";
    if (handlers[name]) call(name);
    else console.error(PREFIX, "No event handler is available to handle message of type: " + type);
  }

  logDebugMessage({ message, type = Constants.debugMessageType.GENERIC_MESSAGE } = {}) {
    this.channel.log(type, message);
  }

  sendMessage(message) {
    if (!isObject(message) || !message.type) {
      console.warn(PREFIX, 'sendMessage() needs an object with a type, e.g. { type: "CALL_DATA", data }.');
      if (!isObject(message)) return;
    }
    this.channel.send(message);
  }
}

// The methods of the table above: check the payload, warn, send what the SDK sends.
for (const [method, [type, fields, problem]] of Object.entries(methods)) {
  CallingExtensions.prototype[method] = function (payload) {
    if (fields === undefined) return this.sendMessage({ type });
    const skip = fields === null || (method === "initialized" && payload === undefined);
    if (!skip && !isObject(payload)) warn(method + "() expects an object, got " + typeof payload + ".");
    else if (!skip) {
      for (const f of words(fields)) {
        if (missing(payload[f])) warn(method + "(): " + f + " is missing; add it to the payload.");
      }
      const text = problem && problem(payload);
      if (text) warn(method + "(): " + text);
    }
    // initialized sends a copy (so no payload means {}); the others send the payload as given.
    this.sendMessage({ type, data: method === "initialized" ? Object.assign({}, payload) : payload });
  };
}

CallingExtensions.Constants = Constants;
CallingExtensions.Channel = Channel;
// DevKit-only: the protocol core the host simulator shares (not part of the SDK's API).
CallingExtensions.protocol = {
  Channel, Constants, hostToWidget, widgetToHost,
  callEndStatuses: statuses, // all seven, REJECTED and MISSED included (the SDK has no constant for those two)
  objectTypeIds: { CONTACT: "0-1", COMPANY: "0-2" },
  iframeLocations: { WIDGET: "widget", REMOTE: "remote", WINDOW: "window" },
};

globalThis.CallingExtensions = CallingExtensions;
if (typeof module === "object" && module && module.exports) module.exports = CallingExtensions;
})();
