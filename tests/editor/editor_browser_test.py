#!/usr/bin/python3
"""The web editor in a real browser: Chromium headless, driven by Selenium, against a real
kiosk-backend on loopback with its real SQLite database. Run by ctest (editor_in_chromium):

    editor_browser_test.py BUILD_BIN_DIR [SCREENSHOT_DIR]

Each check asserts what a member of staff would see: the message next to the field, the
badge on a missing translation, the text of a hostile title shown as text. With SCREENSHOT_DIR
it also saves the README's pictures of the editor.
"""
import http.client
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

XSS = "<script>alert(1)</script>"
BIN = sys.argv[1]
SHOTS = sys.argv[2] if len(sys.argv) > 2 else ""
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def png(width, height, noise=False):
    """A valid PNG of the given size (random pixels when noise, to make it large)."""
    raw = b""
    row = bytes(width * 3)
    for y in range(height):
        raw += b"\x00" + (os.urandom(width * 3) if noise else row)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0 if noise else 9)) + chunk(b"IEND", b""))


class Backend:
    """kiosk-backend with the editor, in a fresh folder."""

    def __init__(self, *extra):
        self.dir = tempfile.mkdtemp(prefix="editor-test-")
        self.root = os.path.join(self.dir, "www")
        os.mkdir(self.root)
        self.db = os.path.join(self.dir, "backend.sqlite")
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.exe = os.path.join(BIN, "kiosk-backend")
        self.log = open(os.path.join(self.dir, "backend.log"), "w")
        self.proc = subprocess.Popen([self.exe, "--root", self.root, "--db", self.db, "--port", str(self.port),
                                      "--sign-in-slowdown-s", "0", *extra], stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.proc.stdout.readline()
        assert first.startswith("listening on"), first
        self.key_line = self.proc.stdout.readline()

    def add_user(self, name, role, password=None):
        args = [self.exe, "--db", self.db, "user", "add", name, "--role", role]
        if password is None:
            out = subprocess.run(args + ["--one-time"], capture_output=True, text=True, check=True).stdout
            return out.rsplit(" ", 1)[1].strip()
        subprocess.run(args, input=password + "\n" + password + "\n", capture_output=True, text=True, check=True)
        return password

    def request(self, method, path, body=b"", headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, dict(r.getheaders()), data

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=20)


def browser(lang="de-DE"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
              "--lang=" + lang):
        options.add_argument(a)
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    d.implicitly_wait(0)
    return d


def wait_for(d, css):
    try:
        return WebDriverWait(d, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
    except Exception:
        # Say what the page shows instead: its problems, its alert, its heading.
        shown = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#problems, #alert, #error-text, #sign-in-error, h1")]
        raise AssertionError("%s did not appear on %s; the page shows: %s" % (css, d.current_url, shown)) from None


def no_alert(d):
    try:
        d.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def shot(d, name):
    if SHOTS:
        d.save_screenshot(os.path.join(SHOTS, name))


def sign_in(d, b, name, password):
    d.get(b.base + "/admin/sign-in")
    d.find_element(By.ID, "name").clear()
    d.find_element(By.ID, "name").send_keys(name)
    d.find_element(By.ID, "password").send_keys(password)
    click(d, "sign-in")


def session_cookie(d):
    return {c["name"]: c for c in d.get_cookies()}.get("kb_session")


def csrf_of(d):
    return d.find_element(By.CSS_SELECTOR, "input[name=csrf]").get_attribute("value")


def post_form(b, d, path, fields, with_cookie=True):
    """A POST as a forged page would send it: the browser's cookie, fields we choose."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    cookie = session_cookie(d)
    if with_cookie and cookie:
        headers["Cookie"] = "kb_session=" + cookie["value"]
    return b.request("POST", path, urllib.parse.urlencode(fields).encode(), headers)


def click(d, element_id):
    el = d.find_element(By.ID, element_id)
    d.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", el)
    el.click()


def fill_offer(d, values):
    from selenium.webdriver.support.ui import Select
    for field_id, value in values.items():
        el = d.find_element(By.ID, field_id)
        if el.tag_name == "select":
            Select(el).select_by_value(value)
        elif el.get_attribute("type") == "checkbox":
            if el.is_selected() != bool(value):
                d.execute_script("arguments[0].click()", el)
        else:
            if not el.is_displayed():  # a language panel the tabs hide
                lang = field_id.rsplit("-", 1)[1]
                d.find_element(By.ID, "tab-" + lang).click()
            el.clear()
            el.send_keys(value)


def main():
    b = Backend()
    d = browser()
    try:
        run(b, d)
    finally:
        d.quit()
        b.stop()
        if failures:
            print(open(os.path.join(b.dir, "backend.log")).read()[-4000:])
        shutil.rmtree(b.dir, ignore_errors=True)
    if failures:
        print("%d checks failed:\n  " % len(failures) + "\n  ".join(failures))
        sys.exit(1)
    print("all checks passed")


def run(b, d):
    publisher_once = b.add_user("anna", "publisher")
    b.add_user("ben", "editor", "korrekt pferd batterie")

    # --- signed out: nothing but the sign-in page -------------------------------------------
    d.get(b.base + "/admin/offers")
    check(d.current_url.endswith("/admin/sign-in") and d.find_element(By.ID, "sign-in"), "a signed-out browser is sent to the sign-in page")
    for path in ("/admin/", "/admin/offers/lesepaten-aplerbeck", "/admin/publish", "/admin/users", "/admin/history", "/admin/media/x.png"):
        status, headers, _ = b.request("GET", path)
        check(status == 303 and headers.get("Location") == "/admin/sign-in", "signed out, GET %s is sent to sign-in (%d)" % (path, status))
    for path in ("/admin/offers/lesepaten-aplerbeck", "/admin/publish/live", "/admin/users", "/admin/strings"):
        status, _, _ = b.request("POST", path, b"csrf=x", {"Content-Type": "application/x-www-form-urlencoded"})
        check(status == 403, "signed out, POST %s gets 403 (%d)" % (path, status))
    shot(d, "editor-sign-in.png")

    # Behind https (--secure-cookies, or a trusted proxy's X-Forwarded-Proto) cookies get Secure.
    for args, proxy_header in ((("--secure-cookies",), {}), (("--trusted-proxy", "127.0.0.1"), {"X-Forwarded-Proto": "https"}),
                               ((), {"X-Forwarded-Proto": "https"})):
        other = Backend(*args)
        try:
            _, headers, _ = other.request("GET", "/admin/sign-in", headers=proxy_header)
            secure = "; Secure" in headers.get("Set-Cookie", "")
            check(secure == bool(args), "behind %s the sign-in cookie is %sSecure" % (" ".join(args) or "an untrusted X-Forwarded-Proto", "" if args else "not "))
        finally:
            other.stop()
            shutil.rmtree(other.dir, ignore_errors=True)

    # --- sign-in: wrong password, the sign-in form's own token, lockout ---------------------------
    sign_in(d, b, "ben", "not the password at all")
    msg = wait_for(d, "#sign-in-error").text
    check("Name oder Passwort ist falsch" in msg, "a wrong password says so: " + msg)
    sign_in(d, b, "nobody-here", "whatever password 1")
    check("Name oder Passwort ist falsch" in wait_for(d, "#sign-in-error").text, "an unknown name gets the same message")
    status, _, _ = b.request("POST", "/admin/sign-in", urllib.parse.urlencode({"name": "ben", "password": "korrekt pferd batterie"}).encode(),
                             {"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 403, "a sign-in without the form's token gets 403 (%d)" % status)
    sign_in(d, b, XSS, XSS)
    wait_for(d, "#sign-in-error")
    check(no_alert(d) and XSS in d.find_element(By.ID, "name").get_attribute("value"), "<script> as a name is kept as text")
    for _ in range(4):
        sign_in(d, b, "ben", "still the wrong one")
        # The answer must be on screen before the next try loads the form again: a d.get() racing the
        # submit's navigation found a page without the form now and then.
        msg = wait_for(d, "#sign-in-error").text
    check("gesperrt" in msg, "five wrong passwords lock the account: " + msg)
    sign_in(d, b, "ben", "korrekt pferd batterie")
    check("gesperrt" in wait_for(d, "#sign-in-error").text and session_cookie(d) is None, "a locked account is refused even with the right password")

    # --- the first publisher: one-time password, then their own ----------------------------------
    sign_in(d, b, "anna", publisher_once)
    wait_for(d, "#new_password")
    check(d.current_url.endswith("/admin/password"), "a one-time password leads to choosing a new one")
    cookie = session_cookie(d)
    check(cookie is not None and cookie["httpOnly"] and cookie.get("sameSite") == "Strict" and cookie["path"] == "/admin/",
          "the session cookie is HttpOnly, SameSite=Strict, limited to /admin/: %s" % {k: cookie.get(k) for k in ("httpOnly", "sameSite", "path")} if cookie else "no cookie")
    d.get(b.base + "/admin/offers")
    check(d.current_url.endswith("/admin/password"), "until then every page leads back to the password page")
    d.find_element(By.ID, "new_password").send_keys("kurz")
    click(d, "save-password")
    err = wait_for(d, "#new_password-error")
    check("12" in err.text and d.find_element(By.ID, "new_password").get_attribute("aria-invalid") == "true",
          "a short password is refused next to the field: " + err.text)
    d.find_element(By.ID, "new_password").send_keys("Gelbe Tulpen im Westfalenpark")
    click(d, "save-password")
    wait_for(d, "#notice")
    check(d.current_url.endswith("/admin/?notice=password"), "the new password is taken")
    status, _, _ = b.request("GET", "/admin/", headers={"Cookie": "kb_session=" + cookie["value"]})
    check(status == 303, "the session of the one-time password ended with the change (%d)" % status)
    shot(d, "editor-home.png")

    # --- the list: search and filters ------------------------------------------------------------
    d.get(b.base + "/admin/offers?q=hoerde")
    rows = d.find_elements(By.CSS_SELECTOR, "tbody tr")
    check(len(rows) >= 2 and all("Hörde" in r.text or "hoerde" in r.text for r in rows), "searching \"hoerde\" finds the Hörde offers (%d)" % len(rows))
    d.get(b.base + "/admin/offers?district=hoerde")
    in_hoerde = d.find_elements(By.CSS_SELECTOR, "tbody tr")
    check(len(in_hoerde) >= len(rows) and all(r.find_elements(By.TAG_NAME, "td")[2].text.startswith("Hörde") for r in in_hoerde),
          "the district filter shows only offers in Hörde (%d)" % len(in_hoerde))
    d.get(b.base + "/admin/offers")
    shot(d, "editor-offers.png")

    # --- a new offer: a missing title is named next to the field; no English is flagged ----------
    d.get(b.base + "/admin/offers/new")
    offer = {
        "f-id": "lesecafe-test", "f-summary-de": "Einmal im Monat vorlesen.", "f-description-de": "Sie lesen im Stadtteilcafé vor.",
        "f-organisation": "Stadtteilcafé Hörde (Test)", "f-unit": "freiwilligenagentur", "f-district": "hoerde",
        "f-categories-kultur": True, "f-address": "Hörder Bahnhofstraße 1, 44263 Dortmund", "f-commitment": "regular",
        "f-hours_per_month": "4", "f-contact-email": "lesecafe@example.org",
    }
    fill_offer(d, offer)
    click(d, "save")
    err = wait_for(d, "#f-title-de-error")
    title = d.find_element(By.ID, "f-title-de")
    check(err.is_displayed() and "Dieses Feld" in err.text and title.get_attribute("aria-invalid") == "true"
          and "f-title-de-error" in title.get_attribute("aria-describedby"), "a missing title is named next to the field: " + err.text)
    check(d.find_element(By.CSS_SELECTOR, "#problems a[href='#f-title-de']") is not None, "the summary links to the field")
    check(d.find_element(By.ID, "f-organisation").get_attribute("value") == offer["f-organisation"], "what was typed is kept")
    shot(d, "editor-offer-problem.png")
    fill_offer(d, {"f-title-de": XSS + " Lesecafé"})
    click(d, "save")
    wait_for(d, "#notice")
    check(d.current_url.endswith("/admin/offers/lesecafe-test?notice=saved"), "the offer is saved as a draft without English")
    check(d.find_element(By.ID, "f-title-en-missing").get_attribute("textContent") == "fehlt", "the English title is flagged as missing")
    check("1 fehlen" not in d.find_element(By.ID, "tab-de").text and "fehlen" in d.find_element(By.ID, "tab-en").text,
          "the English tab counts what is missing")
    check(no_alert(d) and d.find_element(By.CSS_SELECTOR, "h1").text == XSS + " Lesecafé", "the <script> title shows as text in the heading")
    d.get(b.base + "/admin/offers?q=lesecafe")
    row = d.find_element(By.ID, "row-lesecafe-test")
    check(no_alert(d) and XSS in row.text and "EN" in row.text, "the list shows the title as text and flags EN: " + row.text)
    check(XSS not in d.page_source, "the page source holds the title escaped, never as a tag")

    # --- every text field with <script>: validation messages show it as text ---------------------
    d.get(b.base + "/admin/offers/lesecafe-test")
    for el in d.find_elements(By.CSS_SELECTOR, "#item-form input[type=text], #item-form input:not([type]), #item-form textarea"):
        if el.get_attribute("readonly") or not el.get_attribute("name") or el.get_attribute("name").startswith("facts"):
            continue
        d.execute_script("arguments[0].value = arguments[1]", el, XSS)
    click(d, "save")
    wait_for(d, "#problems")
    check(no_alert(d) and XSS not in d.page_source and "&lt;script&gt;" in d.page_source,
          "with <script> in every text field, the form comes back with messages and no script runs")
    d.get(b.base + "/admin/offers/lesecafe-test")
    check(d.find_element(By.ID, "f-organisation").get_attribute("value") == offer["f-organisation"], "a refused save changes nothing")

    # --- pictures ----------------------------------------------------------------------------------
    pictures = os.path.join(b.dir, "pictures")
    os.mkdir(pictures)
    good, big, fake = (os.path.join(pictures, n) for n in ("good.png", "big.png", "fake.png"))
    open(good, "wb").write(png(320, 200))
    open(big, "wb").write(png(1300, 1300, noise=True))  # about 5 MB
    open(fake, "wb").write(b"GIF89a not a png at all" * 10)
    for path, expect in ((big, "größer als 4 MB"), (fake, "kein PNG")):
        d.get(b.base + "/admin/offers/lesecafe-test")
        d.find_element(By.ID, "image-file").send_keys(path)
        click(d, "upload")
        msg = wait_for(d, "#image-error, #error-text").text
        check(expect in msg, "%s is refused with a message: %s" % (os.path.basename(path), msg))
    d.get(b.base + "/admin/offers/lesecafe-test")
    d.find_element(By.ID, "image-file").send_keys(good)
    click(d, "upload")
    wait_for(d, "#current-image")
    check(d.execute_script("return document.getElementById('current-image').naturalWidth") == 320, "an uploaded picture is shown back")
    shot(d, "editor-offer.png")

    # --- CSRF: every form refuses a POST without the token ----------------------------------------
    forms = {"/admin/offers/lesecafe-test": {"organisation.de": "x"}, "/admin/offers/lesecafe-test/duplicate": {},
             "/admin/offers/lesecafe-test/archive": {"archived": "1"}, "/admin/publish/preview": {}, "/admin/publish/live": {},
             "/admin/publish/restore/1": {}, "/admin/users": {"name": "mallory", "role": "publisher", "password": "x" * 20},
             "/admin/strings": {"key": "home.welcome", "de": "x"}, "/admin/settings": {"title.de": "x"}, "/admin/password": {"new_password": "y" * 20}, "/admin/sign-out": {}}
    for path, fields in forms.items():
        status, _, _ = post_form(b, d, path, fields)
        check(status == 403, "POST %s without the CSRF token gets 403 (%d)" % (path, status))
        status, _, _ = post_form(b, d, path, dict(fields, csrf="forged-" + "a" * 40))
        check(status == 403, "POST %s with a wrong token gets 403 (%d)" % (path, status))
    d.get(b.base + "/admin/offers/lesecafe-test")
    check(d.find_element(By.ID, "f-organisation").get_attribute("value") == offer["f-organisation"], "forged POSTs changed nothing")
    status, _, _ = b.request("POST", "/admin/offers/lesecafe-test", b"x" * (2 << 20),
                             {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "kb_session=" + session_cookie(d)["value"]})
    check(status == 413, "a body over the limit gets 413 (%d)" % status)

    # --- <script> in the other forms: accounts, screen texts, the publication note ---------------
    d.get(b.base + "/admin/users")
    d.find_element(By.ID, "new-name").send_keys(XSS)
    d.find_element(By.ID, "new-password").send_keys(XSS + XSS)
    click(d, "add-account")
    check(no_alert(d) and "Der Name braucht" in wait_for(d, "#account-error").text, "<script> as an account name is refused as text")
    d.get(b.base + "/admin/strings?q=home.welcome")
    form = d.find_element(By.CSS_SELECTOR, "form[id^=string-]")
    key = form.find_element(By.CSS_SELECTOR, "input[name=key]").get_attribute("value")
    form.find_element(By.CSS_SELECTOR, "input[name=en]").clear()
    form.find_element(By.CSS_SELECTOR, "input[name=en]").send_keys(XSS)
    form.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(d, "#notice")
    value = d.find_element(By.CSS_SELECTOR, "form[id^=string-] input[name=en]").get_attribute("value")
    check(no_alert(d) and value == XSS, "a screen text with <script> is saved as text (%s)" % key)
    d.find_element(By.CSS_SELECTOR, "form[id^=string-] input[name=en]").clear()
    d.find_element(By.CSS_SELECTOR, "form[id^=string-] input[name=en]").send_keys("Get involved in Dortmund")
    d.find_element(By.CSS_SELECTOR, "form[id^=string-] button").click()
    wait_for(d, "#notice")

    # --- general settings: the sample-data banner goes off once the offers are real --------------
    d.get(b.base + "/admin/settings")
    check(d.find_element(By.ID, "sample_data").is_selected(), "the bundled content says it is sample data")
    click(d, "sample_data")
    d.find_element(By.ID, "meta-notice-de").clear()
    d.find_element(By.ID, "meta-notice-de").send_keys(XSS)
    click(d, "save-settings")
    wait_for(d, "#notice")
    check(no_alert(d) and not d.find_element(By.ID, "sample_data").is_selected()
          and d.find_element(By.ID, "meta-notice-de").get_attribute("value") == XSS, "the sample-data flag is off, the notice kept as text")

    # --- a unit: its facts and topics come back from the form unchanged ---------------------------
    d.get(b.base + "/admin/units/freiwilligenagentur")
    check(d.find_element(By.ID, "f-facts-0-label-de").get_attribute("value") == "Ort", "a unit's facts are in the form")
    shot(d, "editor-unit.png")
    click(d, "save")
    wait_for(d, "#notice")
    check("saved without changes" in d.find_element(By.ID, "item-history").text, "saving a unit unchanged changes no field")
    # A long text: the form is sent as multipart, because cpp-httplib refuses URL-encoded bodies over
    # 8 KiB with a bare 413 (the unit above was already just over it once image_alt joined the form).
    long_text = ("Die FreiwilligenAgentur berät, vermittelt und begleitet Menschen, die sich engagieren möchten. " * 120).strip()
    # (set by script: the English text area may sit in a closed language tab)
    d.execute_script("arguments[0].value = arguments[1];", d.find_element(By.ID, "f-description-en"), long_text)
    click(d, "save")
    wait_for(d, "#notice")
    check(len(d.find_element(By.ID, "f-description-en").get_attribute("value")) == len(long_text),
          "a unit with a %d-character description saves (multipart, not the 8 KiB URL-encoded limit)" % len(long_text))

    # --- an editor drafts but cannot publish -------------------------------------------------------
    e = browser("en-GB,en")
    try:
        b.add_user("carla", "editor", "drei blaue stühle vor dem haus")
        sign_in(e, b, "carla", "drei blaue stühle vor dem haus")
        wait_for(e, "#signed-in-as")
        check("Editor" in e.find_element(By.ID, "signed-in-as").text, "an English browser gets the editor in English")
        e.get(b.base + "/admin/publish")
        check(not e.find_elements(By.ID, "publish-live") and e.find_element(By.ID, "editor-cannot-publish"), "an editor sees no publish button")
        status, _, _ = post_form(b, e, "/admin/publish/live", {"csrf": csrf_of(e)})
        check(status == 403, "an editor's POST to publish gets 403 (%d)" % status)
        status, _, _ = post_form(b, e, "/admin/users", {"csrf": csrf_of(e), "name": "mallory", "role": "publisher", "password": "z" * 20})
        check(status == 403, "an editor cannot add accounts (%d)" % status)
    finally:
        e.quit()

    # --- publish to preview, then live -------------------------------------------------------------
    d.get(b.base + "/admin/publish")
    click(d, "publish-preview")
    wait_for(d, "#notice")
    check(os.path.exists(os.path.join(b.root, "preview", "manifest.json")) and not os.path.exists(os.path.join(b.root, "manifest.json")),
          "a preview is written to preview/ and nothing goes live")
    sig = open(os.path.join(b.root, "preview", "manifest.json.minisig")).read()
    check("channel=preview" in sig, "the preview's signed comment says channel=preview")
    d.find_element(By.ID, "note").send_keys(XSS)
    click(d, "publish-live")
    wait_for(d, "#notice")
    manifest = json.load(open(os.path.join(b.root, "manifest.json")))
    check(manifest["version"] == 2, "publishing writes version 2 where kiosks look (%s)" % manifest["version"])
    check(no_alert(d) and XSS in d.find_element(By.ID, "version-2").text, "the versions list shows both, the note as text")
    shot(d, "editor-publish.png")
    doc = json.load(open(os.path.join(b.root, manifest["content"]["path"])))
    ours = [o for o in doc["offers"] if o["id"] == "lesecafe-test"]
    check(len(ours) == 1 and ours[0]["image"].startswith("media/") and ours[0]["title"]["de"] == XSS + " Lesecafé",
          "the published bundle holds the new offer and its picture")
    check(doc["meta"]["sample_data"] is False, "and says it is no longer sample data")

    # --- a draft published to preview only: a copy of the new offer -------------------------------
    d.get(b.base + "/admin/offers/lesecafe-test")
    click(d, "duplicate")
    wait_for(d, "#notice")
    d.get(b.base + "/admin/publish")
    click(d, "publish-preview")
    wait_for(d, "#notice")
    check(json.load(open(os.path.join(b.root, "manifest.json")))["version"] == 2, "publishing to preview leaves the live version alone")
    kiosk_shows_both(b)


def kiosk_shows_both(b):
    """A real kiosk under Xvfb syncs from the backend: the live offer by its automation id, then
    in staff mode the preview, with its banner, holding the copy only the preview has."""
    src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    work = os.path.join(b.dir, "kiosk")
    os.makedirs(work)
    pepper = os.path.join(work, "pepper")
    pin = "246810"
    pin_hash = subprocess.run([os.path.join(BIN, "kioskctl"), "hash-pin", "--pepper-file", pepper, "--new-pepper"], input=pin + "\n",
                              capture_output=True, text=True, check=True).stdout
    pin_hash = re.search(r'\$argon2id\$[^"]+', pin_hash).group(0)
    key = b.key_line.split("trust as ")[1].split(" ")[0]
    config = {"kiosk_id": "editor-test", "backend": b.base + "/", "public_keys": [key], "allow_http_loopback": True,
              "poll_interval_s": 10, "staff_pin_hash": pin_hash, "pin_pepper_file": pepper}
    open(os.path.join(work, "kiosk.json"), "w").write(json.dumps(config))
    os.chmod(os.path.join(work, "kiosk.json"), 0o600)
    shots = [{"screenshot": os.path.join(SHOTS, "kiosk-after-publish.png")}] if SHOTS else []
    preview_shots = [{"screenshot": os.path.join(SHOTS, "kiosk-preview.png")}] if SHOTS else []
    search = [{"tap": "home.offers"}, {"expect_screen": "offers"}, {"tap": "offers.search"}, {"type": "lesecafe"}, {"tap": "osk.enter"}]
    walk = ([{"tap": "attract.start"}, {"expect_screen": "home"}] + search + [{"expect_widget": "offer.lesecafe-test"}] + shots +
            [{"tap": "nav.home"}, {"expect_screen": "home"}, {"hold": "staff.entry", "ms": 3500}, {"expect_screen": "staff_pin"}] +
            [{"tap": "staff.pin." + digit} for digit in pin] +
            [{"tap": "staff.pin.ok"}, {"expect_screen": "staff"}, {"tap": "staff.preview"}, {"expect_widget": "preview.end"},
             {"expect_screen": "home"}, {"tap": "home.offers"}, {"expect_screen": "offers"},  # the visit's search "lesecafe" stays
             {"expect_widget": "offer.lesecafe-test-kopie"}, {"expect_widget": "preview.end"}] +
            preview_shots + [{"tap": "preview.end"}, {"expect_screen": "home"}, {"quit": True}])
    open(os.path.join(work, "walk.json"), "w").write(json.dumps(walk))
    r = subprocess.run([os.path.join(src, "tests", "with-xvfb.sh"), os.path.join(BIN, "berswordt-kiosk"), "--windowed", "1080x1920",
                        "--config", os.path.join(work, "kiosk.json"), "--state-dir", os.path.join(work, "state"), "--cache-dir",
                        os.path.join(work, "cache"), "--script", os.path.join(work, "walk.json"), "--sync-in-script"],
                       capture_output=True, text=True, timeout=180)
    check(r.returncode == 0, "a kiosk syncs the published offer, and in staff mode shows the preview's copy with its banner" +
          ("" if r.returncode == 0 else ": " + (r.stdout + r.stderr)[-3000:]))


if __name__ == "__main__":
    main()
