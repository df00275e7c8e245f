// Checks the code samples in the guides (content/**/*.md).
//
// Every fenced block whose info string starts with `js` or `javascript` must be a complete ES
// module that `node --check` accepts; every `json` block must parse with JSON.parse.
//
// Run from the repository root: node --test Tests/js/guide-snippets.test.mjs

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const contentDir = join(repoRoot, "content");

const JS_LANGUAGES = new Set(["js", "javascript"]);
const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// A fence indented by four or more columns is indented code (or sits in a nested container this
// extractor does not model); flag it rather than skip a sample silently.
const DEEP_JS_FENCE = /^(?: {4,}|\t)[ \t]*(?:`{3,}|~{3,})[ \t]*(?:js|javascript)(?:[ \t]|$)/i;

/**
 * Returns the fenced code blocks of a CommonMark document, in order, as
 * `{ line, info, language, code }` (`line` is the 1-based line of the opening fence).
 *
 * Follows CommonMark's rules for fences at the top level: an opening fence is three or more
 * backticks or tildes indented by at most three spaces; a backtick fence's info string may not
 * contain a backtick; the block ends at a fence of the same character that is at least as long
 * and carries no info string, or at the end of the document; content lines lose up to as many
 * leading spaces as the opening fence had. Indented code blocks are not fenced blocks and are
 * ignored. A YAML front matter block at the very top is skipped.
 */
export function extractFencedBlocks(markdown) {
  const lines = markdown.split(/\r\n|\n|\r/);
  const blocks = [];
  let index = skipFrontMatter(lines);
  while (index < lines.length) {
    const opening = parseOpeningFence(lines[index]);
    if (!opening) {
      index += 1;
      continue;
    }
    const content = [];
    let cursor = index + 1;
    while (cursor < lines.length && !closesFence(lines[cursor], opening)) {
      content.push(stripIndent(lines[cursor], opening.indent));
      cursor += 1;
    }
    blocks.push({
      line: index + 1,
      info: opening.info,
      language: opening.info.split(/\s+/)[0].toLowerCase(),
      code: content.length > 0 ? `${content.join("\n")}\n` : "",
    });
    index = cursor + 1;
  }
  return blocks;
}

/** Returns the 1-based lines, outside fenced blocks, that look like a JS fence indented too far. */
export function findDeepJavaScriptFences(markdown) {
  const lines = markdown.split(/\r\n|\n|\r/);
  const inside = new Set();
  for (const block of extractFencedBlocks(markdown)) {
    const length = block.code === "" ? 0 : block.code.split("\n").length - 1;
    for (let line = block.line; line <= block.line + length + 1; line += 1) inside.add(line);
  }
  const found = [];
  lines.forEach((text, i) => {
    if (!inside.has(i + 1) && DEEP_JS_FENCE.test(text)) found.push(i + 1);
  });
  return found;
}

function skipFrontMatter(lines) {
  if (lines[0]?.trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i += 1) {
    const text = lines[i].trimEnd();
    if (text === "---" || text === "...") return i + 1;
  }
  return 0;
}

function parseOpeningFence(text) {
  const match = OPENING_FENCE.exec(text);
  if (!match) return null;
  const [, indent, fence, rest] = match;
  const info = rest.trim();
  if (fence[0] === "`" && info.includes("`")) return null;
  return { indent: indent.length, char: fence[0], length: fence.length, info };
}

function closesFence(text, opening) {
  const match = CLOSING_FENCE.exec(text);
  return match !== null && match[1][0] === opening.char && match[1].length >= opening.length;
}

function stripIndent(text, count) {
  let removed = 0;
  while (removed < count && text[removed] === " ") removed += 1;
  return text.slice(removed);
}

function markdownFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".md")) files.push(path);
  }
  return files.sort();
}

function displayPath(path) {
  return relative(repoRoot, path).split(sep).join("/");
}

const scratch = mkdtempSync(join(tmpdir(), "guide-snippets-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let scratchCount = 0;

/** Runs `node --check` on `code` saved as an .mjs file; returns `{ ok, stderr }`. */
function checkModule(code) {
  scratchCount += 1;
  const file = join(scratch, `snippet-${scratchCount}.mjs`);
  writeFileSync(file, code);
  const result = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
  const stderr = `${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, stderr: stderr.split(file).join("<snippet>") };
}

