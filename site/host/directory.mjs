// directory.mjs: the simulator's sample CRM: the records behind DIAL_NUMBER and the caller-ID matches
// HubSpot sends for INCOMING_CALL (content/reference/host-events.md).
import { textOf } from "./values.mjs";

/** Contacts and companies, each with one phone number. */
export const DIRECTORY = Object.freeze([
  { objectId: 901, objectType: "CONTACT", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+1 617 555 0123", title: "Analyst" },
  { objectId: 902, objectType: "CONTACT", firstName: "Grace", lastName: "Hopper", email: "grace@example.com", phone: "+1 617 555 0142", title: "Rear admiral" },
  { objectId: 903, objectType: "CONTACT", firstName: "Alan", lastName: "Turing", email: "alan@example.com", phone: "+44 20 7946 0958", title: "Cryptanalyst" },
  { objectId: 951, objectType: "COMPANY", name: "Analytical Engines Ltd", domain: "analytical.example", phone: "+1 617 555 0100" },
  { objectId: 952, objectType: "COMPANY", name: "Difference Works", domain: "difference.example", phone: "+1 212 555 0187" },
].map(Object.freeze));

const digits = (number) => textOf(number ?? "").replace(/\D/g, "");

/** The record with this phone number (the same digits, or the same last 10 digits), if any. */
export function lookupNumber(number, directory = DIRECTORY) {
  const wanted = digits(number);
  if (wanted.length < 4) return undefined;
  return directory.find((record) => {
    const own = digits(record.phone);
    return own === wanted || (wanted.length >= 10 && own.length >= 10 && own.slice(-10) === wanted.slice(-10));
  });
}

/** The record with this objectId, if any. */
export const recordById = (objectId, directory = DIRECTORY) =>
  directory.find((record) => String(record.objectId) === textOf(objectId));

/** A record as one entry of CALLER_ID_MATCH_SUCCEEDED's callerIdMatches. */
export function callerIdMatch(record, portalId, typeIds) {
  const objectCoordinates = { portalId, objectId: record.objectId, objectTypeId: typeIds[record.objectType] };
  return record.objectType === "COMPANY"
    ? { callerIdType: "COMPANY", objectCoordinates, name: record.name }
    : { callerIdType: "CONTACT", objectCoordinates, firstName: record.firstName, lastName: record.lastName, email: record.email };
}

/** The record's display name. */
export const recordName = (record) => (record.objectType === "COMPANY" ? record.name : `${record.firstName} ${record.lastName}`);

/** Initials for an avatar: "Ada Lovelace" -> "AL". */
export const initials = (record) => recordName(record).split(" ").map((word) => word[0]).join("").slice(0, 2);

const COUNTRY_CODES = [["1", "US"], ["44", "GB"], ["33", "FR"], ["49", "DE"], ["81", "JP"], ["61", "AU"]];

/** The ISO country of an international number by its calling code ("+44 …" -> "GB"), or undefined. */
export function countryCodeOf(number) {
  const text = String(number ?? "").trim();
  if (!text.startsWith("+")) return undefined;
  const found = COUNTRY_CODES.find(([code]) => digits(text).startsWith(code));
  return found && found[1];
}
