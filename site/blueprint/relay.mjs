// The calling window and the remote, kept in step over a BroadcastChannel (it reaches only pages of
// this app's own origin). The calling window owns the call and reports it to HubSpot; a remote sends
// it the user's actions (and the DIAL_NUMBER / END_CALL HubSpot gave the remote) and shows its state.
//
//   window: { kind: "state", state }                  after every change, and in answer to "hello"
//   remote: { kind: "hello" } | { kind: "action", name, args } | { kind: "event", name, data }
import { ACTIONS, RELAYED_EVENTS } from "./phone.mjs";

/** The roles (phone.mjs, roleOf) that use the channel; any other instance reports its own calls. */
export const RELAY_ROLES = Object.freeze(["window", "relay"]);

/** One channel per HubSpot user, so two portals open side by side do not mix. */
export function channelName({ portalId, userId } = {}) {
  return `devkit-blueprint:${portalId}:${userId}`;
}

/**
 * Connects `phone` (role "window" or "relay") to its peers over `channel` (a BroadcastChannel or
 * anything with postMessage, onmessage and close). Returns a function that disconnects it. Any other
 * role has no peers: the channel is closed at once.
 */
export function connectRelay(phone, channel) {
  const role = phone.state.role;
  const post = (message) => channel.postMessage(message);
  let unsubscribe = () => {};
  if (role === "window") {
    unsubscribe = phone.subscribe((state) => post({ kind: "state", state }));
    channel.onmessage = ({ data: m }) => {
      if (!m || typeof m !== "object") return;
      if (m.kind === "hello") post({ kind: "state", state: phone.state });
      else if (m.kind === "action" && ACTIONS.includes(m.name)) phone.act(m.name, ...(Array.isArray(m.args) ? m.args : []));
      else if (m.kind === "event" && RELAYED_EVENTS.includes(m.name)) phone.receive(m.name, m.data);
    };
    post({ kind: "state", state: phone.state }); // remotes that started first
  } else if (role === "relay") {
    phone.relay = post;
    channel.onmessage = ({ data: m }) => {
      if (m && m.kind === "state" && m.state) phone.mirror(m.state);
    };
    post({ kind: "hello" });
  } else {
    channel.close();
    return () => {};
  }
  return () => {
    unsubscribe();
    channel.onmessage = null;
    channel.close();
  };
}
