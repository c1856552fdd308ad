#!/usr/bin/python3 -I
"""A resource reaper speaking Testcontainers' Ryuk protocol, for machines that cannot pull testcontainers/ryuk.

Testcontainers starts it (image localhost/jprov-testbed-reaper, named by ryuk.container.image in
~/.testcontainers.properties) with the engine's socket at /var/run/docker.sock, connects to port 8080 and sends
filter lines such as "label=org.testcontainers.sessionId=ID&label=org.testcontainers=true"; each is answered
"ACK". When the last connection has been gone for RYUK_RECONNECTION_TIMEOUT (the test JVM ended or died), the
containers, networks and volumes matching any filter are removed and the reaper exits. Like Ryuk, it also exits
when nobody connects within RYUK_CONNECTION_TIMEOUT.
"""
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse

SOCKET = "/var/run/docker.sock"
PORT = int(os.environ.get("RYUK_PORT", "8080"))


def seconds(name, default):
    value = os.environ.get(name, default).strip()
    return float(value[:-1]) if value.endswith("s") else float(value)


CONNECTION_TIMEOUT = seconds("RYUK_CONNECTION_TIMEOUT", "60s")
RECONNECTION_TIMEOUT = seconds("RYUK_RECONNECTION_TIMEOUT", "10s")


class UnixConnection(http.client.HTTPConnection):
    def __init__(self):
        super().__init__("localhost", timeout=30)

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(30)
        self.sock.connect(SOCKET)


def api(method, path):
    conn = UnixConnection()
    try:
        conn.request(method, path)
        response = conn.getresponse()
        body = response.read()
        return response.status, (json.loads(body) if body and body[:1] in b"[{" else None)
    finally:
        conn.close()


def parse_filter(line):
    """'label=a=b&label=c' -> {'label': ['a=b', 'c']} (Ryuk's format: a URL query string)."""
    filters = {}
    for key, value in urllib.parse.parse_qsl(line, keep_blank_values=True):
        filters.setdefault(key, []).append(value)
    return filters


def prune(filters):
    query = urllib.parse.quote(json.dumps(filters))
    removed = 0
    _, containers = api("GET", f"/containers/json?all=true&filters={query}")
    me = socket.gethostname()
    for c in containers or []:
        if c["Id"].startswith(me) or "org.testcontainers.ryuk" in (c.get("Labels") or {}):
            continue   # ourselves: auto-removed when we exit
        status, _ = api("DELETE", f"/containers/{c['Id']}?force=true&v=true")
        removed += status < 300
    _, networks = api("GET", f"/networks?filters={query}")
    for n in networks or []:
        api("DELETE", f"/networks/{n['Id']}")
    _, volumes = api("GET", f"/volumes?filters={query}")
    for v in (volumes or {}).get("Volumes") or []:
        api("DELETE", f"/volumes/{v['Name']}")
    return removed


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.filters = []
        self.connections = 0
        self.ever_connected = False
        self.last_disconnect = time.monotonic()


def serve(client, state):
    with state.lock:
        state.connections += 1
        state.ever_connected = True
    try:
        buffer = b""
        while True:
            data = client.recv(4096)
            if not data:
                break
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                text = line.decode().strip()
                if text:
                    with state.lock:
                        state.filters.append(parse_filter(text))
                    client.sendall(b"ACK\n")
    except OSError:
        pass
    finally:
        client.close()
        with state.lock:
            state.connections -= 1
            state.last_disconnect = time.monotonic()


def main():
    state = State()
    server = socket.socket(socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        server.bind(("::", PORT))
    except OSError:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("0.0.0.0", PORT))
    server.listen(16)
    server.settimeout(0.5)
    print("Started", flush=True)
    started = time.monotonic()
    while True:
        try:
            client, _ = server.accept()
            threading.Thread(target=serve, args=(client, state), daemon=True).start()
        except socket.timeout:
            pass
        with state.lock:
            idle = state.connections == 0
            if not state.ever_connected and time.monotonic() - started > CONNECTION_TIMEOUT:
                print("no connection within the timeout, exiting", flush=True)
                return 0
            if state.ever_connected and idle and time.monotonic() - state.last_disconnect > RECONNECTION_TIMEOUT:
                filters = list(state.filters)
                break
    removed = sum(prune(f) for f in filters)
    print(f"Removed {removed} container(s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
