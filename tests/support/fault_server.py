#!/usr/bin/env python3
"""A static HTTP server for the sync tests that can misbehave on purpose.

Usage: fault_server.py PORT ROOT

Serves ROOT with ETag / If-None-Match like nginx. GET /__fault/NAME switches the fault applied
to every other request until /__fault/none:
  timeout      never answers
  drip         announces the body, sends 64 bytes, then one byte every 0.2 s
  500, 404     that status
  truncated    announces the full length, sends half, closes
  short        serves files under objects/ 5 bytes short (consistent headers)
  oversize     streams 64 MiB of zeros without a length
  redirect     302 to the same path over plain http on another port
  garbage      200 with random bytes instead of the file
GET /__date/SECONDS makes every answer's Date header that instant (Unix seconds), /__date/none
the real clock again: a server whose clock is wrong, or lies.
"""
import email.utils
import http.server
import os
import random
import select
import socketserver
import sys


def pause(seconds):
    """Waits without time.sleep: under faketime (scripts/test-moved-clock) libfaketime makes
    Python's sleep fail with EINVAL, while select's relative timeout still waits."""
    select.select([], [], [], seconds)


PORT = int(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
FAULT = ["none"]
DATE = [None]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def date_time_string(self, timestamp=None):
        if DATE[0] is not None:
            return email.utils.formatdate(DATE[0], usegmt=True)
        return super().date_time_string(timestamp)

    def send_body(self, code, body, headers=()):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/__date/"):
            value = path[len("/__date/"):]
            DATE[0] = None if value == "none" else int(value)
            self.send_body(200, b"ok\n")
            return
        if path.startswith("/__fault/"):
            FAULT[0] = path[len("/__fault/"):]
            self.send_body(200, b"ok\n")
            return
        fault = FAULT[0]
        if fault == "timeout":
            pause(30)
            return
        if fault in ("500", "404"):
            self.send_body(int(fault), b"error\n")
            return
        if fault == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:%d%s" % (PORT + 1, path))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if fault == "oversize":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"\0" * 65536
            try:
                for _ in range(1024):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        local = os.path.normpath(os.path.join(ROOT, path.lstrip("/")))
        if not local.startswith(ROOT) or not os.path.isfile(local):
            self.send_body(404, b"not found\n")
            return
        with open(local, "rb") as f:
            body = f.read()
        st = os.stat(local)
        etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
        if fault == "garbage":
            body = bytes(random.getrandbits(8) for _ in range(max(64, len(body))))
        if fault == "short" and "/objects/" in path:
            body = body[:-5]
        if fault == "none" and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        if fault == "truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        if fault == "drip":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                # The first bytes at once, so the client sees a slow body, not a silent server.
                self.wfile.write(body[:64])
                self.wfile.flush()
                for i in range(64, len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    pause(0.2)
            except OSError:
                pass
            self.close_connection = True
            return
        self.send_body(200, body, [("ETag", etag)])


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Handler).serve_forever()
