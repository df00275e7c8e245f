// axe-core (Deque's accessibility engine) in a WebDriver session: injects the engine into the current
// frame, runs the WCAG 2.0 / 2.1 / 2.2 level A and AA rules and turns each violation into one line that
// names the page, the colour scheme, the rule and the element's selector.
//
//   const engine = axeSource();                       // AXE_JS (set by scripts/lib/a11y-tools.sh)
//   const browser = await Browser.start({ args: schemeArgs("dark") });
//   await expectScheme(browser, "dark");               // the page really sees prefers-color-scheme: dark
//   const lines = await axeViolations(browser, engine, { page: "/faq/", scheme: "dark" });
//   assert.deepEqual(lines, []);
import fs from "node:fs";

/** The axe tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added AA rules only). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const SCHEMES = ["light", "dark"];

/** The text of axe.min.js, from AXE_JS; a clear error when it is not there. */
export function axeSource() {
  const file = process.env.AXE_JS;
  if (!file || !fs.existsSync(file)) {
    throw new Error(`AXE_JS ${file ? `(${file}) does not exist` : "is not set"}: scripts/test fetches axe-core from PyPI; `
      + "by hand: `source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools`, then run node --test again in that shell.");
  }
  return fs.readFileSync(file, "utf8");
}

/**
 * Chromium arguments that make pages see `prefers-color-scheme: light` or `dark`
 * (Blink's preferredColorScheme setting: 0 is dark, 1 is light).
 */
export function schemeArgs(scheme) {
  if (!SCHEMES.includes(scheme)) throw new Error(`unknown colour scheme ${scheme}`);
  return [`--blink-settings=preferredColorScheme=${scheme === "dark" ? 0 : 1}`];
}

/** Fails unless the current page's matchMedia agrees with `scheme`. */
export async function expectScheme(browser, scheme) {
  const dark = await browser.execute(() => matchMedia("(prefers-color-scheme: dark)").matches);
  if (dark !== (scheme === "dark")) {
    throw new Error(`the browser was started for ${scheme} but the page sees prefers-color-scheme: ${dark ? "dark" : "light"}`);
  }
}

/** Injects axe into the current frame (once per document). */
async function inject(browser, engine) {
  const present = await browser.execute(() => typeof window.axe === "object" && typeof window.axe.run === "function");
  if (present) return;
  await browser.execute(`${engine}\n;return typeof window.axe;`);
}

/**
 * Runs the WCAG A/AA rules in the current frame (frames inside it are not entered: run it again inside
 * each, which is what a cross-origin frame needs anyway) and returns one line per failing element:
 * `page [scheme] rule (impact): selector: summary`.
 */
export async function axeViolations(browser, engine, { page, scheme, context = "document" }) {
  await inject(browser, engine);
  const violations = await browser.execute(async (tags, contextSelector) => {
    const context = contextSelector === "document" ? document : document.querySelector(contextSelector);
    const result = await window.axe.run(context, {
      runOnly: { type: "tag", values: tags },
      iframes: false,
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => [].concat(t).join(" >>> ")).join(" "), summary: n.failureSummary })),
    }));
  }, WCAG_TAGS, context);
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${page} [${scheme}] ${v.id} (${v.impact}): ${n.target}: ${v.help}. ${(n.summary || "").replace(/\s+/g, " ").trim()}`));
}
