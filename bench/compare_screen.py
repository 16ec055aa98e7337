#!/usr/bin/python3
"""Compare the PostGIS screening result with ecoshield's report.csv, site by site.

usage: bench/compare_screen.py POSTGIS_CSV ECOSHIELD_REPORT_CSV [--buffers 100,500,1000]
       bench/compare_screen.py --self-test

POSTGIS_CSV is what bench/postgis_screen.sh writes (site_id, redline_hits, redline_overlap_m2,
redline_line_length_m, redline_dmin_m, n_<b> per buffer b). The report is ecoshield's report.csv
(UTF-8 with a BOM, docs/formats.md section 4). Compared, when the report has the column:

  redline_hits         report redline_hits                        counts: equal
  redline_overlap_m2   report redline_overlap_m2                  within 1e-6 relative
  redline_line_length_m report redline_length_inside_m (or alias) within 1e-6 relative
  redline_dmin_m       report redline_dmin_m                      within 1e-6 relative
  n_<b>                report redline_n_<b> (or an alias)         counts: equal

"Within 1e-6 relative" means |a - b| <= 1e-6 * max(|a|, |b|, 1): relative for values above 1,
absolute 1e-6 (m2 or m) near zero. An empty overlap or length in the report counts as 0 (no
overlap); any other empty or unparsable value is a mismatch. Columns missing from the report are
listed and not compared; site_id, redline_hits, redline_overlap_m2 and redline_dmin_m are
required. Every site must be in both files.

Exit status: 0 all compared values agree, 1 a mismatch, 2 bad input.
"""
import csv
import math
import os
import sys
import tempfile

REL_TOL = 1e-6

# PostGIS column -> (report column names accepted, kind, required)
def columns(buffers):
    cols = [
        ("redline_hits", ["redline_hits"], "count", True),
        ("redline_overlap_m2", ["redline_overlap_m2"], "measure0", True),
        ("redline_line_length_m", ["redline_length_inside_m", "redline_length_m",
                                   "redline_line_length_m"], "measure0", False),
        ("redline_dmin_m", ["redline_dmin_m"], "measure", True),
    ]
    for b in buffers:
        cols.append((f"n_{b}", [f"redline_n_{b}", f"redline_n_{b}m", f"redline_within_{b}m",
                                f"redline_within_{b}_m", f"redline_count_{b}m", f"n_{b}"],
                     "count", False))
    return cols


class BadInput(Exception):
    pass


def read_csv(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames is None:
                raise BadInput(f"{path}: empty file")
            header = [h.strip() for h in reader.fieldnames]
            reader.fieldnames = header
            if "site_id" not in header:
                raise BadInput(f"{path}: no site_id column (columns: {', '.join(header)})")
            rows = {}
            for n, row in enumerate(reader, start=2):
                sid = (row.get("site_id") or "").strip()
                if not sid:
                    raise BadInput(f"{path}:{n}: empty site_id")
                if sid in rows:
                    raise BadInput(f"{path}:{n}: site_id {sid} appears twice")
                rows[sid] = row
            return header, rows
    except OSError as e:
        raise BadInput(f"{path}: {e.strerror}")
    except UnicodeDecodeError as e:
        raise BadInput(f"{path}: not UTF-8 ({e})")


def parse(value, kind):
    """Returns the number, or None when the value is missing or unparsable."""
    v = (value or "").strip()
    if v == "" and kind == "measure0":
        return 0.0
    try:
        x = int(v) if kind == "count" else float(v)
    except ValueError:
        try:  # a count written as 3.0
            f = float(v)
            x = int(f) if kind == "count" and f.is_integer() else None
        except ValueError:
            return None
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def agree(a, b, kind):
    if a is None or b is None:
        return False
    if kind == "count":
        return a == b
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1.0)


