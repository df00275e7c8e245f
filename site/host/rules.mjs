// rules.mjs: every protocol check of the simulator, by its stable rule id: a title and how to fix it.
// Problems carry these ids; the page shows the title and the fix; content/simulator.md lists them all.
// The protocol they check is described in content/reference/ (widget-messages.md, host-events.md).

const rule = (title, fix) => Object.freeze({ title, fix });

export const RULES = Object.freeze({
  // The handshake
  "no-sync-ack": rule("The widget never answered SYNC",
    "Create the SDK's CallingExtensions as soon as the page loads; it answers SYNC with SYNC_ACK."),
  "wrong-iframe-url": rule("SYNC_ACK names another origin",
    "iFrameUrl must be the widget's own origin (location.origin); HubSpot sends everything there."),
  "sync-ack-id-mismatch": rule("SYNC_ACK does not keep SYNC's messageId",
    "Answer SYNC with the SYNC object itself, type set to SYNC_ACK and its messageId kept."),
  "message-before-handshake": rule("Message before the handshake",
    "Send nothing before onReady: only SYNC tells the widget where HubSpot is."),
  "no-initialized": rule("No INITIALIZED",
    "Call initialized({ isLoggedIn, isAvailable }) from onReady."),
  // Every message
  "missing-message-id": rule("Message without messageId",
    "Send through the SDK, which adds messageId \"<instanceId>_<Date.now()>\"; HubSpot ignores messages without one."),
  "missing-message-type": rule("Message without type",
    "Every message needs a type such as OUTGOING_CALL_STARTED."),
  "wrong-origin": rule("Message from an unexpected origin",
    "Keep the widget on the origin it announced in SYNC_ACK, or announce a new one with setWidgetUrl()."),
  "reused-host-message-id": rule("Message reuses one of HubSpot's messageIds",
    "Do not copy HubSpot's messageId into a new message; HubSpot takes it for a reply and drops it."),
  "unknown-message-type": rule("Unknown message type",
    "Use the SDK's methods (or Constants.messageType) for the type."),
  // Calls
  "missing-external-call-id": rule("Call event without externalCallId",
    "Give each call a unique externalCallId in outgoingCall()/incomingCall() and repeat it in every later event."),
  "unknown-external-call-id": rule("externalCallId of no started call",
    "Repeat the externalCallId sent with OUTGOING_CALL_STARTED or INCOMING_CALL."),
  "call-not-started": rule("Event for a call that never started",
    "Report the call first with outgoingCall() or incomingCall()."),
  "call-already-ended": rule("Event for a call that has ended",
    "After CALL_ENDED only CALL_COMPLETED (and finalizeEngagement) may follow."),
  "completed-before-ended": rule("CALL_COMPLETED before CALL_ENDED",
    "Send callEnded() when the call ends, then callCompleted() when the user has saved the call."),
  "engagement-id-mismatch": rule("engagementId HubSpot did not give",
    "Use the engagementId of CREATE_ENGAGEMENT_SUCCEEDED for this call."),
  "unknown-call-end-status": rule("Unknown callEndStatus",
    "Use one of COMPLETED FAILED CANCELED BUSY NO_ANSWER REJECTED MISSED (Constants.callEndStatus has the first five)."),
  "ghost-call": rule("A call with an engagement was never completed",
    "Finish every call started with createEngagement: true with callEnded() and then callCompleted(), also when HubSpot ends it (onEndCall) and before the page unloads."),
  "unresponsive-after-hide": rule("No call after DIAL_NUMBER once CALL_COMPLETED hid the widget",
    "Keep handling onDialNumber after callCompleted() (HubSpot hides the widget, it does not reload it): with startCall: true, start the call with outgoingCall()."),
  // Calling window and remote
  "duplicate-call": rule("The same call reported from two windows",
    "Report each call from one instance only: the calling window when usesCallingWindow is true, else the remote; the other relays the user's actions over a BroadcastChannel."),
  "call-from-remote": rule("Call events from the remote while a calling window is in use",
    "When onReady says iframeLocation \"remote\" and usesCallingWindow true, send no call events: relay the user's actions to the calling window (iframeLocation \"window\"), which reports them."),
  // Payloads
  "non-numeric-resize": rule("Size that is not a number of pixels",
    "Send width and height as positive numbers, e.g. resizeWidget({ width: 400, height: 600 })."),
  "invalid-payload": rule("Payload HubSpot cannot use",
    "Send the fields the reference lists for this message (Widget messages, in the guides' reference)."),
});
