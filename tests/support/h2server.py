#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A tiny HTTP/2-over-TLS server on 127.0.0.1 for transport tests (python3-h2, asyncio).

Usage: h2server.py DIR. Writes a self-signed certificate for IP 127.0.0.1 to DIR/cert.pem
(key DIR/key.pem, made with the openssl command), listens on a free port, prints
"PORT <n>" and serves until stdin closes. ALPN offers only h2.
  /watch...  200, three watch-event lines 100 ms apart, then the stream ends
  anything   200, JSON {"path", "connections" (TLS connections so far), "authorization"}
"""
import asyncio
import json
import ssl
import subprocess
import sys

from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import ConnectionTerminated, DataReceived, RequestReceived

connections = 0


class Http2(asyncio.Protocol):
    def connection_made(self, transport):
        global connections
        connections += 1
        self.transport = transport
        self.conn = H2Connection(H2Configuration(client_side=False, header_encoding="utf-8"))
        self.conn.initiate_connection()
        self.flush()

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            self.transport.write(data)

    def data_received(self, data):
        try:
            events = self.conn.receive_data(data)
        except Exception:
            self.transport.close()
            return
        for event in events:
            if isinstance(event, RequestReceived):
                asyncio.ensure_future(self.handle(event.stream_id, dict(event.headers)))
            elif isinstance(event, DataReceived):
                self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, ConnectionTerminated):
                self.transport.close()
        self.flush()

    async def handle(self, stream, headers):
        path = headers.get(":path", "")
        try:
            if path.startswith("/watch"):
                self.conn.send_headers(stream, [(":status", "200"), ("content-type", "application/json")])
                self.flush()
                for i in range(3):
                    await asyncio.sleep(0.1)
                    event = {"type": "ADDED", "object": {"metadata": {"name": "p%d" % i}}}
                    self.conn.send_data(stream, (json.dumps(event) + "\n").encode())
                    self.flush()
                self.conn.end_stream(stream)
            else:
                body = json.dumps({"path": path, "connections": connections,
                                   "authorization": headers.get("authorization", "")}).encode()
                self.conn.send_headers(stream, [(":status", "200"), ("content-type", "application/json"),
                                                ("content-length", str(len(body)))])
                self.conn.send_data(stream, body, end_stream=True)
            self.flush()
        except Exception:
            pass  # the client reset the stream or went away


async def main(directory):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(directory + "/cert.pem", directory + "/key.pem")
    context.set_alpn_protocols(["h2"])
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Http2, "127.0.0.1", 0, ssl=context)
    print("PORT", server.sockets[0].getsockname()[1], flush=True)
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
