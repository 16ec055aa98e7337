#!/usr/bin/env python3
"""Compare ecoshield's overlay results with PostGIS's (bench/overlay.sh).

usage: compare_overlay.py tabulate POSTGIS_CSV REPORT_JSON [--rel 1e-6] [--abs 0.01]
       compare_overlay.py diff POSTGIS_CSV REPORT_JSON [--rel 1e-6] [--abs 0.01]
       compare_overlay.py --self-test

tabulate: POSTGIS_CSV has a_value, b_value, area_m2 (bench/postgis_overlay.sh); REPORT_JSON is
ecoshield tabulate's report.json: every cell (row, column, area_m2 planar) must be in both, the
row totals, column totals and the grand total too.
diff: POSTGIS_CSV has grp, value, old_m2, new_m2, added_m2, removed_m2 per county and overall;
REPORT_JSON is ecoshield redline diff's report.json: old_m2, new_m2, added_m2 + edge_added_m2
(PostGIS has no edge tolerance: its added area is both) and removed_m2 + edge_removed_m2, per
county and overall.
Two numbers agree when |a - b| <= rel * max(|a|, |b|) or |a - b| <= abs (m2: the floor for
pieces that exist in one tool as overlay residue of 1e-3 m2 and not in the other).
Exit 0 when everything agrees, 1 on a difference, 2 on bad input. Standard library only.
"""
import csv
import json
import sys


def close(a, b, rel, ab):
    d = abs(a - b)
    return d <= rel * max(abs(a), abs(b)) or d <= ab


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def compare_maps(what, pg, eco, rel, ab, out):
    bad = 0
    worst = 0.0
    for k in sorted(set(pg) | set(eco)):
        a, b = pg.get(k, 0.0), eco.get(k, 0.0)
        if max(abs(a), abs(b)) > 1.0:  # m2: relative differences of residues mean nothing
            worst = max(worst, abs(a - b) / max(abs(a), abs(b)))
        if not close(a, b, rel, ab):
            bad += 1
            if bad <= 10:
                out.append(f"  {what} {k}: PostGIS {a!r}, ecoshield {b!r} (diff {a - b:.6g})")
    return bad, worst, len(set(pg) | set(eco))


def tabulate(pg_csv, report, rel, ab, out):
    pg = {}
    for r in read_csv(pg_csv):
        k = (r["a_value"], r["b_value"])
        pg[k] = pg.get(k, 0.0) + float(r["area_m2"])
    rep = json.load(open(report, encoding="utf-8"))
    eco = {(c["row"], c["column"]): float(c["area_m2"]) for c in rep["cells"]}
    def totals(m):
        rt, ct, g = {}, {}, 0.0
        for (a, b), v in m.items():
            rt[a] = rt.get(a, 0.0) + v
            ct[b] = ct.get(b, 0.0) + v
            g += v
        return rt, ct, g
    prt, pct, pg_g = totals(pg)
    ert = {k: float(v["area_m2"]) for k, v in rep["row_totals"].items()}
    ect = {k: float(v["area_m2"]) for k, v in rep["column_totals"].items()}
    eg = float(rep["grand_total"]["area_m2"])
    bad = 0
    worst = 0.0
    n = 0
    for what, p, e in (("cell", pg, eco), ("row total", prt, ert), ("column total", pct, ect),
                       ("grand total", {"": pg_g}, {"": eg})):
        b, w, k = compare_maps(what, p, e, rel, ab, out)
        bad, worst, n = bad + b, max(worst, w), n + k
    rows_csv = read_csv(pg_csv)
    if rows_csv and "area_ell_m2" in rows_csv[0]:  # information only: two geodesic area algorithms
        pe = {}
        for r in rows_csv:
            pe[(r["a_value"], r["b_value"])] = pe.get((r["a_value"], r["b_value"]), 0.0) + float(r["area_ell_m2"])
        ee = {(c["row"], c["column"]): float(c["area_ell_m2"]) for c in rep["cells"]}
        w = max((abs(pe.get(k, 0) - ee.get(k, 0)) / max(abs(pe.get(k, 0)), abs(ee.get(k, 0)))
                 for k in set(pe) | set(ee) if max(abs(pe.get(k, 0)), abs(ee.get(k, 0))) > 1.0), default=0.0)
        out.append(f"tabulate: ellipsoidal cells (information, PostGIS spheroid vs GeographicLib): largest relative difference {w:.3g}")
    out.append(f"tabulate: {n} values compared ({len(pg)} cells), {bad} differ; largest relative difference "
               f"(values over 1 m2): {worst:.3g}; grand total PostGIS {pg_g:.6f} m2, ecoshield {eg:.6f} m2")
    return bad


