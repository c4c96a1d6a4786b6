#!/usr/bin/env python3
"""Helpers of bench/run.sh (standard library only).

  report.py snap GROUP=PID[,PID...] ...   one line of JSON: CPU ticks of each process group
                                          (all threads of the listed processes) and of the
                                          whole machine (/proc/stat)
  report.py quiet GROUP=PID[,PID...] ...  waits (at most 60 s) until the listed processes use
                                          under 5 % of a CPU, so a run never starts while the
                                          previous one's queued requests are still served
  report.py table RESULTS_DIR             the table of medians from RESULTS_DIR/runs.tsv

runs.tsv columns: round, target, conns, raw wrk output file, CPU snapshot before, after.
"""
import json
import os
import re
import statistics
import sys

TICK = os.sysconf('SC_CLK_TCK')
TARGET_LABEL = {
    'hello': 'hello-world (FastCGI, same nginx)',
    'search': 'search /courses (60 % popular searches, 40 % long tail)',
    'api': 'read API /api/v1/courses (the same searches, JSON)',
    'course': 'course page /courses/<code> (1,000 popular codes)',
    'course-teacher': 'course page, signed in as a teacher (the same 1,000 codes)',
    'teacher': '/teacher (A123456789, one session)',
    'course-cold': 'course page, uncached (100,000 codes rotating)',
    'teacher-cold': '/teacher, uncached (a different teacher each request)',
}
# Targets of the issue, at 32 connections: (target, min ratio to hello, max p99 ms)
TARGETS = [('course', 0.6, 20.0), ('course-teacher', 0.5, None), ('teacher', 0.4, 20.0), ('search', None, 50.0), ('api', None, 50.0)]


