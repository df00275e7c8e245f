// The SDK's eventHandlers for the blueprint: one entry per thing HubSpot can say, each handing the
// event to the phone (phone.mjs). `log(direction, type, data)` feeds the developer drawer.

/** What the app tells the user when HubSpot reports a failure the phone has no special handling for. */
const FAILURES = {
  onPublishToChannelFailed: "HubSpot could not publish the call.",
  onInitiateCallIdFailed: "HubSpot could not start a call id.",
  onNavigateToRecordFailed: "HubSpot could not open the caller's record.",
  onSetWidgetUrlFailed: "HubSpot could not move the app to its new address.",
  onFailed: "HubSpot reported a failure.",
};

/** The handlers that only log: nothing for the phone to do. */
const LOGGED_ONLY = [
  "onEngagementCreated", // deprecated twin of CREATE_ENGAGEMENT_SUCCEEDED, which carries the engagementId we use
  "onPublishToChannelSucceeded",
  "onInitiateCallIdSucceeded",
  "onSetCallState",
];

/** The handlers the phone implements itself (see Phone in phone.mjs). */
const PHONE_HANDLERS = [
  "onReady", "onDialNumber", "onEndCall", "onVisibilityChanged",
  "onCreateEngagementSucceeded", "onCreateEngagementFailed",
  "onUpdateEngagementSucceeded", "onUpdateEngagementFailed",
  "onFinalizeEngagementSucceeded", "onFinalizeEngagementFailed",
  "onCallerIdMatchSucceeded", "onCallerIdMatchFailed",
];

/** eventHandlers for new CallingExtensions({ eventHandlers }). */
export function eventHandlers(phone, log = () => {}) {
  const logged = (fn) => (data, message) => {
    log("in", message && message.type, data);
    fn(data, message);
  };
  const handlers = {};
  for (const name of PHONE_HANDLERS) handlers[name] = logged((data) => phone.receive(name, data));
  for (const [name, text] of Object.entries(FAILURES)) handlers[name] = logged((data) => phone.failed(text, data));
  for (const name of LOGGED_ONLY) handlers[name] = logged(() => {});
  // A message no handler above names (a type newer than this app): logged, nothing else.
  handlers.defaultEventHandler = logged(() => {});
  return handlers;
}
