#!/usr/bin/python3
"""The console's figures for docs/PERFORMANCE.md, on the demo town's content (content/):

- server time per page (p50, p99): a logged-in publisher's GET of each page, straight to the
  console on 127.0.0.1 (no nginx), one keep-alive connection, N requests a page;
- preview time: GET /api/v1/drafts/ID/preview, each at another instant so nothing is reused
  (scratch store of the 65 published files plus the draft, then `vetrina shoot`);
- publish time: POST /api/v1/drafts/ID/approve (write the files, check and sign the whole town,
  record the revision), each on a new draft;
- memory: the console's peak and final resident set (VmHWM, VmRSS).

Usage: bench/console_bench.py VETRINA_CONSOLE VETRINA [--requests N] [--runs N] [--out FILE.json]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ap = argparse.ArgumentParser()
ap.add_argument("console")
ap.add_argument("vetrina")
ap.add_argument("--requests", type=int, default=200)
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--out")
args = ap.parse_args()


def run(argv, stdin=""):
    p = subprocess.run(argv, input=stdin, text=True, capture_output=True, check=True)
    return p.stdout


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


work = tempfile.mkdtemp(prefix="console-bench-")
try:
    content, published = work + "/content", work + "/published"
    shutil.copytree(SOURCE + "/content", content)
    run([args.vetrina, "keygen", "--secret", work + "/comune.key", "--public", work + "/comune.pub"])
    os.chmod(work + "/comune.key", 0o600)
    run([args.vetrina, "publish", "--content", content, "--out", published, "--key", work + "/comune.key"])
    config = work + "/console.toml"
    with open(config, "w") as f:
        f.write('[console]\nlisten = "127.0.0.1:0"\ndata_dir = "%s/data"\nthreads = 4\n'
                '[publish]\ncontent_dir = "%s"\nout_dir = "%s"\nkey_file = "%s/comune.key"\n'
                '[preview]\nvetrina = "%s"\n' % (work, content, published, work, args.vetrina))
    run([args.console, "init", "--config", config], "admin\npassword di admin\n")
    run([args.console, "user", "add", "anna", "--role", "editor", "--config", config], "password di anna\n")
    run([args.console, "user", "add", "paolo", "--role", "publisher", "--config", config], "password di paolo\n")
    anna = run([args.console, "token", "add", "anna", "--config", config]).strip().splitlines()[-1]
    paolo = run([args.console, "token", "add", "paolo", "--config", config]).strip().splitlines()[-1]

    server = subprocess.Popen([args.console, "serve", "--config", config], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().rsplit(":", 1)[1])
        conn = http.client.HTTPConnection("127.0.0.1", port)

        def request(method, path, body=None, headers=None):
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r, r.read()

        def api(method, path, token, body=None):
            r, data = request(method, path, json.dumps(body) if body is not None else None,
                              {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            return r.status, data

        def new_draft(title):
            status, data = api("POST", "/api/v1/drafts", anna,
                               {"kind": "notice", "fields": {"title": title, "short": "Testo breve dell'avviso.",
                                                             "body": "Testo completo.\n\n- uno\n- due"}})
            assert status == 201, data
            return json.loads(data)["id"]

        # Log in as the publisher through the form, as a browser does.
        r, page = request("GET", "/login")
        cookie = r.getheader("Set-Cookie").split(";")[0]
        csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', page).group(1).decode()
        r, _ = request("POST", "/login", "csrf=%s&name=paolo&password=password+di+paolo" % csrf,
                       {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        cookie = r.getheader("Set-Cookie").split(";")[0]
        first = new_draft("Avviso di prova per le pagine")

        publishes = []
        for i in range(args.runs):
            draft = new_draft("Avviso pubblicato numero %d" % (i + 1))
            assert api("POST", "/api/v1/drafts/%d/submit" % draft, anna)[0] == 200
            t0 = time.perf_counter()
            status, data = api("POST", "/api/v1/drafts/%d/approve" % draft, paolo)
            publishes.append(time.perf_counter() - t0)
            assert status == 200, data

        pages = ["/home", "/drafts", "/drafts/%d" % first, "/drafts/new?kind=notice", "/revisions",
                 "/revisions/1", "/audit"]
        page_times = {}
        for path in pages:
            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                r, _ = request("GET", path, headers={"Cookie": cookie})
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status == 200, (path, r.status)
            page_times[path] = {"p50_ms": round(percentile(times, 50), 2), "p99_ms": round(percentile(times, 99), 2)}

        previews = {}
        for screen in ("item", "home"):
            times = []
            for i in range(args.runs):
                at = "2026-12-%02dT10:00" % (10 + i)
                t0 = time.perf_counter()
                status, data = api("GET", "/api/v1/drafts/%d/preview?screen=%s&at=%s" % (first, screen, at), paolo)
                times.append(time.perf_counter() - t0)
                assert status == 200 and data[:4] == b"\x89PNG", (status, data[:200])
            previews[screen] = {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3)}

        with open("/proc/%d/status" % server.pid) as f:
            status_text = f.read()
        memory = {k: int(re.search(k + r":\s+(\d+) kB", status_text).group(1)) // 1024 for k in ("VmHWM", "VmRSS")}
        files = len(json.load(open(published + "/manifest.json"))["files"])
    finally:
        server.terminate()
        server.wait()

    result = {"pages": page_times, "requests_per_page": args.requests, "preview": previews,
              "publish": {"median_s": round(statistics.median(publishes), 3), "max_s": round(max(publishes), 3),
                          "files": files},
              "memory_mb": {"peak": memory["VmHWM"], "end": memory["VmRSS"]}}
    print("%-28s %9s %9s" % ("page", "p50 ms", "p99 ms"))
    for path, t in page_times.items():
        print("%-28s %9.2f %9.2f" % (path, t["p50_ms"], t["p99_ms"]))
    for screen, t in previews.items():
        print("preview %-6s median %.2f s, max %.2f s (%d runs)" % (screen, t["median_s"], t["max_s"], args.runs))
    print("publish (approve) median %.2f s, max %.2f s, %d files signed (%d runs)"
          % (result["publish"]["median_s"], result["publish"]["max_s"], files, args.runs))
    print("console memory: peak %d MB, at the end %d MB" % (memory["VmHWM"], memory["VmRSS"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2)
finally:
    shutil.rmtree(work, ignore_errors=True)
