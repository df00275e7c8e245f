// calls.mjs: the calls HubSpot knows and their state machine (ringing -> answered -> ended ->
// completed), HubSpot's answers to call events (engagements, caller-ID matches), and the call checks:
// ids, order, engagements, which frame reports, and calls left open (content/reference/, the call flow).
import { callerIdMatch, lookupNumber } from "./directory.mjs";
import { missing, show, textOf } from "./values.mjs";

export class Calls {
  constructor(host) {
    this.host = host;
    this.list = []; // { externalCallId, direction, number, state, engagementId, location, ... }
    this.nextEngagementId = host.config.firstEngagementId;
    this.hiddenByCompleted = false; // CALL_COMPLETED hid the widget; the next DIAL_NUMBER with startCall is watched
    this.dialWatch = null;
  }

  get T() {
    return this.host.T;
  }

  /** Forgets every call (reset). */
  clear() {
    this.stop();
    this.list.length = 0;
    this.nextEngagementId = this.host.config.firstEngagementId;
    this.hiddenByCompleted = false;
  }

  /** Stops the watch on the last DIAL_NUMBER. */
  stop() {
    if (this.dialWatch) this.host.timers.clearTimeout(this.dialWatch.timer);
    this.dialWatch = null;
  }

  // With a calling window in use, the remote only relays; call events from it are misplaced.
  fromRemote(frame, entry, type) {
    if (frame.location !== "remote" || !this.host.config.usesCallingWindow) return;
    this.host.problem("call-from-remote", `${type} came from the remote (iframeLocation "remote") while the session has ` +
      "usesCallingWindow: true, so HubSpot records calls from two places. Only the calling window (iframeLocation \"window\") " +
      "reports calls; the remote relays the user's actions to it, e.g. over a BroadcastChannel.", entry, frame);
  }

  started(frame, entry, data, direction) {
    const host = this.host;
    const id = data.externalCallId;
    this.fromRemote(frame, entry, entry.type);
    if (missing(id)) {
      host.problem("missing-external-call-id", `${entry.type} has no externalCallId, so HubSpot cannot tell this call's ` +
        "later events apart. Give every call a unique id (e.g. crypto.randomUUID()) and repeat it in every later event.", entry, frame);
    } else {
      const twin = this.list.find((call) => call.externalCallId === id && call.location !== frame.location);
      if (twin) {
        host.problem("duplicate-call", `${entry.type} reports call ${show(id)} from the ${frame.label.toLowerCase()}, which the ` +
          `${host.placeOf(twin.location).label.toLowerCase()} reported already, so HubSpot logs the call twice. Report each call ` +
          "from one instance only: the calling window when usesCallingWindow is true, else the remote.", entry, frame);
      }
    }
    const number = direction === "outbound" ? data.toNumber ?? data.phoneNumber : data.fromNumber;
    const call = {
      externalCallId: missing(id) ? null : id, direction, number, state: "ringing", location: frame.location,
      createEngagement: data.createEngagement === true, engagementId: undefined, startedAt: entry.time,
    };
    const match = lookupNumber(number);
    if (match) call.record = match;
    this.list.push(call);
    if (direction === "outbound") this.stop(); // the widget answered the DIAL_NUMBER being watched
    if (direction === "inbound") this.matchCaller(frame, number, match);
    if (call.createEngagement) this.createEngagement(frame, call);
    host.changed();
  }

  // CALLER_ID_MATCH_SUCCEEDED, with no match as an empty list; _FAILED only when the lookup itself fails.
  matchCaller(frame, number, match) {
    const host = this.host;
    if (host.switches.failNextCallerIdMatch) {
      host.switches.failNextCallerIdMatch = false;
      host.post(frame, this.T.CALLER_ID_MATCH_FAILED, { error: { message: "The caller ID lookup failed (the simulator's \"fail next caller ID match\" switch)." } });
      return;
    }
    const matches = match ? [callerIdMatch(match, host.config.portalId, host.protocol.objectTypeIds)] : [];
    host.post(frame, this.T.CALLER_ID_MATCH_SUCCEEDED, { callerIdMatches: matches });
  }

