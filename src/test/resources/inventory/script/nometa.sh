#!/bin/sh
# An inventory script without _meta: Ansible asks it --host NAME for every host; the answer may be JSON or YAML,
# an empty answer is an error in Ansible 2.14 (it compares bytes with a str), so db1 gets {}.
case "$1" in
--list) echo '{"web": ["web1", "web2"], "db": {"hosts": ["db1"], "vars": {"level": "db"}}}' ;;
--host)
    case "$2" in
    web1) echo '{"role": "front", "weight": 10}' ;;
    web2) printf 'role: back\nweight: 5\n' ;;
    *) echo "{}" ;;
    esac ;;
esac
