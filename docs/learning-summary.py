# learning-summary.py AB.CSV: solved counts, PAR-2 (unsolved at 2 x 10 s),
# problems lost and gained against plain, larger answers (docs/learning.md).
import csv, sys, statistics
rows = list(csv.DictReader(open(sys.argv[1])))
T = 10.0
by = {}
for r in rows:
    by.setdefault(r['file'], {}).setdefault(r['config'], []).append(r)
def med(rs):
    secs = sorted(float(r['seconds']) if r['status']=='solved' else 2*T for r in rs)
    return statistics.median(secs)
configs = sorted({r['config'] for r in rows})
for c in configs:
    solved = sum(1 for f in by if any(r['status']=='solved' for r in by[f].get(c,[])) and sum(r['status']=='solved' for r in by[f][c])*2 > len(by[f][c]))
    par2 = sum(med(by[f][c]) for f in by if c in by[f])
    slow = [f for f in by if 'plain' in by[f] and med(by[f]['plain']) > 1.0]
    par2slow = sum(med(by[f][c]) for f in slow if c in by[f])
    print(f"{c:12s} solved {solved}/{len(by)}  PAR-2 total {par2:.1f}s  PAR-2 on the {len(slow)} files plain needs >1s for: {par2slow:.1f}s")
for c in configs:
    if c == 'plain': continue
    lost = [f for f in by if c in by[f] and by[f]['plain'][0]['status']=='solved' and by[f][c][0]['status']!='solved']
    won = [f for f in by if c in by[f] and by[f]['plain'][0]['status']!='solved' and by[f][c][0]['status']=='solved']
    bigger = [f for f in by if c in by[f] and by[f]['plain'][0]['status']=='solved' and by[f][c][0]['status']=='solved' and int(by[f][c][0]['size'])>int(by[f]['plain'][0]['size'])]
    short = lambda l: ' '.join(x.split('/')[-1].replace('-prog.sl','') for x in l)
    print(f"{c}: lost {len(lost)} ({short(lost)}); gained {len(won)} ({short(won)}); larger answers {len(bigger)} ({short(bigger)})")
