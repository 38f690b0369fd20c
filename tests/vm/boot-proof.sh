#!/usr/bin/env bash
# Issue 6's "done when", on a real boot: a Debian 12 virtual machine gets the .deb installed and
# configured the way README "Deployment" says, boots, and must then
#   1. come up with the kiosk under cage on tty1 (READY=1 seen by systemd, a screenshot of the
#      compositor's output shows the kiosk's home screen),
#   2. be restarted after a crash (SIGKILL) and after a hang (SIGSTOP: the watchdog fires),
#   3. report to the backend (a heartbeat row in `kioskctl fleet`), and
#   4. sync when an admin asks from a shell (`kioskctl fleet --sync-now`).
# Not part of .ci/run: it needs qemu and a Debian mirror and takes 10-20 minutes under software
# emulation. Run as root from the repository:  tests/vm/boot-proof.sh   (--keep leaves the VM up)
# Everything it makes is under build/vm/; the disk image is rebuilt from the root folder on every
# run, the root folder (debootstrap) only when it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$PWD
out=$repo/build/vm
root=$out/root
keep=${1:-}
mkdir -p "$out"
log() { printf '\n== %s\n' "$*"; }
fail() { printf 'boot-proof: FAILED: %s\n' "$*" >&2; exit 1; }

command -v qemu-system-x86_64 >/dev/null && command -v debootstrap >/dev/null && command -v mkfs.ext4 >/dev/null ||
  apt-get install -y qemu-system-x86 qemu-utils debootstrap e2fsprogs openssh-client >/dev/null

log "the package"
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target package >/dev/null
deb=$(ls "$repo"/build/release/berswordt-kiosk_*_amd64.deb | tail -1)
echo "$deb"

if [[ ! -x $root/usr/bin/systemctl ]]; then
  log "a Debian 12 system (debootstrap)"
  debootstrap --variant=minbase \
    --include=linux-image-amd64,systemd-sysv,udev,dbus,libpam-systemd,openssh-server,iproute2,grim,curl,ca-certificates,procps,kmod \
    bookworm "$root" http://deb.debian.org/debian
fi

log "install the .deb inside it, as README step 2 says"
cp "$deb" "$root/tmp/kiosk.deb"
cp /etc/resolv.conf "$root/etc/resolv.conf"
for d in proc sys dev; do mountpoint -q "$root/$d" || mount --bind "/$d" "$root/$d"; done
trap 'for d in proc sys dev; do umount -l "$root/$d" 2>/dev/null || true; done' EXIT
chroot "$root" apt-get update >"$out/apt.log" 2>&1 || fail "apt-get update in the VM's root"
chroot "$root" apt-get install -y --reinstall /tmp/kiosk.deb >>"$out/apt.log" 2>&1 || { tail -20 "$out/apt.log"; fail "apt install"; }

