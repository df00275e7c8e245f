// session.mjs: the session HubSpot describes to the widget (SYNC's fields), the simulator's timings,
// which frames a layout has, and the page's URL parameters for all of it. No DOM.

/** Defaults of the session and of the simulator's own timings (ms). */
export const DEFAULTS = Object.freeze({
  widgetUrl: "",
  portalId: 123456,
  userId: 42,
  ownerId: 7,
  engagementId: undefined, // an engagement already in progress, given to the widget in SYNC
  usesRemote: false, // true: the widget runs in the remote (iframeLocation "remote")
  usesCallingWindow: false, // true: the widget runs in the calling window (iframeLocation "window")
  iframeLocation: undefined, // one frame only: what its SYNC says; derived from the two above when unset
  width: 400,
  height: 600,
  syncInterval: 100, // SYNC is repeated this often until SYNC_ACK
  syncTimeout: 30000, // then SYNC_ACK_FAILED
  initTimeout: 5000, // INITIALIZED is expected this soon after SYNC_ACK
  dialTimeout: 5000, // OUTGOING_CALL_STARTED is expected this soon after a DIAL_NUMBER with startCall after a hide
  firstEngagementId: 72001, // engagement ids HubSpot hands out: 72001, 72002, ...
});

export const LOCATIONS = Object.freeze(["widget", "remote", "window"]);
const LABELS = { widget: "Call panel", remote: "Remote", window: "Calling window" };

/** "Remote" for "remote": a frame's label by its iframeLocation. */
export const labelOf = (location) => LABELS[location] || String(location);

/**
 * The widget's frames in this session, in page order: { location, label, reportsCalls }.
 * usesRemote and usesCallingWindow: the remote and the calling window, and only the window reports
 * calls; usesRemote alone: the remote, which reports calls; otherwise one frame whose SYNC says
 * `iframeLocation` (default "window" with usesCallingWindow, else "widget").
 */
export function layoutOf(config) {
  const frame = (location, reportsCalls) => ({ location, label: LABELS[location], reportsCalls });
  if (config.usesRemote) return config.usesCallingWindow ? [frame("remote", false), frame("window", true)] : [frame("remote", true)];
  return [frame(config.iframeLocation || (config.usesCallingWindow ? "window" : "widget"), true)];
}

const NUMBERS = ["portalId", "userId", "ownerId", "engagementId", "width", "height", "syncTimeout", "initTimeout", "dialTimeout"];
const FLAGS = ["usesRemote", "usesCallingWindow"];
/** The URL parameters the page reads, in the order it writes them. */
export const URL_PARAMS = Object.freeze(["widget", ...NUMBERS.slice(0, 4), ...FLAGS, "iframeLocation", ...NUMBERS.slice(4)]);

const number = (text) => (/^\d+$/.test(text) ? Number(text) : text);
/** "1", "true", "yes" or "" -> true; anything else -> false. */
export const flag = (text) => /^(1|true|yes|on|)$/i.test(String(text).trim());

/** The session from the page's URL parameters (a URLSearchParams); `widget` is left to the caller. */
export function configFromParams(params) {
  const config = {};
  for (const key of NUMBERS) if (params.get(key)) config[key] = number(params.get(key));
  for (const key of FLAGS) if (params.has(key)) config[key] = flag(params.get(key));
  if (LOCATIONS.includes(params.get("iframeLocation"))) config.iframeLocation = params.get("iframeLocation");
  return config;
}

/** URL parameters for a session: the widget's URL and every setting that differs from the default. */
export function paramsFromConfig(config) {
  const params = new URLSearchParams();
  params.set("widget", config.widgetUrl);
  for (const key of URL_PARAMS.slice(1)) {
    const value = config[key];
    if (value === undefined || value === "" || value === DEFAULTS[key]) continue;
    params.set(key, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  return params;
}
