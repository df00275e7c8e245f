#!/usr/bin/env python3
"""scripts/bench: devkit build against Hugo and the libcmark floor, and devkit serve's start and
reload latency. Prints medians and ratios measured in this one run; no network, no timing asserts."""

import argparse
import http.client
import os
import re
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpus"


def run_timed(command, cwd=None):
    """Runs a command; returns (wall seconds, peak resident KB) from GNU time."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak


def hugo_site(corpus, work, name):
    """A minimal Hugo site over a copy of the corpus, with the two edits Hugo needs."""
    site = work / f"hugo-{name}"
    content = site / "content"
    shutil.copytree(corpus, content)
    for page in content.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        changed = text.replace("{{<", "{ {<").replace("{{%", "{ {%")
        if changed.lstrip().startswith("<") or not changed.startswith("---"):
            changed = f"---\ntitle: \"{page.stem}\"\n---\n" + changed
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text("<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n")
    (site / "layouts" / "_default" / "list.html").write_text("<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n")
    (site / "config.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
        # The same work as devkit: fenced code highlighted into CSS classes, GFM tables (Goldmark's
        # default, named here so the comparison says so), raw HTML escaped.
        '[markup.highlight]\ncodeFences = true\nnoClasses = false\nguessSyntax = false\n'
        '[markup.goldmark.extensions]\ntable = true\nstrikethrough = true\nlinkify = true\ntaskList = true\nfootnote = true\n'
        '[markup.goldmark.renderer]\nunsafe = false\n')
    return site


def no_site(work):
    """An empty site folder: the corpora are built with devkit's built-in theme only."""
    folder = work / "no-site"
    folder.mkdir(exist_ok=True)
    return folder


def median(values):
    return statistics.median(values)


def build_benchmark(devkit, floor, work, runs):
    tldr3 = work / "tldr-x3"
    for copy in ("a", "b", "c"):
        shutil.copytree(CORPORA / "tldr" / "pages", tldr3 / copy)
    corpora = {"rust-book": CORPORA / "rust-book", "tldr": CORPORA / "tldr", "tldr ×3": tldr3}
    rows = {}
    for name, corpus in corpora.items():
        pages = sum(1 for _ in corpus.rglob("*.md"))
        site = hugo_site(corpus, work, name.replace(" ×", "x"))
        out = work / "out"
        commands = {
            # The built-in theme alone, as `devkit build --content DIR` from any folder: the project's own
            # site/ would add its languages (a "not translated" warning per page) and its tools.
            "devkit": [str(devkit), "build", "--root", str(ROOT), "--content", str(corpus), "--site", str(no_site(work)), "--links", "warn",
                       "--output", str(out)],
            "hugo": ["hugo", "--quiet", "--source", str(site), "--destination", str(out)],
            "floor": [str(floor), str(corpus), str(out)],
        }
        times = {tool: [] for tool in commands}
        peaks = {tool: [] for tool in commands}
        for _ in range(runs):
            for tool, command in commands.items():  # alternate the tools within every round
                shutil.rmtree(out, ignore_errors=True)
                elapsed, peak = run_timed(command)
                times[tool].append(elapsed)
                peaks[tool].append(peak)
        rows[name] = (pages, {tool: median(v) for tool, v in times.items()}, {tool: max(v) for tool, v in peaks.items()})
        shutil.rmtree(out, ignore_errors=True)
    return rows


class ReloadStream(threading.Thread):
    """Reads /__devkit/reload and timestamps every `event: reload` line."""

    def __init__(self, port, context):
        super().__init__(daemon=True)
        self.connection = http.client.HTTPSConnection("localhost", port, context=context, timeout=60)
        self.connection.request("GET", "/__devkit/reload")
        self.response = self.connection.getresponse()
        self.reloads = []
        self.ready = threading.Event()
        self.start()

    def run(self):
        for raw in self.response:
            line = raw.decode().strip()
            if line == "event: hello":
                self.ready.set()
            if line == "event: reload":
                self.reloads.append(time.perf_counter())