def diff(pg_csv, report, rel, ab, out):
    rep = json.load(open(report, encoding="utf-8"))
    keys = ("old_m2", "new_m2", "added_m2", "removed_m2")
    pg, eco = {}, {}
    for r in read_csv(pg_csv):
        for k in keys:
            pg[(r["grp"], r["value"], k)] = float(r[k])
    def put(grp, value, f):
        eco[(grp, value, "old_m2")] = float(f["old_m2"])
        eco[(grp, value, "new_m2")] = float(f["new_m2"])
        eco[(grp, value, "added_m2")] = float(f["added_m2"]) + float(f["edge_added_m2"])
        eco[(grp, value, "removed_m2")] = float(f["removed_m2"]) + float(f["edge_removed_m2"])
    for c in rep["by_county"]:
        put("county", c["county"], c)
    put("overall", "", rep["overall"])
    bad, worst, n = compare_maps("figure", pg, eco, rel, ab, out)
    o = rep["overall"]
    out.append(f"diff: {n} values compared ({n // 4} groups), {bad} differ; largest relative difference (values over 1 m2): "
               f"{worst:.3g}; overall added PostGIS {pg.get(('overall', '', 'added_m2'), 0):.6f} m2, ecoshield "
               f"{float(o['added_m2']) + float(o['edge_added_m2']):.6f} m2")
    return bad


def self_test():
    import os
    import tempfile
    d = tempfile.mkdtemp()
    p = os.path.join(d, "pg.csv")
    with open(p, "w", encoding="utf-8") as f:
        f.write("a_value,b_value,area_m2\nx,u,1000000\nx,(outside B),0.004\n(outside A),u,50\n")
    rep = {"cells": [{"row": "x", "column": "u", "area_m2": 1000000.1}, {"row": "(outside A)", "column": "u", "area_m2": 50}],
           "row_totals": {"x": {"area_m2": 1000000.1}, "(outside A)": {"area_m2": 50}},
           "column_totals": {"u": {"area_m2": 1000050.1}}, "grand_total": {"area_m2": 1000050.1}}
    r = os.path.join(d, "r.json")
    json.dump(rep, open(r, "w"))
    out = []
    assert tabulate(p, r, 1e-6, 0.01, out) == 0, out   # 1e-7 relative and a 0.004 m2 residue agree
    rep["cells"][0]["area_m2"] = 1000010.0              # 1e-5 relative: differs
    json.dump(rep, open(r, "w"))
    out = []
    assert tabulate(p, r, 1e-6, 0.01, out) == 1, out  # the cell only: the totals are as before
    with open(p, "w", encoding="utf-8") as f:
        f.write("grp,value,old_m2,new_m2,added_m2,removed_m2\ncounty,c,10,12,3,1\noverall,,10,12,3,1\n")
    fig = {"old_m2": 10, "new_m2": 12, "added_m2": 2.5, "edge_added_m2": 0.5, "removed_m2": 1, "edge_removed_m2": 0}
    json.dump({"by_county": [dict(fig, county="c")], "overall": fig}, open(r, "w"))
    out = []
    assert diff(p, r, 1e-6, 0.01, out) == 0, out       # added = added + edge_added
    fig["edge_added_m2"] = 0
    json.dump({"by_county": [dict(fig, county="c")], "overall": fig}, open(r, "w"))
    out = []
    assert diff(p, r, 1e-6, 0.01, out) == 2, out       # county and overall added differ
    print("compare_overlay: self-test passed")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    args = argv[1:]
    rel, ab = 1e-6, 0.01
    try:
        if "--rel" in args:
            i = args.index("--rel"); rel = float(args[i + 1]); del args[i:i + 2]
        if "--abs" in args:
            i = args.index("--abs"); ab = float(args[i + 1]); del args[i:i + 2]
        op, pg_csv, report = args
        if op not in ("tabulate", "diff"):
            raise ValueError
    except (ValueError, IndexError):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out = []
    try:
        bad = (tabulate if op == "tabulate" else diff)(pg_csv, report, rel, ab, out)
    except (OSError, KeyError, ValueError) as e:
        print(f"compare_overlay: cannot compare {pg_csv} with {report}: {e!r}", file=sys.stderr)
        return 2
    print("\n".join(out))
    print(f"compare_overlay {op}: {'PASS' if bad == 0 else 'FAIL'} (within {rel:g} relative or {ab:g} m2)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
