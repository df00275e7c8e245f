// problem-list.mjs: the page's list of problems: each with its rule id, title, what happened, the fix,
// the frame it came from, and a button to the message it is about.
import { elementMaker } from "./dom.mjs";
import { RULES } from "./rules.mjs";

export class ProblemList {
  /** document; host: the HostSimulator; labels: location -> frame label; onShow(seq): jump to a message. */
  constructor({ document, host, onShow }) {
    Object.assign(this, { host, onShow, labels: {} });
    this.el = elementMaker(document);
    const $ = (id) => document.getElementById(id);
    Object.assign(this, { list: $("problems"), count: $("problem-count"), none: $("no-problems") });
  }

  setLanes(frames) {
    this.labels = frames.length > 1 || frames[0].location !== "widget" ? Object.fromEntries(frames.map((f) => [f.location, f.label])) : {};
  }

  append(problem) {
    const el = this.el;
    const rule = RULES[problem.rule] || { title: problem.rule, fix: "" };
    const lane = this.labels[problem.location];
    const head = el("p", { className: "problem-head" },
      el("code", { className: "rule", textContent: problem.rule }),
      problem.type ? el("span", { className: "problem-type", textContent: problem.type }) : null,
      lane ? el("span", { className: `lane ${problem.location}`, textContent: lane }) : null);
    if (problem.seq) {
      const button = el("button", { type: "button", className: "link", textContent: "Show message",
        title: problem.messageId ? `messageId ${problem.messageId}` : "This message has no messageId" });
      button.addEventListener("click", () => this.onShow(problem.seq));
      head.append(button);
    }
    const item = el("li", { className: "problem", dataset: { rule: problem.rule } }, head,
      el("p", { className: "problem-text" }, el("strong", { textContent: `${rule.title}. ` }), problem.message),
      rule.fix ? el("p", { className: "problem-fix" }, el("strong", { textContent: "Fix: " }), rule.fix) : null);
    this.list.append(item);
    this.counted();
  }

  render() {
    this.list.replaceChildren();
    for (const problem of this.host.problems) this.append(problem);
    this.counted();
  }

  counted() {
    const n = this.host.problems.length;
    this.count.textContent = String(n);
    this.count.dataset.count = String(n);
    this.count.setAttribute("aria-label", n === 1 ? "1 problem" : `${n} problems`);
    this.none.hidden = n > 0;
  }
}
