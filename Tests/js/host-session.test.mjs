// The simulator's pure parts: the layouts and URL parameters (site/host/session.mjs), the sample CRM
// (directory.mjs), DIAL_NUMBER's payload (dial-number.mjs) and "did you mean" (suggest.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULTS, URL_PARAMS, configFromParams, layoutOf, paramsFromConfig, flag } from "../../site/host/session.mjs";
import { countryCodeOf, lookupNumber, recordById, callerIdMatch } from "../../site/host/directory.mjs";
import { dialNumberData } from "../../site/host/dial-number.mjs";
import { closest } from "../../site/host/suggest.mjs";

const where = (config) => layoutOf({ ...DEFAULTS, ...config }).map((f) => `${f.location}${f.reportsCalls ? "*" : ""}`);

test("layoutOf: the classic panel, the remote and the window, the remote alone, the window alone, a forced location", () => {
  assert.deepEqual(where({}), ["widget*"]);
  assert.deepEqual(where({ usesRemote: true, usesCallingWindow: true }), ["remote", "window*"]);
  assert.deepEqual(where({ usesRemote: true }), ["remote*"]);
  assert.deepEqual(where({ usesCallingWindow: true }), ["window*"]);
  assert.deepEqual(where({ iframeLocation: "remote", usesCallingWindow: true }), ["remote*"]);
});

test("URL parameters: read with numbers and flags, written back without the defaults", () => {
  const params = new URLSearchParams("widget=x&portalId=555&engagementId=88&usesRemote&usesCallingWindow=true&iframeLocation=bogus&dialTimeout=900&width=px");
  const config = configFromParams(params);
  assert.deepEqual(config, { portalId: 555, engagementId: 88, width: "px", dialTimeout: 900, usesRemote: true, usesCallingWindow: true });
  assert.equal(configFromParams(new URLSearchParams("usesRemote=0&iframeLocation=window")).usesRemote, false);
  assert.deepEqual([flag("1"), flag("yes"), flag(""), flag("0"), flag("false"), flag("no")], [true, true, true, false, false, false]);
  const written = paramsFromConfig({ ...DEFAULTS, widgetUrl: "https://w.example/", usesRemote: true, usesCallingWindow: true, portalId: 555 });
  assert.equal(written.toString(), "widget=https%3A%2F%2Fw.example%2F&portalId=555&usesRemote=1&usesCallingWindow=1");
  assert.deepEqual(configFromParams(written), { portalId: 555, usesRemote: true, usesCallingWindow: true }, "a round trip");
  assert.equal(URL_PARAMS[0], "widget");
});

test("the sample CRM: numbers by their digits, records by id, caller-ID matches by type", () => {
  assert.equal(lookupNumber("(617) 555-0142").firstName, "Grace");
  assert.equal(lookupNumber("0142"), undefined, "too short to match");
  assert.equal(recordById("951").name, "Analytical Engines Ltd");
  assert.deepEqual(callerIdMatch(recordById(952), 1, { CONTACT: "0-1", COMPANY: "0-2" }),
    { callerIdType: "COMPANY", objectCoordinates: { portalId: 1, objectId: 952, objectTypeId: "0-2" }, name: "Difference Works" });
  assert.deepEqual(["+1 617", "+44 20", "+33 1", "617 555", "+999"].map(countryCodeOf), ["US", "GB", "FR", undefined, undefined]);
});

test("DIAL_NUMBER: the callee in calleeInfo, objectId the record viewed (0 from the dialer), every field HubSpot sends", () => {
  const session = { config: DEFAULTS, typeIds: { CONTACT: "0-1", COMPANY: "0-2" }, now: () => 42 };
  const fromDialer = dialNumberData("+44 20 7946 0958", {}, session);
  assert.deepEqual(Object.keys(fromDialer), ["phoneNumber", "phone_number", "countryCode", "calleeInfo", "ownerId", "subjectId", "objectId",
    "startTimestamp", "portalId", "toPhoneNumberSrc", "threadId", "startCall"]);
  assert.deepEqual([fromDialer.objectId, "objectType" in fromDialer, fromDialer.calleeInfo, fromDialer.countryCode, fromDialer.startTimestamp],
    [0, false, { calleeId: 903, calleeObjectTypeId: "0-1" }, "GB", 42]);
  const fromCompany = dialNumberData("+1 617 555 0123", { objectId: 951, startCall: true, threadId: "t1" }, session);
  assert.deepEqual([fromCompany.objectId, fromCompany.objectType, fromCompany.calleeInfo.calleeId, fromCompany.startCall, fromCompany.threadId],
    [951, "COMPANY", 901, true, "t1"]);
});

test("closest: a near type is suggested, a far one is not", () => {
  const types = ["OUTGOING_CALL_STARTED", "CALL_ENDED", "INITIALIZED"];
  assert.equal(closest("outgoing_call_start", types), "OUTGOING_CALL_STARTED");
  assert.equal(closest("CALL_ENDD", types), "CALL_ENDED");
  assert.equal(closest("DANCE", types), undefined);
});