def compare(postgis_csv, report_csv, buffers, out=sys.stdout):
    pg_header, pg = read_csv(postgis_csv)
    rep_header, rep = read_csv(report_csv)
    compared, skipped = [], []
    for pg_col, names, kind, required in columns(buffers):
        if pg_col not in pg_header:
            raise BadInput(f"{postgis_csv}: no {pg_col} column")
        found = next((n for n in names if n in rep_header), None)
        if found is None:
            if required:
                raise BadInput(f"{report_csv}: no {names[0]} column "
                               f"(columns: {', '.join(rep_header)})")
            skipped.append((pg_col, names[0]))
        else:
            compared.append((pg_col, found, kind))

    mismatches = []  # (site_id, postgis column, report column, postgis value, report value)
    only_pg = sorted(set(pg) - set(rep))
    only_rep = sorted(set(rep) - set(pg))
    for sid in only_pg:
        mismatches.append((sid, "site_id", "site_id", sid, "(missing)"))
    for sid in only_rep:
        mismatches.append((sid, "site_id", "site_id", "(missing)", sid))
    per_col = {c[0]: 0 for c in compared}
    common = sorted(set(pg) & set(rep))
    for sid in common:
        for pg_col, rep_col, kind in compared:
            a_raw, b_raw = pg[sid].get(pg_col), rep[sid].get(rep_col)
            if not agree(parse(a_raw, kind), parse(b_raw, kind), kind):
                per_col[pg_col] += 1
                mismatches.append((sid, pg_col, rep_col, a_raw, b_raw))

    p = lambda *a: print(*a, file=out)
    p(f"compare_screen: {len(common)} sites compared ({len(pg)} in PostGIS, {len(rep)} in report)")
    p("compare_screen: columns compared: " +
      ", ".join(f"{r}" + ("" if r == c else f" (PostGIS {c})") for c, r, _ in compared))
    if skipped:
        p("compare_screen: not in report.csv, NOT compared: " +
          ", ".join(f"{pg_col} (expected as {r})" for pg_col, r in skipped))
    if only_pg or only_rep:
        p(f"compare_screen: {len(only_pg)} sites only in PostGIS, {len(only_rep)} only in the report")
    for c, n in per_col.items():
        if n:
            p(f"compare_screen: {c}: {n} sites differ")
    if mismatches:
        p(f"compare_screen: MISMATCH: {len(mismatches)} values differ; the first 10:")
        p(f"  {'site_id':<10} {'column':<22} {'PostGIS':>24} {'ecoshield':>24}")
        for sid, pg_col, rep_col, a, b in mismatches[:10]:
            p(f"  {sid:<10} {rep_col:<22} {str(a):>24} {str(b):>24}")
        return 1
    p(f"compare_screen: OK, all values agree (counts equal, measures within {REL_TOL:g} relative)")
    return 0


def self_test():
    """Checks the comparison on hand-made files: equal, within tolerance, and off."""
    pg = ("site_id,redline_hits,redline_overlap_m2,redline_line_length_m,redline_dmin_m,"
          "n_100,n_500,n_1000\n"
          "P1,1,0,0,0,1,3,5\n"
          "G1,2,1234.5,0,0,2,4,9\n"
          "L1,1,0,812.25,0,1,1,2\n"
          "P2,0,0,0,250.125,0,1,4\n")
    cases = [
        # (name, report text, expected exit status)
        ("identical, with BOM, extra columns, no ring columns",
         "\ufeffsite_id,name,redline_hits,redline_overlap_m2,redline_dmin_m,verdict\n"
         "P1,a,1,0,0,prohibited\nG1,b,2,1234.5,0,prohibited\nL1,c,1,,0,prohibited\n"
         "P2,d,0,0,250.125,caution\n", 0),
        ("within 1e-6 relative and absolute near zero",
         "site_id,redline_hits,redline_overlap_m2,redline_length_m,redline_dmin_m,"
         "redline_n_100,redline_n_500,redline_n_1000\n"
         "P2,0,0,0,250.12510,0,1,4\nP1,1,0.0000009,0,0.0000009,1,3,5\n"
         "G1,2,1234.5009,0,0,2,4,9\nL1,1,0,812.2505,0,1,1,2\n", 0),
        ("area off by 2e-6 relative",
         "site_id,redline_hits,redline_overlap_m2,redline_dmin_m\n"
         "P1,1,0,0\nG1,2,1234.503,0\nL1,1,0,0\nP2,0,0,250.125\n", 1),
        ("hits differ, a ring count differs, a site missing",
         "site_id,redline_hits,redline_overlap_m2,redline_dmin_m,redline_n_500\n"
         "P1,2,0,0,3\nG1,2,1234.5,0,5\nL1,1,0,0,1\n", 1),
        ("empty distance",
         "site_id,redline_hits,redline_overlap_m2,redline_dmin_m\n"
         "P1,1,0,0\nG1,2,1234.5,0\nL1,1,0,0\nP2,0,0,\n", 1),
        ("required column missing",
         "site_id,redline_hits,redline_dmin_m\nP1,1,0\n", 2),
    ]
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        pg_path = os.path.join(d, "postgis.csv")
        with open(pg_path, "w", encoding="utf-8") as f:
            f.write(pg)
        for name, text, want in cases:
            rep_path = os.path.join(d, "report.csv")
            with open(rep_path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            sink = open(os.devnull, "w")
            try:
                got = compare(pg_path, rep_path, [100, 500, 1000], out=sink)
            except BadInput:
                got = 2
            finally:
                sink.close()
            ok = got == want
            failed += not ok
            print(f"compare_screen self-test: {'ok  ' if ok else 'FAIL'} {name}: "
                  f"exit {got}, expected {want}")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    args = argv[1:]
    if args == ["--self-test"]:
        return self_test()
    buffers = [100, 500, 1000]
    if "--buffers" in args:
        i = args.index("--buffers")
        try:
            buffers = [int(b) for b in args[i + 1].split(",")]
        except (IndexError, ValueError):
            print("compare_screen: --buffers wants whole distances, e.g. 100,500,1000",
                  file=sys.stderr)
            return 2
        del args[i:i + 2]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        return compare(args[0], args[1], buffers)
    except BadInput as e:
        print(f"compare_screen: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
