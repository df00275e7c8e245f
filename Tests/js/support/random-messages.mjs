// Random messages of the calling-extensions protocol for the property tests: mostly well-formed (types
// from the bridge's own tables, ids that collide with ones already used, plausible call payloads) and
// often not (no type, odd ids, URLs that are not URLs, any value at all as data or as the message).

/** URLs and things in their place: the two sides' origins, foreign ones, opaque ones, and non-URLs. */
export function urlChoices(...origins) {
  return [...origins, ...origins.map((o) => `${o}/some/path?q=1#h`), "https://evil.example", "https://evil.example:8443/x",
    "http://localhost:9025", "javascript:alert(1)", "data:text/html,hi", "blob:https://a.example/1", "foo://bar", "",
    "*", "/", "null", "not a url", "http://[::1", "https://user:pw@calls.example.com/", "//calls.example.com/x"];
}

/**
 * Makes messages from `types` (the protocol's message types); `ids` is a live list of message ids worth
 * repeating (the test pushes the ids it sees), `urls` a list from urlChoices().
 */
export class MessageMaker {
  constructor({ types, ids = [], urls = urlChoices(), callIds = ["c1", "c2", "c3"] }) {
    Object.assign(this, { types, ids, urls, callIds });
  }

  url(random) {
    return random.chance(0.85) ? random.pick(this.urls) : random.value({ depth: 1 });
  }

  /** A messageId: a fresh one, a repeated one (a reply, or a collision), or not an id at all. */
  id(random) {
    return random.weighted([
      [4, () => `w_${random.int(50)}`],
      [4, () => (this.ids.length ? random.pick(this.ids) : `w_${random.int(50)}`)],
      [1, () => random.int(1e6)],
      [1, () => random.pick(["", 0, null, undefined, false])],
      [1, () => random.value({ depth: 1 })],
    ]);
  }

  type(random) {
    return random.weighted([
      [12, () => random.pick(this.types)],
      [1, () => random.pick(this.types).toLowerCase()],
      [1, () => `${random.pick(this.types)}_FAILED`],
      [1, () => random.string()],
      [1, () => random.value({ depth: 1 })],
    ]);
  }

  /** A payload with the fields call events, sizes, records and errors use, each plausible or not. */
  payload(random) {
    const some = (plausible) => (random.chance(0.75) ? plausible() : random.value({ depth: 1 }));
    const fields = {
      externalCallId: () => some(() => random.pick(this.callIds)),
      toNumber: () => some(() => random.pick(["+1 617 555 0123", "+44 20 7946 0958", "123", ""])),
      fromNumber: () => some(() => random.pick(["+1 212 555 0187", "+1 617 555 0142"])),
      phoneNumber: () => some(() => "+1 617 555 0100"),
      createEngagement: () => some(() => random.chance(0.7)),
      engagementId: () => some(() => random.pick([72001, 72002, "72001", 44])),
      callEndStatus: () => some(() => random.pick(["COMPLETED", "BUSY", "NO_ANSWER", "HUNG_UP"])),
      hideWidget: () => some(() => random.chance(0.5)),
      width: () => some(() => random.pick([400, 0, -5, "400px", NaN])),
      height: () => some(() => random.pick([600, Infinity])),
      sizeInfo: () => some(() => ({ width: random.number(), height: random.number() })),
      isLoggedIn: () => some(() => random.chance(0.5)),
      isAvailable: () => some(() => random.chance(0.5)),
      objectCoordinates: () => some(() => ({ portalId: 1, objectId: random.pick([901, 951, 5]), objectTypeId: random.pick(["0-1", "0-2", "2-9"]) })),
      message: () => some(() => random.word()),
      type: () => some(() => "UNKNOWN_MESSAGE_TYPE"),
      iFrameUrl: () => this.url(random),
      isMinimized: () => some(() => random.chance(0.5)),
    };
    const payload = {};
    for (const [name, make] of Object.entries(fields)) if (random.chance(0.25)) payload[name] = make();
    return payload;
  }

  /** A message as a window might post it: usually an object with type and messageId, sometimes anything. */
  message(random) {
    if (random.chance(0.08)) return random.value();
    const message = {};
    if (random.chance(0.95)) message.type = this.type(random);
    if (random.chance(0.9)) message.messageId = this.id(random);
    if (random.chance(0.75)) message.data = random.chance(0.7) ? this.payload(random) : random.value();
    if (random.chance(0.2)) message.hostUrl = this.url(random);
    if (random.chance(0.2)) message.iFrameUrl = this.url(random);
    if (random.chance(0.1)) {
      Object.defineProperty(message, random.key(), { value: random.value({ depth: 1 }), enumerable: true, writable: true, configurable: true });
    }
    return message;
  }
}
