// Keyboard-only use of a page over WebDriver: real key presses (W3C actions), what has focus, and
// whether the focus is visible (a focus ring that :focus-visible draws) and on screen.
//
//   await press(browser, KEY.TAB);
//   const stop = await focused(browser);   // { tag, id, name, text, inMain, ring, onScreen, … }
//   const stops = await tabThrough(browser, { max: 200 });
import { WebDriverError } from "./webdriver.mjs";

/** WebDriver's codes for the keys the tests press. */
export const KEY = { CONTROL: "\uE009", TAB: "\uE004", ENTER: "\uE007", ESCAPE: "\uE00C", SHIFT: "\uE008", SPACE: " ", RIGHT: "\uE014", END: "\uE010" };

/** Presses each key in turn (down and up); a leading KEY.CONTROL or KEY.SHIFT is held down around the rest. */
export async function press(browser, keys) {
  const list = [].concat(keys);
  const modifiers = list.length > 1 && [KEY.CONTROL, KEY.SHIFT].includes(list[0]) ? [list.shift()] : [];
  const actions = [];
  for (const key of modifiers) actions.push({ type: "keyDown", value: key });
  for (const key of list) actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
  for (const key of [...modifiers].reverse()) actions.push({ type: "keyUp", value: key });
  await browser.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  await browser.command("DELETE", "/actions");
}

/** The element that has focus in the current frame, described (null when it is the body). */
export function focused(browser) {
  return browser.execute(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const label = element.getAttribute("aria-label") || element.labels?.[0]?.textContent || "";
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: typeof element.className === "string" ? element.className : "",
      role: element.getAttribute("role"),
      name: (label || element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60),
      href: element.getAttribute("href"),
      inMain: Boolean(element.closest("main")),
      focusVisible: element.matches(":focus-visible"),
      ring: outline || Boolean(shadow),
      ringColor: style.outlineColor,
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
        && rect.top < innerHeight && rect.left < innerWidth,
      scrollLeft: element.scrollLeft,
    };
  });
}

/** A short name of a focus stop for messages. */
export const describe = (stop) => (stop ? `${stop.tag}${stop.id ? `#${stop.id}` : ""}${stop.className ? `.${stop.className.split(" ")[0]}` : ""} "${stop.name}"` : "body");

/**
 * Presses Tab from the current focus until the focus comes back to the first stop or leaves the page
 * (body), at most `max` times; returns every stop in order.
 */
export async function tabThrough(browser, { max = 300 } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await press(browser, KEY.TAB);
    const stop = await focused(browser);
    if (!stop) return stops;
    if (stops.length && sameStop(stop, stops[0])) return stops;
    stops.push(stop);
  }
  throw new WebDriverError(`Tab went through ${max} stops without coming round: ${stops.slice(-5).map(describe).join(", ")}`);
}

const sameStop = (a, b) => a.tag === b.tag && a.id === b.id && a.name === b.name && a.href === b.href && a.className === b.className;
