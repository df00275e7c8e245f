// dial-number.mjs: the DIAL_NUMBER payload as HubSpot really sends it (content/reference/host-events.md):
// the number twice (phoneNumber and phone_number), the callee in calleeInfo, and objectId/objectType
// for the record the user is viewing (0 and no type from the dialer), which need not be the callee.
import { countryCodeOf, lookupNumber, recordById } from "./directory.mjs";
import { compact, missing } from "./values.mjs";

/**
 * number: what the user clicked. options: objectId/objectType (the record being viewed), calleeInfo,
 * startCall, toPhoneNumberSrc, countryCode, ownerId, portalId, subjectId, threadId, startTimestamp.
 * session: { config, typeIds, now }.
 */
export function dialNumberData(number, options, { config, typeIds, now }) {
  const phoneNumber = String(number);
  const callee = lookupNumber(phoneNumber);
  const objectId = missing(options.objectId) ? 0 : options.objectId;
  const viewed = objectId ? recordById(objectId) : undefined;
  const objectType = options.objectType ?? (viewed ? viewed.objectType : undefined);
  const calleeInfo = options.calleeInfo ??
    (callee ? { calleeId: callee.objectId, calleeObjectTypeId: typeIds[callee.objectType] } : undefined);
  return compact({
    phoneNumber,
    phone_number: phoneNumber,
    countryCode: options.countryCode ?? countryCodeOf(phoneNumber),
    calleeInfo,
    ownerId: options.ownerId ?? config.ownerId,
    subjectId: options.subjectId ?? objectId,
    objectId,
    objectType,
    startTimestamp: options.startTimestamp ?? now(),
    portalId: options.portalId ?? config.portalId,
    toPhoneNumberSrc: options.toPhoneNumberSrc ?? (callee ? "Phone number" : undefined),
    threadId: options.threadId ?? null,
    startCall: options.startCall ?? false,
  });
}
