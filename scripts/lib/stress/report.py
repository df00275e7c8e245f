"""The end-of-run table and the pass/fail verdict of scripts/stress."""


def ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def mb(kb):
    return "-" if kb is None else f"{kb / 1024:.1f} MB"


def print_wrk(runs):
    print(f"\n{'wrk run (HTTPS, 64 conns)':<42} {'req/s':>9} {'requests':>9} {'p50':>8} {'p99':>8} {'non-2xx':>8} {'socket err':>10}")
    for run in runs:
        if not run.ok:
            print(f"{run.label:<42} wrk failed: {run.stderr}")
            continue
        s = run.summary
        print(f"{run.label:<42} {run.requests_per_second:>9.0f} {run.requests:>9} {s['p50_us'] / 1000:>6.2f}ms "
              f"{s['p99_us'] / 1000:>6.2f}ms {s['non2xx']:>8} {run.socket_errors:>10}"
              + (f"  (last bad status {s['bad_status']})" if s["non2xx"] else "")
              + (f"  ({run.socket_detail()})" if run.socket_errors else ""))


def print_streams(edits, shutdown):
    print(f"\nreload streams: {edits['ok']}/{edits['streams']} got every reload in order "
          f"({edits['edits']} edits over {edits['edit_seconds']:.1f} s; generations {edits['first_hello']} → {edits['final_generation']}; "
          f"reload events per stream {edits['reloads_min']}–{edits['reloads_max']}; {edits['distinct_sequences']} distinct sequence(s); "
          f"fan-out spread median {edits['fanout_ms'][0]:.0f} ms, worst {edits['fanout_ms'][1]:.0f} ms)")
    for problem, count in sorted(edits["problems"].items()):
        print(f"  {count:>4} stream(s): {problem}")
    exit_text = f"exited {shutdown['exit_status']} after {ms(shutdown['exit_s'])}" if shutdown["exit_s"] is not None else "did NOT exit within 10 s"
    print(f"shutdown (SIGTERM with {shutdown['opened']}/{shutdown['streams']} streams open): "
          f"{shutdown['clean']} ended cleanly within {shutdown['limit_s']:g} s, {shutdown['closed_in_time']} closed within it; "
          f"median {ms(shutdown['close_median_s'])}, slowest {ms(shutdown['close_max_s'])}; process {exit_text}")
    print("  how streams ended: " + ", ".join(f"{end} {count}" for end, count in sorted(shutdown["ends"].items(), key=str)))


def print_idle(idle):
    print(f"\nidle connections (held {idle['held_s']:.0f} s; server held {idle['descriptors']} descriptors at the start):")
    for kind, group in idle["by_kind"].items():
        timing = group["closed_after_s"]
        closed = (f"{group['closed_by_server']} closed by the server after {timing[0]:.1f}/{timing[1]:.1f}/{timing[2]:.1f} s (min/median/max)"
                  if timing else "none closed by the server")
        print(f"  {kind.upper():<4} {group['opened']}/{group['total']} opened; {closed}"
              + (f"; {group['ends']}" if group["ends"] else ""))
    failures = ", ".join(f"{status} ×{count}" for status, count in idle["probe_failures"].items())
    print(f"  fresh requests meanwhile: {idle['probes_ok']}/{idle['probes']} ok, slowest {ms(idle['probe_max_s'])}"
          + (f"; failed: {failures}" if failures else ""))


def print_malformed(results):
    print(f"\n{'malformed request':<32} {'server answered':<40} {'after':>9}  then a good request")
    for r in results:
        note = f"  [{r['note']}]" if r["note"] else ""
        print(f"{r['name']:<32} {r['answer']:<40} {ms(r['seconds']):>9}  {r['follow_status']} in {ms(r['follow_seconds'])}{note}")


def print_snapshots(snapshots):
    print(f"\n{'server state':<38} {'VmRSS':>9} {'heap':>9} {'files':>9} {'fds':>5}  TCP sockets")
    for snap in snapshots:
        sockets = ", ".join(f"{state} {count}" for state, count in sorted(snap.sockets.items()))
        print(f"{snap.label:<38} {mb(snap.rss):>9} {mb(snap.anon):>9} {mb(snap.file):>9} "
              f"{snap.descriptors if snap.descriptors is not None else '-':>5}  {sockets}")


def print_memory(before, peak, after, limit):
    """Prints before/peak/after resident memory; returns after/before (None when unmeasured)."""
    if not before or not after:
        print("resident memory: not measured")
        return None
    ratio = after / before
    flag = "" if ratio <= 1 + limit else "   <-- above the limit"
    print(f"resident memory: before {mb(before)}, peak {mb(peak)}, after {mb(after)}; "
          f"after/before {ratio:.2f} (limit {1 + limit:.2f}){flag}")
    return ratio


def print_warnings(after, idle, malformed):
    """Observations that fail no requirement but deserve a look."""
    notes = []
    if after.sockets.get("CLOSE_WAIT"):
        notes.append(f"{after.sockets['CLOSE_WAIT']} server sockets still in CLOSE_WAIT after every client left "
                     "(connections the server never closed)")
    for kind, group in idle["by_kind"].items():
        if group["opened"] and not group["closed_by_server"]:
            notes.append(f"no idle {kind.upper()} connection was closed by the server in {idle['held_s']:.0f} s")
    for result in malformed:
        if result["answer"].startswith("no answer, still open"):
            notes.append(f"'{result['name']}' was still open after the wait")
    if notes:
        print("\nwarnings:")
        for note in notes:
            print(f"  - {note}")


def verdict(checks):
    """Prints every requirement with PASS/FAIL; True when all pass."""
    print("\nrequirements:")
    for name, passed, detail in checks:
        print(f"  {'PASS' if passed else 'FAIL'}  {name}: {detail}")
    return all(passed for _, passed, _ in checks)
