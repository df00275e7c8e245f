"""Raw HTTP/1.1 over asyncio TLS or TCP on loopback: connections, well-formed requests, response heads."""

import asyncio
import ssl
import time

HOST = "127.0.0.1"
HEAD_LIMIT = 64 * 1024


def tls_context(ca_file):
    """A client context that trusts only the server's own temporary CA."""
    context = ssl.create_default_context(cafile=str(ca_file))
    context.set_alpn_protocols(["http/1.1"])
    return context


async def open_tls(port, context, timeout=10):
    """A TLS connection to the server, verified for `localhost`."""
    return await asyncio.wait_for(
        asyncio.open_connection(HOST, port, ssl=context, server_hostname="localhost", limit=HEAD_LIMIT * 4), timeout)


async def open_tcp(port, timeout=10):
    """A plain TCP connection to the server's port (no TLS)."""
    return await asyncio.wait_for(asyncio.open_connection(HOST, port, limit=HEAD_LIMIT * 4), timeout)


def request_bytes(port, path, extra_headers=(), method="GET"):
    """A well-formed request; the Host header names the loopback name and port, as a browser sends it."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: localhost:{port}", "User-Agent: devkit-stress"]
    lines += [f"{name}: {value}" for name, value in extra_headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def read_head(reader):
    """(status, {lower-case name: value}) of the next response; raises on a closed or garbled stream."""
    raw = await reader.readuntil(b"\r\n\r\n")
    lines = raw.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise ValueError(f"not an HTTP response: {lines[0][:60]!r}")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers


async def read_body(reader, headers):
    """The body after a head: by Content-Length, or chunked."""
    if "content-length" in headers:
        return await reader.readexactly(int(headers["content-length"]))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b""):
                    pass
                return bytes(body)
            body += await reader.readexactly(size)
            await reader.readexactly(2)
    return b""


def close_quietly(writer):
    """Closes a connection without caring how the peer takes it."""
    try:
        writer.transport.abort()
    except Exception:  # noqa: BLE001 — already gone
        pass


async def get(port, context, path, timeout=10):
    """One well-formed HTTPS GET on a new connection: (status or an error text, seconds)."""
    started = time.perf_counter()
    writer = None
    try:
        reader, writer = await open_tls(port, context, timeout)
        writer.write(request_bytes(port, path, [("Connection", "close")]))
        status, headers = await asyncio.wait_for(read_head(reader), timeout)
        await asyncio.wait_for(read_body(reader, headers), timeout)
        return status, time.perf_counter() - started
    except asyncio.TimeoutError:
        return f"timeout after {timeout} s", time.perf_counter() - started
    except (OSError, ValueError, ssl.SSLError, asyncio.IncompleteReadError) as error:
        return describe_error(error), time.perf_counter() - started
    finally:
        if writer is not None:
            close_quietly(writer)


def describe_error(error):
    """A short name for how a connection failed."""
    if isinstance(error, ConnectionResetError):
        return "reset"
    if isinstance(error, BrokenPipeError):
        return "broken pipe"
    if isinstance(error, asyncio.IncompleteReadError):
        return "closed"
    if isinstance(error, ssl.SSLError):
        return f"TLS error ({error.reason or error})"
    return f"{type(error).__name__}: {error}"[:80]
