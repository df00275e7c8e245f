/* Calling DevKit bridge (MIT): a dependency-free drop-in for @hubspot/calling-extensions-sdk 0.9.6.
 *
 * The same API and the same messages on the wire as the SDK, both sides of it:
 *   CallingExtensions  the widget side (your calling app): methods that report to HubSpot, and
 *                      eventHandlers that HubSpot's messages reach;
 *   IFrameManager      the window link the SDK builds on: in host mode it frames a widget and runs
 *                      the SYNC handshake, as HubSpot does; in widget mode it answers that handshake;
 *   Constants          the SDK's Constants export, key for key.
 * Loaded as a classic script it defines the globals the SDK's CDN bundle defines (default,
 * Constants, IFrameManager) and window.CallingExtensions; under CommonJS it sets module.exports
 * like the SDK's package; calling-extensions.mjs is its ES-module face.
 * DevKit-only, not in the SDK: console warnings prefixed "[calling-extensions]", and the protocol
 * core the host simulator shares (CallingExtensions.protocol, CallingExtensions.Channel).
 * The protocol itself is described in content/reference/ (widget-messages.md, host-events.md). */
(function (loadedAs) {
"use strict";

const PREFIX = "[calling-extensions]";
const VERSION = "0.9.6";

const isObject = (value) => value !== null && typeof value === "object";
const isMissing = (value) => value === undefined || value === null || value === "";
const eachMappedToItself = (names) => Object.fromEntries(names.map((name) => [name, name]));
/** Runs fn(); what it throws (a handler of the page, a message String() cannot read) is logged, not thrown at the page. */
const logged = (fn) => {
  try {
    fn();
  } catch (error) {
    console.error(PREFIX, error);
  }
};

// ---- The message types, both directions --------------------------------------------------------

/** What the widget reports to HubSpot (the SDK's thirdPartyToHostEvents). */
const WIDGET_TO_HOST_TYPES = [
  "CALL_ANSWERED", "CALL_COMPLETED", "CALL_DATA", "CALL_ENDED", "CALL_TRANSFERRED", "INCOMING_CALL",
  "INITIALIZED", "LOGGED_IN", "LOGGED_OUT", "NAVIGATE_TO_RECORD", "OUTGOING_CALL_STARTED",
  "PUBLISH_TO_CHANNEL", "RESIZE_WIDGET", "USER_AVAILABLE", "USER_UNAVAILABLE", "FINALIZE_ENGAGEMENT",
];

/** What HubSpot tells the widget; each has an event handler named after it. */
const HOST_TO_WIDGET_TYPES = [
  "DIAL_NUMBER", "ENGAGEMENT_CREATED",
  ...["CREATE_ENGAGEMENT", "UPDATE_ENGAGEMENT", "FINALIZE_ENGAGEMENT", "PUBLISH_TO_CHANNEL", "CALLER_ID_MATCH",
    "INITIATE_CALL_ID"].flatMap((request) => [request + "_SUCCEEDED", request + "_FAILED"]),
  "NAVIGATE_TO_RECORD_FAILED", "SET_WIDGET_URL_FAILED", "VISIBILITY_CHANGED",
];

/** Types of either side, or of the handshake. */
const SHARED_TYPES = [
  "END_CALL", "ERROR", "READY", "SET_CALL_STATE", "SET_WIDGET_URL", "SYNC_ACK_FAILED", "SYNC_ACK", "SYNC",
  "UNLOADING", "FAILED",
];

/** DIAL_NUMBER -> "onDialNumber". */
const handlerNameOf = (type) =>
  "on" + type.toLowerCase().replace(/(?:^|_)([a-z])/g, (_, letter) => letter.toUpperCase());

/** Host message type -> the eventHandlers key that receives it. */
const HANDLER_NAMES = Object.fromEntries(
  [...HOST_TO_WIDGET_TYPES, "END_CALL", "SET_CALL_STATE", "READY", "FAILED"].map((type) => [type, handlerNameOf(type)]),
);

/** Every callEndStatus value HubSpot accepts; the SDK has constants for the first five only. */
const CALL_END_STATUSES = ["COMPLETED", "FAILED", "CANCELED", "BUSY", "NO_ANSWER", "REJECTED", "MISSED"];

/** The SDK's call statuses: INTERNAL_CONNECTING -> "CONNECTING", and so on. */
const statusesNamed = (...values) => Object.fromEntries(values.map((value) => ["INTERNAL_" + value, value]));
const callStatus = statusesNamed("CONNECTING", "CALLING_CRM_USER", "IN_PROGRESS", "CANCELED", "FAILED", "BUSY",
  "NO_ANSWER", "COMPLETED", "ENDING", "QUEUED", "RINGING");

/** The SDK's Constants export, exactly: nothing more, nothing less. */
const Constants = {
  VERSION,
  debugMessageType: { FROM_HUBSPOT: "From HubSpot", TO_HUBSPOT: "To HubSpot", GENERIC_MESSAGE: "Generic Message" },
  thirdPartyToHostEvents: eachMappedToItself(WIDGET_TO_HOST_TYPES),
  messageType: eachMappedToItself([...WIDGET_TO_HOST_TYPES, ...HOST_TO_WIDGET_TYPES, ...SHARED_TYPES]),
  messageHandlerNames: HANDLER_NAMES,
  errorType: { UNKNOWN_MESSAGE_TYPE: "UNKNOWN_MESSAGE_TYPE" },
  callStatus,
  callRingingStatus: statusesNamed("QUEUED", "RINGING", "CONNECTING", "CALLING_CRM_USER"),
  callInProgressStatus: statusesNamed("IN_PROGRESS"),
  callEndingStatus: statusesNamed("ENDING"),
  callEndStatus: statusesNamed("COMPLETED", "FAILED", "CANCELED", "BUSY", "NO_ANSWER"),
  CONTACT: "CONTACT",
  COMPANY: "COMPANY",
  callerIdTypes: { CONTACT: "CONTACT", COMPANY: "COMPANY" },
};
const TYPE = Constants.messageType;

// ---- Channel: one postMessage link between two windows -----------------------------------------

/** "https://a.example:8443/x?y" -> "https://a.example:8443"; "" when it is no URL. */
function originOf(url, base) {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol + "//" + parsed.host;
  } catch (_) {
    return "";
  }
}

/**
 * Message ids "<instanceId>_<Date.now()>" (each its own), reply callbacks, and origins: posts go to `origin`
 * exactly (never "*"), and only messages from `origin` with a type and a messageId come in.
 * Options: window, target (the other window), origin, debugMode, labels ([out, in] for logs),
 * ready (false: only SYNC may be sent), onMessage, onSync (SYNC from `target`, of any origin), onDrop,
 * tap (sees every message: "out", "in", "dropped").
 */
class Channel {
  constructor(options) {
    const defaults = { window: globalThis.window, labels: ["To HubSpot", "From HubSpot"], ready: false };
    Object.assign(this, defaults, options, { instanceId: Date.now(), callbacks: {} });
    this.lastStamp = this.instanceId;
    this.listener = (event) => logged(() => this.receive(event));
    this.window.addEventListener("message", this.listener);
  }

  /** "<instanceId>_<Date.now()>", one more than the last stamp when the clock has not moved on. */
  newMessageId() {
    return this.instanceId + "_" + (this.lastStamp = Math.max(Date.now(), this.lastStamp + 1));
  }

  /** Posts `message` with a new messageId (kept when it has one); `reply` gets the answer. */
  send(message, reply) {
    if (message.type !== TYPE.SYNC && !this.ready) {
      console.warn(PREFIX, "iFrame not initialized to send a message within HubSpot:", message.type,
        "not sent; send after onReady.", message);
      if (this.tap) this.tap("dropped", message);
      return undefined;
    }
    const messageId = message.messageId || this.newMessageId();
    const sent = Object.assign({}, message, { messageId });
    this.log(this.labels[0], message.type, message);
    if (this.tap) this.tap("out", sent);
    if (this.target) this.target.postMessage(sent, this.origin);
    if (reply && !message.messageId) {
      // Kept once posted: a post that threw awaits nothing. A full table is forgotten (those replies are long overdue).
      if (Object.keys(this.callbacks).length >= MAX_PENDING_REPLIES) this.callbacks = {};
      this.callbacks[messageId] = reply;
    }
    return sent;
  }

  receive(event) {
    const message = event.data;
    if (!isObject(message)) return; // other scripts on the page post strings and more
    if (message.type === TYPE.SYNC) {
      // From any origin (it brings hostUrl), but only from the window at the other end: another frame
      // of the host's page, or a window this page opened, cannot name itself the host.
      if (this.onSync && event.source === this.target) this.onSync(message, event);
      return;
    }
    if (event.origin !== this.origin || !message.type || !message.messageId) {
      if (this.onDrop) this.onDrop(message, event);
      return;
    }
    this.log(this.labels[1], message.type, message);
    if (this.tap) this.tap("in", message);
    if (String(message.messageId).startsWith(String(this.instanceId))) {
      // An answer to one of our own messages: its callback only, never the event handlers.
      const reply = this.callbacks[message.messageId];
      delete this.callbacks[message.messageId];
      if (reply) reply(message);
      return;
    }
    if (this.onMessage) this.onMessage(message, event);
  }

  /** Logs like the SDK's logDebugMessage: console.log in debugMode, console.debug otherwise. */
  log(...args) {
    console[this.debugMode ? "log" : "debug"](PREFIX, ...args);
  }

  close() {
    this.window.removeEventListener("message", this.listener);
  }
}
Channel.originOf = originOf;
/** Replies one Channel awaits at once, at most: more than the 300 SYNCs of one 30-second handshake. */
const MAX_PENDING_REPLIES = 500;

// ---- IFrameManager: the handshake on both sides ------------------------------------------------

const SYNC_INTERVAL_MS = 100;
const SYNC_TIMEOUT_MS = 30000;
const REQUIRED_IFRAME_OPTIONS = ["src", "width", "height", "hostElementSelector"];
/** The SYNC fields the widget's onReady gets. */
const READY_FIELDS = ["engagementId", "portalId", "userId", "ownerId", "iframeLocation", "usesCallingWindow", "hostUrl"];

/**
 * new IFrameManager({ iFrameOptions: { src, width, height, hostElementSelector }, onMessageHandler, debugMode })
 * frames a widget (host mode); without iFrameOptions it is the widget's end of the link. Either way
 * onMessageHandler(message) gets every message that is not a reply, plus READY when the other side
 * is there (and again, with { iFrameUrl }, after SET_WIDGET_URL).
 */
class IFrameManager {
  constructor(options) {
    const { iFrameOptions, onMessageHandler, debugMode } = options || {};
    if (typeof onMessageHandler !== "function") throw new Error("Invalid options: onMessageHandler is not defined");
    this.options = options;
    this.onMessageHandler = onMessageHandler;
    this.debugMode = debugMode;
    this.isIFrameHost = !!iFrameOptions;
    this.syncRound = 0; // a new round on every load of the frame
    const win = globalThis.window;
    const link = { window: win, debugMode, onMessage: (message) => this.receive(message) };
    if (this.isIFrameHost) {
      this.iFrame = IFrameManager.createIFrame(iFrameOptions, win.document);
      this.channel = new Channel(Object.assign(link, {
        target: this.iFrame.contentWindow,
        origin: originOf(iFrameOptions.src, win.location.href),
        labels: ["To the widget", "From the widget"],
      }));
      // Every load of the frame, a reload of the widget included, starts a new handshake.
      this.iFrame.addEventListener("load", () => this.startSync());
      this.iFrame.addEventListener("error", () => logged(() => this.onMessageHandler({ type: TYPE.SYNC_ACK_FAILED })));
    } else {
      this.iFrame = null;
      this.channel = new Channel(Object.assign(link, {
        target: win.parent,
        // Until SYNC brings hostUrl, the host is whoever loaded this page (nobody, without a referrer).
        origin: originOf(win.document.referrer),
        onSync: (message, event) => this.answerSync(message, event),
      }));
    }
  }

  /** Creates the widget's iframe inside the element `hostElementSelector` names, replacing its content. */
  static createIFrame(iFrameOptions, document) {
    const missing = REQUIRED_IFRAME_OPTIONS.filter((name) => !iFrameOptions[name]);
    if (missing.length) throw new Error("iFrameOptions is missing " + missing.join(", ") + ".");
    const host = document.querySelector(iFrameOptions.hostElementSelector);
    if (!host) throw new Error("hostElement not found. Selector - " + iFrameOptions.hostElementSelector);
    const iFrame = document.createElement("iframe");
    iFrame.src = iFrameOptions.src;
    iFrame.width = iFrameOptions.width;
    iFrame.height = iFrameOptions.height;
    iFrame.allow = "microphone; autoplay";
    iFrame.id = "hubspot-calling-extension-iframe";
    host.replaceChildren(iFrame);
    return iFrame;
  }

  get isReady() {
    return this.channel.ready;
  }

  /** Posts `message` (a messageId is added); `callback` gets the other side's reply. */
  sendMessage(message, callback) {
    return this.channel.send(message, callback);
  }

  /** Host mode: SYNC now and every 100 ms until SYNC_ACK; SYNC_ACK_FAILED after 30 s. */
  startSync() {
    const win = this.channel.window;
    const round = ++this.syncRound;
    const startedAt = Date.now();
    this.channel.ready = false;
    this.forgetSyncs();
    const sendSync = () => {
      if (round !== this.syncRound || !this.iFrame || this.channel.ready) return;
      if (Date.now() - startedAt > SYNC_TIMEOUT_MS) {
        logged(() => this.onMessageHandler({ type: TYPE.SYNC_ACK_FAILED }));
        return;
      }
      // A new round forgets the last one's SYNCs, so a late answer to the page before a reload finds no callback.
      const sync = this.channel.send({ type: TYPE.SYNC, hostUrl: originOf(win.location.href) }, (reply) => this.syncAcknowledged(reply));
      this.syncIds.push(sync.messageId);
      win.setTimeout(sendSync, SYNC_INTERVAL_MS);
    };
    sendSync();
  }

  /** Drops the reply callbacks of the SYNCs sent so far: one answer is enough. */
  forgetSyncs() {
    for (const id of this.syncIds || []) delete this.channel.callbacks[id];
    this.syncIds = [];
  }

  syncAcknowledged(reply) {
    this.forgetSyncs();
    this.channel.origin = originOf(reply.iFrameUrl) || this.channel.origin; // no URL: the destination stays
    this.channel.ready = true;
    this.debugMode = this.channel.debugMode = reply.debugMode;
    this.onMessageHandler({ type: TYPE.READY, data: {} });
  }

  /** Widget mode: the first SYNC (from window.parent) only, answered with itself turned into a SYNC_ACK; then READY. */
  answerSync(sync, event) {
    const channel = this.channel;
    const hostUrl = sync.hostUrl;
    const origin = hostUrl ? originOf(hostUrl) : channel.origin;
    if (channel.ready) return;
    if (!origin) {
      console.warn(PREFIX, "SYNC without hostUrl ignored.");
      return;
    }
    channel.ready = true;
    channel.origin = origin;
    if (channel.origin !== event.origin) {
      console.warn(PREFIX, "SYNC from " + event.origin + " has hostUrl " + hostUrl + "; messages go to " + channel.origin + ".");
    }
    channel.log(channel.labels[1], sync.type, sync);
    if (channel.tap) channel.tap("in", sync);
    channel.send(Object.assign({}, sync, {
      type: TYPE.SYNC_ACK,
      debugMode: this.debugMode,
      version: VERSION,
      iFrameUrl: originOf(channel.window.location.href),
    }));
    this.onMessageHandler({ type: TYPE.READY, data: Object.fromEntries(READY_FIELDS.map((field) => [field, sync[field]])) });
  }

  receive(message) {
    if (message.type === TYPE.SET_WIDGET_URL) {
      // Either side: later messages go to the new URL's origin, and READY comes again.
      const iFrameUrl = message.iFrameUrl;
      this.channel.origin = originOf(iFrameUrl) || this.channel.origin; // no URL: the destination stays
      this.onMessageHandler({ type: TYPE.READY, data: { iFrameUrl } });
      return;
    }
    this.onMessageHandler(message);
  }

  /** Sets the frame's size; numbers are pixels. */
  updateIFrameSize({ width, height } = {}) {
    const css = (size) => (typeof size === "number" ? size + "px" : size);
    if (!this.iFrame) return;
    if (width) this.iFrame.setAttribute("width", css(width));
    if (height) this.iFrame.setAttribute("height", css(height));
  }

  /** Stops listening, and in host mode removes the frame. */
  remove() {
    this.channel.close();
    this.channel.ready = false;
    if (this.iFrame) {
      this.iFrame.remove();
      this.iFrame = null;
    }
  }
}

// ---- CallingExtensions: the widget side --------------------------------------------------------

const SEND_MESSAGE_USAGE = 'sendMessage() needs an object with a type, e.g. { type: "CALL_DATA", data }';
const warnSentAnyway = (text) => console.warn(PREFIX, text + " Sent anyway.");
const sizeProblem = (size) =>
  !(typeof size.width === "number" && size.width > 0 && typeof size.height === "number" && size.height > 0) &&
  "width and height must be numbers of pixels, e.g. { width: 400, height: 600 }.";

/**
 * The SDK's methods: the message type each sends and how its payload travels.
 *   payload "none": the message has no data;  "any": data is the payload, whatever it is;  no
 *   payload key: data is the payload, which should be an object with the `required` fields.
 *   check(payload): a problem worth a warning, or false.
 */
const METHODS = {
  initialized: { type: "INITIALIZED", optional: true,
    check: (p) => isObject(p.sizeInfo) && sizeProblem(p.sizeInfo) },
  userLoggedIn: { type: "LOGGED_IN", payload: "none" },
  userLoggedOut: { type: "LOGGED_OUT", payload: "none" },
  userAvailable: { type: "USER_AVAILABLE", payload: "none" },
  userUnavailable: { type: "USER_UNAVAILABLE", payload: "none" },
  incomingCall: { type: "INCOMING_CALL", required: ["externalCallId", "fromNumber"] },
  outgoingCall: { type: "OUTGOING_CALL_STARTED", required: ["externalCallId"],
    check: (p) => isMissing(p.toNumber) && isMissing(p.phoneNumber) && "toNumber (the number dialled) is missing." },
  callAnswered: { type: "CALL_ANSWERED", required: ["externalCallId"] },
  callTransferred: { type: "CALL_TRANSFERRED", required: ["externalCallId"] },
  callData: { type: "CALL_DATA", payload: "any" },
  callEnded: { type: "CALL_ENDED", required: ["externalCallId"],
    check: (p) => !CALL_END_STATUSES.includes(p.callEndStatus) &&
      "callEndStatus " + JSON.stringify(p.callEndStatus) + " is unknown; use one of " + CALL_END_STATUSES.join(", ") + "." },
  callCompleted: { type: "CALL_COMPLETED", required: ["externalCallId"] },
  finalizeEngagement: { type: "FINALIZE_ENGAGEMENT", required: ["externalCallId"] },
  publishToChannel: { type: "PUBLISH_TO_CHANNEL", required: ["externalCallId"],
    check: () => "it is deprecated; use finalizeEngagement()." },
  navigateToRecord: { type: "NAVIGATE_TO_RECORD", required: ["objectCoordinates"],
    check: ({ objectCoordinates: c }) =>
      !(isObject(c) && /^0-[12]$/.test(c.objectTypeId) && !isMissing(c.objectId)) &&
      'objectCoordinates needs objectId and objectTypeId "0-1" (contact) or "0-2" (company).' },
  sendError: { type: "ERROR",
    check: (p) => typeof p.message !== "string" && "message (shown to the user) must be a string." },
  resizeWidget: { type: "RESIZE_WIDGET", check: sizeProblem },
  setWidgetUrl: { type: "SET_WIDGET_URL",
    check: (p) => !/^https?:\/\//.test(p.iFrameUrl) && "iFrameUrl must be an absolute http(s) URL." },
};

/** Warns about what the SDK would send without a word, but HubSpot cannot use. */
function checkPayload(method, spec, payload) {
  if (spec.payload || (spec.optional && payload === undefined)) return;
  if (!isObject(payload)) {
    warnSentAnyway(method + "() expects an object, got " + (payload === null ? "null" : typeof payload) + ".");
    return;
  }
  for (const field of spec.required || []) {
    if (isMissing(payload[field])) warnSentAnyway(method + "(): " + field + " is missing; add it to the payload.");
  }
  let problem;
  try {
    problem = spec.check && spec.check(payload);
  } catch (_) {
    // A field no check can read (a cycle or a BigInt for JSON, a toString that is no function): sent without a word, as by the SDK.
  }
  if (problem) warnSentAnyway(method + "(): " + problem);
}

/** The widget side: new CallingExtensions({ debugMode, eventHandlers }). */
class CallingExtensions {
  constructor(options) {
    if (!options || !options.eventHandlers) throw new Error("Invalid options or missing eventHandlers.");
    this.options = options;
    for (const name of Object.keys(options.eventHandlers)) {
      const known = [...Object.values(HANDLER_NAMES), "FAILED", "defaultEventHandler"].includes(name);
      if (!known) console.warn(PREFIX, "eventHandlers." + name + " is never called; check the name (e.g. onDialNumber).");
    }
    this.iFrameManager = new IFrameManager({
      debugMode: options.debugMode,
      onMessageHandler: (message) => this.onMessageHandler(message),
    });
    /** DevKit-only: the link itself (its `tap` sees every message). */
    this.channel = this.iFrameManager.channel;
  }

  /** Gives one host message to eventHandlers the way the SDK does. */
  onMessageHandler(message) {
    const { type, data } = message;
    const handlers = this.options.eventHandlers;
    const run = (name) => {
      try {
        handlers[name](data, message);
      } catch (error) {
        console.error(PREFIX, "eventHandlers." + name + " threw on " + type + ":", error);
      }
    };
    const known = Object.hasOwn(HANDLER_NAMES, type);
    if (!known) {
      this.sendMessage({ type: TYPE.ERROR, data: { type: "UNKNOWN_MESSAGE_TYPE", data: { originalMessage: message } } });
    }
    // Any *_FAILED, known or not, reaches eventHandlers.FAILED before its own handler (the key is "FAILED", not "onFailed").
    if (/_FAILED$/.test(type) && typeof handlers.FAILED === "function") run("FAILED");
    const name = known && handlers[HANDLER_NAMES[type]] ? HANDLER_NAMES[type] : "defaultEventHandler";
    if (handlers[name]) run(name);
    else console.error(PREFIX, "No event handler is available to handle message of type: " + type);
  }

  logDebugMessage({ message, type = Constants.debugMessageType.GENERIC_MESSAGE } = {}) {
    this.channel.log(type, message);
  }

  /** Sends a message as it is; the SDK throws for null or undefined, and so does the bridge. */
  sendMessage(message) {
    if (message === null || message === undefined) throw new TypeError(SEND_MESSAGE_USAGE + "; got " + message + ".");
    if (!isObject(message)) {
      console.warn(PREFIX, SEND_MESSAGE_USAGE + "; nothing was sent.");
      return;
    }
    if (!message.type) warnSentAnyway(SEND_MESSAGE_USAGE + ".");
    this.iFrameManager.sendMessage(message);
  }
}

for (const [method, spec] of Object.entries(METHODS)) {
  CallingExtensions.prototype[method] = spec.payload === "none"
    ? function () { this.sendMessage({ type: spec.type }); }
    : function (payload) {
      checkPayload(method, spec, payload);
      this.sendMessage({ type: spec.type, data: payload });
    };
}

// ---- Exports -----------------------------------------------------------------------------------

/** DevKit-only: the protocol core the host simulator builds on (not part of the SDK). */
const protocol = {
  Channel,
  Constants,
  hostToWidget: HANDLER_NAMES,
  widgetToHost: Object.fromEntries(Object.entries(METHODS).map(([method, spec]) => [method, spec.type])),
  callEndStatuses: CALL_END_STATUSES,
  objectTypeIds: { CONTACT: "0-1", COMPANY: "0-2" },
  iframeLocations: { WIDGET: "widget", REMOTE: "remote", WINDOW: "window" },
};
Object.assign(CallingExtensions, { Constants, IFrameManager, Channel, protocol }); // DevKit-only statics

/** What the SDK's package exports. */
const sdkExports = { default: CallingExtensions, Constants, IFrameManager };

// The one global of every loading style (calling-extensions.mjs reads it).
globalThis.CallingExtensions = CallingExtensions;
if (typeof module === "object" && module && typeof module.exports === "object") {
  // CommonJS, as the SDK's package: require(...).default is the class.
  module.exports = Object.defineProperty(Object.assign({}, sdkExports), "__esModule", { value: true });
} else if (loadedAs === globalThis) {
  // A classic <script>: the globals the SDK's CDN bundle defines (window.default, Constants, IFrameManager).
  Object.assign(globalThis, sdkExports);
}
})(this);
