// Keeps the Japanese guides (content/ja/) in step with the English ones (content/): every English
// page has a Japanese twin and no twin lacks an original; each pair has the same headings (count
// and levels), the same code blocks byte for byte apart from comment lines, and the same internal
// links (the files they point at; anchors differ, since headings are translated).
//
// Run from the repository root: node --test Tests/js/translations.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const contentDir = fileURLToPath(new URL("../../content/", import.meta.url));
const translated = "ja";

function markdownFiles(folder, skip) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === skip ? [] : markdownFiles(path, skip);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

// The parts of a page the twins must share. Fenced blocks are read as CommonMark reads top-level
// fences; headings and links are read outside them.
export function outline(text) {
  const headings = [];
  const blocks = [];
  const links = [];
  let fence = null;
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  for (const line of body.split("\n")) {
    if (fence) {
      if (new RegExp(`^ {0,3}${fence.marker[0]}{${fence.marker.length},}[ \\t]*$`).test(line)) {
        blocks.push(fence);
        fence = null;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      fence = { marker: open[1], info: open[2].trim(), lines: [] };
      continue;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+/.exec(line);
    if (heading) headings.push(heading[1].length);
    for (const match of line.replaceAll(/`[^`]*`/g, "").matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const destination = match[1];
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(destination)) continue;
      links.push(destination.split("#")[0]);
    }
  }
  return { headings, blocks, links };
}

// A code block without its comment lines: what must match byte for byte. Mermaid blocks keep all.
export function withoutComments(block) {
  if (block.info.startsWith("mermaid")) return block.lines.join("\n");
  const comment = /^\s*(\/\/|#(?!!)|<!--|\/\*|\*)/;
  const trailing = /\s+(\/\/|#) .*$/; // "x(); // note", "cmd  # note" (not "https://…")
  return block.lines.filter((line) => !comment.test(line)).map((line) => line.replace(trailing, "")).join("\n");
}

const english = markdownFiles(contentDir, join(contentDir, translated)).map((path) => relative(contentDir, path)).sort();
const japanese = existsSync(join(contentDir, translated))
  ? markdownFiles(join(contentDir, translated)).map((path) => relative(join(contentDir, translated), path)).sort()
  : [];

test("every English page has a Japanese twin, and every twin an original", () => {
  assert.ok(english.length >= 15, `only ${english.length} English pages found`);
  assert.deepEqual(japanese, english);
});

for (const page of english.filter((path) => japanese.includes(path))) {
  test(`content/${translated}/${page} matches content/${page}`, () => {
    const original = outline(readFileSync(join(contentDir, page), "utf8"));
    const twin = outline(readFileSync(join(contentDir, translated, page), "utf8"));
    assert.deepEqual(twin.headings, original.headings, "the same headings, at the same levels");
    assert.deepEqual(twin.blocks.map((block) => block.info), original.blocks.map((block) => block.info), "the same code blocks");
    twin.blocks.forEach((block, index) => {
      assert.equal(withoutComments(block), withoutComments(original.blocks[index]),
        `code block ${index + 1} (${block.info || "no language"}) differs apart from comments`);
    });
    assert.deepEqual([...new Set(twin.links)].sort(), [...new Set(original.links)].sort(), "links to the same pages and files");
  });
}

test("the outline reader sees what it must", () => {
  const parts = outline("---\ntitle: x\n---\n# A\n\n```js\n// c\nx(); // why\nfetch(\"https://x\");\n# not a heading\n```\n\n## B [l](other.md#a) [e](https://x) `[c](no.md)`\n");
  assert.deepEqual(parts.headings, [1, 2]);
  assert.equal(parts.blocks.length, 1);
  assert.equal(withoutComments(parts.blocks[0]), "x();\nfetch(\"https://x\");");
  assert.deepEqual(parts.links, ["other.md"]);
});
