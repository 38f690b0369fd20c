#!/usr/bin/python3
"""Real content at scale in a real browser (issue 16): spreadsheets in and out, organisations,
offers that end, what changed since the live version, and the fleet. Chromium headless driven
by Selenium against a real kiosk-backend on loopback. Run by ctest (editor_content_in_chromium):

    editor_content_test.py BUILD_BIN_DIR [SCREENSHOT_DIR]

Shares its helpers with editor_browser_test.py. With SCREENSHOT_DIR it saves the staff guide's
pictures of the import, the publish page and the fleet.
"""
import base64
import datetime
import json
import os
import shutil
import sys
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editor_browser_test as eb  # noqa: E402  (its BIN and SHOTS come from the same argv)
from editor_browser_test import XSS, check, click, csrf_of, no_alert, post_form, shot, sign_in, wait_for  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures", "csv")
TOKENS = {"kiosk-a": "a" * 24 + "-token-kiosk-a", "kiosk-b": "b" * 24 + "-token-kiosk-b"}


def upload(d, b, path):
    d.get(b.base + "/admin/import")
    d.find_element(By.ID, "file").send_keys(path)
    click(d, "check-import")
    return wait_for(d, "#import-plan")


def rows_found(d, b, words):
    d.get(b.base + "/admin/offers?q=" + words)
    return d.find_elements(By.CSS_SELECTOR, "tbody tr")


def kiosk_post(b, kiosk, path, body, extra=None):
    headers = {"Authorization": "Bearer " + TOKENS[kiosk], "Content-Type": "application/json"}
    headers.update(extra or {})
    return b.request("POST", path, json.dumps(body).encode(), headers)


def main():
    args = []
    for kiosk, token in TOKENS.items():
        args += ["--token", kiosk + "=" + token]
    b = eb.Backend(*args)
    d = eb.browser()
    try:
        run(b, d)
    finally:
        d.quit()
        b.stop()
        if eb.failures:
            print(open(os.path.join(b.dir, "backend.log")).read()[-4000:])
        shutil.rmtree(b.dir, ignore_errors=True)
    if eb.failures:
        print("%d checks failed:\n  " % len(eb.failures) + "\n  ".join(eb.failures))
        sys.exit(1)
    print("all checks passed")


