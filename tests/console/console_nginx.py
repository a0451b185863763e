#!/usr/bin/python3
"""The shipped nginx example (packaging/console/nginx-vetrina-console.conf) in front of the real
vetrina-console, as a town would run it: only the addresses, the certificate and the folders are
changed (each replacement is checked, so a reshaped example fails here instead of drifting).

Checks: https reaches the console; X-Real-IP is nginx's own, not the one a client sends (the audit
log shows the address); the published folder is served at /pubblicazione/ with no-cache on the
manifest and its signature only; a body a little over the upload cap is refused by nginx, one
under it reaches the console; plain http redirects to https.

Usage: console_nginx.py VETRINA_CONSOLE EXAMPLE_CONF OUT_DIR    exit 77 (skipped) without nginx/openssl.
127.0.0.1 only; no sleeps: every wait is for a line of output or a file.
"""
import http.cookiejar
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

CONSOLE, EXAMPLE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PINNED = "2026-11-23T10:00:00+01:00"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import check, finish, free_port, skip_without  # noqa: E402

skip_without("/usr/sbin/nginx", "/usr/bin/openssl")

def replace(text, old, new):
    if old not in text:
        sys.exit("the nginx example no longer contains %r: update this test with it" % old)
    return text.replace(old, new)


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
os.chmod(OUT, 0o755)  # nginx's workers run as nobody when the test runs as root
published = os.path.join(OUT, "published")
os.makedirs(os.path.join(published, "files"))
for name, body in (("manifest.json", '{"revision": 1}'), ("manifest.json.minisig", "sig"),
                   ("files/avviso.md", "# Avviso")):
    with open(os.path.join(published, name), "w") as f:
        f.write(body)
subprocess.run(["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-days", "2", "-keyout", OUT + "/key.pem", "-out", OUT + "/cert.pem"],
               check=True, capture_output=True)
os.chmod(OUT + "/key.pem", 0o644)

config = os.path.join(OUT, "console.toml")
with open(config, "w") as f:
    f.write('[console]\nlisten = "127.0.0.1:0"\ndata_dir = "%s/data"\nthreads = 2\n' % OUT)
subprocess.run([CONSOLE, "init", "--config", config], input="admin\npassword di admin\n", text=True,
               check=True, capture_output=True)
token = subprocess.run([CONSOLE, "token", "add", "admin", "--config", config], text=True, check=True,
                       capture_output=True).stdout.strip().splitlines()[-1]

