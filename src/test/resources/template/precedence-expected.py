#!/usr/bin/env python3
"""Asks ansible-playbook (ansible-core 2.14) what each expression in precedence-expressions.txt prints and
whether it holds as a when: condition, for OperatorPrecedenceTest. Run from anywhere; writes under /tmp only:

    python3 src/test/resources/template/precedence-expected.py src/test/resources/template/precedence-expressions.txt
"""
import json, os, subprocess, sys, yaml

exprs = [l.rstrip('\n') for l in open(sys.argv[1]) if l.strip()]
tasks = []
for i, e in enumerate(exprs):
    tasks.append({'debug': {'msg': '{{ ' + e + ' }}'}, 'ignore_errors': True, 'register': f'o{i}'})
    tasks.append({'debug': {'msg': 'ran'}, 'when': e, 'ignore_errors': True, 'register': f'w{i}'})
rows = ','.join('{"e": %d, "o": o%d, "w": w%d}' % (i, i, i) for i in range(len(exprs)))
tasks.append({'copy': {'dest': '/tmp/precedence-result.json', 'content': '{{ [' + rows + '] | to_json }}'}})
# the same variables as OperatorPrecedenceTest.vars()
play = [{'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks,
         'vars': {'flag': 'false', 'flag_true': 'true', 't': True, 'f': False, 'x': 3, 'n': -5, 's': 'ab', 'l': [1, 2, 3]}}]
yaml.safe_dump(play, open('/tmp/precedence-playbook.yaml', 'w'), sort_keys=False)
subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', '/tmp/precedence-playbook.yaml'],
               check=True, stdout=subprocess.DEVNULL)

def shown(r, when):
    if r.get('failed'): return 'ERROR: ' + str(r.get('msg', ''))[:150].replace('\n', ' ')
    if r.get('skipped'): return 'False'
    return 'True' if when else str(r.get('msg'))

for r in json.load(open('/tmp/precedence-result.json')):
    print(f"{exprs[r['e']]}\t{shown(r['o'], False)}\t{shown(r['w'], True)}")
