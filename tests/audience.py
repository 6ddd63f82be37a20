"""A dashboard audience for tests/test_dashboard_load_integration.py: event-stream clients in a process of their own.

``python tests/audience.py HOST PORT N`` opens N streams of ``/api/events`` over loopback
and reads everything they send, as browsers would. It prints ``ready`` once every stream
has its first snapshot; when its stdin closes it prints, as one JSON line, the snapshots
each stream received, and exits. In its own process so that reading the streams takes
nothing from the event loop of the test that measures the worker, and at a low priority:
on a busy machine, the browsers' CPU would be elsewhere, not taken from the worker.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys

MARKER = b"event: snapshot"
CONNECT_AT_ONCE = 50  # below the server's listen backlog (128), so no connection waits for a SYN retry


async def _stream(host: str, port: int, received: list[int], index: int, first: asyncio.Event) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /api/events HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError(f"stream {index} refused: {status!r}")
    tail = b""
    while chunk := await reader.read(65536):
        data = tail + chunk
        received[index] += data.count(MARKER)
        tail = data[-(len(MARKER) - 1):]
        if received[index]:
            first.set()
    writer.close()


async def main(host: str, port: int, count: int) -> None:
    received = [0] * count
    firsts = [asyncio.Event() for _ in range(count)]
    tasks = []
    for start in range(0, count, CONNECT_AT_ONCE):
        batch = range(start, min(start + CONNECT_AT_ONCE, count))
        tasks += [asyncio.ensure_future(_stream(host, port, received, i, firsts[i])) for i in batch]
        await asyncio.wait_for(asyncio.gather(*(firsts[i].wait() for i in batch)), 60)
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the test closes our stdin
    failed = [repr(task.exception()) for task in tasks if task.done() and task.exception()]
    for task in tasks:
        task.cancel()
    print(json.dumps({"received": received, "failed": failed}), flush=True)


if __name__ == "__main__":
    os.nice(10)
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