log "configure backend and kiosk (README steps 3 and 4, backend section)"
kiosk_token=$(openssl rand -hex 24)
admin_token=$(openssl rand -hex 24)
install -d -m 0700 "$root/etc/berswordt-kiosk-backend"
echo "vm-kiosk=$kiosk_token" >"$root/etc/berswordt-kiosk-backend/tokens"
echo "$admin_token" >"$root/etc/berswordt-kiosk-backend/admin-token"
chmod 0600 "$root"/etc/berswordt-kiosk-backend/*
echo "$admin_token" >"$out/admin-token"
rm -rf "$out/keys" && mkdir -p "$out/keys"
rm -f "$root"/root/admin.key "$root"/root/admin.key.pub "$root"/root/registrations.key
chroot "$root" kioskctl keygen --key /root/admin.key >/dev/null
rm -rf "$root/var/lib/private/berswordt-kiosk-backend" "$root/var/lib/berswordt-kiosk-backend"
install -d -m 0700 "$root/var/lib/berswordt-kiosk-backend"
chroot "$root" kioskctl publish /usr/share/berswordt-kiosk/content --key /root/admin.key \
  --out /var/lib/berswordt-kiosk-backend/www --version 1 --expires-in 30d >/dev/null
pub=$(tail -1 "$root/root/admin.key.pub")
box=$(chroot "$root" kioskctl registrations keygen --secret-key /root/registrations.key | tail -1 | tr -d ' ')
pin_line=$(echo 4711 | chroot "$root" kioskctl hash-pin | grep staff_pin_hash | sed 's/,$//')
cat >"$root/etc/berswordt-kiosk/kiosk.json" <<EOF
{
  "kiosk_id": "vm-kiosk",
  "backend": "http://127.0.0.1:8080/",
  "allow_http_loopback": true,
  "public_keys": ["$pub"],
  "api_token": "$kiosk_token",
  "registration_public_key": "$box",
  "poll_interval_s": 600,
  "heartbeat_interval_s": 15,
  $pin_line,
  "pin_pepper_file": "/etc/berswordt-kiosk/pin-pepper"
}
EOF
chroot "$root" chown root:berswordt-kiosk /etc/berswordt-kiosk/kiosk.json
chmod 0640 "$root/etc/berswordt-kiosk/kiosk.json"
# This VM has no GPU: wlroots' GL renderer on Mesa's kms_swrast crashes here, its pixman
# (CPU) renderer works. Real kiosk hardware has a GPU, so this stays a drop-in of the test.
install -d "$root/etc/systemd/system/berswordt-kiosk.service.d"
printf '[Service]\nEnvironment=WLR_RENDERER=pixman\n' >"$root/etc/systemd/system/berswordt-kiosk.service.d/vm-no-gpu.conf"
chroot "$root" systemctl enable berswordt-kiosk.service berswordt-kiosk-backend.service seatd.service ssh.service systemd-networkd.service >/dev/null 2>&1

log "the machine itself: network, ssh key, fstab"
printf '[Match]\nName=en*\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/20-wired.network"
echo vm-kiosk >"$root/etc/hostname"
echo '/dev/vda / ext4 defaults 0 1' >"$root/etc/fstab"
[[ -f $out/id ]] || ssh-keygen -q -t ed25519 -N '' -f "$out/id"
install -d -m 0700 "$root/root/.ssh"
install -m 0600 "$out/id.pub" "$root/root/.ssh/authorized_keys"
for d in proc sys dev; do umount -l "$root/$d"; done
trap - EXIT

log "disk image"
rm -f "$out/disk.img"
mkfs.ext4 -q -L root -d "$root" "$out/disk.img" 4G

log "boot (software emulation: minutes)"
kernel=$(ls "$root"/boot/vmlinuz-* | tail -1)
initrd=$(ls "$root"/boot/initrd.img-* | tail -1)
pkill -f "qemu-system-x86_64.*$out/disk.img" 2>/dev/null || true
qemu-system-x86_64 -machine q35 -m 2048 -smp 2 -kernel "$kernel" -initrd "$initrd" \
  -append "root=/dev/vda rw console=ttyS0 quiet" \
  -drive "file=$out/disk.img,format=raw,if=virtio" \
  -vga none -device virtio-gpu-pci,xres=1080,yres=1920 -device virtio-keyboard-pci -device virtio-tablet-pci \
  -netdev user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22 -device virtio-net-pci,netdev=net0 \
  -display none -serial "file:$out/console.log" -daemonize -pidfile "$out/qemu.pid"
ssh_vm() { ssh -q -i "$out/id" -p 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=10 root@127.0.0.1 "$@"; }
# Polling the VM until a condition holds, with a deadline: the VM is another machine, there is
# no event to wait for from here.
wait_for() {
  local what=$1 limit=$2 deadline=$(($(date +%s) + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) < deadline)) || fail "$what (waited $limit s)"
    sleep 5
  done
  echo "ok: $what"
}
wait_for "ssh answers" 900 ssh_vm true
wait_for "the kiosk unit is active (READY=1 after its first frame)" 600 ssh_vm 'systemctl is-active -q berswordt-kiosk'
ssh_vm 'systemctl status --no-pager berswordt-kiosk | head -12' | tee "$out/status-1.txt"
ssh_vm 'pgrep -a cage; pgrep -a berswordt-kiosk; cat /sys/class/tty/tty0/active'

log "1. a screenshot of what is on the screen (grim, wlr-screencopy of cage's output)"
ssh_vm 'runuser -u berswordt-kiosk -- env XDG_RUNTIME_DIR=/run/berswordt-kiosk WAYLAND_DISPLAY=wayland-0 grim /tmp/screen.png' ||
  fail "grim could not capture cage's output"
scp -q -i "$out/id" -P 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null root@127.0.0.1:/tmp/screen.png "$out/screen.png" &&
  echo "screenshot: $out/screen.png"

restarts() { ssh_vm 'systemctl show -p NRestarts --value berswordt-kiosk'; }
kiosk_pid() { ssh_vm 'pgrep -x berswordt-kiosk || pgrep -f "^/usr/bin/berswordt-kiosk"' | head -1; }

log "2a. a crash: SIGKILL to the kiosk"
before=$(restarts); pid=$(kiosk_pid); echo "restarts $before, kiosk pid $pid"
ssh_vm "kill -KILL $pid"
wait_for "restarted after the crash" 600 bash -c "[[ \$(ssh -q -i $out/id -p 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null root@127.0.0.1 'systemctl show -p NRestarts --value berswordt-kiosk') -gt $before ]]"
wait_for "active again" 600 ssh_vm 'systemctl is-active -q berswordt-kiosk'

log "2b. a hang: SIGSTOP to the kiosk; the watchdog (30 s) must restart it"
before=$(restarts); pid=$(kiosk_pid); echo "restarts $before, kiosk pid $pid"
ssh_vm "kill -STOP $pid"
wait_for "restarted after the hang" 600 bash -c "[[ \$(ssh -q -i $out/id -p 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null root@127.0.0.1 'systemctl show -p NRestarts --value berswordt-kiosk') -gt $before ]]"
ssh_vm 'journalctl -u berswordt-kiosk --no-pager | grep -i watchdog | tail -3'
wait_for "active again" 600 ssh_vm 'systemctl is-active -q berswordt-kiosk'

log "3. the kiosk reports to the backend"
fleet() { ssh_vm "kioskctl fleet --allow-http-loopback --backend http://127.0.0.1:8080/ --token \$(cat /etc/berswordt-kiosk-backend/admin-token) $*"; }
wait_for "a heartbeat row for vm-kiosk" 300 bash -c "$(declare -f ssh_vm fleet); out=$out; fleet | grep -q vm-kiosk"
fleet | tee "$out/fleet-1.txt"

log "4. an admin publishes version 2 and asks the kiosk to sync now (its own poll is 10 minutes away)"
ssh_vm 'kioskctl publish /usr/share/berswordt-kiosk/content --key /root/admin.key --out /var/lib/berswordt-kiosk-backend/www --version 2 --expires-in 30d'
fleet --sync-now vm-kiosk
wait_for "the kiosk took version 2 on request" 300 bash -c "$(declare -f ssh_vm); out=$out; ssh_vm 'journalctl -u berswordt-kiosk --no-pager -o cat | grep \"sync: .*version 2\"'"
ssh_vm 'journalctl -u berswordt-kiosk --no-pager -o cat | grep "sync:" | tail -3'
wait_for "the fleet shows version 2" 120 bash -c "$(declare -f ssh_vm fleet); out=$out; fleet | grep vm-kiosk | grep -qw 2"
fleet | tee "$out/fleet-2.txt"

log "all four held"
if [[ $keep != --keep ]]; then
  ssh_vm 'systemctl poweroff' || true
fi
