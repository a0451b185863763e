#!/usr/bin/python3
"""Screenshots of the demo console's pages in headless Chromium, for scripts/demo without a display.

Usage: demo-console-tour.py URL PASSWORDS_FILE OUT_DIR
  URL             the running console (http://localhost:PORT)
  PASSWORDS_FILE  "name password" lines (scripts/demo-console writes var/demo/console/passwords)
Writes OUT_DIR/console-<page>-<orientation>.png, each page as tall as its content (nothing cut off).
Exit 77 without chromium, chromium-driver or python3-selenium (Debian packages).
"""
import os
import socket
import subprocess
import sys

# The pages, in ONE place: (file name, who is logged in (None: nobody), path). A new page of the
# console (drafts, preview, revisions...) is one more line here.
# "{draft}" is the demo notice the tour writes first (as the editor, with a picture).
PAGES = [
    ("accesso", None, "/login"),
    ("scrivania-redattore", "redattore", "/home"),
    ("avvisi-redattore", "redattore", "/drafts"),
    ("nuovo-avviso-redattore", "redattore", "/drafts/new?kind=notice"),
    ("nuovo-evento-redattore", "redattore", "/drafts/new?kind=event"),
    ("bozza-con-anteprima-redattore", "redattore", "{draft}"),
    ("da-approvare-pubblicatore", "pubblicatore", "{draft}"),
    ("utenti-admin", "admin", "/admin/users"),
    ("registro-pubblicatore", "pubblicatore", "/audit"),
]
# A portrait tablet and a landscape laptop: (name, width, height).
SIZES = [("verticale", 720, 1280), ("orizzontale", 1366, 800)]

URL, PASSWORDS, OUT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
except ImportError:
    print("demo: python3-selenium is missing, no console screenshots", file=sys.stderr)
    sys.exit(77)
if not (os.path.exists("/usr/bin/chromium") and os.path.exists("/usr/bin/chromedriver")):
    print("demo: chromium or chromium-driver is missing, no console screenshots", file=sys.stderr)
    sys.exit(77)

passwords = dict(line.split(" ", 1) for line in open(PASSWORDS).read().splitlines() if line)
os.makedirs(OUT, exist_ok=True)

with socket.socket() as probe:  # a free port for chromedriver
    probe.bind(("127.0.0.1", 0))
    driver_port = probe.getsockname()[1]
chromedriver = subprocess.Popen(["/usr/bin/chromedriver", "--port=%d" % driver_port], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
driver = None
try:
    for line in chromedriver.stdout:
        if "started successfully" in line:
            break
    else:
        sys.exit("demo: chromedriver did not start")
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
              "--lang=it-IT"):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    driver = webdriver.Remote(command_executor="http://127.0.0.1:%d" % driver_port, options=opts)

    def submit_and_wait(button):
        old = driver.find_element(By.TAG_NAME, "html")
        button.click()
        for _ in range(100000):  # each probe is a round trip to chromedriver
            try:
                old.tag_name
            except StaleElementReferenceException:
                return
            except WebDriverException as e:  # the old document being replaced, under load
                if "does not belong to the document" in str(e):
                    return
                raise
        sys.exit("demo: the page after log-in never loaded")

    def log_in(name):
        driver.delete_all_cookies()
        driver.get(URL + "/login")
        driver.find_element(By.ID, "name").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(passwords[name])
        submit_and_wait(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
        if not driver.current_url.endswith("/home"):
            sys.exit("demo: %s could not log in to the console" % name)

    def previews_drawn():
        return driver.execute_script(
            "const imgs = [...document.querySelectorAll('.previews img')];"
            "return imgs.every(i => i.complete && i.naturalWidth > 0);")

    # The editor writes a notice with a picture and submits it: the draft's page then shows the
    # kiosk's own preview, and the publisher's the approve button.
    from selenium.webdriver.remote.file_detector import UselessFileDetector
    driver.file_detector = UselessFileDetector()
    log_in("redattore")
    driver.get(URL + "/drafts/new?kind=notice")
    driver.find_element(By.ID, "f-title").send_keys("Anagrafe: aperture straordinarie di dicembre")
    driver.find_element(By.ID, "f-short").send_keys(
        "Sabato 19 dicembre l'ufficio anagrafe è aperto dalle 9 alle 12 per le carte d'identità.")
    driver.find_element(By.ID, "f-body").send_keys(
        "Si riceve **su appuntamento**: prenota allo sportello URP o al telefono.\n\n"
        "- Porta una fototessera recente.\n- Porta la vecchia carta o la denuncia di smarrimento.")
    driver.find_element(By.ID, "f-image").send_keys(os.path.abspath("content/media/lavori-piazza.png"))
    submit_and_wait(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    draft = driver.current_url.split("?")[0][len(URL):]
    if not draft.startswith("/drafts/"):
        sys.exit("demo: the demo notice was not saved")
    submit_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button"))

    written = []
    for page, user, path in PAGES:
        path = path.replace("{draft}", draft)
        if user:
            log_in(user)
        else:
            driver.delete_all_cookies()
        for orientation, width, height in SIZES:
            driver.set_window_size(width, height)
            driver.get(URL + path)
            for _ in range(100000):  # each probe asks the browser whether the previews arrived
                if previews_drawn():
                    break
            # As tall as the page: a screenshot shows the viewport only.
            full = driver.execute_script("return document.documentElement.scrollHeight")
            inner = driver.execute_script("return window.innerHeight")
            if full > inner:
                driver.set_window_size(width, height + full - inner)
            name = os.path.join(OUT, "console-%s-%s.png" % (page, orientation))
            driver.save_screenshot(name)
            written.append(name)
    # The publisher approves: a signed revision the demo kiosk syncs from (var/demo/published).
    log_in("pubblicatore")
    driver.set_window_size(*SIZES[1][1:])
    driver.get(URL + draft)
    submit_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button"))
    name = os.path.join(OUT, "console-approvata-pubblicatore-orizzontale.png")
    driver.save_screenshot(name)
    written.append(name)
    print("\n".join(written))
finally:
    if driver:
        driver.quit()
    chromedriver.terminate()
    chromedriver.wait()
