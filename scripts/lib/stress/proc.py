"""What /proc says about the server process: resident memory, descriptors, and its sockets' TCP states."""

import collections
import os
import threading
from pathlib import Path

TCP_STATES = {"01": "ESTABLISHED", "02": "SYN_SENT", "03": "SYN_RECV", "04": "FIN_WAIT1", "05": "FIN_WAIT2",
              "06": "TIME_WAIT", "07": "CLOSE", "08": "CLOSE_WAIT", "09": "LAST_ACK", "0A": "LISTEN", "0B": "CLOSING"}


def memory_kb(pid):
    """VmRSS, VmHWM, RssAnon (heap and stacks) and RssFile (mapped code and files) of a process in KB,
    from /proc/PID/status; {} once it has gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:", "RssAnon:", "RssFile:")):
                name, value = line.split(":", 1)
                values[name] = int(value.split()[0])
    except OSError:
        return {}
    return values


def open_descriptors(pid):
    """How many file descriptors the process holds (sockets included)."""
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def socket_states(pid):
    """How many of the process's TCP sockets are in each state, e.g. {'ESTABLISHED': 3, 'LISTEN': 2}."""
    inodes = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return {}
    states = collections.Counter()
    for table in ("tcp", "tcp6"):
        try:
            rows = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[9] in inodes:
                states[TCP_STATES.get(fields[3], fields[3])] += 1
    return dict(states)


class Snapshot:
    """Memory, descriptors and socket states at one moment, named after the phase just finished."""

    def __init__(self, label, pid):
        self.label = label
        memory = memory_kb(pid)
        self.rss, self.anon, self.file = memory.get("VmRSS"), memory.get("RssAnon"), memory.get("RssFile")
        self.descriptors = open_descriptors(pid)
        self.sockets = socket_states(pid)


class MemorySampler:
    """Samples VmRSS every 100 ms in a thread; the peak is the larger of the samples and VmHWM."""

    def __init__(self, pid, interval=0.1):
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()
        return self.peak

    def _run(self):
        while not self._stop.is_set():
            memory = memory_kb(self.pid)
            if "VmRSS" not in memory:
                return
            self.peak = max(self.peak, memory["VmRSS"], memory.get("VmHWM", 0))
            self._stop.wait(self.interval)