def proc_ticks(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def machine_ticks():
    with open('/proc/stat') as f:
        cpu = f.readline().split()[1:]
    values = list(map(int, cpu))
    idle = values[3] + values[4]  # idle + iowait
    return sum(values), idle


def snap(args):
    out = {}
    for arg in args:
        group, pids = arg.split('=', 1)
        out[group] = sum(proc_ticks(p) for p in pids.split(',') if p)
    total, idle = machine_ticks()
    out['_total'] = total
    out['_idle'] = idle
    print(json.dumps(out))


def quiet(args):
    import time
    pids = [p for arg in args for p in arg.split('=', 1)[1].split(',') if p]
    deadline = time.time() + 60
    before = sum(proc_ticks(p) for p in pids)
    while time.time() < deadline:
        time.sleep(0.5)
        now = sum(proc_ticks(p) for p in pids)
        if (now - before) / TICK < 0.025:  # < 5 % of one CPU over 0.5 s
            return
        before = now
    print('quiet: still busy after 60 s', file=sys.stderr)


def to_ms(text):
    m = re.match(r'([\d.]+)(us|ms|s|m)$', text)
    if not m:
        return None
    v = float(m.group(1))
    return v * {'us': 0.001, 'ms': 1.0, 's': 1000.0, 'm': 60000.0}[m.group(2)]


def parse_wrk(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    r = {'rps': None, 'p50': None, 'p99': None, 'non2xx': 0, 'non200': None, 'errors': 0,
         'requests': 0}
    m = re.search(r'Requests/sec:\s+([\d.]+)', text)
    if m:
        r['rps'] = float(m.group(1))
    for pct, key in (('50', 'p50'), ('99', 'p99')):
        m = re.search(rf'^\s+{pct}(?:\.000)?%\s+(\S+)', text, re.M)
        if m:
            r[key] = to_ms(m.group(1))
    m = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', text)
    if m:
        r['non2xx'] = int(m.group(1))
    m = re.search(r'^NON200 (\d+)', text, re.M)
    if m:
        r['non200'] = int(m.group(1))
    m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
    if m:
        r['errors'] = sum(map(int, m.groups()))
    m = re.search(r'(\d+) requests in', text)
    if m:
        r['requests'] = int(m.group(1))
    return r


def cpu_per_request(before, after, requests):
    if not requests:
        return {}
    b, a = json.loads(before), json.loads(after)
    us = 1e6 / TICK / requests
    out = {g: (a[g] - b[g]) * us for g in a if not g.startswith('_')}
    busy = (a['_total'] - b['_total']) - (a['_idle'] - b['_idle'])
    out['machine'] = busy * us
    out['rest'] = out['machine'] - sum(v for g, v in out.items() if g != 'machine')
    total = a['_total'] - b['_total']
    out['busy_pct'] = 100.0 * busy / total if total else 0.0
    return out


def fmt(v, digits=1):
    if v is None:
        return '–'
    if digits == 0:
        return f'{v:,.0f}'
    return f'{v:,.{digits}f}'


def table(results):
    rows = {}
    order = []
    with open(os.path.join(results, 'runs.tsv'), encoding='utf-8') as f:
        for line in f:
            rnd, target, conns, raw, snap_b, snap_a = line.rstrip('\n').split('\t')
            key = (target, int(conns))
            if key not in rows:
                rows[key] = []
                order.append(key)
            w = parse_wrk(os.path.join(results, raw))
            try:
                w['cpu'] = cpu_per_request(open(os.path.join(results, snap_b)).read(),
                                           open(os.path.join(results, snap_a)).read(),
                                           w['requests'])
            except (OSError, ValueError, KeyError):
                w['cpu'] = {}
            rows[key].append(w)

    def med(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    summary = {}
    for key in order:
        runs = rows[key]
        groups = sorted({g for r in runs for g in r['cpu']})
        summary[key] = {
            'rounds': len(runs),
            'rps': med([r['rps'] for r in runs]),
            'rps_min': min((r['rps'] for r in runs if r['rps'] is not None), default=None),
            'rps_max': max((r['rps'] for r in runs if r['rps'] is not None), default=None),
            'p50': med([r['p50'] for r in runs]),
            'p99': med([r['p99'] for r in runs]),
            'p99_max': max((r['p99'] for r in runs if r['p99'] is not None), default=None),
            'non2xx': sum(r['non2xx'] for r in runs),
            'non200': (sum(r['non200'] for r in runs)
                       if all(r['non200'] is not None for r in runs) else None),
            'errors': sum(r['errors'] for r in runs),
            'requests': sum(r['requests'] for r in runs),
            'cpu': {g: med([r['cpu'].get(g) for r in runs]) for g in groups},
        }

    lines = []
    lines.append('| page | conns | req/s (median) | min–max | p50 ms | p99 ms | ratio to hello | '
                 'non-200 / requests | socket errors | server CPU µs/req: nginx + app + db = sum | '
                 'machine busy | of which wrk + others |')
    lines.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for key in order:
        target, conns = key
        s = summary[key]
        hello = summary.get(('hello', conns))
        ratio = s['rps'] / hello['rps'] if hello and hello['rps'] and s['rps'] else None
        s['ratio'] = ratio
        cpu = s['cpu']
        app = cpu.get('app', 0.0) + cpu.get('hello', 0.0)
        server = (cpu.get('nginx') or 0) + app + (cpu.get('db') or 0)
        cpu_text = (f"{fmt(cpu.get('nginx'), 0)} + {fmt(app, 0)} + {fmt(cpu.get('db'), 0)} = "
                    f"{fmt(server, 0)}") if cpu else '–'
        rest_pct = (100.0 * cpu['rest'] * s['rps'] / (os.cpu_count() * 1e6)) if cpu.get('rest') is not None and s['rps'] else None
        non200 = s['non200'] if s['non200'] is not None else f"≥{s['non2xx']}"
        lines.append(
            f"| {TARGET_LABEL.get(target, target)} | {conns} | **{fmt(s['rps'], 0)}** | "
            f"{fmt(s['rps_min'], 0)}–{fmt(s['rps_max'], 0)} | {fmt(s['p50'], 2)} | "
            f"{fmt(s['p99'], 1)} | {fmt(ratio, 2) if target != 'hello' else '1'} | "
            f"{non200} / {s['requests']:,} | {s['errors']} | {cpu_text} | "
            f"{fmt(cpu.get('busy_pct'), 0)}% | {fmt(rest_pct, 0)}% |")
    lines.append('')
    lines.append('Targets (at 32 connections):')
    for target, min_ratio, max_p99 in TARGETS:
        s = summary.get((target, 32))
        if not s:
            continue
        checks = []
        ok = True
        if min_ratio is not None:
            good = s['ratio'] is not None and s['ratio'] >= min_ratio
            ok &= good
            checks.append(f"ratio {fmt(s['ratio'], 2)} (≥ {min_ratio}: {'met' if good else 'MISSED'})")
        if max_p99 is not None:
            good = s['p99'] is not None and s['p99'] <= max_p99
            ok &= good
            checks.append(f"p99 {fmt(s['p99'], 1)} ms (≤ {max_p99:g} ms: {'met' if good else 'MISSED'})")
        clean = (s['non200'] == 0 if s['non200'] is not None else s['non2xx'] == 0) and s['errors'] == 0
        ok &= clean
        checks.append('all responses 200' if clean else 'NON-200 RESPONSES OR SOCKET ERRORS')
        lines.append(f"- {TARGET_LABEL[target]}: {'; '.join(checks)} → {'MET' if ok else 'MISSED'}")
    bad = [k for k, s in summary.items()
           if (s['non200'] if s['non200'] is not None else s['non2xx']) or s['errors']]
    if bad:
        lines.append('')
        lines.append('WARNING: non-200 responses or socket errors in: ' +
                     ', '.join(f'{t} c={c}' for t, c in bad) + ' (see the raw wrk output)')
    print('\n'.join(lines))


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == 'snap':
        snap(sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == 'quiet':
        quiet(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == 'table':
        table(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == 'parse':
        print(json.dumps(parse_wrk(sys.argv[2])))
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
