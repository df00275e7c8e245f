"""Part 4: hostile or broken requests, each followed by a well-formed request on a fresh connection
(sent while the bad one is still open) that must still succeed."""

import asyncio
import random
import ssl
import time

from . import http1

MEGABYTE = 1024 * 1024
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"  # + empty SETTINGS


def client_hello_half():
    """The first half of a real TLS ClientHello, made with an in-memory TLS client."""
    context = ssl.create_default_context()
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = context.wrap_bio(incoming, outgoing, server_hostname="localhost")
    try:
        client.do_handshake()
    except ssl.SSLWantReadError:
        pass
    hello = outgoing.read()
    return hello[: len(hello) // 2]


def garbage(size=4096, seed=13):
    return bytes(random.Random(seed).getrandbits(8) for _ in range(size))


def head(port, path="/testing/", extra=""):
    return f"GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n{extra}".encode()


# (name, how to connect, payload for a port); "tls-h2" offers ALPN h2 first.
CASES = [
    ("garbage after TLS handshake", "tls", lambda port: garbage() + b"\r\n\r\n"),
    ("1 MB header value", "tls", lambda port: head(port, extra="X-Big: " + "a" * MEGABYTE + "\r\n\r\n")),
    ("10,000 headers", "tls", lambda port: head(port, extra="".join(f"X-Header-{i}: {i}\r\n" for i in range(10_000)) + "\r\n")),
    ("1 MB URL", "tls", lambda port: head(port, path="/" + "a" * MEGABYTE, extra="\r\n")),
    ("HTTP/2 preface on HTTP/1", "tls-h2", lambda port: H2_PREFACE),
    ("half a TLS ClientHello, held", "tcp", lambda port: client_hello_half()),
    ("plain HTTP on the HTTPS port", "tcp", lambda port: head(port, extra="\r\n")),
    ("request head cut short, held", "tls", lambda port: head(port)),
    ("foreign Host (DNS rebinding)", "tls", lambda port: b"GET /testing/ HTTP/1.1\r\nHost: rebind.example:%d\r\n\r\n" % port),
]


def describe_bytes(data):
    if data.startswith(b"HTTP/"):
        status = data.split(b"\r\n", 1)[0].split(b" ")
        return status[1].decode() if len(status) > 1 else "HTTP?"
    if data[:1] == b"\x15":
        return "TLS alert"
    return f"{len(data)} bytes {data[:12]!r}"


async def observe(reader, started, wait, after_answer=1.0):
    """Reads what the server sends for up to `wait` s after `started` (1 s more once something came
    back); (answer text, seconds from `started` to the first byte or the close)."""
    deadline, data, first, end = started + wait, b"", None, "still open"
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            break
        try:
            chunk = await asyncio.wait_for(reader.read(65536), remaining)
        except asyncio.TimeoutError:
            break
        except (OSError, ssl.SSLError) as error:
            end = http1.describe_error(error)
            break
        if not chunk:
            end = "closed"
            break
        if first is None:
            first = time.perf_counter()
            deadline = min(deadline, first + after_answer)
        data += chunk
    finished = first or time.perf_counter()
    if not data:
        answer = f"no answer, still open after {wait:g} s" if end == "still open" else f"{end}, no answer"
    else:
        answer = f"{describe_bytes(data)}, then {end}"
    return answer, finished - started


async def run_case(name, how, payload, port, context, h2_context, wait):
    """Sends one bad request; returns a result dict with the follow-up request's status."""
    writer, note, started = None, "", time.perf_counter()
    try:
        if how == "tcp":
            reader, writer = await http1.open_tcp(port)
        else:
            reader, writer = await http1.open_tls(port, h2_context if how == "tls-h2" else context)
            if how == "tls-h2":
                note = f"ALPN {writer.get_extra_info('ssl_object').selected_alpn_protocol() or 'none'}"
        started = time.perf_counter()
        writer.write(payload(port))
        try:
            await asyncio.wait_for(writer.drain(), wait)
        except (OSError, asyncio.TimeoutError) as error:
            note = f"send stopped: {http1.describe_error(error) if isinstance(error, OSError) else 'blocked'}"
        answer, seconds = await observe(reader, started, wait)
    except (OSError, ssl.SSLError, asyncio.TimeoutError) as error:
        answer, seconds = f"connect failed: {http1.describe_error(error)}", time.perf_counter() - started
    follow_status, follow_seconds = await http1.get(port, context, "/testing/")
    if writer is not None:
        http1.close_quietly(writer)
    return {"name": name, "answer": answer, "seconds": seconds, "note": note,
            "follow_status": follow_status, "follow_seconds": follow_seconds}


async def run_all(port, ca_file, wait):
    """Every case in CASES, one after the other."""
    context = http1.tls_context(ca_file)
    h2_context = http1.tls_context(ca_file)
    h2_context.set_alpn_protocols(["h2", "http/1.1"])
    return [await run_case(name, how, payload, port, context, h2_context, wait) for name, how, payload in CASES]