  createEngagement(frame, call) {
    const host = this.host;
    if (host.switches.failNextEngagementCreate) {
      host.switches.failNextEngagementCreate = false;
      call.engagementFailed = true;
      host.post(frame, this.T.CREATE_ENGAGEMENT_FAILED, { error: { message: "The engagement could not be created (the simulator's \"fail next engagement create\" switch)." } });
      return;
    }
    const engagementId = this.nextEngagementId++;
    call.engagementId = engagementId;
    host.post(frame, this.T.CREATE_ENGAGEMENT_SUCCEEDED, { engagementId });
    host.post(frame, this.T.ENGAGEMENT_CREATED, { engagementId }); // deprecated, but HubSpot still sends it
  }

  // The call an event of this frame is about, or null (after naming the problem).
  find(frame, entry, type, data) {
    const host = this.host;
    const id = data.externalCallId;
    const own = this.list.filter((call) => call.location === frame.location);
    const open = own.filter((call) => call.state !== "completed");
    if (missing(id)) {
      host.problem("missing-external-call-id", `${type} has no externalCallId, so HubSpot cannot tell which call it is about. ` +
        "Repeat the externalCallId you sent with OUTGOING_CALL_STARTED or INCOMING_CALL.", entry, frame);
      return null;
    }
    const call = own.findLast((c) => c.externalCallId === id);
    if (call) return call;
    const given = host.config.engagementId;
    if (!missing(given) && !own.some((c) => c.resumed) && textOf(data.engagementId) === String(given)) {
      // The call of the engagement HubSpot gave in SYNC (a widget reloaded in the middle of a call).
      const resumed = { externalCallId: id, direction: "unknown", state: "answered", engagementId: given, resumed: true, startedAt: entry.time, location: frame.location };
      this.list.push(resumed);
      return resumed;
    }
    if (!open.length) {
      host.problem("call-not-started", `${type} is about call ${show(id)}, but no call is in progress: the widget never sent ` +
        "OUTGOING_CALL_STARTED or INCOMING_CALL for it. Report the call first with outgoingCall() or incomingCall(), with this externalCallId.", entry, frame);
    } else {
      host.problem("unknown-external-call-id", `${type} names externalCallId ${show(id)}, which matches no started call ` +
        `(in progress: ${open.map((c) => show(c.externalCallId)).join(", ")}). Repeat the externalCallId you sent with ` +
        "OUTGOING_CALL_STARTED or INCOMING_CALL.", entry, frame);
    }
    return null;
  }

  checkEngagement(frame, entry, call, data) {
    if (call.engagementId === undefined || missing(data.engagementId)) return;
    if (textOf(data.engagementId) !== String(call.engagementId)) {
      this.host.problem("engagement-id-mismatch", `${entry.type} has engagementId ${show(data.engagementId)}, but HubSpot gave engagement ` +
        `${call.engagementId} to call ${show(call.externalCallId)}. Use the engagementId from onCreateEngagementSucceeded ` +
        "(or the one in onReady), so the right call record is updated.", entry, frame);
    }
  }

  event(frame, entry, type, data) {
    const { host, T } = this;
    this.fromRemote(frame, entry, type);
    const call = this.find(frame, entry, type, data);
    if (call) {
      const over = call.state === "ended" || call.state === "completed";
      if ((type === T.CALL_ANSWERED || type === T.CALL_TRANSFERRED) && over) {
        host.problem("call-already-ended", `${type} for call ${show(call.externalCallId)}, which has already ${call.state === "ended" ? "ended" : "been completed"}. ` +
          "After CALL_ENDED only CALL_COMPLETED (and finalizeEngagement) may follow; a new call needs a new externalCallId.", entry, frame);
      } else if (type === T.CALL_ANSWERED) {
        call.state = "answered";
      } else if (type === T.CALL_TRANSFERRED) {
        call.transferred = true;
      }
      if (type === T.CALL_ENDED || type === T.CALL_COMPLETED) this.checkEngagement(frame, entry, call, data);
      if (type === T.CALL_ENDED) {
        if (call.state !== "completed") call.state = "ended";
        call.callEndStatus = data.callEndStatus;
      }
      if (type === T.CALL_COMPLETED) {
        if (call.state === "ringing" || call.state === "answered") {
          host.problem("completed-before-ended", `CALL_COMPLETED for call ${show(call.externalCallId)}, which has not ended ` +
            "(no CALL_ENDED yet). Send callEnded({ externalCallId, engagementId, callEndStatus }) when the call ends, " +
            "then callCompleted() once the user has saved it.", entry, frame);
        }
        call.state = "completed";
      }
    }
    const statuses = host.protocol.callEndStatuses;
    if (type === T.CALL_ENDED && data.callEndStatus !== undefined && !statuses.includes(data.callEndStatus)) {
      host.problem("unknown-call-end-status", `CALL_ENDED has callEndStatus ${show(data.callEndStatus)}, which HubSpot does not know. ` +
        `Use one of ${statuses.join(", ")}.`, entry, frame);
    }
    if (type === T.CALL_COMPLETED) this.completed(frame, call, data);
    host.changed();
  }

