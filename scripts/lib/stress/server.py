"""`devkit serve` in a throw-away world: its own DEVKIT_HOME (a fresh CA), copies of content/ and site/,
loopback only, a port chosen by the server (`--port 0`) and read from its banner."""

import os
import re
import shutil
import signal
import subprocess
import threading
import time

BANNER = re.compile(r"Serving https://localhost:(\d+)(/\S*)")


class ServerProcess:
    """A running `devkit serve` whose output is kept (with arrival times) for the report."""

    def __init__(self, devkit, root, work):
        self.home = work / "devkit-home"
        self.content = work / "content"
        self.site = work / "site"
        shutil.copytree(root / "content", self.content)
        shutil.copytree(root / "site", self.site)
        self.lines = []
        self._banner = threading.Event()
        self.port = None
        self.exited_at = None
        environment = dict(os.environ, DEVKIT_HOME=str(self.home))
        self.process = subprocess.Popen(
            [str(devkit), "serve", "--root", str(root), "--content", str(self.content), "--site", str(self.site),
             "--host", "127.0.0.1", "--port", "0"],
            env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        threading.Thread(target=self._read_output, daemon=True).start()

    @property
    def pid(self):
        return self.process.pid

    @property
    def ca_file(self):
        """The CA certificate the server made in its DEVKIT_HOME (DevkitHome.caCertificate)."""
        return self.home / "ca.pem"

    def wait_until_serving(self, timeout=120):
        """Waits for the banner; returns the port. Exits the script with the output if the server fails."""
        if not self._banner.wait(timeout) or self.port is None:
            self.kill()
            raise SystemExit("stress: devkit serve did not print its banner:\n" + self.output())
        return self.port

    def output(self):
        return "\n".join(line for _, line in self.lines)

    def rebuild_lines(self):
        """The server's `Rebuilt in …` lines."""
        return [line for _, line in self.lines if line.startswith("Rebuilt in")]

    def terminate(self):
        """Sends SIGTERM; returns the time it was sent (perf_counter)."""
        sent = time.perf_counter()
        self.process.send_signal(signal.SIGTERM)
        return sent

    def wait_exit(self, timeout):
        """The exit status, or None if the process is still running after `timeout` seconds."""
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        self.exited_at = self.exited_at or time.perf_counter()
        return status

    def kill(self):
        """Ends the server for good (only this script's own child)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def _read_output(self):
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append((time.perf_counter(), line))
            match = BANNER.search(line)
            if match and self.port is None:
                self.port = int(match.group(1))
                self._banner.set()
        self._banner.set()

