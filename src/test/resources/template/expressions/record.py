#!/usr/bin/env python3
"""Records what Ansible shows for each expression of a *.txt file here, into the same name .tsv.

Each line of NAME.txt is one expression (blank lines and lines starting with # are skipped). For each,
ansible-playbook (ansible-core 2.14 with Debian's `ansible` 7.7 collections: apt-get install ansible) runs
`debug: msg="={{ EXPRESSION }}"` with the variables of vars.yaml, so the output is Python's str() of the value
after a "=". NAME.tsv gets "expression<TAB>output" (tabs and newlines escaped as \\t and \\n), or
"expression<TAB>!error" when the task failed. RecordedExpressionTest compares jprov with these rows.

    python3 src/test/resources/template/expressions/record.py src/test/resources/template/expressions/NAME.txt
"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1]
exprs = [l.rstrip('\n') for l in open(src) if l.strip() and not l.startswith('#')]
# The playbook is written here for the run, so playbook_dir is this directory (first_found, pipe's cwd).
t = here
if True:
    tasks = [{'debug': {'msg': '={{ %s }}' % e}, 'ignore_errors': True} for e in exprs]
    play = [{'hosts': 'localhost', 'gather_facts': False, 'vars_files': [os.path.join(here, 'vars.yaml')],
             'tasks': tasks}]
    with open(os.path.join(t, 'play.json'), 'w') as f:
        json.dump(play, f)
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK='json', ANSIBLE_LOCALHOST_WARNING='0',
               ANSIBLE_PYTHON_INTERPRETER='/usr/bin/python3', ANSIBLE_NOCOLOR='1')
    out = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', os.path.join(t, 'play.json')],
                         env=env, capture_output=True, text=True, cwd=t).stdout
    os.remove(os.path.join(t, 'play.json'))
    results = json.loads(out[out.index('{'):])['plays'][0]['tasks']
with open(src[:-4] + '.tsv', 'w') as f:
    for e, r in zip(exprs, results):
        res = r['hosts']['localhost']
        text = '!error' if res.get('failed') else res['msg'][1:]
        f.write(e + '\t' + text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n') + '\n')
