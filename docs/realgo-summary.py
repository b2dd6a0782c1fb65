#!/usr/bin/env python3
"""realgo-summary.py: summarise the JSON reports of docs/realgo-bench.sh.

Prints the verdicts, the share in scope (not unsupported), the prove
times, the unsupported functions by construct (the reason vsynth gives,
grouped), the unknown ones by reason, and every failed function with its
replay. Usage: realgo-summary.py [--write-wants DIR] OUT/*.json

With --write-wants DIR (testdata/realgo), it also writes each function's
verdict as a // want comment at the end of the function's line (the
reports' positions are relative to DIR), replacing the one there.
"""
import collections
import json
import re
import statistics
import sys

# The construct behind an unsupported reason, first match wins.
CONSTRUCTS = [
    (r"of the empty type|of type [\w./]*\.(littleEndian|bigEndian)\b|zero-size", "empty struct values (struct{}: stateless receivers)"),
    (r"float", "floating point"),
    (r"interface method \w+ in a spec", "interface method calls in specs"),
    (r"values of type error|of type error\b|type error\)", "error values in memory (globals, fields)"),
    (r"range over", "range over a string (UTF-8 decoding)"),
    (r"call to \(?(strconv|strings|unicode/utf8|utf8|unicode|bytes|fmt|errors|sort|slices|math|io|sync|time|binary|encoding/binary|image/color|internal/[\w/]+)\.", "call into the standard library"),
    (r"parameter \w+ of type func|function value|values of type func", "function values (parameters, fields, loops with invariants)"),
    (r"interface|any\b|values of type [\w./]*\.(ByteOrder|Color|Model|Interface|Reader|Writer)", "interfaces in memory (fields, slices, globals)"),
    (r"string", "strings in memory (fields, slices, globals) and string builtins"),
    (r"package-level variable", "package-level variables (pointers, slices, other packages)"),
    (r"builtin clear", "builtin clear on slices"),
    (r"more than \d+ bits", "large arrays (more than 16384 bits)"),
    (r"inlining budget", "inlining budget (give the callees contracts)"),
    (r"generic|of type [A-Z]\b|values of type [A-Z]\b", "generics"),
    (r"map", "maps"),
    (r"defer|recover", "defer / recover"),
    (r"unsafe|Pointer", "unsafe"),
]


def construct(reason):
    for pat, name in CONSTRUCTS:
        if re.search(pat, reason):
            return name
    return "other"


def short(reason):
    return re.sub(r"example\.com/realgo/", "", reason)


CANCELED = "--total-timeout reached"


def load(paths):
    """The results of the reports, a second pass (PKG.pass2.json)
    replacing the functions the first pass canceled."""
    first, second = {}, {}
    for p in paths:
        try:
            with open(p) as f:
                d = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{p}: no report ({e})")
            continue
        into = second if p.endswith(".pass2.json") else first
        for r in d["results"]:
            into[r["function"]] = r
    for name, r in second.items():
        if name not in first or CANCELED in first[name].get("reason", ""):
            first[name] = r
    return list(first.values())


def slow(path):
    """The --exclude flags of a second pass over the package of report
    path, or exit 1 when no function was canceled before it started."""
    with open(path) as f:
        d = json.load(f)
    rs = d["results"]
    if not any(CANCELED in r.get("reason", "") and r["time_ms"] < 1000 for r in rs):
        sys.exit(1)
    flags = []
    for r in rs:
        if r["time_ms"] >= 60000:
            name = r["function"].rsplit("/", 1)[-1].split(".", 1)[1]
            # "." for the space and the comma of an instance's type
            # arguments: the CLI splits a flag's value at commas.
            flags.append("--exclude=\\." + re.escape(name).replace("\\ ", ".").replace(",", ".") + "$")
    print(" ".join(flags))


