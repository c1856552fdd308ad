#!/bin/sh
# An inventory script as Ansible's script plugin runs it: --list prints the groups (a mapping with hosts, vars
# and children; a bare list of hosts; a mapping without those keys, which is one host with variables) and
# _meta.hostvars, so --host is never asked.
case "$1" in
--list) cat <<'JSON'
{
  "web": {"hosts": ["web1", "web2"], "vars": {"http_port": 80}, "children": ["web_eu"]},
  "web_eu": ["web3"],
  "db": {"hosts": ["db1"], "vars": {"ansible_group_priority": 3, "level": "db"}},
  "solo": {"answer": 42},
  "all": {"vars": {"ntp": "pool.ntp.org", "level": "all"}},
  "_meta": {"hostvars": {"web1": {"ansible_host": "192.0.2.1", "tags": ["a", "b"]}, "db1": {"ansible_port": 2222}}}
}
JSON
;;
--host) echo "--host must not be asked when --list gives _meta" >&2; exit 1 ;;
*) echo "usage: $0 --list | --host NAME" >&2; exit 2 ;;
esac