def serve_benchmark(devkit, work, corpus, page, edits):
    """Start → first HTTPS response, and save → reload event over `edits` edits of one page."""
    content = work / f"serve-{corpus.name}"
    shutil.copytree(corpus, content)
    home = work / "devkit-home"
    environment = dict(os.environ, DEVKIT_HOME=str(home))
    subprocess.run([str(devkit), "cert"], env=environment, stdout=subprocess.DEVNULL, check=True)
    context = ssl.create_default_context(cafile=str(home / "ca.pem"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen([str(devkit), "serve", "--root", str(ROOT), "--content", str(content), "--site", str(no_site(work)), "--links", "warn",
                               "--port", str(port)], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = None
        while first is None and time.perf_counter() - started < 60:
            try:
                connection = http.client.HTTPSConnection("localhost", port, context=context, timeout=5)
                connection.request("GET", "/")
                connection.getresponse().read()
                first = time.perf_counter() - started
            except (ConnectionError, OSError):
                time.sleep(0.002)
        stream = ReloadStream(port, context)
        stream.ready.wait(10)
        target = content / page
        original = target.read_text(encoding="utf-8")
        latencies = []
        for edit in range(edits):
            count = len(stream.reloads)
            saved = time.perf_counter()
            target.write_text(original + f"\nEdit number {edit}.\n", encoding="utf-8")
            while len(stream.reloads) == count and time.perf_counter() - saved < 10:
                time.sleep(0.0005)
            if len(stream.reloads) > count:
                latencies.append(stream.reloads[count] - saved)
            time.sleep(0.15)
        return first, latencies
    finally:
        server.terminate()
        server.wait(10)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devkit", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=20)
    arguments = parser.parse_args()
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="devkit-bench-", dir=base) as folder:
        work = Path(folder)
        where = "tmpfs (/dev/shm)" if base else "disk"
        print(f"devkit build vs Hugo {hugo_version()} vs libcmark alone; medians of {arguments.runs} alternating runs; output on {where}")
        print(f"machine: {os.cpu_count()} cores, {platform_line()}\n")
        rows = build_benchmark(Path(arguments.devkit), Path(arguments.floor), work, arguments.runs)
        header = f"{'corpus':<10} {'pages':>6} {'devkit':>8} {'Hugo':>8} {'floor':>8} {'devkit/Hugo':>12} {'devkit/floor':>13} {'pages/s':>8} {'devkit MB':>10} {'Hugo MB':>8} {'mem ratio':>9}"
        print(header)
        print("-" * len(header))
        for name, (pages, times, peaks) in rows.items():
            print(f"{name:<10} {pages:>6} {times['devkit']:>7.3f}s {times['hugo']:>7.3f}s {times['floor']:>7.3f}s "
                  f"{times['devkit'] / times['hugo']:>11.2f}× {times['devkit'] / times['floor']:>12.2f}× "
                  f"{pages / times['devkit']:>8.0f} {peaks['devkit'] / 1024:>10.0f} {peaks['hugo'] / 1024:>8.0f} "
                  f"{peaks['devkit'] / peaks['hugo']:>8.2f}×")
        scaling = rows["tldr ×3"][1]["devkit"] / rows["tldr"][1]["devkit"]
        print(f"\nscaling: tldr ×3 ({rows['tldr ×3'][0]} pages) takes {scaling:.2f}× the time of tldr ({rows['tldr'][0]} pages)")

        print(f"\ndevkit serve (median start; save → reload event over {arguments.edits} edits)")
        for corpus, page in ((CORPORA / "rust-book", "src/ch01-02-hello-world.md"), (CORPORA / "tldr", "pages/common/git.md")):
            first, latencies = serve_benchmark(Path(arguments.devkit), work, corpus, page, arguments.edits)
            missed = arguments.edits - len(latencies)
            summary = (f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p90 {percentile(latencies, 0.9) * 1000:.0f} ms"
                       if latencies else "no reload events")
            print(f"  {corpus.name:<10} start → first HTTPS response {first:.3f} s; save → reload {summary}"
                  + (f" ({missed} edits missed)" if missed else ""))


def hugo_version():
    output = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+)", output)
    return match.group(1) if match else "?"


def platform_line():
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = "unknown CPU"
    return model


if __name__ == "__main__":
    main()