function collectGuideBlocks() {
  const js = [];
  const json = [];
  const deep = [];
  let files = [];
  try {
    files = markdownFiles(contentDir);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  for (const file of files) {
    const markdown = readFileSync(file, "utf8");
    const path = displayPath(file);
    for (const block of extractFencedBlocks(markdown)) {
      const entry = { ...block, name: `${path}:${block.line}` };
      if (JS_LANGUAGES.has(block.language)) js.push(entry);
      else if (block.language === "json") json.push(entry);
    }
    for (const line of findDeepJavaScriptFences(markdown)) deep.push(`${path}:${line}`);
  }
  return { files, js, json, deep };
}

const guides = collectGuideBlocks();

test("content/ has JavaScript samples to check", () => {
  assert.ok(guides.files.length > 0, `no Markdown files under ${contentDir}`);
  assert.ok(guides.js.length > 0, "no ```js or ```javascript block found in content/");
});

test("every js/javascript block in content/ passes node --check", async (t) => {
  for (const block of guides.js) {
    await t.test(block.name, () => {
      const { ok, stderr } = checkModule(block.code);
      assert.ok(ok, `${block.name}: node --check failed\n${stderr}`);
    });
  }
});

test("every json block in content/ is valid JSON", async (t) => {
  for (const block of guides.json) {
    await t.test(block.name, () => {
      try {
        JSON.parse(block.code);
      } catch (error) {
        assert.fail(`${block.name}: ${error.message}`);
      }
    });
  }
});

test("no js fence in content/ is indented too far to be checked", () => {
  assert.deepEqual(
    guides.deep,
    [],
    "these look like JavaScript fences inside indented code or nested lists; they are not checked",
  );
});

const SAMPLE = [
  "---", // 1
  "title: Sample", // 2
  "```js", // 3: inside front matter, not a fence
  "---", // 4
  "", // 5
  "```js", // 6
  "export const ok = 1;", // 7
  "```", // 8
  "", // 9
  "~~~javascript title=bad.js", // 10
  "const = 2;", // 11
  "~~~", // 12
  "", // 13
  "````JS", // 14
  "/*", // 15
  "```", // 16: too short to close a four-backtick fence
  "*/", // 17
  "````", // 18
  "", // 19
  "    ```js", // 20: indented code, not a fence
  "    this is not checked(", // 21
  "    ```", // 22
  "", // 23
  "```jsx", // 24
  "<div />", // 25
  "```", // 26
  "", // 27
  "``` js `not a fence`", // 28: backtick in the info string
  "", // 29
  "  ```json", // 30
  '  { "a": [1,', // 31
  "    2] }", // 32
  "   ```   ", // 33
  "", // 34
  "~~~js", // 35
  "```", // 36: backticks do not close a tilde fence
  "~~~~", // 37
  "", // 38
  "```js", // 39: never closed, runs to the end
  "let tail = true;", // 40
].join("\r\n");

test("extractor: finds fences the way CommonMark does", () => {
  const blocks = extractFencedBlocks(SAMPLE);
  assert.deepEqual(
    blocks.map(({ line, language }) => ({ line, language })),
    [
      { line: 6, language: "js" },
      { line: 10, language: "javascript" },
      { line: 14, language: "js" },
      { line: 24, language: "jsx" },
      { line: 30, language: "json" },
      { line: 35, language: "js" },
      { line: 39, language: "js" },
    ],
  );
  assert.equal(blocks[0].code, "export const ok = 1;\n");
  assert.equal(blocks[1].info, "javascript title=bad.js");
  assert.equal(blocks[2].code, "/*\n```\n*/\n");
  assert.equal(blocks[4].code, '{ "a": [1,\n  2] }\n');
  assert.equal(blocks[5].code, "```\n");
  assert.equal(blocks[6].code, "let tail = true;\n");
  assert.deepEqual(findDeepJavaScriptFences(SAMPLE), [20]);
});

test("extractor: a bad snippet is detected, a good one passes", () => {
  const blocks = extractFencedBlocks(SAMPLE).filter((block) => JS_LANGUAGES.has(block.language));
  const results = blocks.map((block) => checkModule(block.code));
  assert.deepEqual(
    results.map((result) => result.ok),
    [true, false, true, false, true],
  );
  assert.match(results[1].stderr, /SyntaxError/);
  assert.throws(() => JSON.parse(extractFencedBlocks("```json\n{ bad }\n```\n")[0].code), SyntaxError);
  assert.doesNotThrow(() => JSON.parse(extractFencedBlocks(SAMPLE)[4].code));
});
