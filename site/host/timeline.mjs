// timeline.mjs: the page's timeline: one row per message (repeated SYNCs share one), a lane per widget
// frame, filters by text, type, direction, lane and problems, and a row to jump to from a problem.
import { elementMaker } from "./dom.mjs";
import { json } from "./values.mjs";

const LABELS = { toWidget: "→ widget", toHost: "← widget", host: "HubSpot" };
const TITLES = { toWidget: "HubSpot to the widget", toHost: "The widget to HubSpot", host: "HubSpot's own note" };
const SPOKEN = { toWidget: "to the", toHost: "from the", host: "HubSpot note on the" };

/** What the row's summary says after the type. */
export function brief(entry) {
  if (entry.direction === "host") {
    const d = entry.data || {};
    if (entry.type === "FRAME_LOADED") return d.url;
    if (entry.type === "SYNC_ACK_FAILED") return d.reason === "error" ? "the frame failed to load" : `no answer to ${d.syncs} SYNC`;
    return json(d);
  }
  if (entry.data === undefined) return "";
  const text = json(entry.data);
  return text === "{}" ? "" : text;
}

/** "mm:ss.mmm" since the page started. */
export function clock(time, startedAt) {
  const ms = Math.max(0, time - startedAt);
  const minutes = Math.floor(ms / 60000);
  const rest = ((ms % 60000) / 1000).toFixed(3).padStart(6, "0");
  return `${String(minutes).padStart(2, "0")}:${rest}`;
}

export class TimelineView {
  /**
   * document; host: the HostSimulator (its timeline and messages); ids of the list, the filter form
   * and its fields; startedAt: the page's start (ms); setTimeout for the brief highlight.
   */
  constructor({ document, host, startedAt, setTimeout = globalThis.setTimeout }) {
    Object.assign(this, { document, host, startedAt, setTimeout });
    this.el = elementMaker(document);
    const $ = (id) => document.getElementById(id);
    this.list = $("timeline");
    this.form = $("filters");
    this.fields = { text: $("filter-text"), type: $("filter-type"), direction: $("filter-direction"), lane: $("filter-lane"), problems: $("filter-problems") };
    this.count = $("message-count");
    this.types = new Set();
    this.lastRow = null;
    this.labels = {};
  }

  /** The lanes of the layout: a filter option and a tag on each row when there is more than the classic frame. */
  setLanes(frames) {
    this.labels = Object.fromEntries(frames.map((f) => [f.location, f.label]));
    const shown = frames.length > 1 || frames[0].location !== "widget";
    this.list.dataset.lanes = String(shown);
    const select = this.fields.lane;
    select.replaceChildren(this.el("option", { value: "", textContent: "Every frame" }),
      ...frames.map((f) => this.el("option", { value: f.location, textContent: f.label })));
    select.closest("label, .lane-filter").hidden = !shown;
  }

  /** A short spoken form of an entry, for the live region. */
  describe(entry) {
    const lane = (this.labels[entry.location] || "widget").toLowerCase();
    return `${entry.type} ${SPOKEN[entry.direction]} ${lane}${entry.ignored ? ", ignored" : ""}`;
  }

  filters() {
    const f = this.fields;
    return { text: f.text.value.trim().toLowerCase(), type: f.type.value, direction: f.direction.value, lane: f.lane.value, problems: f.problems.checked };
  }

  matches(entry, f = this.filters()) {
    if (f.type && entry.type !== f.type) return false;
    if (f.direction && entry.direction !== f.direction) return false;
    if (f.lane && entry.location !== f.lane) return false;
    if (f.problems && !(entry.problems && entry.problems.length)) return false;
    if (f.text && !`${entry.type} ${json(entry.message)}`.toLowerCase().includes(f.text)) return false;
    return true;
  }

  addType(type) {
    if (!type || this.types.has(type)) return;
    this.types.add(type);
    const select = this.fields.type;
    const next = [...select.options].slice(1).find((o) => o.value > type);
    select.insertBefore(this.el("option", { value: type, textContent: type }), next || null);
  }

