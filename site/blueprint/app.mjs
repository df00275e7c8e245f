// The blueprint without its screens: the phone, the SDK object and, in the calling window or the
// remote, the relay between them. main.mjs adds the views; node tests use this as it is.
import { Phone } from "./phone.mjs";
import { eventHandlers } from "./hubspot-events.mjs";
import { connectRelay, channelName, RELAY_ROLES } from "./relay.mjs";

/**
 * CallingExtensions, Constants: the SDK's (or the DevKit bridge's) default export and Constants.
 * clock: { now, setTimeout, clearTimeout }. openChannel(name): a BroadcastChannel.
 * log(direction "in" | "out", type, data): every message both ways, for the developer drawer.
 */
export function startApp({ CallingExtensions, Constants, clock = globalThis, openChannel, log = () => {}, debugMode = false, settings, recordingBase, newCallId }) {
  let cti = null;
  // What the phone calls: the SDK's methods, each logged on its way out.
  const sdk = new Proxy({}, {
    get: (_, method) => (payload) => {
      log("out", method, payload);
      return payload === undefined ? cti[method]() : cti[method](payload);
    },
  });
  const phone = new Phone({ sdk, Constants, clock, settings, recordingBase, newCallId });
  const handlers = eventHandlers(phone, log);
  const onReady = handlers.onReady;
  let disconnect = () => {};
  handlers.onReady = (data, message) => {
    const first = !phone.state.session;
    onReady(data, message);
    // Only the calling window and a relaying remote talk to each other; an instance that reports its
    // own calls opens no channel.
    if (first && phone.state.session && openChannel && RELAY_ROLES.includes(phone.state.role)) {
      disconnect = connectRelay(phone, openChannel(channelName(phone.state.session)));
    }
  };
  cti = new CallingExtensions({ debugMode, eventHandlers: handlers });
  return { phone, cti, stop: () => disconnect() };
}
