// Drives the blueprint widget (site/blueprint/) inside the host simulator over WebDriver: opens the
// simulator with the blueprint in its frame(s), runs steps inside a frame, types, presses keys.
//
//   const bp = blueprintDriver(browser, site);
//   await bp.open({ ringMs: 300 }, { usesRemote: "1", usesCallingWindow: "1" });
//   await bp.inFrame("remote", async () => { await bp.logIn(); await browser.click("#call"); });
//   await bp.problems();   // devkitHost.problems

/** The simulator's iframe ids by iframeLocation (the frame that reports calls gets HubSpot's own id). */
export const FRAMES = { main: "#hubspot-calling-extension-iframe", remote: "#hubspot-calling-extension-remote-iframe" };

export function blueprintDriver(browser, site) {
  const elementId = (ref) => Object.values(ref)[0];
  const d = {
    /** The simulator on the host origin, framing /blueprint/ from the widget origin. */
    async open(widgetParams = {}, hostParams = {}) {
      await browser.switchToFrame(null);
      const widget = `${site.widgetOrigin}/blueprint/?${new URLSearchParams({ ringMs: "300", ...widgetParams })}`;
      await browser.navigate(`${site.hostOrigin}/host/?${new URLSearchParams({ widget, ...hostParams })}`);
      await browser.waitFor(() => window.devkitHost && window.devkitHost.ready, { message: "the handshake (devkitHost.ready)" });
    },
    /** Runs `fn` inside a frame ("main" or "remote"), then comes back to the simulator. */
    async inFrame(frame, fn) {
      await browser.switchToFrame(FRAMES[frame] || frame);
      try {
        return await fn();
      } finally {
        await browser.switchToFrame(null);
      }
    },
    /** Types into a field (WebDriver's element send keys: real key events). */
    async type(selector, text) {
      const ref = await browser.find(selector);
      await browser.command("POST", `/element/${elementId(ref)}/clear`, {});
      await browser.command("POST", `/element/${elementId(ref)}/value`, { text });
    },
    /** Presses keys on whatever has the focus ("\uE004" is Tab, "\uE007" Enter, " " Space). */
    async keys(...keys) {
      const actions = keys.flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
      await browser.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
      await browser.command("DELETE", "/actions");
    },
    /** The screen the blueprint shows (data-screen of the visible section). */
    screen: () => browser.execute(() => document.querySelector("[data-screen]:not([hidden])")?.dataset.screen),
    waitForScreen: (name) => browser.waitFor((n) => document.querySelector(`[data-screen="${n}"]:not([hidden])`), { args: [name], message: `the ${name} screen` }),
    /** Logs in by the form (in the current frame). */
    async logIn(user = "ada") {
      await d.waitForScreen("login");
      await d.type("#login-user", user);
      await d.type("#login-password", "demo\uE007");
      await d.waitForScreen("keypad");
    },
    /** Sets a <select> or <input> and fires the event the view listens to. */
    set: (selector, value, event = "change") => browser.execute((s, v, e) => {
      const field = document.querySelector(s);
      field.value = v;
      field.dispatchEvent(new Event(e, { bubbles: true }));
    }, selector, value, event),
    messages: () => browser.execute(() => window.devkitHost.messages.map(({ direction, location, type, data }) => ({ direction, location, type, data }))),
    /** The widget's messages to HubSpot, by type (SYNC_ACK left out), from one frame or all. */
    async sent(location) {
      return (await d.messages()).filter((m) => m.direction === "toHost" && m.type !== "SYNC_ACK" && (!location || m.location === location)).map((m) => m.type);
    },
    waitForMessage: (type, direction = "toWidget", count = 1) => browser.waitFor(
      (t, dir, n) => window.devkitHost.messages.filter((m) => m.type === t && m.direction === dir).length >= n,
      { args: [type, direction, count], message: `${count} × ${type} (${direction})` }),
    problems: () => browser.execute(() => window.devkitHost.problems.map((p) => `${p.rule}: ${p.message}`)),
  };
  return d;
}
