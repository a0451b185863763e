#!/usr/bin/python3
"""A notice from a clerk's browser to the kiosk, with every part real: Debian's nginx in front of the
console (proxying the pages, serving the published folder), Chromium driven through chromium-driver,
the console publishing with the town's key, and the kiosk's own `vetrina sync` and `vetrina list`.

An editor logs in, writes a notice with a picture (and a <script> in its title), sees the exact
preview drawn by the kiosk, submits it; the editor cannot approve it; a publisher logs in, approves,
and is told the new revision; the kiosk syncs and lists the notice, as text, with its picture.
Screenshots of each step go to OUT_DIR.

Usage: console_publish_browser.py VETRINA_CONSOLE VETRINA OUT_DIR
Exit 77 (skipped) without chromium/selenium/nginx. No sleeps and no timing assertions. Every clock
here is the machine's (moved by libfaketime in the moved-clock run, the same for every process but
Chromium, which compares no dates): what is checked does not depend on the day.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Browser, check, finish, free_port, selenium_or_skip, skip_without  # noqa: E402

CONSOLE, VETRINA, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TITLE = "Anagrafe chiusa sabato <script>alert(1)</script>"

selenium_or_skip()
skip_without("/usr/sbin/nginx")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def run(argv, stdin=""):
    p = subprocess.run(argv, input=stdin, text=True, capture_output=True)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s%s" % (" ".join(argv), p.returncode, p.stdout, p.stderr))
    return p.stdout


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
work = tempfile.mkdtemp(prefix="publish-", dir=OUT)
os.chmod(work, 0o755)  # nginx's workers (user nobody when run as root) read the published folder
content, published, kiosk = work + "/content", work + "/published", work + "/kiosk"

# The town's content of record and its key; revision 1 published by hand, as a town did before
# the console: the console must take over from it.
shutil.copytree(SOURCE + "/content", content)
run([VETRINA, "keygen", "--secret", work + "/comune.key", "--public", work + "/comune.pub"])
os.chmod(work + "/comune.key", 0o600)
run([VETRINA, "publish", "--content", content, "--out", published, "--key", work + "/comune.key"])
public_key = open(work + "/comune.pub").read().splitlines()[1]

config = work + "/console.toml"
with open(config, "w") as f:
    f.write('[console]\nlisten = "127.0.0.1:0"\ndata_dir = "%s/data"\nthreads = 4\n'
            '[publish]\ncontent_dir = "%s"\nout_dir = "%s"\nkey_file = "%s/comune.key"\nfour_eyes = true\n'
            '[preview]\nvetrina = "%s"\n' % (work, content, published, work, VETRINA))
run([CONSOLE, "init", "--config", config], "admin\npassword di admin\n")
run([CONSOLE, "user", "add", "anna", "--role", "editor", "--config", config], "password di anna\n")
run([CONSOLE, "user", "add", "paolo", "--role", "publisher", "--config", config], "password di paolo\n")

# The kiosk: one signed source, the folder nginx serves.
nginx_port = free_port()
kiosk_config = work + "/kiosk.toml"
with open(kiosk_config, "w") as f:
    f.write('[paths]\ndata_dir = "%s"\n[sync]\nconnect_timeout_seconds = 2\ntimeout_seconds = 20\nmin_free_mb = 1\n'
            '[[source]]\nname = "comune"\nkind = "manifest"\nurl = "http://127.0.0.1:%d/pubblicazione/manifest.json"\n'
            'public_keys = ["%s"]\n' % (kiosk, nginx_port, public_key))


def kiosk_notices():
    """Syncs the kiosk once; its applied revision and the notices it shows now."""
    run([VETRINA, "sync", "--once", "--config", kiosk_config])
    status = json.loads(run([VETRINA, "status", "--config", kiosk_config, "--json"]))
    revision = next((s.get("revision") for s in status["sources"] if s.get("source") == "comune"), None)
    notices = json.loads(run([VETRINA, "list", "notices", "--db", kiosk + "/vetrina.db", "--config", kiosk_config,
                              "--json"]))
    return revision, notices


def titles(listing):
    items = listing if isinstance(listing, list) else listing.get("notices", [])
    return [n.get("title", "") for n in items]


server = subprocess.Popen([CONSOLE, "serve", "--config", config], stdout=subprocess.PIPE, text=True)
nginx = browser = None
try:
    line = server.stdout.readline()
    if "listening on" not in line:
        sys.exit("the console did not start: %r" % line)
    console_port = int(line.rsplit(":", 1)[1])
    # nginx as docs/CONSOLE.md sets it up, without TLS: pages proxied with the client's address,
    # the published folder served to the kiosks.
    prefix = work + "/nginx"
    os.makedirs(prefix + "/tmp")
    with open(prefix + "/nginx.conf", "w") as f:
        f.write("worker_processes 1;\npid %(p)s/nginx.pid;\nerror_log %(p)s/error.log;\n"
                "events { worker_connections 64; }\nhttp {\n access_log %(p)s/access.log;\n"
                " client_body_temp_path %(p)s/tmp;\n proxy_temp_path %(p)s/tmp;\n fastcgi_temp_path %(p)s/tmp;\n"
                " uwsgi_temp_path %(p)s/tmp;\n scgi_temp_path %(p)s/tmp;\n types { application/json json; }\n"
                " server {\n  listen 127.0.0.1:%(port)d;\n  client_max_body_size 8m;\n"
                "  location /pubblicazione/ { alias %(out)s/; }\n"
                "  location / { proxy_pass http://127.0.0.1:%(console)d; proxy_set_header X-Real-IP $remote_addr;\n"
                "   proxy_set_header Host $host; proxy_read_timeout 90s; }\n }\n}\n"
                % {"p": prefix, "port": nginx_port, "out": published, "console": console_port})
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", prefix, "-e", prefix + "/error.log", "-c",
                              prefix + "/nginx.conf", "-g", "daemon off;"])
    for _ in range(100000):  # each probe is a connect() to a port nginx opens once
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", nginx_port)) == 0:
                break
    else:
        sys.exit("nginx did not start")

    # (The demo notices have dates of their own: on a moved clock none may be shown, so the sync is
    # judged by the revision the kiosk applied.)
    revision, before = kiosk_notices()
    check(revision == 1, "before: the kiosk synced revision 1 through nginx (%r)" % revision)
    check(TITLE not in titles(before), "before: the kiosk does not have the notice")

    browser = Browser(1280, 1000)
    driver = browser.driver
    base = "http://localhost:%d" % nginx_port

    def shot(name):
        browser.full_page_shot(os.path.join(OUT, name + ".png"))

    click_and_load = browser.click_and_load

    def log_in(name, password):
        browser.log_in(base, name, password)

    log_out = browser.log_out

    def no_script_ran():
        try:
            driver.switch_to.alert
            return False
        except NoAlertPresentException:
            return True

    def previews_drawn():
        """Every preview <img> finished loading a PNG at the kiosk's size (an error is a half-size SVG)."""
        return driver.execute_script(
            "const imgs = [...document.querySelectorAll('.previews img')];"
            "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth >= 1080);")

    # The editor writes the notice.
    log_in("anna", "password di anna")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "a[href='/drafts']"))
    click_and_load(driver.find_element(By.CSS_SELECTOR, "a[href='/drafts/new?kind=notice']"))
    driver.find_element(By.ID, "f-title").send_keys(TITLE)
    driver.find_element(By.ID, "f-short").send_keys("Sabato l'ufficio anagrafe resta chiuso per l'aggiornamento dei sistemi.")
    driver.find_element(By.ID, "f-body").send_keys("Riapre **lunedì** alle 8:30.\n\n- Per urgenze: Polizia locale.")
    driver.find_element(By.ID, "f-image").send_keys(SOURCE + "/content/media/lavori-piazza.png")
    shot("01-editor-writes")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    check("/drafts/" in driver.current_url and "Bozza salvata" in driver.page_source, "the draft is saved")
    check(no_script_ran() and "&lt;script&gt;alert(1)&lt;/script&gt;" in driver.page_source,
          "the <script> in the title is shown as text on the draft page")
    draft_url = driver.current_url.split("?")[0]
    for _ in range(100000):  # each probe asks the browser whether the kiosk's images arrived
        if previews_drawn():
            break
    check(previews_drawn(), "the exact preview: the kiosk drew the notice screen and the home screen")
    shot("02-draft-with-preview")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button"))
    check("In attesa di approvazione" in driver.page_source, "the draft is submitted")
    check(not driver.find_elements(By.CSS_SELECTOR, "form[action$='/approve']"), "the editor has no approve button")
    log_out()

    # The publisher approves: approval is the signature.
    log_in("paolo", "password di paolo")
    driver.get(base + "/drafts")
    check(no_script_ran() and "&lt;script&gt;" in driver.page_source, "the drafts list shows the title as text")
    driver.get(draft_url)
    shot("03-publisher-sees-draft")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    check("Approvata e pubblicata: revisione 2" in driver.page_source, "approval publishes revision 2 and says so")
    shot("04-approved")
    driver.get(base + "/revisions/2")
    check("anagrafe-chiusa-sabato-script-alert-1-script.md" in driver.page_source and no_script_ran(),
          "the revision page lists the new notice's file")
    shot("05-revision")
    log_out()

    # The kiosk's next sync shows it.
    revision, after = kiosk_notices()
    check(revision == 2, "after its next sync the kiosk has revision 2 (%r)" % revision)
    check(TITLE in titles(after), "after the kiosk's sync, `vetrina list notices` has the notice, as text")
    notice = next((n for n in (after if isinstance(after, list) else after.get("notices", []))
                   if n.get("title") == TITLE), {})
    check((notice.get("image") or {}).get("width", 0) > 0, "the kiosk has the notice's picture")
    with open(published + "/manifest.json") as f:
        check(json.load(f).get("revision") == 2, "the published manifest is revision 2")
finally:
    if browser:
        browser.quit()
    for p in (nginx, server):
        if p:
            p.terminate()
            p.wait()
finish(OUT)