def run(b, d):
    b.add_user("paula", "publisher", "sieben gelbe fahrräder am see")
    sign_in(d, b, "paula", "sieben gelbe fahrräder am see")
    wait_for(d, "#signed-in-as")
    d.get(b.base + "/admin/publish")
    click(d, "publish-live")  # what is live now: the bundled content
    wait_for(d, "#notice")
    d.get(b.base + "/admin/changes")
    check(wait_for(d, "#changes-none") is not None, "right after publishing, the drafts are what is live")

    # --- import: a dry run first, naming row and column of each problem -----------------------------
    plan = upload(d, b, os.path.join(FIXTURES, "angebote-drei-gut-zwei-falsch.csv"))
    summary = d.find_element(By.ID, "import-summary").text
    check(summary.startswith("3 neu, 0 geändert") and "2 mit Problemen" in summary, "the dry run counts 3 new and 2 with problems: " + summary)
    problems = [r.text for r in d.find_elements(By.CSS_SELECTOR, "#import-problems tbody tr")]
    check(len(problems) == 2 and problems[0].startswith("4 titel_de") and problems[1].startswith("6 stadtbezirk") and "atlantis" in problems[1],
          "each problem names its row and column: %s" % problems)
    check(len(rows_found(d, b, "nachbarschaftsverein")) == 0, "the dry run saved nothing")
    plan = upload(d, b, os.path.join(FIXTURES, "angebote-drei-gut-zwei-falsch.csv"))
    shot(d, "editor-import.png")
    digest = d.find_element(By.CSS_SELECTOR, "input[name=digest]").get_attribute("value")
    status, _, _ = post_form(b, d, "/admin/import/apply", {"digest": digest})
    check(status == 403, "an import without the form's token gets 403 (%d)" % status)
    status, _, _ = post_form(b, d, "/admin/import/apply", {"digest": digest, "csrf": "wrong"})
    check(status == 403, "an import with a wrong token gets 403 (%d)" % status)
    boundary = "----kiosk"
    body = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\nid;titel_de\r\n;x\r\n"
            "--%s--\r\n" % (boundary, boundary)).encode()
    status, _, _ = b.request("POST", "/admin/import/check", body, {"Content-Type": "multipart/form-data; boundary=" + boundary,
                                                                   "Cookie": "kb_session=" + eb.session_cookie(d)["value"]})
    check(status == 403, "a dry run without the form's token gets 403 (%d)" % status)
    click(d, "apply-import")
    check("3 Angebote als Entwurf übernommen" in wait_for(d, "#notice").text, "importing takes the 3 good rows over as drafts")
    found = rows_found(d, b, "nachbarschaftsverein")
    check(len(found) == 3 and not any("Atlantis" in r.text for r in found), "the 3 drafts are in the list, the refused rows are not (%d)" % len(found))

    # --- files as people have them ----------------------------------------------------------------
    upload(d, b, os.path.join(FIXTURES, "angebote-windows-1252.csv"))
    notice = d.find_element(By.CSS_SELECTOR, "#import-plan .alert-warning").text
    check("Windows-1252" in notice and "CSV UTF-8" in notice, "a Windows-1252 file is converted with a notice on saving as CSV UTF-8")
    check("Fahrradwerkstatt für alle" in d.find_element(By.ID, "import-rows").text, "its umlauts arrive as umlauts")
    upload(d, b, os.path.join(FIXTURES, "angebote-semikolon-bom.csv"))
    check(d.find_element(By.ID, "import-summary").text.startswith("2 neu"), "a ';' file with a BOM and line breaks in quotes reads")
    utf16 = os.path.join(b.dir, "unicode.csv")
    open(utf16, "wb").write("id;titel_de\r\n;Grün\r\n".encode("utf-16"))
    upload(d, b, utf16)
    check("CSV UTF-8" in d.find_element(By.ID, "import-refusal").text, "a UTF-16 file is refused with how to save it as CSV UTF-8")

    # <script> in every text cell: shown as text, never run.
    hostile = os.path.join(b.dir, "hostile.csv")
    cells = ["", XSS, XSS, XSS, XSS, XSS, "freiwilligenagentur", XSS, XSS, XSS, "flexible", "2", "x@example.org"]
    head = "id;titel_de;titel_en;kurzbeschreibung_de;beschreibung_de;organisation;stelle;bereiche;stadtbezirk;adresse;engagement;stunden_pro_monat;kontakt_email"
    open(hostile, "w", encoding="utf-8").write(head + ";" + XSS + "\r\n" + ";".join(cells) + ";x\r\n")
    upload(d, b, hostile)
    check(no_alert(d) and XSS not in d.page_source and "&lt;script&gt;" in d.page_source,
          "<script> in every cell and as a column name shows as text in the dry run")

    # --- export → import without edits changes nothing ---------------------------------------------
    status, headers, data = b.request("GET", "/admin/offers.csv", headers={"Cookie": "kb_session=" + eb.session_cookie(d)["value"]})
    check(status == 200 and headers.get("Content-Type", "").startswith("text/csv") and data.startswith(b"\xef\xbb\xbfid;titel_de;"),
          "the export is a CSV with a BOM and German headers")
    exported = os.path.join(b.dir, "export.csv")
    open(exported, "wb").write(data)
    upload(d, b, exported)
    summary = d.find_element(By.ID, "import-summary").text
    check(summary.startswith("0 neu, 0 geändert") and " 0 mit Problemen" in summary and not d.find_elements(By.ID, "apply-import"),
          "the export imported again changes nothing: " + summary)

    # --- organisations -------------------------------------------------------------------------------
    d.get(b.base + "/admin/organisations/new")
    eb.fill_offer(d, {"f-id": "nachbarn-brackel", "f-name": XSS + " Nachbarn Brackel e. V.", "f-address": "Oberdorfstraße 1, 44309 Dortmund",
                      "f-district": "brackel", "f-website": "http://nachbarn.example.org", "f-staff_contact": "Frau Beispiel, intern"})
    click(d, "save")
    check("https://" in wait_for(d, "#f-website-error").text, "an organisation's website must be https, said next to the field")
    eb.fill_offer(d, {"f-website": "https://nachbarn.example.org"})
    click(d, "save")
    wait_for(d, "#notice")
    d.get(b.base + "/admin/organisations?q=brackel")
    check(no_alert(d) and len(d.find_elements(By.ID, "row-nachbarn-brackel")) == 1, "the organisations list finds it by a word of its name")
    shot(d, "editor-organisations.png")
    offer_id = [r.get_attribute("id")[4:] for r in rows_found(d, b, "nachbarschaftsverein brackel")][0]
    d.get(b.base + "/admin/offers/" + offer_id)
    Select(d.find_element(By.ID, "f-organisation_id")).select_by_value("nachbarn-brackel")
    click(d, "save")
    wait_for(d, "#notice")
    check(d.find_element(By.ID, "f-organisation").get_attribute("value") == XSS + " Nachbarn Brackel e. V.",
          "an offer that picks an organisation takes its name")
    d.get(b.base + "/admin/organisations/nachbarn-brackel")
    eb.fill_offer(d, {"f-name": "Nachbarn Brackel e. V."})
    click(d, "save")
    wait_for(d, "#notice")
    d.get(b.base + "/admin/offers/" + offer_id)
    check(d.find_element(By.ID, "f-organisation").get_attribute("value") == "Nachbarn Brackel e. V.", "renaming the organisation renames it in its offers")
    d.get(b.base + "/admin/organisations/nachbarn-brackel")
    click(d, "archive")
    check("1 Angebote" in wait_for(d, "#problems").text, "an organisation offers still use is not archived")

    # --- offers that end ---------------------------------------------------------------------------
    today = datetime.date.today()
    d.get(b.base + "/admin/offers/lesepaten-aplerbeck")
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "f-valid_until"), (today + datetime.timedelta(days=3)).isoformat())
    click(d, "save")
    wait_for(d, "#notice")
    d.get(b.base + "/admin/offers")
    ending = wait_for(d, "#ending-soon").text
    check("Lesepatin" in ending and (today + datetime.timedelta(days=3)).isoformat() in ending, "an offer ending in 3 days is listed: " + ending)

    # --- what changed, then publish ----------------------------------------------------------------
    d.get(b.base + "/admin/changes")
    counts = wait_for(d, "#changes-counts").text
    changed = d.find_element(By.ID, "changes-changed").text
    check(counts.startswith("3 neu, 1 geändert, 0 entfernt"), "what changed counts the import's 3 and the edited offer: " + counts)
    check("Lesepatin" in changed and "Anzeigen bis einschließlich" in changed, "and names the changed fields: " + changed)
    check("Nachbarschaftshilfe Brackel" in d.find_element(By.ID, "changes-added").text, "the imported offers are listed as new")
    check(no_alert(d) and XSS not in d.page_source, "titles show as text there")
    shot(d, "editor-changes.png")

    # --- the fleet -----------------------------------------------------------------------------------
    status_a = {"content_version": 2, "stale": False, "last_sync": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
                "outbox_pending": 2, "oldest_pending_age_s": 4000, "heartbeat_interval_s": 120, "last_error": ""}
    status_b = dict(status_a, content_version=1, stale=True, outbox_pending=0, last_error=XSS + " manifest.json: Could not resolve host")
    check(kiosk_post(b, "kiosk-a", "/v1/kiosks/kiosk-a/status", status_a)[0] == 204, "kiosk-a reports")
    check(kiosk_post(b, "kiosk-b", "/v1/kiosks/kiosk-b/status", status_b)[0] == 204, "kiosk-b reports")
    for n in range(3):
        rid = str(uuid.uuid4())
        reg = {"id": rid, "kiosk": "kiosk-a", "offer": "lesepaten-aplerbeck" if n < 2 else offer_id, "created": "2026-11-30T10:00:00Z",
               "consent_version": "2026-01", "sealed": base64.b64encode(os.urandom(80)).decode()}
        check(kiosk_post(b, "kiosk-a", "/v1/registrations", reg, {"Idempotency-Key": rid})[0] == 201, "a sealed registration is stored")
    d.get(b.base + "/admin/fleet")
    a, bb = wait_for(d, "#kiosk-kiosk-a").text, d.find_element(By.ID, "kiosk-kiosk-b").text
    check(a.startswith("kiosk-a 2") and " 2 " in a and "FEHLT" not in a, "kiosk-a: its version and the 2 registrations it holds: " + a)
    check("veraltet" in bb and "resolve host" in bb, "kiosk-b: stale and its last error in words: " + bb)
    check(no_alert(d) and XSS not in d.page_source, "a kiosk's error text shows as text")
    waiting = d.find_element(By.ID, "waiting-lesepaten-aplerbeck").text
    check("Lesepatin" in waiting and " 2 " in waiting + " ", "registrations at the server are counted per offer: " + waiting)
    shot(d, "editor-fleet.png")
    status, _, _ = post_form(b, d, "/admin/fleet/kiosk-b/sync-now", {})
    check(status == 403, "sync now without the form's token gets 403 (%d)" % status)
    click(d, "sync-now-kiosk-b")
    check("nächsten Meldung" in wait_for(d, "#notice").text, "sync now says when the kiosk will act")
    _, _, answer = kiosk_post(b, "kiosk-b", "/v1/kiosks/kiosk-b/status", status_b)
    check(json.loads(answer or b"{}").get("sync_now") is True, "kiosk-b's next report is answered with sync_now")


if __name__ == "__main__":
    main()
