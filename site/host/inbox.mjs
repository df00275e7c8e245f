// inbox.mjs: every message from a widget frame: recorded in the timeline, checked, and answered the
// way HubSpot answers it (content/reference/widget-messages.md). Call events go to calls.mjs.
import { closest } from "./suggest.mjs";
import { recordById } from "./directory.mjs";
import { clone, isObject, json, missing, show, textOf } from "./values.mjs";

export class Inbox {
  constructor(host) {
    this.host = host;
    const T = host.T;
    this.knownTypes = new Set([...Object.values(host.protocol.widgetToHost), T.SYNC_ACK, T.UNLOADING]);
  }

  // The Channel's tap: every message it sends ("out"), refuses to send ("dropped") or accepts ("in").
  tapped(frame, direction, message) {
    const host = this.host;
    if (direction === "out") return host.record("toWidget", message, frame);
    if (direction !== "in") return host.note("NOT_SENT", { message: clone(message) }, frame);
    const entry = host.record("toHost", message, frame);
    frame.current = entry;
    const own = String(frame.channel.instanceId);
    if (message.type !== host.T.SYNC_ACK && textOf(message.messageId).startsWith(own)) {
      // The Channel takes this for a reply to one of HubSpot's messages and drops it, as HubSpot does.
      host.problem("reused-host-message-id", `${textOf(message.type)} carries messageId ${show(message.messageId)}, which HubSpot made ` +
        `(it starts with HubSpot's instance id ${own}), so HubSpot takes it for a reply and ignores it. ` +
        "Let the SDK give each new message its own messageId.", entry, frame);
    }
    return entry;
  }

  // A message from the frame that the Channel dropped: wrong origin, or no type or messageId.
  dropped(frame, message, event) {
    if (!isObject(message) || (missing(message.type) && missing(message.messageId))) return;
    const host = this.host;
    const origin = frame.channel.origin;
    const entry = host.record("toHost", message, frame, { ignored: true, origin: event.origin });
    const what = missing(message.type) ? "A message" : textOf(message.type);
    if (event.origin !== origin) {
      host.problem("wrong-origin", `${what} came from the widget's frame at ${event.origin}, but HubSpot talks only to ${origin} ` +
        `(${frame.ready ? "the iFrameUrl of SYNC_ACK" : "the origin of the widget URL"}), so it was ignored. ` +
        "If the widget moved to another origin, tell HubSpot first with setWidgetUrl({ iFrameUrl }).", entry, frame);
    } else if (missing(message.type)) {
      host.problem("missing-message-type", `A message with messageId ${show(message.messageId)} has no type, so HubSpot ignored it. ` +
        "Send it through the SDK's methods, which set the type.", entry, frame);
    } else {
      host.problem("missing-message-id", `${what} has no messageId, so HubSpot ignored it. Send it through the SDK ` +
        "(it adds messageId \"<instanceId>_<Date.now()>\"), or add a messageId yourself.", entry, frame);
    }
  }

  // A SYNC from the frame: only HubSpot sends SYNC.
  stray(frame, message) {
    const host = this.host;
    const entry = host.record("toHost", message, frame);
    host.problem("unknown-message-type", "The widget sent SYNC, which is HubSpot's message to the widget. " +
      "The widget answers HubSpot's SYNC with SYNC_ACK and never sends SYNC itself.", entry, frame);
  }

  // Every accepted message that is not a reply: check it, update the state, answer it.
  handle(frame, message) {
    const host = this.host;
    const T = host.T;
    const entry = frame.current;
    const { type } = message;
    const name = textOf(type); // the type as text, whatever the widget sent
    const data = isObject(message.data) ? message.data : {};
    if (type === T.SYNC_ACK) {
      host.problem("sync-ack-id-mismatch", `SYNC_ACK has messageId ${show(message.messageId)}, which is not the messageId of a SYNC ` +
        "from HubSpot, so HubSpot never sees the handshake. Answer SYNC with the SYNC message itself, type changed to SYNC_ACK, " +
        "keeping its messageId.", entry, frame);
      return;
    }
    if (!frame.ready) {
      host.problem("message-before-handshake", `${name} arrived before the handshake finished (no SYNC_ACK yet). ` +
        "Only SYNC tells the widget where HubSpot is: send nothing before onReady (the SDK refuses to).", entry, frame);
    }
    if (!this.knownTypes.has(type)) {
      const hostType = type === T.SYNC || Object.hasOwn(host.protocol.hostToWidget, name);
      const guess = !hostType && closest(name, [...this.knownTypes]);
      host.problem("unknown-message-type", hostType
        ? `${name} is a message HubSpot sends to the widget, not one the widget sends; HubSpot ignores it.`
        : `${show(type)} is not a message type HubSpot knows, so it is ignored.` +
          (guess ? ` Did you mean ${guess}?` : " Use the SDK's methods or Constants.messageType."), entry, frame);
      return;
    }
    const calls = host.calls;
    switch (type) {
      case T.INITIALIZED: return this.initialized(frame, entry, data);
      case T.LOGGED_IN: return this.widgetState(frame, { loggedIn: true });
      case T.LOGGED_OUT: return this.widgetState(frame, { loggedIn: false, available: false });
      case T.USER_AVAILABLE: return this.widgetState(frame, { available: true });
      case T.USER_UNAVAILABLE: return this.widgetState(frame, { available: false });
      case T.OUTGOING_CALL_STARTED: return calls.started(frame, entry, data, "outbound");
      case T.INCOMING_CALL: return calls.started(frame, entry, data, "inbound");
      case T.CALL_ANSWERED:
      case T.CALL_TRANSFERRED:
      case T.CALL_ENDED:
      case T.CALL_COMPLETED: return calls.event(frame, entry, type, data);
      case T.FINALIZE_ENGAGEMENT:
      case T.PUBLISH_TO_CHANNEL: return calls.finalize(frame, entry, type, data);
      case T.NAVIGATE_TO_RECORD: return this.navigateToRecord(frame, entry, data);
      case T.ERROR: return this.error(frame, entry, message);
      case T.RESIZE_WIDGET: return this.resize(frame, entry, message.data, "RESIZE_WIDGET");
      case T.SET_WIDGET_URL: return this.setWidgetUrl(frame, entry, message);
      default: return undefined; // CALL_DATA, UNLOADING: nothing to answer
    }
  }

