// announcer.mjs: what a screen reader hears as the session goes on: new problems at once, new messages
// in short batches, through one polite live region (the timeline itself would be far too chatty).

export class Announcer {
  /** region: an element with aria-live="polite"; timers: { setTimeout, clearTimeout }; delay in ms. */
  constructor(region, { timers = globalThis, delay = 800 } = {}) {
    Object.assign(this, { region, timers, delay, pending: [], timer: undefined });
  }

  /** Says `text` at once, after the messages waiting before it, so no later batch talks over it. */
  say(text) {
    this.flush();
    this.show(text);
  }

  problem(problem, title) {
    this.say(`Problem ${problem.rule}: ${title}.`);
  }

  /** A timeline entry; repeated SYNCs are left out. */
  message(entry, describe) {
    if (entry.type === "SYNC" && this.last === "SYNC") return;
    this.last = entry.type;
    this.pending.push(describe(entry));
    if (this.timer === undefined) this.timer = this.timers.setTimeout(() => this.flush(), this.delay);
  }

  flush() {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const items = this.pending.splice(0);
    const shown = items.slice(-3).join("; ");
    this.show(items.length > 3 ? `${items.length} new messages, the last: ${shown}.` : `${shown}.`);
  }

  show(text) {
    // A change of text is what the live region announces; clear first so a repeat is heard too.
    this.region.textContent = "";
    this.timers.setTimeout(() => (this.region.textContent = text), 50);
  }
}
