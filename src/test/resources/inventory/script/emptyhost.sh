#!/bin/sh
# Without _meta and with an empty answer to --host db1: Ansible 2.14 fails on it (its "empty answer is no
# variables" test compares bytes with a str and never matches), so jprov does too.
case "$1" in
--list) echo '{"web": ["web1", "web2"], "db": {"hosts": ["db1"], "vars": {"level": "db"}}}' ;;
--host)
    case "$2" in
    web1) echo '{"role": "front", "weight": 10}' ;;
    web2) printf 'role: back\nweight: 5\n' ;;
    *) ;;
    esac ;;
esac
