#!/usr/bin/env python3
"""Groups the differences of a pg_regress run by cause.

Reads the unified diffs that test/pgregress/run.sh wrote (OUT/diffs/X.diff), cuts each into
its differing blocks (a run of - and + lines) and gives each block one cause by the first rule
that fits (a heuristic: it reads what the lines hold, not why). Prints, per cause, the number
of blocks and of differing lines with the tests they occur in, and the most frequent messages.
Usage: causes.py OUT/diffs
"""
import collections
import os
import re
import sys

ERROR = re.compile(r'^(?:psql:[^:]*:\d+: )?ERROR:  (.*)$')


def normalize(message):
    """An error message with its quoted names replaced, so that like messages count as one."""
    return re.sub(r'"[^"]*"', '"X"', message)[:100]


def classify(minus, plus):
    """The cause of one block: PostgreSQL's lines (minus) against ours (plus)."""
    ours = [ERROR.match(line) for line in plus]
    ours = [m.group(1) for m in ours if m]
    theirs = [ERROR.match(line) for line in minus]
    theirs = [m.group(1) for m in theirs if m]
    text = '\n'.join(minus + plus)
    carets = [line for line in minus + plus if re.fullmatch(r' *\^ *', line)]
    if carets and len(carets) == len(minus + plus):
        return 'error position (caret) differs', None
    if any(m.startswith('current transaction is aborted') for m in ours):
        return 'follows an earlier error inside a transaction block', None
    for m in ours:
        if m.startswith('syntax error'):
            return 'syntax not parsed', normalize(m)
        if m.startswith('unrecognized configuration parameter'):
            return 'setting not known', m
        if re.match(r'function .* does not exist|operator does not exist', m):
            return 'function or operator missing', normalize(m)
        if re.match(r'(relation|table) ".*" does not exist', m):
            return 'relation missing (made by a statement that failed, or not in the fixture)', \
                normalize(m)
        if re.match(r'type ".*" does not exist', m):
            return 'type missing', m
        if 'not supported' in m or 'not implemented' in m:
            return 'feature not supported yet', normalize(m)
        if m.startswith('internal error'):
            return 'internal error (a bug)', m
    if 'QUERY PLAN' in text or re.search(r'^\s*(->|Seq Scan|Index|Hash|Sort|Limit|Projection|'
                                         r'Aggregate|Filter|Output|Execution Mode)', text, re.M):
        return 'EXPLAIN output (our plans and their format differ)', None
    if ours and theirs:
        return 'different error message', normalize(theirs[0]) + ' -> ' + normalize(ours[0])
    if ours:
        return 'error where PostgreSQL succeeds', normalize(ours[0])
    if theirs:
        return 'no error where PostgreSQL raises one', normalize(theirs[0])
    notices = [line for line in minus + plus if re.match(r'(NOTICE|WARNING|DETAIL|HINT):', line)]
    if notices and len(notices) == len(minus + plus):
        return 'NOTICE, WARNING, DETAIL or HINT lines differ', normalize(notices[0])
    if minus and sorted(minus) == sorted(plus):
        return 'row order (no ORDER BY, or ties)', None
    if re.search(r'^\s*List of|^\s*(Table|View|Index) "', text, re.M):
        return 'psql meta-command output', None
    return 'different result values or shape', None


def blocks(path):
    """The differing blocks of a unified diff: (lines PostgreSQL printed, lines we printed)."""
    minus, plus = [], []
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f.read().split('\n')[2:]:
            if line.startswith('-'):
                minus.append(line[1:])
            elif line.startswith('+'):
                plus.append(line[1:])
            else:
                if minus or plus:
                    yield minus, plus
                minus, plus = [], []
    if minus or plus:
        yield minus, plus


def main():
    folder = sys.argv[1]
    count = collections.Counter()
    lines = collections.Counter()
    tests = collections.defaultdict(set)
    examples = collections.defaultdict(collections.Counter)
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.diff'):
            continue
        for minus, plus in blocks(os.path.join(folder, name)):
            cause, example = classify(minus, plus)
            count[cause] += 1
            lines[cause] += len(minus) + len(plus)
            tests[cause].add(name[:-5])
            if example:
                examples[cause][example] += 1
    for cause, n in count.most_common():
        print(f'{n:5} blocks {lines[cause]:6} lines  {cause}  [{", ".join(sorted(tests[cause]))}]')
        for example, k in examples[cause].most_common(6):
            print(f'{"":20}{k:4} x {example}')


if __name__ == '__main__':
    main()
