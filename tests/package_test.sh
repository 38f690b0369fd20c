#!/usr/bin/env bash
# The Debian package as an admin would get it: built by CPack from this build tree, holding
# everything a kiosk needs (binaries, content, fonts, units, PAM file, default configuration,
# manual pages), clean under lintian, and its bundled content valid to its own kioskctl.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/berswordt-kiosk_*_amd64.deb)
dpkg -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
status=0
for f in /usr/bin/berswordt-kiosk /usr/bin/kioskctl /usr/bin/kiosk-backend \
         /usr/share/berswordt-kiosk/content/offers.json /usr/share/berswordt-kiosk/content/units.json \
         /usr/share/berswordt-kiosk/content/strings.json /usr/share/berswordt-kiosk/content/taxonomy.json \
         /usr/share/berswordt-kiosk/content/meta.json \
         /usr/share/berswordt-kiosk/fonts/NotoSans-Regular.ttf /usr/share/berswordt-kiosk/fonts/NotoSans-Bold.ttf \
         /usr/share/berswordt-kiosk/fonts/fontawesome-webfont.ttf \
         /lib/systemd/system/berswordt-kiosk.service /lib/systemd/system/berswordt-kiosk-backend.service \
         /etc/berswordt-kiosk/kiosk.json \
         /usr/share/doc/berswordt-kiosk/README.md /usr/share/doc/berswordt-kiosk/copyright \
         /usr/share/doc/berswordt-kiosk/screenshots/home-de-portrait.png \
         /usr/share/doc/berswordt-kiosk/nginx/kiosk-backend-proxy.conf \
         /usr/share/man/man1/kioskctl.1.gz; do
  grep -qx "$f" "$work/files" || { echo "package: $f is missing (dpkg -c)"; status=1; }
done
# The fonts are links into the font packages it depends on; on this machine they must resolve.
for link in NotoSans-Regular.ttf NotoSans-Bold.ttf fontawesome-webfont.ttf; do
  target=$(dpkg -c "$deb" | awk -v l="./usr/share/berswordt-kiosk/fonts/$link" '$6 == l {print $8}')
  resolved=$(realpath -m "/usr/share/berswordt-kiosk/fonts/$target")
  [[ -n "$target" && -f "$resolved" ]] || { echo "package: fonts/$link -> $target does not resolve"; status=1; }
done
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-core' || { echo "package: does not depend on fonts-noto-core"; status=1; }
dpkg-deb -I "$deb" conffiles | grep -qx /etc/berswordt-kiosk/kiosk.json || { echo "package: kiosk.json is not a conffile"; status=1; }
# What it ships works: its own kioskctl accepts its bundled content.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/kioskctl" validate "$work/root/usr/share/berswordt-kiosk/content" || status=1
# lintian: every finding is fixed (none are accepted at present).
lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2>&1 | grep -v 'root privileges' || true
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || { echo "package: lintian reports findings (above)"; status=1; }
[[ $status == 0 ]] && echo "package: $(basename "$deb") holds everything; lintian clean"
exit $status
