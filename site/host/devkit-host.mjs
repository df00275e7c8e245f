// devkit-host.mjs: window.devkitHost, the simulator's scripting interface for tests and CI (`devkit
// check` drives it over WebDriver). Documented in content/simulator.md ("Script it"); keep the two in step.
import { timelineAsMermaid } from "./mermaid-export.mjs";
import { RULES } from "./rules.mjs";
import { frameId } from "./stage.mjs";

/** host: the HostSimulator; page: { load(url), reload(), configure(changes) } of the page. */
export function createDevkitHost(host, page) {
  return Object.freeze({
    /** true once every frame of the layout has answered SYNC. */
    get ready() { return host.ready; },
    get messages() { return host.messages; },
    get problems() { return host.problems; },
    get timeline() { return host.timeline; },
    get calls() { return host.calls.list; },
    get config() { return { ...host.config }; },
    get widget() { return { ...host.widget }; },
    get frames() {
      return host.frames.map((f) => ({ location: f.location, label: f.label, reportsCalls: f.reportsCalls, ready: f.ready,
        selector: `#${frameId(f, host.frames)}`, widget: { ...f.widget } }));
    },
    get switches() { return { ...host.switches }; },
    rules: RULES,
    load: (url) => page.load(url),
    reload: () => page.reload(),
    configure: (changes) => page.configure(changes),
    dial: (number, options) => host.dial(number, options),
    endCall: (options) => host.endCall(options),
    setVisibility: (visibility, options) => host.setVisibility(visibility, options),
    send: (type, data, options) => host.send(type, data, options),
    failNextEngagementCreate: (on = true) => host.failNextEngagementCreate(on),
    failNextEngagementUpdate: (on = true) => host.failNextEngagementUpdate(on),
    failNextCallerIdMatch: (on = true) => host.failNextCallerIdMatch(on),
    endSession: () => host.endSession(),
    reset: () => host.reset(),
    on: (listener) => host.on(listener),
    export: () => host.export(),
    timelineAsMermaid: (options) => timelineAsMermaid(host, options),
  });
}
