#!/bin/sh
# Installs emu-a's non-command files into a simulated root:
#   emu_install_a.sh ROOT host|jail
# ROOT/etc/rc.subr, ROOT/etc/defaults/rc.conf, ROOT/etc/rc.d/{jail,pf}
# (host only) and the fake package repository at ROOT/var/db/emu/pkgrepo
# (host only; a jail's packages are installed from the host with pkg -j).
# The commands themselves are copied by the testbed from testbed/emu/bin
# (for jails: the ones listed in testbed/emu/jail-bin.list).
set -e
root=${1:?usage: emu_install_a.sh ROOT host|jail}; kind=${2:-host}
here=$(cd "$(dirname "$0")" && pwd)
root=${root%/}
mkdir -p "$root/etc/defaults" "$root/etc/rc.d" "$root/usr/local/etc/rc.d" "$root/var/run" "$root/var/db/emu"
cp "$here/emu_rc.subr" "$root/etc/rc.subr"
[ -e "$root/etc/defaults/rc.conf" ] || cp "$here/emu_defaults_rc.conf" "$root/etc/defaults/rc.conf"
if [ "$kind" = host ]; then
	for s in "$here"/emu_rc.d/*; do cp "$s" "$root/etc/rc.d/${s##*/}"; chmod 755 "$root/etc/rc.d/${s##*/}"; done
	rm -rf "$root/var/db/emu/pkgrepo"
	cp -R "$here/../pkgrepo" "$root/var/db/emu/pkgrepo"
fi
