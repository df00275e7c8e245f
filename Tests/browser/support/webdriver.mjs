// A tiny WebDriver client for headless Chromium: starts chromedriver on a free port, speaks the W3C
// WebDriver HTTP protocol with fetch, and always cleans up its processes. No dependencies.
//
//   const browser = await Browser.start();            // throws a clear Error if Chromium can't start
//   await browser.navigate("http://127.0.0.1:8080/");
//   await browser.switchToFrame(await browser.find("iframe"));
//   await browser.click("#initialized");
//   const value = await browser.execute("return document.title");
//   await browser.setViewportSize(1280, 800);        // the page's viewport, whatever the window's frame
//   await browser.screenshot("artifacts/page.png");
//   await browser.quit();
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { killGroup, running } from "./process-group.mjs";

export const CHROMEDRIVER = process.env.CHROMEDRIVER || "/usr/bin/chromedriver";
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf"; // the W3C key of an element reference

/** A TCP port that was free a moment ago, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class WebDriverError extends Error {}

export class Browser {
  constructor(child, base, sessionId) {
    this.child = child;
    this.base = base;
    this.sessionId = sessionId;
  }

  /** Starts chromedriver and one headless Chromium session. */
  static async start({ args = [], windowSize = [1024, 800], timeout = 20000 } = {}) {
    for (const [file, pkg] of [[CHROMEDRIVER, "chromium-driver"], [CHROMIUM, "chromium"]]) {
      if (!fs.existsSync(file)) {
        throw new WebDriverError(`${file} not found: install it with \`apt-get install -y ${pkg}\` (or set ${file === CHROMIUM ? "CHROMIUM" : "CHROMEDRIVER"}).`);
      }
    }
    const port = await freePort();
    const child = spawn(CHROMEDRIVER, [`--port=${port}`], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    running.add(child);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.once("exit", () => running.delete(child));
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForDriver(base, exited, timeout, () => output);
      const capabilities = {
        browserName: "chrome",
        "goog:chromeOptions": {
          binary: CHROMIUM,
          args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            `--window-size=${windowSize.join(",")}`, ...args],
        },
      };
      const reply = await request(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
      return new Browser(child, base, reply.sessionId);
    } catch (error) {
      killGroup(child, "SIGKILL");
      throw new WebDriverError(`Could not start headless Chromium (${CHROMIUM}) via chromedriver: ${error.message}\n${output}`.trim());
    }
  }

  command(method, route, body) {
    return request(this.base, method, `/session/${this.sessionId}${route}`, body);
  }

  navigate(url) {
    return this.command("POST", "/url", { url });
  }

  /** The element reference for a CSS selector (in the current frame); throws if there is none. */
  async find(selector) {
    return this.command("POST", "/element", { using: "css selector", value: selector });
  }

  async findAll(selector) {
    return this.command("POST", "/elements", { using: "css selector", value: selector });
  }

  /** Clicks an element (a reference or a CSS selector). */
  async click(target) {
    const element = typeof target === "string" ? await this.find(target) : target;
    return this.command("POST", `/element/${element[ELEMENT]}/click`, {});
  }

  /** Switches into a frame (an element reference or a CSS selector), or to the top page with null. */
  async switchToFrame(target) {
    const id = typeof target === "string" ? await this.find(target) : target;
    return this.command("POST", "/frame", { id });
  }

  switchToParentFrame() {
    return this.command("POST", "/frame/parent", {});
  }

  /** Runs a script (a function body, or a function called with args) and returns its result. */
  execute(script, ...args) {
    const body = typeof script === "function" ? `return (${script}).apply(null, arguments);` : script;
    return this.command("POST", "/execute/sync", { script: body, args });
  }

  /** Polls `script` until it returns something truthy; fails with `message` after `timeout` ms. */
  async waitFor(script, { timeout = 10000, interval = 50, message = "condition", args = [] } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.execute(script, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new WebDriverError(`Timed out after ${timeout} ms waiting for ${message}`);
      await sleep(interval);
    }
  }

  /** Resizes the window so that the page's viewport (innerWidth × innerHeight) is width × height. */
  async setViewportSize(width, height) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [innerWidth, innerHeight] = await this.execute(() => [window.innerWidth, window.innerHeight]);
      if (innerWidth === width && innerHeight === height) return;
      const rect = await this.command("GET", "/window/rect");
      await this.command("POST", "/window/rect", { width: rect.width + width - innerWidth, height: rect.height + height - innerHeight });
    }
  }

  /** A PNG of the viewport, or of one element; written to `file` when given. */
  async screenshot(file, element) {
    const route = element ? `/element/${(typeof element === "string" ? await this.find(element) : element)[ELEMENT]}/screenshot` : "/screenshot";
    const png = Buffer.from(await this.command("GET", route), "base64");
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, png);
    }
    return png;
  }

  /** Ends the session and stops chromedriver (and with it Chromium). Safe to call twice. */
  async quit() {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    try {
      await Promise.race([request(this.base, "DELETE", `/session/${this.sessionId}`), sleep(5000)]);
    } catch {
      // the session may already be gone
    }
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      killGroup(child, "SIGTERM");
      await Promise.race([exited, sleep(2000)]);
    }
    killGroup(child, "SIGKILL"); // anything left in the group, such as a stuck Chromium
    running.delete(child);
  }
}

async function waitForDriver(base, exited, timeout, output) {
  const deadline = Date.now() + timeout;
  let gone = false;
  exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`chromedriver exited early: ${output()}`);
    try {
      const status = await request(base, "GET", "/status");
      if (status && status.ready) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`chromedriver did not answer on ${base} within ${timeout} ms`);
    await sleep(50);
  }
}

async function request(base, method, route, body) {
  const response = await fetch(base + route, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(`${method} ${route}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const value = json.value;
  if (!response.ok || (value && value.error)) {
    throw new WebDriverError(`${method} ${route}: ${value && value.error}: ${value && value.message}`);
  }
  return value;
}
