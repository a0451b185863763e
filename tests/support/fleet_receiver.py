#!/usr/bin/env python3
"""A fleet status receiver for the tests.

Usage: fleet_receiver.py PORT OUTDIR

Every POST is saved as OUTDIR/NNNN.json: {"path", "authorization", "content_type", "body"}
(body parsed as JSON). GET /__mode/NAME sets how the next POSTs are answered:
  ok          200 {}
  fail        503 (the kiosk must keep the report and retry)
  screenshot  200 {"screenshot": true} once, then ok
Failed POSTs are not saved.
"""
import http.server
import json
import os
import socketserver
import sys

PORT = int(sys.argv[1])
OUT = sys.argv[2]
MODE = ["ok"]
COUNT = [0]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def answer(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/__mode/"):
            MODE[0] = self.path[len("/__mode/"):]
            self.answer(200, b"{}")
        else:
            self.answer(404, b"{}")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if MODE[0] == "fail":
            self.answer(503, b'{"error": "busy"}')
            return
        COUNT[0] += 1
        record = {
            "path": self.path,
            "authorization": self.headers.get("Authorization", ""),
            "content_type": self.headers.get("Content-Type", ""),
            "body": json.loads(body.decode("utf-8")),
        }
        with open(os.path.join(OUT, "%04d.json" % COUNT[0]), "w") as f:
            json.dump(record, f)
        if MODE[0] == "screenshot":
            MODE[0] = "ok"
            self.answer(200, b'{"screenshot": true}')
        else:
            self.answer(200, b"{}")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


os.makedirs(OUT, exist_ok=True)
Server(("127.0.0.1", PORT), Handler).serve_forever()
