// A copy of content/ for `devkit serve --content`, so that edits to the working tree during a test run
// (a rebuild, then a live reload of the page under test) cannot reach the pages a test is driving.
// Without DEVKIT_BIN (the static server) there is nothing to pass.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./site-server.mjs";

/** ["--content", <a fresh copy of content/>] for startSite's serveArgs, or [] without the dev server. */
export function frozenContent() {
  if (!process.env.DEVKIT_BIN) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devkit-content-"));
  fs.cpSync(path.join(repoRoot, "content"), dir, { recursive: true });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return ["--content", dir];
}
