#!/bin/sh
# a script among the files of an inventory directory
[ "$1" = --list ] || exit 1
echo '{"monitoring": {"hosts": ["mon1", "web1"], "vars": {"tier": "ops"}}, "_meta": {"hostvars": {"mon1": {"ansible_port": 2200}}}}'
