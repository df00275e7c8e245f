// Serves a copy of the site (plus extra folders, such as a test widget) on two origins for browser
// tests, and tells Chromium how to trust it.
//
//   const site = await startSite({ extras: { "bad-widget": fixtureDir } });
//   site.hostOrigin    // where the page under test runs:   https://127.0.0.1:<port> or http://127.0.0.1:<port>
//   site.widgetOrigin  // a second origin on the same server: https://localhost:<port>  or http://localhost:<port>
//   site.browserArgs   // extra Chromium arguments (the certificate pin for the dev server)
//   await site.close();
//
//   // Extra arguments for `devkit serve` (DEVKIT_BIN only; an error with the static server), e.g. a content copy:
//   const site = await startSite({ serveArgs: ["--content", contentCopy] });
//
// With DEVKIT_BIN set, the server is `$DEVKIT_BIN serve --port 0 --root <repo> --site <copy>` (HTTPS, with its
// certificate under a fresh DEVKIT_HOME); it must print a line containing https://localhost:<port>/ once it is
// listening. Chromium trusts its certificate by the SHA-256 of the leaf's public key
// (--ignore-certificate-errors-spki-list). Without DEVKIT_BIN, the node static server (static-server.mjs)
// serves the copy over HTTP. The site copied is the repository's site/ for the dev server, and
// DEVKIT_SITE_DIR (or site/) for the static one.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./static-server.mjs";
import { killGroup, running } from "./process-group.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const fixturesDir = path.resolve(here, "../fixtures");

/**
 * The directory whose copy is served: with DEVKIT_BIN the repository's site/ (the dev server builds it,
 * templates and all); else DEVKIT_SITE_DIR (a built site) or the repository's site/.
 */
export function siteSource() {
  if (process.env.DEVKIT_BIN) return path.join(repoRoot, "site");
  return path.resolve(process.env.DEVKIT_SITE_DIR || path.join(repoRoot, "site"));
}

/** base64 SHA-256 of the SubjectPublicKeyInfo of the first certificate in a PEM file (Chromium's SPKI pin). */
export function spkiHash(pemText) {
  const match = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pemText);
  if (!match) throw new Error("no certificate in the PEM file");
  const der = new crypto.X509Certificate(match[0]).publicKey.export({ type: "spki", format: "der" });
  return crypto.createHash("sha256").update(der).digest("base64");
}

/** Copies the site to a temporary directory and adds `extras` ({ "folder-name": sourceDir }). */
export function copySite(extras = {}) {
  const source = siteSource();
  if (!fs.existsSync(source)) throw new Error(`no site to serve at ${source}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-site-"));
  const copy = path.join(dir, "site");
  fs.cpSync(source, copy, { recursive: true });
  for (const [name, from] of Object.entries(extras)) fs.cpSync(from, path.join(copy, name), { recursive: true });
  return { dir, copy };
}

/** Starts the server; see the header comment. */
export async function startSite({ extras = {}, serveArgs = [], timeout = 30000 } = {}) {
  if (serveArgs.length && !process.env.DEVKIT_BIN) {
    throw new Error(`serveArgs (${serveArgs.join(" ")}) need the dev server: set DEVKIT_BIN (e.g. DEVKIT_BIN=.build/debug/devkit).`);
  }
  const { dir, copy } = copySite(extras);
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const site = process.env.DEVKIT_BIN ? await startDevkit(copy, dir, timeout, serveArgs) : await startStatic(copy);
    const close = site.close;
    return Object.assign(site, { siteDir: copy, close: async () => { await close(); cleanup(); } });
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function startStatic(copy) {
  const server = await serveStatic({ root: copy, fixtures: fixturesDir });
  return {
    kind: "static",
    port: server.port,
    hostOrigin: `http://127.0.0.1:${server.port}`,
    widgetOrigin: `http://localhost:${server.port}`,
    browserArgs: [],
    requests: server.requests,
    close: () => server.close(),
  };
}

async function startDevkit(copy, dir, timeout, serveArgs) {
  const bin = process.env.DEVKIT_BIN;
  if (!fs.existsSync(bin)) throw new Error(`DEVKIT_BIN=${bin} does not exist; build it with \`swift build\`.`);
  const home = path.join(dir, "home");
  fs.mkdirSync(home);
  const args = ["serve", "--port", "0", "--root", repoRoot, "--site", copy, ...serveArgs];
  const child = spawn(bin, args, { env: { ...process.env, DEVKIT_HOME: home }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.add(child);
  let output = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`printed no https://localhost:<port>/ line within ${timeout} ms`), timeout);
    function fail(why) {
      clearTimeout(timer);
      killGroup(child, "SIGKILL");
      reject(new Error(`\`${bin} ${args.join(" ")}\` ${why}. Its output:\n${output}`));
    }
    const read = (chunk) => {
      output += chunk;
      const match = /https:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", (error) => fail(`could not start: ${error.message}`));
    child.once("exit", (code, signal) => fail(`exited (${signal || code}) before listening`));
  });
  const pem = path.join(home, "localhost.pem");
  if (!fs.existsSync(pem)) {
    killGroup(child, "SIGKILL");
    throw new Error(`the dev server listens on ${port} but wrote no certificate at ${pem}. Its output:\n${output}`);
  }
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      killGroup(child, "SIGINT"); // as Ctrl-C
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, "SIGKILL"); // anything it left behind in its group
    child.stdout.destroy();
    child.stderr.destroy();
    running.delete(child);
  };
  return {
    kind: "devkit",
    port,
    hostOrigin: `https://127.0.0.1:${port}`,
    widgetOrigin: `https://localhost:${port}`,
    browserArgs: [`--ignore-certificate-errors-spki-list=${spkiHash(fs.readFileSync(pem, "utf8"))}`],
    output: () => output,
    close,
  };
}
