"""scripts/stress: devkit serve under load, with open reload streams, idle connections and malformed
requests, on loopback with a throw-away CA and copies of content/ and site/. Prints one table and
exits 1 when a requirement fails."""

import argparse
import asyncio
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import http1, idle, malformed, reload_streams, report, wrk
from .proc import MemorySampler, Snapshot, open_descriptors
from .server import ServerProcess

ROOT = Path(__file__).resolve().parents[3]
PAGE = "/testing/"
PAGE_SOURCE = "testing.md"
ASSET = "/assets/calling-extensions.js"
MEMORY_LIMIT = 0.10
SHUTDOWN_LIMIT = 1.0


def arguments():
    parser = argparse.ArgumentParser(prog="scripts/stress", description=__doc__)
    parser.add_argument("--devkit", required=True, help="the devkit binary")
    parser.add_argument("--quick", action="store_true", help="3 s wrk runs and 20 edits (a smoke run)")
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("STRESS_SECONDS", 0)) or None,
                        help="length of each wrk run (default 20, quick 3; env STRESS_SECONDS)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--edits", type=int, default=None, help="edits while the streams are open (default 50, quick 20)")
    parser.add_argument("--idle-tcp", type=int, default=400)
    parser.add_argument("--idle-tls", type=int, default=100)
    parser.add_argument("--idle-after", type=float, default=None, help="seconds idle connections stay after wrk (default 10, quick 3)")
    parser.add_argument("--wait", type=float, default=None, help="seconds to wait for an answer to a malformed request; above the server's 15 s idle timeout (default 20, quick 2)")
    parser.add_argument("--settle", type=float, default=8,
                        help="seconds the server is left quiet before a memory reading (it trims within about 3 s)")
    parser.add_argument("--memory-rounds", type=int, default=0, metavar="N",
                        help="instead of the phases, N rounds of the reload phase with a memory reading after each")
    options = parser.parse_args()
    quick = options.quick
    options.seconds = options.seconds or (3 if quick else 20)
    options.edits = options.edits if options.edits is not None else (20 if quick else 50)
    options.idle_after = options.idle_after if options.idle_after is not None else (3 if quick else 10)
    options.wait = options.wait if options.wait is not None else (2 if quick else 20)
    return options


def raise_descriptor_limit():
    """Room for the idle connections in this process (after the server started, so it keeps its own limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))


def quiet_loop_errors(loop, context):
    """Connections the server drops mid-write are expected here; keep the table readable."""
    if not isinstance(context.get("exception"), (OSError, ConnectionError)):
        loop.default_exception_handler(context)


async def settled_snapshot(label, pid, delay=1.0):
    """A Snapshot taken `delay` s after a phase, once the server has seen the clients go."""
    await asyncio.sleep(delay)
    return Snapshot(label, pid)


async def warm_up(server, context, options):
    """The paths the run takes most, once each: a page, an asset, one reload stream over one edit. Their
    first use maps code pages and fills caches, which is not memory the run should be charged for."""
    for path in (PAGE, ASSET):
        status, _ = await http1.get(server.port, context, path)
        if status != 200:
            raise SystemExit(f"stress: warm-up GET {path} answered {status}; is the server healthy?\n{server.output()}")
    edits = await reload_streams.edit_and_watch(server.port, context, server.content / PAGE_SOURCE, 1, 1, settle=1.0)
    if edits["ok"] != 1:
        raise SystemExit(f"stress: the warm-up reload stream did not see its edit: {edits['problems']}\n{server.output()}")
    await asyncio.sleep(options.settle)
    return Snapshot("before (warmed up, quiet)", server.pid)


async def phases(server, options):
    asyncio.get_running_loop().set_exception_handler(quiet_loop_errors)
    port, pid = server.port, server.pid
    context = http1.tls_context(server.ca_file)
    base = f"https://127.0.0.1:{port}"
    snapshots = [await warm_up(server, context, options)]
    sampler = MemorySampler(pid)
    print(f"[1/5] wrk {options.seconds:g} s each on {PAGE} and {ASSET}", file=sys.stderr)
    runs = [await asyncio.to_thread(wrk.run, f"{path}", base + path, options.seconds, options.connections) for path in (PAGE, ASSET)]
    snapshots.append(await settled_snapshot("1 s after wrk", pid))
    print(f"[2/5] {options.idle_tcp} TCP + {options.idle_tls} TLS idle connections during wrk", file=sys.stderr)
    held = await idle.hold_idle(port, context, base + PAGE, PAGE, options.idle_tcp, options.idle_tls, options.seconds,
                                options.idle_after, lambda: open_descriptors(pid))
    runs.append(held["wrk"])
    snapshots.append(await settled_snapshot("1 s after the idle connections", pid))
    print("[3/5] malformed requests", file=sys.stderr)
    bad = await malformed.run_all(port, server.ca_file, options.wait)
    snapshots.append(await settled_snapshot("1 s after the malformed requests", pid))
    print(f"[4/5] {options.streams} reload streams, {options.edits} edits", file=sys.stderr)
    edits = await reload_streams.edit_and_watch(port, context, server.content / PAGE_SOURCE, options.streams, options.edits)
    snapshots.append(await settled_snapshot("1 s after the streams closed", pid))
    await asyncio.sleep(max(0, options.settle - 1))
    peak = sampler.stop()
    snapshots.append(Snapshot(f"after ({options.settle:g} s quiet)", pid))
    print(f"[5/5] SIGTERM with {options.streams} fresh streams open", file=sys.stderr)
    shutdown = await reload_streams.shutdown_with_streams(server, port, context, options.streams, SHUTDOWN_LIMIT)
    return runs, held, bad, edits, shutdown, snapshots, peak


async def memory_rounds(server, options):
    """Rounds of the reload phase, each followed by a quiet reading: memory that keeps climbing round
    after round is held; memory that climbs once and stays is the allocator's layout."""
    context = http1.tls_context(server.ca_file)
    snapshots = [await warm_up(server, context, options)]
    sampler = MemorySampler(server.pid)
    for number in range(1, options.memory_rounds + 1):
        print(f"[round {number}/{options.memory_rounds}] {options.streams} reload streams, {options.edits} edits", file=sys.stderr)
        edits = await reload_streams.edit_and_watch(server.port, context, server.content / PAGE_SOURCE, options.streams, options.edits)
        if edits["ok"] != edits["streams"]:
            print(f"  only {edits['ok']}/{edits['streams']} streams got every reload: {edits['problems']}", file=sys.stderr)
        await asyncio.sleep(options.settle)
        snapshots.append(Snapshot(f"after round {number} ({options.settle:g} s quiet)", server.pid))
    return snapshots, sampler.stop()


