"""Part 3: hundreds of connections that never send a request (plain TCP, and TLS past the handshake)
held open while wrk runs; records which ones the server closes and when, and probes a fresh request
every second to see whether the idle ones get in the way."""

import asyncio
import collections
import ssl
import statistics
import time

from . import http1, wrk


class IdleConnection:
    """One silent connection and how (and when) the server ended it."""

    def __init__(self, kind):
        self.kind = kind
        self.opened_at = None
        self.closed_after = None
        self.end = None
        self.writer = None

    async def open(self, port, context):
        try:
            if self.kind == "tls":
                reader, self.writer = await http1.open_tls(port, context)
            else:
                reader, self.writer = await http1.open_tcp(port)
        except (OSError, asyncio.TimeoutError, ssl.SSLError) as error:
            self.end = f"open failed: {http1.describe_error(error)}"
            return None
        self.opened_at = time.perf_counter()
        return asyncio.create_task(self._watch(reader))

    async def _watch(self, reader):
        try:
            data = await reader.read(4096)
            self.end = "closed" if not data else f"sent {len(data)} bytes"
        except asyncio.CancelledError:
            raise
        except (OSError, ssl.SSLError) as error:
            self.end = http1.describe_error(error)
        self.closed_after = time.perf_counter() - self.opened_at


async def probe_requests(port, context, path, stop, results):
    """A fresh well-formed GET every second until `stop` is set."""
    while not stop.is_set():
        results.append(await http1.get(port, context, path))
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass


async def hold_idle(port, context, url, path, tcp_count, tls_count, seconds, hold_after, descriptors):
    """Opens the idle connections, runs wrk for `seconds`, holds `hold_after` more seconds; a summary dict."""
    connections = [IdleConnection("tcp") for _ in range(tcp_count)] + [IdleConnection("tls") for _ in range(tls_count)]
    gate = asyncio.Semaphore(50)

    async def open_one(connection):
        async with gate:
            return await connection.open(port, context)

    tasks = [t for t in await asyncio.gather(*(open_one(c) for c in connections)) if t]
    held_descriptors = descriptors()
    stop, probes = asyncio.Event(), []
    prober = asyncio.create_task(probe_requests(port, context, path, stop, probes))
    started = time.perf_counter()
    result = await asyncio.to_thread(wrk.run, f"{path} with {len(connections)} idle", url, seconds)
    await asyncio.sleep(hold_after)
    held_for = time.perf_counter() - started
    stop.set()
    await prober
    for task in tasks:  # stop watching first, so closing from this side is not counted as the server's
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for connection in connections:
        if connection.writer is not None:
            http1.close_quietly(connection.writer)
    by_kind = {}
    for kind in ("tcp", "tls"):
        group = [c for c in connections if c.kind == kind]
        closed = [c.closed_after for c in group if c.closed_after is not None]
        by_kind[kind] = {
            "total": len(group), "opened": sum(1 for c in group if c.opened_at),
            "closed_by_server": len(closed),
            "closed_after_s": (min(closed), statistics.median(closed), max(closed)) if closed else None,
            "ends": dict(collections.Counter(c.end for c in group if c.end)),
        }
    good = [seconds for status, seconds in probes if status == 200]
    return {
        "wrk": result, "held_s": held_for, "descriptors": held_descriptors, "by_kind": by_kind,
        "probes": len(probes), "probes_ok": len(good), "probe_max_s": max(good, default=None),
        "probe_failures": collections.Counter(str(status) for status, _ in probes if status != 200),
    }
