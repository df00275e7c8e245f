// The blueprint's entry: the SDK (here DevKit's drop-in bridge), the app and its screens, wired.
// The only module that touches the page when it is imported.
import * as sdk from "../assets/calling-extensions.mjs";
import { startApp } from "./app.mjs";
import { mountShell } from "./views/shell.mjs";
import { mountLogin } from "./views/login.mjs";
import { mountKeypad } from "./views/keypad.mjs";
import { mountDialing } from "./views/dialing.mjs";
import { mountIncoming } from "./views/incoming.mjs";
import { mountCall } from "./views/call.mjs";
import { mountEnded } from "./views/ended.mjs";
import { mountDrawer } from "./views/drawer.mjs";

const CallingExtensions = sdk.default;
const Constants = sdk.Constants || CallingExtensions.Constants;
const params = new URLSearchParams(location.search);
const clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
const settings = {};
for (const key of ["ringMs", "missedAfterMs"]) if (/^\d+$/.test(params.get(key) || "")) settings[key] = Number(params.get(key));
if (["answer", "busy", "no-answer"].includes(params.get("outcome"))) settings.outcome = params.get("outcome");

const logMessage = mountDrawer(document);
const { phone, cti } = startApp({
  CallingExtensions,
  Constants,
  clock,
  settings,
  debugMode: params.get("debug") === "1",
  recordingBase: new URL("recordings/", location.href).href,
  openChannel: (name) => new BroadcastChannel(name),
  log: logMessage,
});

const views = [mountShell, mountLogin, mountKeypad, mountDialing, mountIncoming, mountCall, mountEnded].map((mount) => mount(document, phone, clock));
const render = (state) => {
  for (const view of views) view(state);
};
phone.subscribe(render);
render(phone.state);
setInterval(() => views[5].tick(), 1000);

if (window.parent === window) phone.set({ status: "Not inside HubSpot: open it in the simulator at /host/?widget=/blueprint/" });
window.blueprint = { phone, cti }; // for the console and for tests
