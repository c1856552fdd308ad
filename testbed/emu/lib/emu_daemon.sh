#!/bin/sh
# Emulated service daemon installed by the testbed's fake packages (pkg(8)):
# `NAME -p PIDFILE` detaches a real, long-lived process (a sleep that ignores
# SIGHUP, so `service NAME reload` keeps it), writes its pid to PIDFILE (under
# $EMU_ROOT) and returns, as a daemonising server does.  SIGTERM stops it.
pidfile=
while getopts p:c:f: opt; do
	case $opt in p) pidfile=$OPTARG ;; *) ;; esac
done
R=${EMU_ROOT:-/}; R=${R%/}
trap '' HUP
sleep 2147483647 </dev/null >/dev/null 2>&1 &
pid=$!
if [ -n "$pidfile" ]; then
	mkdir -p "$(dirname "$R$pidfile")" && echo "$pid" > "$R$pidfile"
fi
exit 0
