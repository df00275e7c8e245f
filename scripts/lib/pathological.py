#!/usr/bin/env python3
"""scripts/bench --pathological: devkit build on inputs made to be slow or deep, after the cmark
project's pathological tests, plus a 50 MB guide, a 100,000-guide folder and a 10,000-column table.
Each case is built at two sizes: it must finish (exit 0, or 1 with a `path:line:col: error:`, never a
crash), within a generous time bound, in memory within a few times what libcmark alone takes on the
same input (the floor, measured in this run: cmark's own tree is most of it), and the larger size must
take no more than about twice as long (linear, not quadratic). Prints a table; exits 1 when a case
breaks a bound."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Bounds are generous on purpose: they catch a quadratic blow-up or a crash, not a slow machine.
SECONDS_BOUND = 60.0
MEMORY_BOUND_FLOOR = 3.0  # devkit's peak ≤ this × libcmark's peak on the same input + MEMORY_BASE_MB
MEMORY_BASE_MB = 100
MEMORY_PER_PAGE_KB = 8  # many small guides: libcmark alone holds one at a time, devkit the whole site
GROWTH_BOUND = 3.0  # time(2n) / time(n); linear is 2, quadratic 4


def one_page(text):
    return {"index.md": text}


def cases():
    """name -> function(n) returning {relative path: text}; n is the size parameter."""
    return {
        "nested strong and emphasis": (30000, lambda n: one_page("*a **a " * n + "b" + " a** a*" * n)),
        "emphasis closers, no openers": (60000, lambda n: one_page("a_ " * n)),
        "emphasis openers, no closers": (60000, lambda n: one_page("_a " * n)),
        "mismatched * and _": (50000, lambda n: one_page("*a_ " * n)),
        "link closers, no openers": (60000, lambda n: one_page("a]" * n)),
        "link openers, no closers": (60000, lambda n: one_page("[a" * n)),
        "link openers and emphasis closers": (50000, lambda n: one_page("[ a_" * n)),
        "[ (]( repeated": (80000, lambda n: one_page("[ (](" * n)),
        "nested brackets": (50000, lambda n: one_page("[" * n + "a" + "]" * n)),
        "nested block quotes": (50000, lambda n: one_page("> " * n + "a\n")),
        "deeply nested lists": (1000, lambda n: one_page("".join("  " * i + "* a\n" for i in range(n)))),
        "backtick runs": (3000, lambda n: one_page("".join("e" + "`" * i for i in range(1, n)))),
        "unclosed links <": (30000, lambda n: one_page("[a](<b" * n)),
        "unclosed links": (30000, lambda n: one_page("[a](b" * n)),
        "many references": (30000, lambda n: one_page("".join(f"[r{i}]: /u{i}\n" for i in range(n)) + "[r1] [r2]\n")),
        "table, 10,000 columns": (10000, lambda n: one_page(
            "|" + "|".join(f"h{i}" for i in range(n)) + "|\n|" + "---|" * n + "\n|" + "x|" * n + "\n")),
        "table, many rows": (50000, lambda n: one_page("| a | b |\n|---|---|\n" + "| `c\\|d` | ~~e~~ |\n" * n)),
        "footnotes": (20000, lambda n: one_page("".join(f"t[^{i}] " for i in range(n)) + "\n\n"
                                                + "".join(f"[^{i}]: note {i}\n" for i in range(n)))),
        "alerts nested in quotes": (5000, lambda n: one_page("> [!NOTE]\n" * n + "> a\n")),
        "mermaid, many messages": (20000, lambda n: one_page(
            "```mermaid\nsequenceDiagram\n" + "A->>B: hi\n" * n + "```\n")),
        "50 MB guide": (50, lambda n: one_page(big_guide(n))),
        "100,000 guides in one folder": (100000, lambda n: {f"many/page-{i}.md": f"# Page {i}\n\nText {i}.\n" for i in range(n)}),
    }


def big_guide(megabytes):
    """About `megabytes` MB of ordinary Markdown (headings, lists, code, tables, links)."""
    block = ("## Section\n\nSome *text* with `code`, a [link](https://example.com/) and **bold**.\n\n"
             "- one\n- two\n  - nested\n\n```js\nconst x = 1; // a comment\n```\n\n"
             "| a | b |\n|---|---|\n| 1 | 2 |\n\n> [!TIP]\n> A tip.\n\n")
    return block * (megabytes * 1024 * 1024 // len(block))


def write_content(files, work):
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def timed(command):
    """(seconds, peak MB, exit status, stderr without GNU time's line)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=900)
    elapsed = time.perf_counter() - started
    lines = result.stderr.strip().splitlines()
    peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else 0
    return elapsed, peak_mb, result.returncode, "\n".join(lines[:-1])


def build(devkit, floor, files, work):
    """devkit build on `files`, and libcmark alone on the same files (its peak memory)."""
    content = write_content(files, work)
    site = work / "site"
    site.mkdir(exist_ok=True)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    elapsed, peak, status, errors = timed([devkit, "build", "--content", str(content), "--site", str(site),
                                           "--output", str(out), "--links", "warn"])
    # Exit 1 is a build error, fine when it says where; anything else (a signal, a trap) is a crash.
    crashed = status not in (0, 1) or (status == 1 and ": error: " not in errors) or "Fatal error" in errors
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    _, floor_peak, _, _ = timed([floor, str(content), str(out)])
    return elapsed, peak, floor_peak, status, crashed, errors[-300:]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devkit", required=True)
    parser.add_argument("--floor", required=True, help="the libcmark-only renderer scripts/bench compiles")
    parser.add_argument("--only", help="run the cases whose name contains this")
    arguments = parser.parse_args()
    failures = []
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    print("devkit build on pathological inputs, each at n/2 and n. Bounds: "
          f"{SECONDS_BOUND:.0f} s; memory ≤ {MEMORY_BOUND_FLOOR:.0f}× libcmark's on the same input + {MEMORY_BASE_MB} MB "
          f"+ {MEMORY_PER_PAGE_KB} KB a page; "
          f"time(n)/time(n/2) ≤ {GROWTH_BOUND}\n")
    print(f"{'case':36} {'n':>7} {'time n/2':>9} {'time n':>8} {'growth':>7} {'MB':>6} {'cmark MB':>9}  exit")
    print("-" * 96)
    with tempfile.TemporaryDirectory(prefix="devkit-pathological-", dir=base) as folder:
        work = Path(folder)
        for name, (size, make) in cases().items():
            if arguments.only and arguments.only not in name:
                continue
            half, _, _, _, half_crash, _ = build(arguments.devkit, arguments.floor, make(max(1, size // 2)), work)
            files = make(size)
            full, peak, floor_peak, status, crash, errors = build(arguments.devkit, arguments.floor, files, work)
            # Tiny times are all noise: growth counts only when the larger run is measurable.
            growth = full / half if half > 0.05 else 1.0
            problems = []
            if crash or half_crash:
                problems.append("crashed")
            if full > SECONDS_BOUND:
                problems.append(f"took {full:.1f} s")
            if peak > MEMORY_BOUND_FLOOR * floor_peak + MEMORY_BASE_MB + MEMORY_PER_PAGE_KB * len(files) / 1024:
                problems.append(f"used {peak:.0f} MB")
            if full > 0.5 and growth > GROWTH_BOUND:
                problems.append(f"grew {growth:.1f}x for 2x the input")
            mark = "" if not problems else "   <-- " + ", ".join(problems)
            print(f"{name:36} {size:>7} {half:>8.2f}s {full:>7.2f}s {growth:>6.2f}x {peak:>6.0f} {floor_peak:>9.0f}  {status}{mark}",
                  flush=True)
            if status == 1 and not crash:
                print(f"{'':36} (a build error, as it should be: {errors.splitlines()[0][-80:]})")
            if problems:
                failures.append((name, problems, errors))
    for name, problems, errors in failures:
        print(f"\n{name}: {', '.join(problems)}\n{errors}")
    print("\nall cases within their bounds" if not failures else f"\n{len(failures)} case(s) out of bounds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
