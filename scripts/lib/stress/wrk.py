"""Runs wrk over HTTPS with wrk_stats.lua and reads its one-line JSON summary."""

import json
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk_stats.lua")


class WrkResult:
    """One wrk run: throughput, latency percentiles, and every kind of failure."""

    def __init__(self, label, summary, stderr=""):
        self.label = label
        self.summary = summary
        self.stderr = stderr

    @property
    def ok(self):
        return self.summary is not None

    @property
    def requests(self):
        return self.summary["requests"] if self.ok else 0

    @property
    def requests_per_second(self):
        return self.requests / (self.summary["duration_us"] / 1e6) if self.ok and self.summary["duration_us"] else 0.0

    @property
    def socket_errors(self):
        s = self.summary or {}
        return sum(s.get(kind, 0) for kind in ("connect", "read", "write", "timeout"))

    @property
    def failures(self):
        """Responses outside 2xx plus socket errors: every well-formed request that did not succeed."""
        return (self.summary["non2xx"] + self.socket_errors) if self.ok else None

    def socket_detail(self):
        s = self.summary or {}
        return ", ".join(f"{kind} {s[kind]}" for kind in ("connect", "read", "write", "timeout") if s.get(kind))


def run(label, url, seconds, connections=64, threads=2, timeout=5):
    """wrk against `url` for `seconds`; the Host header comes from the URL (127.0.0.1:PORT)."""
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", f"{timeout}s",
               "-s", str(SCRIPT), url]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    except subprocess.TimeoutExpired:
        return WrkResult(label, None, f"wrk did not finish within {seconds + 30:g} s")
    for line in result.stdout.splitlines():
        if line.startswith("STRESS-WRK "):
            return WrkResult(label, json.loads(line[len("STRESS-WRK "):]), result.stderr)
    return WrkResult(label, None, (result.stderr or result.stdout).strip()[-400:])

