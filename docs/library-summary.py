# library-summary.py AB.CSV [T]: per configuration, over the files and
# the medians of their repetitions: solved (a majority of the
# repetitions), PAR-2 (an unsolved run counts 2 x T), PAR-2 on the files
# plain needs over a second for (or does not solve), and against plain:
# files lost, gained, and answered larger (docs/learning.md).
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
T = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
by = {}
for r in rows:
    by.setdefault(r['file'], {}).setdefault(r['config'], []).append(r)
def t(r): return float(r['seconds']) if r['status'] == 'solved' else 2*T
def med(rs): return statistics.median(t(r) for r in rs)
def solved(rs): return sum(r['status'] == 'solved' for r in rs) * 2 > len(rs)
def size(rs):
    s = [int(r['size']) for r in rs if r['status'] == 'solved' and r['size']]
    return statistics.median(s) if s else None
short = lambda l: ' '.join(x.split('/')[-1].replace('-prog.sl', '').replace('.sl', '') for x in l)
configs = sorted({r['config'] for r in rows}, key=lambda c: (c != 'plain', c))
slow = [f for f in by if 'plain' in by[f] and med(by[f]['plain']) > 1.0]
reps = max(int(r.get('rep') or 1) for r in rows)
print(f"{len(by)} files, {reps} repetition(s), T = {T:g} s; {len(slow)} files plain needs > 1 s for or does not solve")
for c in configs:
    fs = [f for f in by if c in by[f]]
    print(f"{c:8s} solved {sum(solved(by[f][c]) for f in fs)}/{len(fs)}  PAR-2 {sum(med(by[f][c]) for f in fs):.1f} s  "
          f"PAR-2 on the slow files {sum(med(by[f][c]) for f in slow if c in by[f]):.1f} s")
for c in configs:
    if c == 'plain': continue
    fs = [f for f in by if c in by[f] and 'plain' in by[f]]
    lost = [f for f in fs if solved(by[f]['plain']) and not solved(by[f][c])]
    won = [f for f in fs if not solved(by[f]['plain']) and solved(by[f][c])]
    bigger = [f for f in fs if solved(by[f]['plain']) and solved(by[f][c]) and size(by[f][c]) > size(by[f]['plain'])]
    print(f"{c}: lost {len(lost)} ({short(lost)}); gained {len(won)} ({short(won)}); larger answers {len(bigger)} ({short(bigger)})")
print("slow files: file: " + " | ".join(configs) + "  (median s or -, size)")
for f in sorted(slow):
    cells = []
    for c in configs:
        rs = by[f].get(c, [])
        cells.append(f"{med(rs):.2f}" + (f" s{size(rs):g}" if size(rs) is not None else " -") if rs else "n/a")
    print(f"  {short([f])}: " + " | ".join(cells))
