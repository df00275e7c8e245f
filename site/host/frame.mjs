// frame.mjs: one instance of the widget as HubSpot frames it (the call panel, the remote or the
// calling window): its link (the bridge's Channel), its handshake, and what it has reported.
import { Handshake } from "./handshake.mjs";
import { compact, missing } from "./values.mjs";

/**
 * The host page's window as one frame's Channel sees it: only the messages whose source is that
 * frame. Two frames of one widget share an origin, so origins alone cannot tell them apart.
 */
function portFor(window, frame) {
  const wrapped = new Map();
  return {
    location: window.location,
    addEventListener(type, listener) {
      const filtered = (event) => {
        if (frame.target && event.source === frame.target) listener(event);
      };
      wrapped.set(listener, filtered);
      window.addEventListener(type, filtered);
    },
    removeEventListener(type, listener) {
      window.removeEventListener(type, wrapped.get(listener));
      wrapped.delete(listener);
    },
  };
}

export class WidgetFrame {
  /** host: the HostSimulator; place: { location, label, reportsCalls } from layoutOf(). */
  constructor(host, { location, label, reportsCalls }) {
    Object.assign(this, { host, location, label, reportsCalls });
    this.target = null; // the frame's window (iframe.contentWindow)
    this.handshake = null;
    this.loads = 0;
    this.widget = {}; // what it reported: origin, version, initialized, loggedIn, available
    this.current = null; // the timeline entry of the message being handled
    const inbox = host.inbox;
    this.channel = new host.protocol.Channel({
      window: portFor(host.window, this),
      target: null,
      origin: host.widgetOrigin(),
      labels: [`To the ${location}`, `From the ${location}`],
      onMessage: (message) => inbox.handle(this, message),
      onSync: (message) => inbox.stray(this, message),
      onDrop: (message, event) => inbox.dropped(this, message, event),
      tap: (direction, message) => inbox.tapped(this, direction, message),
    });
  }

  get ready() {
    return this.channel.ready;
  }

  /** The SYNC HubSpot sends this frame. */
  sync() {
    const config = this.host.config;
    return compact({
      type: this.host.T.SYNC, hostUrl: this.host.hostUrl, portalId: config.portalId, userId: config.userId, ownerId: config.ownerId,
      engagementId: missing(config.engagementId) ? undefined : config.engagementId,
      iframeLocation: this.location, usesCallingWindow: Boolean(config.usesCallingWindow),
    });
  }

  /**
   * The frame's window, known as soon as the iframe is in the page (before its first `load`), so a
   * widget that talks before the handshake is heard, and named.
   */
  attach(target) {
    this.target = target;
  }

  /** The frame fired `load`: a (new) widget page is there; a fresh handshake. */
  load(target) {
    if (target) this.target = target;
    this.stop();
    this.loads++;
    this.channel.ready = false;
    this.channel.target = this.target;
    this.channel.origin = this.host.widgetOrigin();
    this.widget = {};
    const handshake = (this.handshake = new Handshake(this, this.host));
    this.host.note("FRAME_LOADED", { url: this.host.config.widgetUrl, origin: this.channel.origin, iframeLocation: this.location }, this);
    if (this.handshake === handshake) handshake.start(); // a listener of the note may have reset or closed this frame
  }

  /** The frame fired `error`. */
  loadError() {
    if (!this.handshake) this.handshake = new Handshake(this, this.host);
    this.handshake.fail("error");
  }

  /** Stops the handshake's timers (the Channel stays). */
  stop() {
    if (this.handshake) this.handshake.stop();
    this.channel.ready = false;
  }

  /** Stops everything, the Channel's listener included. */
  close() {
    this.stop();
    this.handshake = null;
    this.channel.close();
  }
}
