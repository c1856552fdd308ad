#!/usr/bin/env python3
"""Regenerates NAME-expected.json by running Ansible (ansible-core 2.14, Debian 12, community.general 6.6) on every
case of NAME-cases.json with connection: local (NAME: textedit for lineinfile and blockinfile, the default;
fileedit for replace and ini_file): once to record the bytes it leaves, changed, failed and msg, and a
second time to record whether Ansible itself is idempotent on the case (changed_again).
Run: python3 generate-textedit-expected.py [NAME] (needs ansible-playbook)."""
import json, os, subprocess, sys, tempfile

FQCN = {"ini_file": "community.general.ini_file"}
here = os.path.dirname(os.path.abspath(__file__))
name = sys.argv[1] if len(sys.argv) > 1 else "textedit"
cases = json.load(open(os.path.join(here, name + "-cases.json")))
work = tempfile.mkdtemp(prefix="jprov-ansible-")


def target(i):
    return os.path.join(work, "f%d" % i, "target")


def run_all(tag):
    tasks = []
    for i, c in enumerate(cases):
        tasks.append({"name": c["name"], FQCN.get(c["module"], "ansible.builtin." + c["module"]): dict(c["args"], path=target(i)),
                      "register": "r%d" % i, "ignore_errors": True})
    out = os.path.join(work, "results-%s.json" % tag)
    tasks.append({"copy": {"content": "{{ [%s] | to_json }}" % ", ".join("r%d" % i for i in range(len(cases))),
                           "dest": out}})
    pb = os.path.join(work, "play-%s.yml" % tag)
    json.dump([{"hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": tasks}], open(pb, "w"))
    subprocess.run(["ansible-playbook", "-i", "localhost,", pb], check=True, stdout=subprocess.DEVNULL)
    return json.load(open(out))


for i, c in enumerate(cases):
    os.makedirs(os.path.dirname(target(i)))
    if c["before"] is not None:
        with open(target(i), "wb") as f:
            f.write(c["before"].encode("utf-8"))
first = run_all("first")
after = {i: open(target(i), "rb").read().decode("utf-8") if os.path.exists(target(i)) else None
         for i in range(len(cases))}
second = run_all("second")
expected = {}
for i, c in enumerate(cases):
    r = first[i]
    expected[c["name"]] = {"after": after[i], "changed": bool(r.get("changed")), "failed": bool(r.get("failed")),
                           "msg": r.get("msg", "").replace(target(i), "{path}"),
                           "changed_again": bool(second[i].get("changed"))}
json.dump(expected, open(os.path.join(here, name + "-expected.json"), "w"), indent=1, sort_keys=True,
          ensure_ascii=False)
print("wrote", len(expected), "cases")
