// handshake.mjs: HubSpot's side of the SYNC handshake with one widget frame (content/reference/,
// "The handshake"): SYNC on every load of the frame, repeated until SYNC_ACK, SYNC_ACK_FAILED after the
// timeout, and INITIALIZED expected soon after. One Handshake per load; a reload starts a new one.
import { missing, show, seconds } from "./values.mjs";

export class Handshake {
  /** frame: the WidgetFrame (its channel, SYNC and session); host: the HostSimulator (timers, notes, problems). */
  constructor(frame, host) {
    Object.assign(this, { frame, host, syncIds: new Set(), startedAt: host.now(), syncs: 0 });
    Object.assign(this, { acked: false, failed: false, initialized: false, timers: {} });
  }

  get current() {
    return this.frame.handshake === this;
  }

  start() {
    this.sendSync();
    this.timers.deadline = this.host.timers.setTimeout(() => this.fail("timeout"), this.host.config.syncTimeout);
  }

  sendSync() {
    const channel = this.frame.channel;
    if (!this.current || this.acked || this.failed || !channel.target) return;
    const sent = channel.send(this.frame.sync(), (reply) => this.acknowledged(reply));
    this.syncIds.add(sent.messageId);
    this.syncs++;
    this.timers.repeat = this.host.timers.setTimeout(() => this.sendSync(), this.host.config.syncInterval);
  }

  /** Stops the timers and forgets the SYNC callbacks (a new load, a reset, the end). */
  stop() {
    for (const timer of Object.values(this.timers)) this.host.timers.clearTimeout(timer);
    for (const id of this.syncIds) delete this.frame.channel.callbacks[id];
  }

  // The answer to one of this handshake's SYNCs (the Channel routes replies by messageId).
  acknowledged(reply) {
    const { frame, host } = this;
    if (reply.type !== host.T.SYNC_ACK || !this.current || this.acked) return;
    const entry = frame.current;
    const channel = frame.channel;
    this.acked = true;
    this.stop();
    const declared = missing(reply.iFrameUrl) ? "" : host.protocol.Channel.originOf(reply.iFrameUrl);
    if (!missing(reply.iFrameUrl) && declared !== channel.origin) {
      host.problem("wrong-iframe-url", `SYNC_ACK came from ${channel.origin} but its iFrameUrl is ${show(reply.iFrameUrl)}, ` +
        `so HubSpot sends every later message to ${declared || "nowhere"} and the widget never gets them. ` +
        "Set iFrameUrl to the widget's own origin (location.origin), as the SDK does.", entry, frame);
    }
    if (declared) channel.origin = declared; // as HubSpot: from now on it talks to iFrameUrl only
    channel.ready = true;
    Object.assign(frame.widget, { origin: channel.origin, version: reply.version, debugMode: reply.debugMode });
    if (!this.initialized) {
      this.timers.init = host.timers.setTimeout(() => {
        if (!this.current || this.initialized) return;
        host.problem("no-initialized", `The ${frame.label.toLowerCase()} answered SYNC but sent no INITIALIZED within ` +
          `${seconds(host.config.initTimeout)}. Call initialized({ isLoggedIn, isAvailable }) from onReady; until then HubSpot ` +
          "treats the widget as still loading.", undefined, frame);
      }, host.config.initTimeout);
    }
    host.changed();
  }

  /** INITIALIZED arrived: no no-initialized for this load. */
  initializedArrived() {
    this.initialized = true;
    if (this.timers.init !== undefined) this.host.timers.clearTimeout(this.timers.init);
  }

  /** No SYNC_ACK in time ("timeout"), or the frame fired `error` ("error"). */
  fail(reason) {
    const { frame, host } = this;
    if (!this.current || this.acked || this.failed) return;
    this.failed = true;
    this.stop();
    const waited = host.now() - this.startedAt;
    host.note(host.T.SYNC_ACK_FAILED, { reason, waited, syncs: this.syncs }, frame);
    host.problem("no-sync-ack", reason === "error"
      ? `The ${frame.label.toLowerCase()}'s frame fired an error event while loading, so the handshake failed (SYNC_ACK_FAILED). ` +
        "Check that the widget URL loads on its own."
      : `No SYNC_ACK ${seconds(waited)} after the frame loaded (${this.syncs} SYNC sent to ${frame.channel.origin}), so HubSpot ` +
        "gives up (SYNC_ACK_FAILED). Create the SDK's CallingExtensions when the page loads so it answers SYNC; check the " +
        "console of the widget's frame for errors, and that the widget URL does not redirect to another origin.", undefined, frame);
    host.changed();
  }
}
