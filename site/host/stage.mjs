// stage.mjs: the widget's frames as HubSpot makes them: one iframe per frame of the layout (the call
// panel; or the remote and the calling window, side by side and labelled), each reporting its `load`
// and `error` to the simulator, resized and hidden as the widget and HubSpot ask.
import { elementMaker } from "./dom.mjs";

/** The frame that reports calls gets HubSpot's iframe id; the remote beside a calling window gets its own. */
export const frameId = (frame, frames) =>
  (frame.reportsCalls || frames.length === 1 ? "hubspot-calling-extension-iframe" : `hubspot-calling-extension-${frame.location}-iframe`);

export class Stage {
  /** document; host: the HostSimulator. */
  constructor({ document, host }) {
    Object.assign(this, { document, host, iframes: new Map() });
    this.el = elementMaker(document);
    const $ = (id) => document.getElementById(id);
    Object.assign(this, { box: $("frame-box"), holder: $("frame-holder"), note: $("frame-note"), reopen: $("reopen"), size: $("frame-size") });
  }

  /** One labelled iframe per frame of the host's layout (replacing what was there). */
  build() {
    const { el, host } = this;
    this.iframes.clear();
    const frames = host.frames;
    this.holder.dataset.frames = String(frames.length);
    this.holder.replaceChildren(...frames.map((frame) => {
      const iframe = el("iframe", {
        id: frameId(frame, frames),
        allow: "microphone; autoplay",
        title: `The calling widget: ${frame.label.toLowerCase()} (iframeLocation ${frame.location})`,
        width: String(host.config.width),
        height: String(host.config.height),
      });
      // A frame without src fires `load` for about:blank on insertion: not the widget.
      iframe.addEventListener("load", () => iframe.getAttribute("src") && host.load(iframe.contentWindow, frame.location));
      iframe.addEventListener("error", () => host.loadError(frame.location));
      this.iframes.set(frame.location, iframe);
      const titleId = `frame-title-${frame.location}`;
      return el("section", { className: "frame", dataset: { location: frame.location }, attrs: { "aria-labelledby": titleId } },
        el("div", { className: "frame-bar" },
          el("h2", { id: titleId, className: "frame-title", textContent: frame.label }),
          el("span", { className: "hint", textContent: `iframeLocation ${frame.location}${frame.reportsCalls ? " · reports calls" : " · relays to the calling window"}` }),
          el("span", { className: "frame-state", dataset: { state: "waiting" }, textContent: "waiting" })),
        iframe);
    }));
    for (const frame of frames) frame.attach(this.iframes.get(frame.location).contentWindow);
    this.sized();
  }

  /** Loads (or reloads) the widget's URL in every frame; each `load` is a fresh handshake. */
  load(url) {
    for (const iframe of this.iframes.values()) iframe.src = url; // setting src loads the page again even when it is the same URL
  }

  resize(location, width, height) {
    const iframe = this.iframes.get(location);
    if (!iframe) return;
    if (width !== undefined) iframe.width = String(width);
    if (height !== undefined) iframe.height = String(height);
    this.sized();
  }

  sized() {
    this.size.textContent = [...this.iframes.values()].map((f) => `${f.width} × ${f.height}`).join(", ");
  }

  /** Each frame's bar: waiting, connected or failed. */
  status() {
    for (const frame of this.host.frames) {
      const state = this.holder.querySelector(`.frame[data-location="${frame.location}"] .frame-state`);
      if (!state) continue;
      const failed = frame.handshake && frame.handshake.failed;
      const value = frame.ready ? "connected" : failed ? "failed" : "waiting";
      state.dataset.state = value;
      state.textContent = frame.ready && frame.widget.version ? `${value} · SDK ${frame.widget.version}` : value;
    }
  }

  visibility({ isMinimized, isHidden, reason }) {
    this.box.dataset.visibility = isHidden ? "hidden" : isMinimized ? "minimised" : "shown";
    this.reopen.hidden = !(isHidden || isMinimized);
    this.note.hidden = !(isHidden || isMinimized);
    this.note.textContent = isHidden
      ? reason === "CALL_COMPLETED" ? "HubSpot closed the call panel after CALL_COMPLETED (hideWidget was not false)." : "The call panel is hidden (VISIBILITY_CHANGED isHidden)."
      : "The call panel is minimised (VISIBILITY_CHANGED isMinimized).";
  }
}
