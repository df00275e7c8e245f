// CallingExtensions.protocol.Channel reused for the host's side, the way the host simulator will.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld, loadBridge, plain, HOST_ORIGIN, WIDGET_ORIGIN } from "./support/fake-window.mjs";

function twoSides() {
  const world = createWorld();
  const host = world.window("host", HOST_ORIGIN);
  const widget = world.window("widget", WIDGET_ORIGIN, { path: "/widget/", referrer: HOST_ORIGIN + "/" });
  widget.parent = world.handle(widget, host);
  loadBridge(host);
  loadBridge(widget);
  return { world, host, widget, toWidget: world.handle(host, widget) };
}

test("protocol exposes Channel, Constants and both tables", () => {
  const { host } = twoSides();
  const { protocol, Channel, Constants } = host.CallingExtensions;
  assert.equal(protocol.Channel, Channel);
  assert.equal(protocol.Constants, Constants);
  assert.equal(typeof Channel, "function");
  assert.equal(protocol.widgetToHost.outgoingCall, "OUTGOING_CALL_STARTED");
  assert.equal(protocol.widgetToHost.sendError, "ERROR");
  assert.equal(Object.keys(protocol.widgetToHost).length, 18);
  assert.equal(protocol.hostToWidget.DIAL_NUMBER, "onDialNumber");
  assert.equal(Channel.originOf("https://a.example:8443/x?y#z"), "https://a.example:8443");
  assert.equal(Channel.originOf("not a url"), "");
  assert.equal(Channel.originOf("/relative", "http://localhost:9025/widget/"), "http://localhost:9025");
});

test("a host built on Channel completes the handshake and one call with the real widget side", async () => {
  const { world, host, widget, toWidget } = twoSides();
  const hostInbox = [];
  const taps = [];
  const channel = new host.CallingExtensions.Channel({
    window: host,
    target: toWidget,
    origin: WIDGET_ORIGIN,
    labels: ["To widget", "From widget"],
    onMessage: (message) => hostInbox.push(plain(message)),
  });
  channel.tap = (direction, message) => taps.push([direction, message.type]);

  // Ids are "<Date.now() at construction>_...": make sure the two sides do not share a millisecond,
  // as they never do in a browser (the iframe loads after the host's manager exists).
  await new Promise((resolve) => setTimeout(resolve, 3));
  const widgetEvents = [];
  const cti = new widget.CallingExtensions({
    eventHandlers: {
      onReady: (data) => widgetEvents.push(["ready", data.portalId]),
      onDialNumber: (data) => widgetEvents.push(["dial", data.phoneNumber]),
      onCreateEngagementSucceeded: (data) => widgetEvents.push(["engagement", data.engagementId]),
    },
  });

  // Before the handshake the host may send only SYNC.
  assert.equal(channel.send({ type: "DIAL_NUMBER", data: {} }), undefined);
  assert.match(host.lines("warn")[0], /iFrame not initialized/);

  const acks = [];
  const sync = channel.send({ type: "SYNC", hostUrl: HOST_ORIGIN, portalId: 5 }, (ack) => {
    acks.push(plain(ack));
    channel.origin = ack.iFrameUrl;
    channel.ready = true;
  });
  assert.match(sync.messageId, new RegExp(`^${channel.instanceId}_\\d+$`));
  await world.settle();
  assert.equal(acks.length, 1);
  assert.equal(acks[0].type, "SYNC_ACK");
  assert.equal(acks[0].messageId, sync.messageId);
  assert.deepEqual(hostInbox, [], "the SYNC_ACK went to the callback, not onMessage");

  channel.send({ type: "DIAL_NUMBER", data: { phoneNumber: "+1 555" } });
  await world.settle();
  cti.outgoingCall({ externalCallId: "x1", toNumber: "+1 555", createEngagement: true });
  await world.settle();
  assert.deepEqual(hostInbox.map((m) => m.type), ["OUTGOING_CALL_STARTED"]);
  channel.send({ type: "CREATE_ENGAGEMENT_SUCCEEDED", data: { engagementId: 99 } });
  await world.settle();

  assert.deepEqual(widgetEvents, [["ready", 5], ["dial", "+1 555"], ["engagement", 99]]);
  assert.ok(world.posts.every((p) => p.targetOrigin === (p.from === "host" ? WIDGET_ORIGIN : HOST_ORIGIN)));
  assert.deepEqual(taps, [
    ["dropped", "DIAL_NUMBER"], ["out", "SYNC"], ["in", "SYNC_ACK"], ["out", "DIAL_NUMBER"],
    ["in", "OUTGOING_CALL_STARTED"], ["out", "CREATE_ENGAGEMENT_SUCCEEDED"],
  ]);
  assert.ok(host.lines("debug").some((l) => l.startsWith("[calling-extensions] From widget OUTGOING_CALL_STARTED")));
});

test("the widget's tap sees the SYNC, the SYNC_ACK, dropped and ordinary messages", async () => {
  const { world, widget, toWidget } = twoSides();
  const cti = new widget.CallingExtensions({ eventHandlers: { onReady() {} } });
  const taps = [];
  cti.channel.tap = (direction, message) => taps.push([direction, message.type]);
  cti.userLoggedIn();
  toWidget.postMessage({ type: "SYNC", hostUrl: HOST_ORIGIN, messageId: "1_1" }, WIDGET_ORIGIN);
  await world.settle();
  cti.userAvailable();
  toWidget.postMessage({ type: "END_CALL", messageId: "1_2" }, WIDGET_ORIGIN);
  await world.settle();
  assert.deepEqual(taps, [
    ["dropped", "LOGGED_IN"], ["in", "SYNC"], ["out", "SYNC_ACK"], ["out", "USER_AVAILABLE"],
    ["in", "END_CALL"],
  ]);
});

test("close() stops listening", async () => {
  const { world, widget, toWidget } = twoSides();
  const cti = new widget.CallingExtensions({ eventHandlers: { onReady() {} } });
  cti.channel.close();
  toWidget.postMessage({ type: "SYNC", hostUrl: HOST_ORIGIN, messageId: "1_1" }, WIDGET_ORIGIN);
  await world.settle();
  assert.equal(world.posts.filter((p) => p.from === "widget").length, 0);
  assert.equal(cti.channel.ready, false);
});