env = dict(os.environ, VETRINA_BOARD_CLOCK=PINNED)
server = subprocess.Popen([CONSOLE, "serve", "--config", config], stdout=subprocess.PIPE, text=True, env=env)
nginx = None
try:
    line = server.stdout.readline()
    if "listening on" not in line:
        sys.exit("the console did not start: %r" % line)
    console_port = int(line.rsplit(":", 1)[1])

    https_port, http_port = free_port(), free_port()
    site = open(EXAMPLE).read()
    site = replace(site, "    listen 80;\n", "    listen 127.0.0.1:%d;\n" % http_port)
    site = replace(site, "    listen 443 ssl http2;\n", "    listen 127.0.0.1:%d ssl http2;\n" % https_port)
    site = replace(site, "    listen [::]:80;\n", "")
    site = replace(site, "    listen [::]:443 ssl http2;\n", "")
    site = replace(site, "/etc/letsencrypt/live/vetrina.comune.example.it/fullchain.pem", OUT + "/cert.pem")
    site = replace(site, "/etc/letsencrypt/live/vetrina.comune.example.it/privkey.pem", OUT + "/key.pem")
    site = replace(site, "http://127.0.0.1:8080", "http://127.0.0.1:%d" % console_port)
    site = replace(site, "/srv/vetrina/published/", published + "/")
    tmp = OUT + "/nginx-tmp"
    os.makedirs(tmp)
    with open(OUT + "/nginx.conf", "w") as f:
        f.write("worker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log;\nevents { worker_connections 64; }\n"
                "http {\n access_log %s/access.log;\n include /etc/nginx/mime.types;\n"
                " client_body_temp_path %s;\n proxy_temp_path %s;\n fastcgi_temp_path %s;\n uwsgi_temp_path %s;\n"
                " scgi_temp_path %s;\n%s}\n" % (OUT, OUT, OUT, tmp, tmp, tmp, tmp, tmp, site))
    test = subprocess.run(["/usr/sbin/nginx", "-t", "-p", OUT, "-e", OUT + "/error.log", "-c", OUT + "/nginx.conf"],
                          capture_output=True, text=True)
    check(test.returncode == 0, "nginx -t accepts the example: " + test.stderr.strip().replace("\n", " | "))
    if test.returncode != 0:
        sys.exit(1)
    # nginx prints nothing when it is up: it is up once its pid file exists and the port answers.
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", OUT, "-e", OUT + "/error.log", "-c", OUT + "/nginx.conf",
                              "-g", "daemon off;"])
    for _ in range(100000):
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            if nginx.poll() is not None:
                sys.exit("nginx exited: " + open(OUT + "/error.log").read())
    base = "https://localhost:%d" % https_port
    tls = ssl.create_default_context()
    tls.check_hostname = False
    tls.verify_mode = ssl.CERT_NONE
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=tls),
                                         urllib.request.HTTPCookieProcessor(jar))

    def fetch(path, data=None, headers=None):
        req = urllib.request.Request(base + path, data=data, headers=headers or {})
        try:
            with opener.open(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    status, headers, body = fetch("/login")
    check(status == 200 and "Accedi" in body.decode(), "https://.../login reaches the console")
    check("default-src 'none'" in (headers.get("Content-Security-Policy") or ""), "the console's headers pass nginx")
    csrf = re.search(r'name="csrf" value="([^"]+)"', body.decode()).group(1)

    # A client that claims to be 203.0.113.9: nginx overwrites X-Real-IP with its peer, 127.0.0.1.
    form = urllib.parse.urlencode({"csrf": csrf, "name": "admin", "password": "sbagliata"}).encode()
    status, _, body = fetch("/login", form, {"X-Real-IP": "203.0.113.9", "Content-Type":
                                             "application/x-www-form-urlencoded"})
    check(status == 401 and "non corretti" in body.decode(), "a wrong password through nginx is refused (401)")
    status, _, body = fetch("/api/v1/audit", headers={"Authorization": "Bearer " + token})
    failed = [e for e in json.loads(body)["entries"] if e["action"] == "login_failed"]
    check(len(failed) == 1 and failed[0]["address"] == "127.0.0.1",
          "the audit log has nginx's address for the client, not the X-Real-IP it sent: %r" %
          [e["address"] for e in failed])

    for name in ("manifest.json", "manifest.json.minisig"):
        status, headers, body = fetch("/pubblicazione/" + name)
        check(status == 200 and headers.get("Cache-Control") == "no-cache",
              "/pubblicazione/%s is served with Cache-Control: no-cache" % name)
    status, headers, body = fetch("/pubblicazione/files/avviso.md")
    check(status == 200 and body == b"# Avviso" and headers.get("Cache-Control") is None,
          "a published file is served from out_dir, cacheable")
    status, _, _ = fetch("/pubblicazione/")
    check(status in (403, 404), "the published folder is not listed (%d)" % status)

    # A picture is capped at 5 MB by the console, 7.2 MB in base64 inside a JSON draft: 7 MB
    # reaches it (which answers itself), 9 MB is refused by nginx.
    status, _, body = fetch("/login", b"x" * (7_000_000), {"Content-Type": "application/x-www-form-urlencoded"})
    check(status != 413 or b"nginx" not in body, "7 MB reaches the console (%d)" % status)
    status, _, body = fetch("/login", b"x" * (9_000_000), {"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 413 and b"nginx" in body, "9 MB is refused by nginx (%d)" % status)

    req = urllib.request.Request("http://127.0.0.1:%d/login" % http_port)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        urllib.request.build_opener(NoRedirect()).open(req, timeout=10)
        check(False, "plain http redirects to https")
    except urllib.error.HTTPError as e:
        check(e.code == 301 and e.headers.get("Location", "").startswith("https://"),
              "plain http redirects to https")
finally:
    if nginx:
        nginx.terminate()
        nginx.wait()
    server.terminate()
    server.wait()

finish(OUT)
