"""Part 2: many open reload streams while edits land in the content copy; every stream must see the
same gap-free, increasing run of `reload` generations. Then SIGTERM: every stream must end cleanly
within a second and the process must exit."""

import asyncio
import collections
import random
import statistics
import time

from . import http1
from .sse import ReloadStream


async def open_streams(port, context, count, parallel=32):
    """`count` streams, each reading in its own task, all past their `hello` event (or failed)."""
    streams = [ReloadStream(port, context) for _ in range(count)]
    gate = asyncio.Semaphore(parallel)

    async def start(stream):
        async with gate:
            try:
                await stream.connect()
            except (OSError, ValueError, asyncio.TimeoutError, asyncio.IncompleteReadError) as error:
                stream.error = http1.describe_error(error) if not isinstance(error, asyncio.TimeoutError) else "timeout"
                stream.end = "refused"
                stream.hello.set()
                return None
        return asyncio.create_task(stream.run())

    tasks = [task for task in await asyncio.gather(*(start(s) for s in streams)) if task]
    try:
        await asyncio.wait_for(asyncio.gather(*(s.hello.wait() for s in streams)), 20)
    except asyncio.TimeoutError:
        pass
    return streams, tasks


async def current_generation(port, context):
    """The generation the server is at now, from a fresh stream's `hello`."""
    stream = ReloadStream(port, context)
    await stream.connect()
    task = asyncio.create_task(stream.run())
    try:
        await asyncio.wait_for(stream.hello.wait(), 10)
    finally:
        stream.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    return stream.hello_generation


async def edit_and_watch(port, context, page, count, edits, seed=13, spacing=(0.1, 0.3), settle=2.0):
    """Opens the streams, appends `edits` lines to `page` with random spacing, waits for quiet, and
    returns a summary dict; the streams are closed from the client side at the end."""
    streams, tasks = await open_streams(port, context, count)
    rng = random.Random(seed)
    edit_times = []
    for number in range(1, edits + 1):
        with open(page, "a", encoding="utf-8") as file:
            file.write(f"\nStress edit {number}.\n")
        edit_times.append(time.perf_counter())
        await asyncio.sleep(rng.uniform(*spacing))
    await wait_for_quiet(streams, settle, limit=30)
    final = await current_generation(port, context)
    summary = verify(streams, final)
    summary["edits"] = edits
    summary["edit_seconds"] = edit_times[-1] - edit_times[0] if edit_times else 0
    for stream in streams:
        stream.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return summary


async def wait_for_quiet(streams, quiet, limit):
    """Returns once no stream has received an event for `quiet` seconds (at most `limit` seconds)."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        last = max((s.events[-1][2] for s in streams if s.events), default=0)
        if time.perf_counter() - last >= quiet:
            return
        await asyncio.sleep(0.2)


def verify(streams, final):
    """Each stream must hold exactly the reloads hello+1 … final, in order; they must all agree."""
    sequences = collections.Counter()
    problems = collections.Counter()
    ok = 0
    for stream in streams:
        generations = stream.reload_generations
        sequences[tuple(generations)] += 1
        if stream.error or stream.hello_generation is None:
            problems[f"no hello ({stream.error or stream.end})"] += 1
            continue
        expected = list(range(stream.hello_generation + 1, final + 1))
        if generations == expected:
            ok += 1
            continue
        missing = sorted(set(expected) - set(generations))
        if missing:
            problems[f"missing {len(missing)} of {len(expected)} (e.g. {missing[:3]})"] += 1
        if any(b <= a for a, b in zip(generations, generations[1:])):
            problems["not strictly increasing"] += 1
        if stream.end not in (None, "open"):
            problems[f"ended early: {stream.end}"] += 1
        if not missing and len(generations) != len(expected):
            problems["extra events"] += 1
    counts = [len(s.reload_generations) for s in streams]
    errors = [sum(1 for name, _, _ in s.events if name == "errors") for s in streams]
    return {
        "streams": len(streams), "ok": ok, "final_generation": final,
        "first_hello": min((s.hello_generation for s in streams if s.hello_generation is not None), default=None),
        "reloads_min": min(counts, default=0), "reloads_max": max(counts, default=0),
        "errors_events_max": max(errors, default=0),
        "distinct_sequences": len(sequences), "problems": dict(problems),
        "fanout_ms": fanout_spread(streams),
    }


def fanout_spread(streams):
    """Median and worst time between the first and the last stream receiving the same reload (ms)."""
    arrivals = collections.defaultdict(list)
    for stream in streams:
        for name, data, when in stream.events:
            if name == "reload":
                arrivals[data].append(when)
    spreads = [(max(t) - min(t)) * 1000 for t in arrivals.values() if len(t) > 1]
    return (statistics.median(spreads), max(spreads)) if spreads else (0.0, 0.0)


async def shutdown_with_streams(server, port, context, count, limit=1.0):
    """Opens `count` streams, sends SIGTERM, and times how each stream ends and when the process exits."""
    streams, tasks = await open_streams(port, context, count)
    opened = sum(1 for s in streams if s.hello_generation is not None)
    sent = server.terminate()
    exit_task = asyncio.create_task(asyncio.to_thread(server.wait_exit, 10))
    if tasks:
        await asyncio.wait(tasks, timeout=5)
    status = await exit_task
    exited_after = server.exited_at - sent if status is not None else None
    for stream in streams:
        stream.close()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    close_times = [s.ended_at - sent for s in streams if s.ended_at and s.hello_generation is not None]
    return {
        "streams": count, "opened": opened,
        "closed_in_time": sum(1 for t in close_times if t <= limit),
        "clean": sum(1 for s in streams if s.clean and s.ended_at and s.ended_at - sent <= limit),
        "ends": dict(collections.Counter(s.end for s in streams)),
        "close_max_s": max(close_times, default=None),
        "close_median_s": statistics.median(close_times) if close_times else None,
        "exit_status": status, "exit_s": exited_after, "limit_s": limit,
    }