def main():
    options = arguments()
    if not shutil.which("wrk"):
        raise SystemExit("stress: wrk is not installed (apt-get install wrk)")
    devkit = Path(options.devkit).resolve()
    with tempfile.TemporaryDirectory(prefix="devkit-stress-") as folder:
        started = time.perf_counter()
        server = ServerProcess(devkit, ROOT, Path(folder))
        try:
            port = server.wait_until_serving()
            raise_descriptor_limit()
            print(f"devkit serve ({devkit}) on https://localhost:{port}/, pid {server.pid}; "
                  f"{os.cpu_count()} cores; wrk {options.seconds:g} s × {options.connections} connections", file=sys.stderr)
            if options.memory_rounds:
                snapshots, peak = asyncio.run(memory_rounds(server, options))
            else:
                runs, held, bad, edits, shutdown, snapshots, peak = asyncio.run(phases(server, options))
        finally:
            server.kill()
    mode = f"{options.memory_rounds} memory rounds" if options.memory_rounds else "quick" if options.quick else "full"
    print(f"\ndevkit serve stress run: {devkit} ({mode}, {time.perf_counter() - started:.0f} s)")
    if options.memory_rounds:
        report.print_snapshots(snapshots)
        ratio = report.print_memory(snapshots[0].rss, peak, snapshots[-1].rss, MEMORY_LIMIT)
        sys.exit(0 if ratio is not None and ratio <= 1 + MEMORY_LIMIT else 1)
    report.print_wrk(runs)
    report.print_streams(edits, shutdown)
    report.print_idle(held)
    report.print_malformed(bad)
    report.print_snapshots(snapshots)
    ratio = report.print_memory(snapshots[0].rss, peak, snapshots[-1].rss, MEMORY_LIMIT)
    report.print_warnings(snapshots[-1], held, bad)
    failed_requests = sum(run.failures or 0 for run in runs) + sum(1 for run in runs if not run.ok)
    failed_requests += sum(1 for r in bad if r["follow_status"] != 200) + (held["probes"] - held["probes_ok"])
    checks = [
        ("well-formed requests all succeed", failed_requests == 0,
         f"{failed_requests} failed (wrk non-2xx + socket errors, probes during idle, requests after malformed ones)"),
        ("every stream got every reload in order", edits["ok"] == edits["streams"], f"{edits['ok']}/{edits['streams']}"),
        ("streams end cleanly within 1 s of SIGTERM", shutdown["clean"] == shutdown["streams"],
         f"{shutdown['clean']}/{shutdown['streams']}, slowest {report.ms(shutdown['close_max_s'])}"),
        ("the process exits after SIGTERM", shutdown["exit_s"] is not None, f"after {report.ms(shutdown['exit_s'])}"),
        ("memory back within 10% of before", ratio is not None and ratio <= 1 + MEMORY_LIMIT,
         "-" if ratio is None else f"after/before {ratio:.2f}"),
    ]
    sys.exit(0 if report.verdict(checks) else 1)


if __name__ == "__main__":
    main()
