#!/usr/bin/env python3
"""Regenerates find-expected.json by running Ansible's find (ansible-core 2.14, Debian 12) on every case of
find-cases.json over a tree built from its "tree" (connection: local). Records what does not depend on when and
where the tree was built: matched paths relative to the tree (in Ansible's order), examined, msg, skipped paths,
and the statinfo of the first match without its times, inode, device and owner (a checksum is
the content's).
Run: python3 generate-find-expected.py (needs ansible-playbook)."""
import json, os, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = json.load(open(os.path.join(here, "find-cases.json")))
work = tempfile.mkdtemp(prefix="jprov-ansible-")
root = os.path.join(work, "tree")
os.makedirs(root)
for e in spec["tree"]:
    p = os.path.join(root, e["path"])
    if e.get("dir"):
        os.makedirs(p)
    elif "link" in e:
        os.symlink(e["link"], p)
    else:
        with open(p, "wb") as f:
            if "hex" in e:
                f.write(bytes.fromhex(e["hex"]))
            elif "size" in e:
                f.write(b"\0" * e["size"])
            else:
                f.write(e["content"].encode())
        if "mode" in e:
            os.chmod(p, int(e["mode"], 8))
        if "mtime" in e:
            os.utime(p, (e["mtime"], e["mtime"]))


def fill(v):
    if isinstance(v, list):
        return [fill(x) for x in v]
    return v.replace("{root}", root) if isinstance(v, str) else v


tasks = []
for i, c in enumerate(spec["cases"]):
    args = {k: fill(v) for k, v in c["args"].items()}
    args.setdefault("paths", root)
    tasks.append({"name": c["name"], "ansible.builtin.find": args, "register": "r%d" % i})
out = os.path.join(work, "results.json")
tasks.append({"copy": {"content": "{{ [%s] | to_json }}" % ", ".join("r%d" % i for i in range(len(spec["cases"]))),
                       "dest": out}})
pb = os.path.join(work, "play.yml")
json.dump([{"hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": tasks}], open(pb, "w"))
subprocess.run(["ansible-playbook", "-i", "localhost,", pb], check=True, stdout=subprocess.DEVNULL)
results = json.load(open(out))
volatile = {"atime", "mtime", "ctime", "inode", "dev", "uid", "gid", "pw_name", "gr_name"}
expected = {}
for c, r in zip(spec["cases"], results):
    rel = lambda p: os.path.relpath(p, root)
    first = {k: v for k, v in r["files"][0].items() if k not in volatile} if r["files"] else None
    if first:
        first["path"] = rel(first["path"])
    expected[c["name"]] = {"paths": [rel(f["path"]) for f in r["files"]], "matched": r["matched"],
                           "examined": r["examined"], "msg": r["msg"],
                           "skipped": {rel(k): v.replace(root, "{root}") for k, v in r["skipped_paths"].items()},
                           "first": first}
json.dump(expected, open(os.path.join(here, "find-expected.json"), "w"), indent=1, sort_keys=True)
print("wrote", len(expected), "cases")
