#!/usr/bin/python3
"""The console's pages in a real browser (Debian's chromium + chromium-driver, python3-selenium 4.8),
as a clerk would use them: log in, wrong passwords up to the lock-out (which then also refuses the
right password), a form sent without its CSRF token refused, a <script> typed in a form shown as text,
the session cookie HttpOnly, Secure and SameSite=Strict, roles. Screenshots of every page go to OUT_DIR.

Usage: console_browser.py VETRINA_CONSOLE OUT_DIR       exit 77 (skipped) without chromium/selenium.
No sleeps and no timing assertions: every wait is for a page or a line of output. CI runs the suite
under libfaketime, where time.sleep fails: so chromedriver is started here (waiting for its "started"
line) instead of by Selenium's Service, and page loads are awaited without WebDriverWait.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Browser, check, finish, selenium_or_skip  # noqa: E402

CONSOLE, OUT = sys.argv[1], sys.argv[2]
PINNED = "2026-11-23T10:00:00+01:00"  # the board clock the console runs on (lock-out times)

selenium_or_skip()
from selenium.webdriver.common.by import By  # noqa: E402


def run(args, stdin):
    p = subprocess.run([CONSOLE] + args, input=stdin, text=True, capture_output=True)
    if p.returncode != 0:
        sys.exit("vetrina-console %s failed: %s" % (" ".join(args), p.stderr))


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
work = tempfile.mkdtemp(prefix="console-browser-", dir=OUT)
config = os.path.join(work, "console.toml")
with open(config, "w") as f:
    f.write('[console]\nlisten = "127.0.0.1:0"\ndata_dir = "%s/data"\nthreads = 2\n' % work)
run(["init", "--config", config], "admin\npassword di admin\n")
run(["user", "add", "anna", "--role", "editor", "--config", config], "password di anna\n")

env = dict(os.environ, VETRINA_BOARD_CLOCK=PINNED)
server = subprocess.Popen([CONSOLE, "serve", "--config", config], stdout=subprocess.PIPE, text=True, env=env)
browser = None
try:
    line = server.stdout.readline()
    if "listening on" not in line:
        sys.exit("the console did not start: %r" % line)
    port = int(line.rsplit(":", 1)[1])
    # "localhost" is a secure context for Chromium: it keeps a Secure, __Host- cookie over plain
    # http there, as it will over https behind nginx.
    base = "http://localhost:%d" % port

    headers = urllib.request.urlopen("http://127.0.0.1:%d/login" % port).headers
    check("default-src 'none'" in headers.get("Content-Security-Policy", ""), "strict Content-Security-Policy")
    check(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options: DENY")

    browser = Browser(1280, 900)
    driver = browser.driver
    click_and_load = browser.click_and_load

    def shot(name):
        driver.save_screenshot(os.path.join(OUT, name + ".png"))

    def log_in(name, password):
        browser.log_in(base, name, password)

    log_out = browser.log_out

    def session_cookie():
        return next((c for c in driver.get_cookies() if c["name"] == "__Host-vetrina_session"), None)

    def cookie_flags_ok(c):
        return bool(c) and c["httpOnly"] and c["secure"] and c.get("sameSite") == "Strict" and c["path"] == "/"

    driver.get(base + "/login")
    shot("01-login")
    check(cookie_flags_ok(session_cookie()), "log-in form's cookie is HttpOnly, Secure, SameSite=Strict")
    check(driver.execute_script("return document.cookie").find("vetrina_session") < 0,
          "the session cookie is not readable from scripts")

    # Wrong passwords: four are told so, the fifth locks the account.
    for i in range(4):
        log_in("anna", "sbagliata %d" % i)
        check("non corretti" in driver.page_source, "wrong password %d is refused" % (i + 1))
        if i == 0:
            shot("02-login-wrong-password")
    log_in("anna", "sbagliata 5")
    check("bloccato" in driver.page_source, "the fifth wrong password locks the account")
    log_in("anna", "password di anna")
    check("bloccato" in driver.page_source and "/home" not in driver.current_url,
          "a locked-out user stays out with the right password")
    shot("03-login-locked")

    log_in("admin", "password di admin")
    check(driver.current_url.endswith("/home"), "the admin logs in and reaches the desk")
    check(cookie_flags_ok(session_cookie()), "the logged-in session cookie is HttpOnly, Secure, SameSite=Strict")
    shot("04-home-admin")

    driver.get(base + "/admin/users")
    check("Bloccato fino al" in driver.page_source, "the users page shows anna locked out")
    shot("05-users")

    # A <script> typed as a name comes back as text, and does not run.
    driver.find_element(By.ID, "name").send_keys("<script>window.__x=1</script>")
    driver.find_element(By.ID, "password").send_keys("corta")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    check(driver.execute_script("return window.__x === undefined"), "a <script> in a form is not run")
    check(driver.find_element(By.ID, "name").get_attribute("value") == "<script>window.__x=1</script>",
          "what was typed is shown back as text")
    check("almeno 10" in driver.page_source, "the password error is shown next to its field")
    shot("06-users-errors")

    # The same form without its CSRF token (removed as a forged page would lack it): refused.
    driver.get(base + "/admin/users")
    driver.find_element(By.ID, "name").send_keys("intruso")
    driver.find_element(By.ID, "password").send_keys("password intrusa")
    driver.find_element(By.ID, "password2").send_keys("password intrusa")
    driver.execute_script("document.querySelector(\"form[action='/admin/users'] input[name=csrf]\").remove()")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    check("Modulo non valido" in driver.page_source, "a form without its CSRF token is refused")
    shot("07-csrf-refused")
    driver.get(base + "/admin/users")
    check("intruso" not in driver.page_source, "the refused form created nothing")

    # With its token the form works; then the admin unlocks anna.
    driver.find_element(By.ID, "name").send_keys("paolo")
    driver.find_element(By.ID, "role").send_keys("P")
    driver.find_element(By.ID, "password").send_keys("password di paolo")
    driver.find_element(By.ID, "password2").send_keys("password di paolo")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    check("creato" in driver.page_source and "Pubblicatore" in driver.page_source, "the admin adds a publisher")
    click_and_load(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users/unlock'] button"))
    check("sbloccato" in driver.page_source, "the admin unlocks anna")

    driver.get(base + "/audit")
    src = driver.page_source
    for action in ("login_failed", "account_locked", "login_refused_locked", "csrf_refused", "user_add",
                   "user_unlock"):
        check(action in src, "the audit log shows " + action)
    check("&lt;script&gt;" in src or "<script>window" not in src, "the audit page shows typed text as text")
    shot("10-audit")
    log_out()
    check(driver.current_url.endswith("/login"), "log-out leads back to the log-in page")
    driver.get(base + "/home")
    check(driver.current_url.endswith("/login"), "after log-out the desk needs a log-in again")

    log_in("anna", "password di anna")
    check(driver.current_url.endswith("/home"), "unlocked, anna logs in")
    shot("08-home-editor")
    driver.get(base + "/admin/users")
    check("Accesso negato" in driver.page_source, "an editor cannot open the users page")
    shot("09-forbidden")
finally:
    if browser:
        browser.quit()
    server.terminate()
    server.wait()
finish(OUT)
