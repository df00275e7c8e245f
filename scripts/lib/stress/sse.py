"""One reader of the server's live-reload channel (`/__devkit/reload`): every event with its arrival
time, and how the stream ended (the final chunk, end of file, a reset)."""

import asyncio
import json
import ssl
import time

from . import http1

EVENTS_PATH = "/__devkit/reload"


class ReloadStream:
    """A Server-Sent Events stream over its own TLS connection."""

    def __init__(self, port, context):
        self.port = port
        self.context = context
        self.events = []          # (name, data, perf_counter time)
        self.hello = asyncio.Event()
        self.hello_generation = None
        self.final_chunk = False  # the server ended the chunked body properly
        self.ended_at = None
        self.end = None           # "eof", "reset", "TLS error …", "truncated", "open"
        self.error = None
        self._writer = None
        self._buffer = ""

    @property
    def reload_generations(self):
        """The generations of the `reload` events, in arrival order."""
        return [int(data) for name, data, _ in self.events if name == "reload" and data.strip().isdigit()]

    @property
    def clean(self):
        """True when the server ended the response with its final chunk and then closed."""
        return self.final_chunk and self.end in ("eof", "TLS close")

    async def connect(self):
        """Opens the connection and reads the response head; raises when the server refuses."""
        reader, self._writer = await http1.open_tls(self.port, self.context)
        self._writer.write(http1.request_bytes(self.port, EVENTS_PATH, [("Accept", "text/event-stream")]))
        status, headers = await asyncio.wait_for(http1.read_head(reader), 10)
        if status != 200:
            raise ValueError(f"{EVENTS_PATH} answered {status}")
        self._reader = reader
        self._chunked = headers.get("transfer-encoding", "").lower() == "chunked"

    async def run(self):
        """Reads until the server closes the stream (or the client does)."""
        reader = self._reader
        try:
            while True:
                if self._chunked:
                    size_line = await reader.readline()
                    if not size_line:
                        self.end = "eof"
                        break
                    size = int(size_line.split(b";")[0], 16)
                    if size == 0:
                        self.final_chunk = True
                        while (await reader.readline()) not in (b"\r\n", b""):
                            pass
                        self.end = "eof" if not await reader.read(1) else "data after end"
                        break
                    self._feed(await reader.readexactly(size))
                    await reader.readexactly(2)
                else:
                    data = await reader.read(65536)
                    if not data:
                        self.end = "eof"
                        break
                    self._feed(data)
        except asyncio.CancelledError:
            self.end = "closed by client"
            raise
        except asyncio.IncompleteReadError:
            self.end = "truncated"
        except ssl.SSLError as error:
            self.end = "TLS close" if "EOF" in str(error) and self.final_chunk else http1.describe_error(error)
        except (OSError, ValueError) as error:
            self.end = http1.describe_error(error)
        finally:
            self.ended_at = time.perf_counter()
            self.hello.set()

    def close(self):
        """Drops the connection from the client side."""
        if self._writer is not None:
            http1.close_quietly(self._writer)

    def _feed(self, data):
        self._buffer += data.decode("utf-8", "replace")
        while "\n\n" in self._buffer:
            block, self._buffer = self._buffer.split("\n\n", 1)
            name, data_lines = "message", []
            for line in block.split("\n"):
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data_lines.append(line[5:].lstrip())
            if name == "message" and not data_lines:
                continue  # a `retry:` line or a comment
            data = "\n".join(data_lines)
            self.events.append((name, data, time.perf_counter()))
            if name == "hello":
                try:
                    self.hello_generation = json.loads(data).get("generation")
                except (ValueError, AttributeError):
                    self.hello_generation = None
                self.hello.set()
