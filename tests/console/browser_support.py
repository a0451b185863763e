"""What the console's Python tests share: checks that are counted, free loopback ports, and Chromium
driven through chromidriver started here (Selenium's Service sleeps, which fails under libfaketime,
and Chromium does not start under libfaketime: it runs on the machine's real clock, comparing no
dates). Every wait is for a line of output or a page, never a sleep."""
import os
import socket
import subprocess
import sys

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def finish(out_dir):
    if failures:
        print("%d check(s) failed; output in %s" % (len(failures), out_dir))
        sys.exit(1)
    print("all checks passed; output in %s" % out_dir)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def skip_without(*paths):
    for path in paths:
        if not os.path.exists(path):
            print("SKIP: %s is not installed" % path)
            sys.exit(77)


def selenium_or_skip():
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("SKIP: python3-selenium is not installed (apt-get install python3-selenium)")
        sys.exit(77)
    skip_without("/usr/bin/chromium", "/usr/bin/chromedriver")


class Browser:
    """Headless Chromium at a window size; quit() ends it and its chromedriver."""

    def __init__(self, width=1280, height=900):
        from selenium import webdriver
        from selenium.webdriver.remote.file_detector import UselessFileDetector
        opts = webdriver.ChromeOptions()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--window-size=%d,%d" % (width, height)):
            opts.add_argument(a)
        opts.binary_location = "/usr/bin/chromium"
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
        self.chromedriver = subprocess.Popen(["/usr/bin/chromedriver", "--port=%d" % port], env=env,
                                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.chromedriver.stdout:
            if "started successfully" in line:
                break
        else:
            sys.exit("chromedriver did not start")
        self.driver = webdriver.Remote(command_executor="http://127.0.0.1:%d" % port, options=opts)
        self.driver.file_detector = UselessFileDetector()  # a file input reads this machine's files
        self.width, self.height = width, height

    def click_and_load(self, element):
        """Clicks a submit button or a link and waits for the next page (the old one goes stale)."""
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
        from selenium.webdriver.common.by import By
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        for _ in range(100000):  # each probe is a round trip to chromedriver, not a spin
            try:
                old.tag_name
            except StaleElementReferenceException:
                return
            except WebDriverException as e:
                # Under load Chromium may answer while the old document is being replaced: "Node
                # with given id does not belong to the document" means the same thing, gone.
                if "does not belong to the document" in str(e):
                    return
                raise
        sys.exit("the page after a click never loaded")

    def log_in(self, base, name, password):
        """The console's log-in form, as a clerk fills it."""
        from selenium.webdriver.common.by import By
        self.driver.get(base + "/login")
        self.driver.find_element(By.ID, "name").clear()
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.click_and_load(self.driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))

    def log_out(self):
        from selenium.webdriver.common.by import By
        self.click_and_load(self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

    def full_page_shot(self, path):
        """A screenshot as tall as the page, then the window back to its size."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(self.width, max(self.height, height))
        self.driver.save_screenshot(path)
        self.driver.set_window_size(self.width, self.height)

    def quit(self):
        self.driver.quit()
        self.chromedriver.terminate()
        self.chromedriver.wait()