  rowFor(entry) {
    const el = this.el;
    const lane = this.labels[entry.location];
    const summary = el("summary", { title: TITLES[entry.direction] },
      el("span", { className: "time", textContent: clock(entry.time, this.startedAt) }),
      el("span", { className: "dir", textContent: LABELS[entry.direction] }),
      el("span", { className: "type", textContent: entry.type }),
      el("span", { className: "brief", textContent: brief(entry) }),
      lane ? el("span", { className: `lane ${entry.location}`, textContent: entry.location, title: lane }) : null,
    );
    if (entry.ignored) summary.append(el("span", { className: "tag", textContent: "ignored", title: "HubSpot drops this message" }));
    const full = el("pre", { textContent: json(entry.message, 2), tabIndex: 0,
      attrs: { role: "region", "aria-label": `${entry.type} as JSON` } });
    const meta = el("p", { className: "meta", textContent: entry.messageId ? `messageId ${entry.messageId}` : "no messageId" });
    const row = el("li", { className: `entry ${entry.direction}`, dataset: { seq: entry.seq, type: entry.type, direction: entry.direction } },
      el("details", {}, summary, meta, full));
    if (entry.location) row.dataset.lane = entry.location;
    if (entry.ignored) row.classList.add("ignored");
    return row;
  }

  /** Flags the row of an entry that has problems. */
  mark(entry) {
    const row = entry && this.rowOf(entry.seq);
    if (!row || !entry.problems) return;
    row.classList.add("has-problem");
    row.dataset.rules = entry.problems.join(" ");
    const summary = row.querySelector("summary");
    if (!summary.querySelector(".flag")) summary.append(this.el("span", { className: "flag", textContent: "!", attrs: { "aria-label": "has a problem" } }));
    summary.querySelector(".flag").title = entry.problems.join(", ");
  }

  nearBottom() {
    const box = this.list;
    return box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  }

  append(entry, { scroll = true } = {}) {
    this.addType(entry.type);
    if (!this.matches(entry)) return;
    const box = this.list;
    const follow = scroll && this.nearBottom();
    const last = this.lastRow;
    // Repeated SYNCs (every 100 ms until SYNC_ACK) to one frame share one row with a counter.
    if (entry.type === "SYNC" && last && last.dataset.type === "SYNC" && last.dataset.lane === entry.location && last === box.lastElementChild) {
      const n = Number(last.dataset.count || 1) + 1;
      last.dataset.count = n;
      const summary = last.querySelector("summary");
      const badge = summary.querySelector(".repeat") || summary.appendChild(this.el("span", { className: "repeat" }));
      badge.textContent = `×${n}`;
      return;
    }
    this.lastRow = this.rowFor(entry);
    box.append(this.lastRow);
    this.mark(entry);
    if (follow) box.scrollTop = box.scrollHeight;
  }

  render() {
    this.list.replaceChildren();
    this.lastRow = null;
    for (const entry of this.host.timeline) this.append(entry, { scroll: false });
    this.list.scrollTop = this.list.scrollHeight;
    this.counted();
  }

  counted() {
    const f = this.filters();
    const shown = this.host.timeline.filter((entry) => this.matches(entry, f)).length;
    const total = this.host.timeline.length;
    this.count.textContent = shown === total ? `${this.host.messages.length} messages` : `${shown} of ${total} shown`;
  }

  rowOf(seq) {
    return this.list.querySelector(`.entry[data-seq="${seq}"]`);
  }

  /** Opens the row of an entry (clearing the filters if they hide it) and moves focus to it. */
  reveal(seq) {
    let row = this.rowOf(seq);
    if (!row) {
      this.form.reset();
      this.render();
      row = this.rowOf(seq);
    }
    if (!row) return;
    row.querySelector("details").open = true;
    row.scrollIntoView({ block: "center" });
    row.querySelector("summary").focus();
    row.classList.add("flash");
    this.setTimeout(() => row.classList.remove("flash"), 1200);
  }

  /** Re-renders on every change of the filters. */
  wire() {
    this.form.addEventListener("input", () => this.render());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("reset", () => this.setTimeout(() => this.render()));
  }
}
