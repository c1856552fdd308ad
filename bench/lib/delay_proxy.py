#!/usr/bin/env python3
"""delay_proxy: TCP forwarder that adds a fixed one-way delay in both directions (a stand-in for tc netem).

This machine's kernel has no sch_netem ("Specified qdisc kind is unknown"), so the benchmark puts added latency
on the path with this proxy instead: every chunk read from one side is written to the other side DELAY ms after
it arrived, order kept. With --delay-ms 10 a round trip through the proxy costs 20 ms more.

usage: delay_proxy.py --delay-ms MS --listen HOST --map PORT=ADDR:PORT [--map ...] --ready FILE
Listens on HOST:PORT for each --map and forwards to ADDR:PORT. Writes FILE once every listener is open.
Runs until killed (SIGTERM).
"""
import argparse
import asyncio
import signal
import sys


async def pump(reader, writer, delay):
    """Copies reader to writer, each chunk held until `delay` seconds after it was read."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def send():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                break
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()

    sender = asyncio.create_task(send())
    try:
        while True:
            data = await reader.read(65536)
            queue.put_nowait((loop.time() + delay, data))
            if not data:
                break
        await sender
    except (ConnectionError, OSError):
        sender.cancel()


async def handle(client_reader, client_writer, target, delay):
    try:
        up_reader, up_writer = await asyncio.open_connection(*target)
    except OSError:
        client_writer.close()
        return
    try:
        await asyncio.gather(pump(client_reader, up_writer, delay), pump(up_reader, client_writer, delay))
    finally:
        for w in (client_writer, up_writer):
            w.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay-ms", type=float, required=True)
    parser.add_argument("--listen", default="127.0.0.1")
    parser.add_argument("--map", action="append", required=True, help="PORT=ADDR:PORT")
    parser.add_argument("--ready", required=True)
    args = parser.parse_args()
    delay = args.delay_ms / 1000.0
    servers = []
    for m in args.map:
        port, target = m.split("=", 1)
        addr, tport = target.rsplit(":", 1)
        servers.append(await asyncio.start_server(
            lambda r, w, t=(addr, int(tport)): handle(r, w, t, delay), args.listen, int(port), backlog=256))
    with open(args.ready, "w") as f:
        f.write("ready\n")
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    for s in servers:
        s.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
