#!/usr/bin/env python3
"""Prints PythonRegexTest's rows with what Python's re gives for each: the spans and groups of finditer, the text
of sub, or the message of the error. Run with Debian 12's python3 (3.11, what ansible-core 2.14 runs on):
python3 python-regex-rows.py, and paste its output into PythonRegexTest.rows()."""
import re, sys
rows = []
def row(kind, pattern, text, op, arg=None, flags='', why=''):
    rows.append((kind, pattern, flags, text, op, arg, why))

S, B = 'str', 'bytes'
# where Java reads the pattern otherwise
row(S, r'(?P<first_name>\w+) (?P=first_name)', 'bob bob x', 'finditer', why='named group with _, named back reference')
row(S, r'a\Z', 'a\n', 'finditer', why=r'\Z is the very end (Java: before a final line end)')
row(S, r'\Aa', 'ba', 'finditer')
row(S, r'a$', 'a\n', 'finditer', why='$ before a final \\n')
row(S, r'a$', 'a\r\n', 'finditer', why='only \\n ends a line (Java: \\r\\n too)')
row(S, r'^', 'a\nb\n', 'finditer', flags='m', why='^ with MULTILINE after a final \\n too')
row(S, r'$', 'a\nb', 'finditer', flags='m')
row(S, r'.', '\r\u2028\n', 'finditer', why='. stops only at \\n')
row(S, r'.', 'a\n', 'finditer', flags='s')
row(S, r'[[]', 'a[', 'finditer', why="'[' in a set is literal (Java: nested set)")
row(S, r'[a&&b]', '&b', 'finditer', why="'&&' in a set is literal (Java: intersection)")
row(S, r'[]a]', ']', 'finditer', why="a leading ']' is literal")
row(S, r'[^]a]', 'x]', 'finditer')
row(S, r'[a-]', '-', 'finditer')
row(S, r'x{,2}', 'xxx', 'finditer', why='{,n} is {0,n} (Java: error)')
row(S, r'x{a}', 'x{a}', 'finditer', why="'{' that starts no repeat is literal (Java: error)")
row(S, r'a{', 'a{', 'finditer')
row(S, r'a{}', 'a{}', 'finditer')
row(S, r'x{2,}', 'xxxx', 'finditer')
row(S, r'\v', '\x0b\n', 'finditer', why=r'\v is the vertical tab (Java: any vertical space)')
row(S, r'[\b]', 'a\bb', 'finditer', why=r'\b in a set is backspace')
row(S, r'\s', '\x1c \x85\u3000x', 'finditer', why=r'\s of str.isspace (Java: no \x1c)')
row(S, r'\w', 'e\u0301\u00b2_\u203f', 'finditer', why=r'\w is letters, numbers and _ (Java: marks and connectors too)')
row(S, r'\d', '3\u0663x', 'finditer')
row(S, r'\d', '3\u0663x', 'finditer', flags='a')
row(S, r'\b\w+\b', 'caf\u00e9 bar', 'finditer', why=r'\b on Unicode \w')
row(S, r'\b\w+\b', 'caf\u00e9 bar', 'finditer', flags='a')
row(S, r'\B', '', 'finditer', why=r'\B never matches an empty text')
row(S, r'\B', 'ab', 'finditer')
row(S, r'\W+', 'a, b', 'finditer')
row(S, r'[\W\d]', 'a,1', 'finditer')
row(S, r'[^\W]', 'a,1', 'finditer', why='a negated category in a negated set')
row(S, r'[\s\S]', 'a\n', 'finditer')
row(S, r'(?<=\w)x', '\U0001d400x', 'finditer', why='a look-behind over an astral letter')
row(S, '(?x) a b # comment (not a group\n c', 'abc', 'finditer', why='verbose: whitespace and comments go')
row(S, r'(?x)[ #]', 'a #', 'finditer', why='verbose keeps whitespace and # in a set (Java does not)')
row(S, r'a b', 'ab', 'finditer', flags='x')
row(S, r'(?#a comment)a', 'a', 'finditer', why='(?#...) is a comment (Java: error)')
row(S, r'a(?#c)*', 'aaa', 'finditer')
row(S, r'a(?i:b)c', 'aBc ABc', 'finditer', why='scoped flags')
row(S, r'(?i)a(?-i:b)', 'Ab AB', 'finditer')
row(S, r'(?i)k', '\u212a', 'finditer', why='Unicode case folding for str')
row(S, r'(?a:\w)', '\u00e9a', 'finditer')
row(S, r'(?s:.)\n.', 'a\n\n\n', 'finditer')
row(S, r'(?m:^)b', 'a\nb', 'finditer')
row(S, r'(?x: a b )c d', 'abc dabcd', 'finditer', why='scoped verbose')
row(S, r'[\w-]+', 'a-b c', 'finditer')
row(S, r'(ab){2}', 'ababab', 'finditer')
row(S, r'(?i)[^a-z]', 'A1', 'finditer')
row(S, r'(?a)\bx', '\u00e9x x', 'finditer')
row(S, r'a|(?P<b>b)|c', 'abc', 'finditer')
row(S, r'\x41\101\0\u00e9\U0001F600\N{EM DASH}', 'AA\x00\u00e9\U0001F600\u2014', 'finditer', why='escapes')
row(S, r'\x41\101\0\u00e9\U0001F600\N{EM DASH}', 'AA\x00\u00e9\U0001F600\u2014', 'finditer', why='escapes')
row(S, r'[\x41-\x43\u00e9]', 'BD\u00e9', 'finditer')
row(S, r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj', 'finditer', why=r'\10 is group 10')
row(S, r'(a)\1', 'aa', 'finditer')
row(S, r'(a)\10', 'aa0', 'finditer', why=r'\10 with one group is an error, not \1 and 0')
row(S, r'(a)\0', 'a\x00', 'finditer')
row(S, r'a*+a', 'aaa', 'finditer', why='possessive repeat')
row(S, r'(?>a+)b', 'aab', 'finditer', why='atomic group')
row(S, r'a*?', 'aa', 'finditer')
row(S, r'x*', 'a\U0001F600b', 'finditer', why='empty matches step by code point')
row(S, r'(a)|b', 'ab', 'finditer', why='an unmatched group is None')
row(S, r'(?P<n>a)', 'a', 'finditer')
# sub: empty matches, templates
row(S, r'x*', 'abxd', 'sub', '-', why='empty matches next to a match')
row(S, r'a??', 'a', 'sub', '-', why='after an empty match the next may start there')
row(S, r'', '\U0001F600', 'sub', '-')
row(S, r'(?P<word>\w+)', 'hi there', 'sub', r'<\g<word>|\g<0>|\1|\g<1>0>')
row(S, r'(a)(b)?', 'a', 'sub', r'[\2]')
row(S, r'a', 'a', 'sub', r'\n\t\\\-$1\101\0')
row(S, r'(a)', 'a', 'sub', r'\10')
row(S, r'(\w+)=(\w+)', 'k=v', 'sub', r'\2=\1')
row(S, r'^', 'a\nb\n', 'sub', '# ', flags='m')
row(S, r'$', 'a\nb\n', 'sub', ';')
# bytes patterns (lineinfile), given one char per byte
row(B, r'\w', 'é', 'finditer', why=r'bytes: \w is ASCII')
row(B, r'[é]', 'é', 'finditer', why='bytes: a UTF-8 character is two bytes')
row(B, r'é', 'é', 'finditer')
row(B, r'(?i)é', 'É', 'finditer', why='bytes: case folds ASCII only')
row(B, r'(?i)e', 'E', 'finditer')
row(B, r'\s', '\x85\xa0 ', 'finditer', why=r'bytes: \s is ASCII')
row(B, r'^(?P<key>\w+)=(.*)$', 'key=value\n', 'finditer')
row(B, r'\Z', 'a\n', 'finditer')
row(B, r'(?L)\w', 'a', 'finditer')
row(B, r'\bx', '\u00e9x', 'finditer', why=r'bytes: \b on ASCII \w')
# errors: what Python rejects, with its message
for kind, pattern, flags in [
        (S, r'(?<name>x)', ''), (S, r'a**', ''), (S, r'*a', ''), (S, r'^*', ''), (S, r'\b+', ''), (S, r'x{2}{3}', ''),
        (S, r'(?<=a|bc)', ''), (S, r'(?<=a*)', ''), (S, r'\q', ''), (S, r'\z', ''), (S, r'\h', ''), (S, r'\p{L}', ''),
        (S, r'\G', ''), (S, r'(a', ''), (S, r'a)', ''), (S, r'[a', ''), (S, r'a(?i)b', ''), (S, r'(?i)a|(?m)b', ''),
        (S, r'(?P<a>x)(?P<a>y)', ''), (S, 'x\\', ''), (S, r'(a\1)', ''), (S, r'\2(a)(b)', ''), (S, r'(?P=n)', ''),
        (S, r'(?P<1a>x)', ''), (S, r'(?P<a', ''), (S, r'[z-a]', ''), (S, r'[\d-z]', ''), (S, r'x{3,2}', ''),
        (S, r'\x4', ''), (S, r'\u12', ''), (S, r'\N{NO SUCH NAME}', ''), (S, r'\400', ''), (S, r'[\8]', ''),
        (S, r'(?L)a', ''), (S, r'(?au)a', ''), (S, r'(?-a:x)', ''), (S, r'(?i-i:x)', ''), (S, r'(?z)', ''),
        (S, r'(?', ''), (S, r'(?P', ''), (S, r'(?Px)', ''), (S, 'a\n(', ''), (S, r'(?#x', ''),
        (S, r'(?<=(a)\1)', ''), (S, r'[\A]', ''),
        (B, r'\u00e9', ''), (B, r'(?u)a', ''),
    ]:
    row(kind, pattern, '', 'error', flags=flags)
for pattern, repl in [(r'(a)', r'\2'), (r'(a)', r'\g<x>'), (r'(a)', r'\g<1'), (r'(a)', r'\g'), (r'(a)', r'\q'),
                      (r'(a)', r'\g<-1>'), (r'(a)', '\\'), (r'(a)', r'\g<>'), (r'(a)', r'\400')]:
    row(S, pattern, 'a', 'suberror', repl)

def flagbits(f):
    b = 0
    for c in f: b |= {'i': re.I, 'm': re.M, 's': re.S, 'x': re.X, 'a': re.A}[c]
    return b

def run(kind, pattern, flags, text, op, arg):
    enc = (lambda s: s.encode('latin-1')) if kind == B else (lambda s: s)
    dec = (lambda b: b.decode('latin-1')) if kind == B else (lambda s: s)
    p = enc(pattern.encode('utf-8').decode('latin-1')) if kind == B else pattern
    t = enc(text.encode('utf-8').decode('latin-1')) if kind == B else text
    try:
        r = re.compile(p, flagbits(flags))
        if op == 'finditer':
            return ';'.join('%d-%d' % m.span() + ''.join('=' + ('None' if g is None else dec(g)) for g in m.groups())
                            for m in r.finditer(t))
        if op in ('sub', 'suberror'):
            return dec(r.sub(enc(arg) if kind == B else arg, t))
        return 'compiled'
    except (re.error, IndexError, OverflowError, ValueError) as e:
        return 'error: ' + str(e)

def j(s):
    if s is None: return 'null'
    out = []
    for ch in s:
        c = ord(ch)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif ch in '\n\r\t\b\f': out.append({'\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}[ch])
        elif c < 0x20: out.append('\\%03o' % c)
        elif 0x20 <= c < 0x7f: out.append(ch)
        elif c > 0xffff:
            c -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff)))
        else: out.append('\\u%04x' % c)
    return '"' + ''.join(out) + '"'

seen = set()
for kind, pattern, flags, text, op, arg, why in rows:
    key = (kind, pattern, flags, text, op, arg)
    if key in seen: continue
    seen.add(key)
    expected = run(kind, pattern, flags, text, op, arg)
    if op in ('error', 'suberror') and not expected.startswith('error: '):
        print('NOT AN ERROR', pattern, expected, file=sys.stderr)
    print('                row(%s, %s, %s, %s, %s, %s, %s),' % (j(kind), j(pattern), j(flags), j(text),
          j('sub' if op == 'suberror' else op), j(arg), j(expected)) + ('' if not why else ' // ' + why))
