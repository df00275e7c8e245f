// The pages the accessibility tests visit, derived from the built site (DEVKIT_SITE_DIR), and a content
// copy with one long section so that a listing page (section/page/2/) exists too.
//
//   const content = makeListingContent();      // { dir, content }: LISTING_PATH exists there; rm -rf dir afterwards
//   const site = await startSite({ serveArgs: ["--content", content.content] });
//   for (const page of sitePages()) …            // "/", "/faq/", "/setup/", …, and "/no-such-page/" for the 404 page
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./site-server.mjs";

/** Folders of the built site that hold no page of their own. */
const NOT_PAGES = new Set(["assets"]);
/** Pages with their own tests in several states (the simulator frames a widget: a11y-host.test.mjs). */
const STATEFUL = new Set(["/host/"]);
export const MISSING_PAGE = "/no-such-page/"; // answered with the site's 404 page

/**
 * Chromium arguments for tests that visit many pages of `devkit serve`: without the back/forward cache.
 * A cached page keeps its live-reload EventSource open, and with six such sockets (Chromium's limit per
 * host) the next page waits about a minute for one to close.
 */
export const SWEEP_ARGS = ["--disable-features=BackForwardCache"];

/** The built site (DEVKIT_SITE_DIR); a clear error without it. */
export function builtSite() {
  const dir = process.env.DEVKIT_SITE_DIR;
  if (!dir || !fs.existsSync(path.join(dir, "index.html"))) {
    throw new Error(`DEVKIT_SITE_DIR ${dir ? `(${dir}) holds no index.html` : "is not set"}: build the site with `
      + "`$(swift build --show-bin-path)/devkit build --output DIR` and set DEVKIT_SITE_DIR=DIR (scripts/test does).");
  }
  return path.resolve(dir);
}

/** Every HTML file of the built site, relative to it ("index.html", "faq/index.html", "404.html", …). */
export function htmlFiles(dir = builtSite()) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".html") && !NOT_PAGES.has(file.split(path.sep)[0]))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** The URL path of each page of the built site (the 404 page as MISSING_PAGE), minus STATEFUL ones. */
export function sitePages(dir = builtSite()) {
  return htmlFiles(dir)
    .map((file) => (file === "404.html" ? MISSING_PAGE : `/${file.replace(/(^|\/)index\.html$/, "$1")}`))
    .filter((page) => !STATEFUL.has(page));
}

/** The text of the <title> of a page of the built site, by URL path (MISSING_PAGE: the 404 page). */
export function builtTitle(page, dir = builtSite()) {
  const file = page === MISSING_PAGE ? "404.html" : page.endsWith(".html") ? page.slice(1) : `${page.slice(1)}index.html`;
  const match = /<title>([^<]*)<\/title>/.exec(fs.readFileSync(path.join(dir, file), "utf8"));
  if (!match) throw new Error(`${file} of the built site has no <title>`);
  return match[1].replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

const LISTING_SECTION = "many-pages";
const LISTING_SIZE = 151; // one more than a listing page holds (DEVELOPERS.md, "Templates")
/** The second listing page of the long section that makeListingContent adds. */
export const LISTING_PATH = `/${LISTING_SECTION}/page/2/`;

/** A temporary copy of content/ plus a section long enough to have a second listing page. */
export function makeListingContent() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-a11y-content-"));
  const content = path.join(dir, "content");
  fs.cpSync(path.join(repoRoot, "content"), content, { recursive: true });
  const section = path.join(content, LISTING_SECTION);
  fs.mkdirSync(section);
  fs.writeFileSync(path.join(section, "index.md"),
    "---\ntitle: Many pages\ndescription: A long section made by the accessibility tests.\norder: 999\n---\n\nEvery page of this section.\n");
  for (let n = 1; n <= LISTING_SIZE; n++) {
    const name = `page-${String(n).padStart(3, "0")}`;
    fs.writeFileSync(path.join(section, `${name}.md`),
      `---\ntitle: Page ${n}\ndescription: Generated page number ${n}.\n---\n\nThe body of page ${n}.\n`);
  }
  return { dir, content };
}