  widgetState(frame, changes) {
    Object.assign(frame.widget, changes);
    this.host.changed();
  }

  initialized(frame, entry, data) {
    if (frame.handshake) frame.handshake.initializedArrived();
    const changes = { initialized: true };
    if (typeof data.isLoggedIn === "boolean") changes.loggedIn = data.isLoggedIn;
    if (typeof data.isAvailable === "boolean") changes.available = data.isAvailable;
    if (isObject(data.sizeInfo)) this.resize(frame, entry, data.sizeInfo, "INITIALIZED's sizeInfo");
    this.widgetState(frame, changes);
  }

  resize(frame, entry, size, what) {
    const keys = ["width", "height"].filter((key) => isObject(size) && key in size);
    const bad = keys.filter((key) => !(typeof size[key] === "number" && Number.isFinite(size[key]) && size[key] > 0));
    if (!keys.length || bad.length) {
      this.host.problem("non-numeric-resize", `${what} needs width and height as positive numbers of pixels; ` +
        `got ${show(isObject(size) ? { width: size.width, height: size.height } : size)}. ` +
        "Send numbers, e.g. resizeWidget({ width: 400, height: 600 }).", entry, frame);
      return;
    }
    this.host.effect("resize", { location: frame.location, width: size.width, height: size.height });
  }

  navigateToRecord(frame, entry, data) {
    const host = this.host;
    const c = data.objectCoordinates;
    if (!isObject(c) || missing(c.objectId) || !/^\d+-\d+$/.test(textOf(c.objectTypeId))) {
      const text = `NAVIGATE_TO_RECORD needs objectCoordinates { portalId, objectId, objectTypeId: "0-1" (contact) or "0-2" (company) }; got ${show(c)}.`;
      host.problem("invalid-payload", text, entry, frame);
      host.post(frame, host.T.NAVIGATE_TO_RECORD_FAILED, { error: { message: text } });
      return;
    }
    const found = recordById(c.objectId);
    const record = found && host.protocol.objectTypeIds[found.objectType] === c.objectTypeId ? found : undefined;
    host.effect("record", { objectCoordinates: clone(c), record, engagementId: data.engagementId });
  }

  error(frame, entry, message) {
    const host = this.host;
    const data = message.data;
    if (isObject(data) && data.type === host.protocol.Constants.errorType.UNKNOWN_MESSAGE_TYPE) {
      // The SDK's automatic answer to a type it does not know: not a mistake of the widget.
      const original = isObject(data.data) && isObject(data.data.originalMessage) ? data.data.originalMessage.type : undefined;
      host.effect("alert", { level: "info", message: `The widget does not handle ${original || "a message HubSpot sent"} (UNKNOWN_MESSAGE_TYPE).` });
      return;
    }
    if (!isObject(data) || typeof data.message !== "string") {
      host.problem("invalid-payload", `ERROR needs data { message: "text for the user" }; got ${show(data)}. ` +
        "Call sendError({ message }).", entry, frame);
    }
    host.effect("alert", { level: "error", message: isObject(data) && typeof data.message === "string" ? data.message : json(data) });
  }

  setWidgetUrl(frame, entry, message) {
    const host = this.host;
    const url = missing(message.iFrameUrl) ? (isObject(message.data) ? message.data.iFrameUrl : undefined) : message.iFrameUrl;
    let valid = false;
    try {
      valid = /^https?:$/.test(new URL(url).protocol);
    } catch {
      // not a URL
    }
    if (!valid) {
      const text = `SET_WIDGET_URL needs iFrameUrl, an absolute http(s) URL; got ${show(url)}.`;
      host.problem("invalid-payload", text, entry, frame);
      host.post(frame, host.T.SET_WIDGET_URL_FAILED, { error: { message: text } });
      return;
    }
    // HubSpot moves the frames there; each `load` starts a new handshake with the new origin.
    host.config.widgetUrl = url;
    host.effect("navigate", { url });
  }
}