  completed(frame, call, data) {
    const host = this.host;
    const engagementId = missing(data.engagementId) ? call && call.engagementId : data.engagementId;
    if (host.switches.failNextEngagementUpdate) {
      host.switches.failNextEngagementUpdate = false;
      host.post(frame, this.T.UPDATE_ENGAGEMENT_FAILED, { engagementId, error: { message: "The engagement could not be updated (the simulator's \"fail next engagement update\" switch)." } });
    } else {
      host.post(frame, this.T.UPDATE_ENGAGEMENT_SUCCEEDED, { engagementId });
    }
    if (data.hideWidget !== false) {
      this.hiddenByCompleted = true;
      host.show({ isMinimized: false, isHidden: true }, "CALL_COMPLETED");
    }
  }

  finalize(frame, entry, type, data) {
    this.fromRemote(frame, entry, type);
    const call = this.find(frame, entry, type, data);
    if (call) this.checkEngagement(frame, entry, call, data);
    const engagementId = missing(data.engagementId) ? call && call.engagementId : data.engagementId;
    this.host.post(frame, `${type}_SUCCEEDED`, { engagementId });
  }

  /** HubSpot sent DIAL_NUMBER (entry) to frame: after a hide by CALL_COMPLETED, startCall must start a call. */
  dialed(frame, entry, data) {
    if (!this.hiddenByCompleted || data.startCall !== true) return;
    const host = this.host;
    this.hiddenByCompleted = false;
    this.stop();
    const watch = { frame, entry };
    watch.timer = host.timers.setTimeout(() => {
      if (this.dialWatch !== watch) return;
      this.dialWatch = null;
      host.problem("unresponsive-after-hide", `CALL_COMPLETED hid the widget, then HubSpot sent DIAL_NUMBER with startCall: true ` +
        `and no OUTGOING_CALL_STARTED came within ${host.config.dialTimeout / 1000} s. HubSpot hides the widget after ` +
        "callCompleted(), it does not reload it: keep handling onDialNumber, and start the call with outgoingCall().", entry, frame);
    }, host.config.dialTimeout);
    this.dialWatch = watch;
  }

  /**
   * Calls with an engagement that were never completed (of one frame, or all): each is a ghost-call
   * problem, once. `why` ends the sentence: "the session ended", "the remote reloaded".
   */
  judgeOpen(why, location) {
    const host = this.host;
    const open = this.list.filter((call) => call.engagementId !== undefined && call.state !== "completed" && !call.ghost &&
      (location === undefined || call.location === location));
    for (const call of open) {
      call.ghost = true;
      host.problem("ghost-call", `Call ${show(call.externalCallId)} (engagement ${call.engagementId}) was started with ` +
        `createEngagement: true but was still ${call.state} when ${why}, so HubSpot keeps an unfinished call record. ` +
        "Send callEnded() and callCompleted() for every call, also when HubSpot ends it (onEndCall) and before the page unloads.",
      undefined, host.placeOf(call.location), { externalCallId: call.externalCallId, engagementId: call.engagementId });
    }
    return open.length;
  }
}