def main(paths):
    results = load(paths)
    verdicts = collections.Counter(r["verdict"] for r in results)
    n = len(results)
    unsup = [r for r in results if r["verdict"] == "unsupported"]
    in_scope = n - len(unsup)
    times = sorted(r["time_ms"] for r in results if r["verdict"] != "unsupported")
    print(f"functions: {n}")
    for v in ("proved", "failed", "unknown", "unsupported"):
        print(f"  {v:12s} {verdicts[v]:4d}  ({100.0 * verdicts[v] / max(n, 1):.1f}%)")
    print(f"in scope (not unsupported): {in_scope}/{n} = {100.0 * in_scope / max(n, 1):.1f}%")
    if times:
        p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
        print(f"prove time per in-scope function: median {statistics.median(times):.0f} ms, "
              f"90th percentile {p90} ms, max {times[-1]} ms, total {sum(times) / 1000:.0f} s")
    print()
    print("unsupported by construct:")
    by = collections.defaultdict(list)
    for r in unsup:
        by[construct(r.get("reason", ""))].append(r)
    for name, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(rs):4d}  {name}")
        reasons = collections.Counter(short(r.get("reason", "")) for r in rs)
        for reason, k in reasons.most_common(6):
            print(f"          {k:3d}  {reason[:110]}")
    print()
    print("unknown by reason:")
    unk = collections.Counter()
    for r in results:
        if r["verdict"] == "unknown":
            reason = short(r.get("reason", ""))
            reason = re.sub(r"relies on the contract of \S+", "relies on the contract of F", reason)
            reason = re.sub(r" at \S+:\d+:\d+", "", reason)
            unk[reason[:110]] += 1
    for reason, k in unk.most_common():
        print(f"  {k:4d}  {reason}")
    print()
    failed = [r for r in results if r["verdict"] == "failed"]
    tables = [r for r in failed if any(o.get("counterexample", {}).get("globals")
                                       for o in r["obligations"] if o["verdict"] == "failed")]
    unconfirmed = [r for r in failed if any(o["verdict"] == "failed" and o.get("confirmation") != "confirmed"
                                            for o in r["obligations"])]
    print(f"failed: {len(failed)}, every counterexample replayed in compiled Go: "
          f"{len(failed) - len(unconfirmed)} confirmed, {len(unconfirmed)} not; "
          f"{len(tables)} of them only with a package-level table changed from its initial value")
    print("failed (each replayed in compiled Go):")
    for r in results:
        if r["verdict"] != "failed":
            continue
        obs = [o for o in r["obligations"] if o["verdict"] == "failed"]
        for o in obs[:1]:
            cex = o.get("counterexample", {})
            ins = ", ".join(f"{k} = {v}" for k, v in cex.get("inputs", {}).items())
            gl = ", ".join(f"global {k}" for k in cex.get("globals", {}))
            what = o.get("clause") or o["kind"]
            print(f"  {short(r['function'])}: {o['kind']} {what[:60]} [{o.get('confirmation', 'not replayed')}]")
            print(f"      {(ins + ('; ' + gl if gl else ''))[:150]}")
    print()
    print("per function:")
    for r in sorted(results, key=lambda r: r["function"]):
        extra = short(r.get("reason", ""))[:90]
        print(f"  {short(r['function']):45s} {r['verdict']:11s} {r['time_ms']:7d} ms  {extra}")


def write_wants(root, paths):
    edits = collections.defaultdict(dict)
    for r in load(paths):
        file, line = r["pos"].rsplit(":", 2)[:2]
        edits[file][int(line)] = r["verdict"]
    for file, lines in edits.items():
        path = f"{root}/{file}"
        with open(path) as f:
            src = f.read().split("\n")
        for line, verdict in lines.items():
            text = re.sub(r' // want "[a-z]+"$', "", src[line - 1])
            src[line - 1] = f'{text} // want "{verdict}"'
        with open(path, "w") as f:
            f.write("\n".join(src))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--slow"]:
        slow(args[1])
        sys.exit(0)
    if args[:1] == ["--write-wants"]:
        write_wants(args[1], args[2:])
        args = args[2:]
    main(args)
