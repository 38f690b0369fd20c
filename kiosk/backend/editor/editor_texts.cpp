#include "kiosk/backend/editor/editor_texts.hpp"

#include <cctype>

#include "kiosk/core/clock.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

struct Text {
  const char* key;
  const char* de;
  const char* en;
};

constexpr Text kTexts[] = {
    {"organisations", "Organisationen", "Organisations"},
    {"new_organisation", "Neue Organisation", "New organisation"},
    {"unknown_organisation", "Diese Organisation gibt es nicht (mehr). Wählen Sie eine aus der Liste oder legen Sie sie unter „Organisationen“ an.", "This organisation does not exist (any more). Pick one from the list or add it under “Organisations”."},
    {"organisation_in_use", "Nicht archiviert: {n} Angebote nutzen diese Organisation. Wählen Sie dort zuerst eine andere.", "Not archived: {n} offers use this organisation. Pick another one there first."},
    {"import", "Tabelle importieren", "Import a spreadsheet"},
    {"import_nav", "Import", "Import"},
    {"import_file", "CSV-Datei mit Angeboten", "CSV file of offers"},
    {"import_file_help", "Eine Zeile pro Angebot, die erste Zeile nennt die Spalten. UTF-8 (Excel: „CSV UTF-8“), getrennt durch ; oder ,. Zuerst sehen Sie, was passieren würde; gespeichert wird erst danach, als Entwurf.", "One row per offer, the first row names the columns. UTF-8 (Excel: “CSV UTF-8”), separated by ; or ,. First you see what would happen; saving comes after that, as drafts."},
    {"import_check", "Prüfen (nichts wird gespeichert)", "Check (nothing is saved)"},
    {"import_columns", "Spalten wie im Export: id (leer: neues Angebot), titel_de … titel_uk, kurzbeschreibung_*, beschreibung_*, organisation_id, organisation, stelle, bereiche (mehrere mit ; oder |), stadtbezirk, adresse, online (ja/nein), engagement, stunden_pro_monat, zeiten, beginn, ende, gueltig_bis (31.12.2026 oder 2026-12-31), mindestalter, fuehrungszeugnis, sprachen, barrierefreiheit_*, geeignet_fuer, vorteile_*, kontakt_*, webseite, startseite. Englische Spaltennamen gehen auch. Bilder lädt man im Editor hoch.", "Columns as in the export: id (empty: a new offer), titel_de … titel_uk, kurzbeschreibung_*, beschreibung_*, organisation_id, organisation, stelle, bereiche (several with ; or |), stadtbezirk, adresse, online (ja/nein), engagement, stunden_pro_monat, zeiten, beginn, ende, gueltig_bis (31.12.2026 or 2026-12-31), mindestalter, fuehrungszeugnis, sprachen, barrierefreiheit_*, geeignet_fuer, vorteile_*, kontakt_*, webseite, startseite. English column names work too. Pictures are uploaded in the editor."},
    {"import_plan", "Was der Import tun würde", "What the import would do"},
    {"import_summary", "{n} neu, {n} geändert, {n} unverändert, {n} mit Problemen (werden nicht übernommen)", "{n} new, {n} changed, {n} unchanged, {n} with problems (not taken over)"},
    {"import_problems", "Probleme – diese Zeilen werden nicht übernommen", "Problems – these rows are not taken over"},
    {"import_row", "Zeile", "Row"},
    {"import_column", "Spalte", "Column"},
    {"import_message", "Problem", "Problem"},
    {"import_outcome", "Ergebnis", "Outcome"},
    {"import_fields", "Geänderte Felder", "Changed fields"},
    {"import_new", "neu", "new"},
    {"import_changed", "geändert", "changed"},
    {"import_refused", "nicht übernommen", "not taken over"},
    {"import_apply", "{n} Angebote als Entwurf übernehmen", "Take over {n} offers as drafts"},
    {"import_apply_help", "Entwürfe gehen erst mit „Veröffentlichen“ auf die Kioske.", "Drafts reach the kiosks only with “Publish”."},
    {"import_done", "{n} Angebote als Entwurf übernommen. Veröffentlichen Sie sie, wenn alles stimmt.", "{n} offers taken over as drafts. Publish them when all is right."},
    {"import_no_file", "Wählen Sie zuerst eine CSV-Datei aus.", "Choose a CSV file first."},
    {"import_gone", "Die geprüfte Datei liegt nicht mehr bereit (nach einer Stunde oder nach einem neuen Prüfen). Prüfen Sie sie erneut.", "The checked file is no longer waiting (after an hour, or after another check). Check it again."},
    {"export_offers", "Alle Angebote als CSV", "All offers as CSV"},
    {"ending_heading", "Angebote, die enden (nächste 14 Tage) oder schon geendet haben", "Offers ending within 14 days or already ended"},
    {"ends", "wird angezeigt bis", "shown until"},
    {"ended", "nicht mehr angezeigt seit dem Tag nach dem", "no longer shown since the day after"},
    {"fleet", "Kioske", "Kiosks"},
    {"fleet_help", "Jeder Kiosk meldet sich alle paar Minuten. Ein Kiosk, der drei Meldungen auslässt, ist rot markiert.", "Every kiosk reports every few minutes. A kiosk that misses three reports is marked red."},
    {"fleet_kiosk", "Kiosk", "Kiosk"},
    {"fleet_content", "Inhaltsversion", "Content version"},
    {"fleet_last_sync", "Zuletzt aktualisiert", "Last sync"},
    {"fleet_pending", "Anmeldungen im Kiosk", "Registrations on the kiosk"},
    {"fleet_oldest", "Älteste wartet seit", "Oldest waiting for"},
    {"fleet_last_seen", "Zuletzt gemeldet", "Last seen"},
    {"fleet_last_error", "Letzter Fehler", "Last error"},
    {"fleet_stale", "veraltet", "stale"},
    {"fleet_missing_badge", "FEHLT", "MISSING"},
    {"fleet_missing", "{n} Kiosk(e) haben sich seit mehr als drei Intervallen nicht gemeldet.", "{n} kiosk(s) have not reported for more than three intervals."},
    {"fleet_sync_now", "Jetzt aktualisieren", "Sync now"},
    {"fleet_empty", "Noch hat sich kein Kiosk bei diesem Server gemeldet.", "No kiosk has reported to this server yet."},
    {"fleet_waiting", "Anmeldungen beim Server, je Angebot", "Registrations at the server, per offer"},
    {"fleet_waiting_help", "Nur Anzahlen: der Server speichert Anmeldungen verschlüsselt und kann sie nicht lesen. Lesen kann sie nur die Agentur mit ihrem Schlüssel (kioskctl registrations).", "Counts only: the server stores registrations sealed and cannot read them. Only the agency can, with its key (kioskctl registrations)."},
    {"fleet_count", "Anzahl", "Count"},
    {"fleet_since", "Älteste seit", "Oldest since"},
    {"fleet_waiting_none", "Keine Anmeldungen beim Server.", "No registrations at the server."},
    {"fleet_unknown_kiosk", "Dieser Kiosk hat sich bei diesem Server nie gemeldet.", "This kiosk has never reported to this server."},
    {"notice_sync_now", "Der Kiosk holt neue Inhalte bei seiner nächsten Meldung.", "The kiosk fetches new content at its next report."},
    {"never", "nie", "never"},
    {"ago", "vor {n}", "{n} ago"},
    {"changes_title", "Was sich geändert hat", "What changed"},
    {"changes_link", "Was sich seit der Live-Version geändert hat", "What changed since the live version"},
    {"changes_since", "Entwürfe verglichen mit Live-Version {n}", "Drafts compared with live version {n}"},
    {"changes_counts", "{n} neu, {n} geändert, {n} entfernt", "{n} new, {n} changed, {n} removed"},
    {"changes_none", "Die Entwürfe sind genau das, was live ist.", "The drafts are exactly what is live."},
    {"changes_added", "Neu", "New"},
    {"changes_changed", "Geändert", "Changed"},
    {"changes_removed", "Entfernt (archiviert)", "Removed (archived)"},
    {"changes_sections", "Geänderte Bereiche", "Changed sections"},
    {"section_meta", "Allgemein", "General"},
    {"section_strings", "Bildschirmtexte", "Screen texts"},
    {"section_categories", "Bereiche", "Areas"},
    {"section_districts", "Stadtbezirke", "Districts"},
    {"section_suitable_for", "Zielgruppen", "Audiences"},
    {"app", "Kiosk-Redaktion", "Kiosk editor"},
    {"skip", "Zum Inhalt springen", "Skip to content"},
    {"navigation", "Hauptnavigation", "Main navigation"},
    {"offers", "Angebote", "Offers"},
    {"units", "Stellen", "Units"},
    {"strings", "Bildschirmtexte", "Screen texts"},
    {"publish", "Veröffentlichen", "Publish"},
    {"history", "Verlauf", "History"},
    {"users", "Konten", "Accounts"},
    {"sign_out", "Abmelden", "Sign out"},
    {"sign_in_title", "Anmelden bei der Kiosk-Redaktion", "Sign in to the kiosk editor"},
    {"account_name", "Kontoname", "Account name"},
    {"password", "Passwort", "Password"},
    {"sign_in", "Anmelden", "Sign in"},
    {"sign_in_help", "Kein Konto oder Passwort vergessen? Eine Person mit Veröffentlichungsrecht legt Konten an.",
     "No account, or forgot the password? A publisher makes accounts."},
    {"password_title", "Neues Passwort", "New password"},
    {"password_must_change", "Sie haben ein Einmal-Passwort benutzt. Wählen Sie jetzt Ihr eigenes.",
     "You signed in with a one-time password. Choose your own now."},
    {"new_password", "Neues Passwort", "New password"},
    {"password_rule", "Mindestens 12 Zeichen; ein paar Wörter, die nicht zusammengehören, merkt man sich leicht.",
     "At least 12 characters; a few unrelated words are easy to remember."},
    {"save", "Speichern", "Save"},
    {"new_item", "Neu anlegen", "New"},
    {"search", "Suchen", "Search"},
    {"all", "Alle", "All"},
    {"filter", "Anzeigen", "Show"},
    {"col_title", "Titel", "Title"},
    {"col_id", "Kennung", "Id"},
    {"col_where", "Wo", "Where"},
    {"col_changed", "Zuletzt geändert", "Last changed"},
    {"archived", "Archiviert", "Archived"},
    {"missing_translations", "Fehlende Übersetzungen", "Missing translations"},
    {"complete", "vollständig", "complete"},
    {"pages", "Seiten", "Pages"},
    {"previous", "Zurück", "Previous"},
    {"next", "Weiter", "Next"},
    {"not_saved", "Nicht gespeichert: bitte korrigieren Sie diese Felder.", "Not saved: please correct these fields."},
    {"texts", "Texte", "Texts"},
    {"missing", "fehlt", "missing"},
    {"this_field", "Dieses Feld:", "This field:"},
    {"details", "Angaben", "Details"},
    {"save_draft", "Entwurf speichern", "Save draft"},
    {"back_to_list", "Zur Liste", "Back to the list"},
    {"picture", "Bild", "Picture"},
    {"current_picture", "Aktuelles Bild", "Current picture"},
    {"chosen_picture", "Gewähltes Bild (noch nicht hochgeladen)", "Chosen picture (not uploaded yet)"},
    {"upload_picture", "Bild wählen (PNG oder JPEG)", "Choose a picture (PNG or JPEG)"},
    {"picture_rule", "Höchstens 4 MB und 4000 × 4000 Pixel, mindestens 200 Pixel breit. Kameradaten werden entfernt.",
     "At most 4 MB and 4000 × 4000 pixels, at least 200 pixels wide. Camera data is removed."},
    {"upload", "Hochladen", "Upload"},
    {"actions", "Aktionen", "Actions"},
    {"duplicate", "Duplizieren", "Duplicate"},
    {"archive", "Archivieren", "Archive"},
    {"unarchive", "Aus dem Archiv holen", "Restore from the archive"},
    {"cannot_publish", "Der Entwurf ist so nicht veröffentlichbar:", "The draft cannot be published as it is:"},
    {"publish_preview", "Als Vorschau veröffentlichen", "Publish to preview"},
    {"publish_preview_help", "Kiosks zeigen die Vorschau nur im Personalmodus unter „Vorschau“, nie Besuchenden.",
     "Kiosks show the preview only in staff mode under “Vorschau”, never to visitors."},
    {"publish_note", "Notiz zur Version (optional)", "Note for this version (optional)"},
    {"publish_live", "Für alle Kiosks veröffentlichen", "Publish to every kiosk"},
    {"publish_live_help", "Die Kiosks laden die neue Version bei ihrer nächsten Abfrage.", "Kiosks load the new version when they next look."},
    {"only_publishers", "Veröffentlichen dürfen Personen mit Veröffentlichungsrecht.", "Only publishers may publish."},
    {"versions", "Veröffentlichte Versionen", "Published versions"},
    {"version", "Version", "Version"},
    {"channel", "Kanal", "Channel"},
    {"when", "Wann", "When"},
    {"who", "Wer", "Who"},
    {"note", "Notiz", "Note"},
    {"restore", "Wiederherstellen", "Restore"},
    {"what", "Was", "What"},
    {"changes", "Änderungen", "Changes"},
    {"role", "Rolle", "Role"},
    {"since", "Seit", "Since"},
    {"add_account", "Konto anlegen", "Add account"},
    {"role_editor", "Redaktion (Entwürfe)", "Editor (drafts)"},
    {"role_publisher", "Redaktion und Veröffentlichung", "Editor and publisher"},
    {"first_password", "Erstes Passwort", "First password"},
    {"first_password_help", "Mindestens 12 Zeichen. Die Person ändert es bei der ersten Anmeldung.",
     "At least 12 characters. The person changes it at the first sign-in."},
    {"strings_help", "Die Texte der Knöpfe und Überschriften am Kiosk. Fehlt eine Sprache, zeigt der Kiosk Deutsch.",
     "The kiosk's button and heading texts. Where a language is missing, the kiosk shows German."},
    {"welcome", "Kiosk-Redaktion", "Kiosk editor"},
    {"edit", "Bearbeiten", "Edit"},
    {"back_home", "Zur Übersicht", "Back to the overview"},
    {"channel_live", "live", "live"},
    {"channel_preview", "Vorschau", "preview"},
    {"saved", "Entwurf gespeichert.", "Draft saved."},
    {"n_missing", "{n} fehlen", "{n} missing"},
    {"settings", "Allgemein", "General"},
    {"settings_help", "Was der Kiosk über den ganzen Inhalt sagt: sein Titel, ein Hinweis, und ob er Beispieldaten zeigt.",
     "What the kiosk says about the content as a whole: its title, a notice, and whether it shows sample data."},
    {"content_title", "Titel des Inhalts", "Title of the content"},
    {"content_notice", "Hinweis zum Inhalt (optional)", "Notice about the content (optional)"},
    {"sample_data", "Beispieldaten: der Kiosk zeigt oben den Hinweis „Beispieldaten“", "Sample data: the kiosk shows a \"sample data\" banner"},
    {"sample_data_help", "Ausschalten, sobald die Angebote echt sind.", "Turn it off once the offers are real."},
    {"signed_out", "Sie sind nicht angemeldet. Melden Sie sich unter /admin/sign-in an.", "You are not signed in. Sign in at /admin/sign-in."},
    {"too_large", "Die gesendeten Daten sind zu groß. Ein Bild darf höchstens 4 MB haben.", "What was sent is too large. A picture may have at most 4 MB."},
    {"csrf", "Das Formular ist abgelaufen oder kam nicht von dieser Seite; nichts wurde geändert. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
     "The form has expired or did not come from this site; nothing was changed. Reload the page and try again."},
    {"not_found", "Diese Seite gibt es nicht.", "There is no such page."},
    {"bad_role", "Wählen Sie eine Rolle: Redaktion oder Veröffentlichen.", "Choose a role: editor or publisher."},
    {"live_version", "Live: Version", "Live: version"},
    {"preview_version", "Vorschau: Version", "Preview: version"},
    {"nothing_live", "Noch nichts veröffentlicht: die Kiosks zeigen ihre eingebauten Inhalte.", "Nothing published yet: kiosks show their built-in content."},
    {"no_preview", "Keine Vorschau veröffentlicht.", "No preview published."},
    {"drafts_changed", "Letzte Änderung am Entwurf:", "Last change to the draft:"},
    {"key_line", "Die Kiosks vertrauen dem Schlüssel des Servers:", "Kiosks trust the server's key:"},
    {"notice_password", "Passwort geändert.", "Password changed."},
    {"notice_account", "Konto angelegt. Die Person ändert ihr Passwort bei der ersten Anmeldung.", "Account added. The person changes the password at the first sign-in."},
    {"notice_saved", "Entwurf gespeichert. Veröffentlichen Sie ihn, damit die Kiosks ihn zeigen.", "Draft saved. Publish it for the kiosks to show it."},
    {"notice_image", "Bild gespeichert (Kameradaten entfernt).", "Picture saved (camera data removed)."},
    {"notice_duplicated", "Kopie angelegt. Passen Sie Titel und Angaben an.", "Copy made. Adjust its title and details."},
    {"notice_archived", "Archiviert: erscheint nach dem nächsten Veröffentlichen nicht mehr am Kiosk.", "Archived: gone from the kiosks after the next publication."},
    {"notice_unarchived", "Aus dem Archiv geholt.", "Restored from the archive."},
    {"notice_preview", "Vorschau veröffentlicht. Am Kiosk: Personalmodus → Vorschau.", "Preview published. On a kiosk: staff mode → Vorschau."},
    {"notice_published", "Veröffentlicht. Die Kiosks laden die Version bei ihrer nächsten Abfrage.", "Published. Kiosks load it when they next look."},
    {"notice_restored", "Die alte Version ist als neue Version veröffentlicht.", "The old version is published as a new version."},
    {"new_offer", "Neues Angebot", "New offer"},
    {"new_unit", "Neue Stelle", "New unit"},
    {"count", "{n} Einträge", "{n} entries"},
    {"count_strings", "{n} Texte", "{n} texts"},
    {"status", "Status", "Status"},
    {"status_active", "Aktiv", "Active"},
    {"status_archived", "Archiviert", "Archived"},
    {"status_all", "Aktiv und archiviert", "Active and archived"},
    {"district", "Stadtbezirk", "District"},
    {"category", "Bereich", "Area"},
    {"id_taken", "Diese Kennung ist schon vergeben; wählen Sie eine andere.", "This id is taken; choose another."},
    {"bad_id", "Kleinbuchstaben a–z, Ziffern und -, höchstens 64 Zeichen.", "Lowercase letters a-z, digits and -, at most 64 characters."},
    {"status_line", "Zuletzt geändert {at} von {by}.", "Last changed {at} by {by}."},
    {"cannot_archive", "Nicht archiviert: ohne diesen Eintrag wäre der Inhalt ungültig.", "Not archived: without this entry the content would not be valid."},
    {"picture_type", "Das ist kein PNG- oder JPEG-Bild. Speichern Sie es als PNG oder JPEG und laden Sie es erneut hoch.", "This is not a PNG or JPEG picture. Save it as PNG or JPEG and upload it again."},
    {"picture_large", "Das Bild ist größer als 4 MB. Verkleinern Sie es (z. B. auf 2000 Pixel Breite) und laden Sie es erneut hoch.", "The picture is larger than 4 MB. Make it smaller (e.g. 2000 pixels wide) and upload it again."},
    {"picture_dimensions", "Das Bild muss zwischen 200 und 4000 Pixel breit und höchstens 4000 Pixel hoch sein.", "The picture must be 200 to 4000 pixels wide and at most 4000 pixels high."},
    {"picture_missing", "Wählen Sie zuerst ein Bild aus.", "Choose a picture first."},
    {"fact_label", "Bezeichnung", "Label"},
    {"fact_value", "Wert", "Value"},
    {"fact_as_of", "Stand (Jahr, Monat oder Tag)", "As of (year, month or day)"},
};

}  // namespace

std::string editor_language(const std::string& accept) {
  // The first language named decides; "en-GB,en;q=0.9" is English, "de-DE,en;q=0.5" German.
  std::string first;
  for (const char c : accept) {
    if (c == ',' || c == ';' || c == '-') break;
    if (c != ' ') first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return first == "en" ? "en" : "de";
}

const json& editor_texts(const std::string& lang) {
  static const auto make = [](bool english) {
    json t = json::object();
    for (const Text& x : kTexts) t[x.key] = english ? x.en : x.de;
    return t;
  };
  static const json de = make(false), en = make(true);
  return lang == "en" ? en : de;
}

std::string editor_text(const std::string& lang, const std::string& key) {
  const json& t = editor_texts(lang);
  return t.contains(key) ? t[key].get<std::string>() : key;
}

std::string shown_time(const std::string& rfc3339) {
  const int64_t t = parse_rfc3339(rfc3339);
  return t < 0 ? rfc3339 : format_local_time(t);
}

}  // namespace kiosk::backend
