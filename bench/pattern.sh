#!/usr/bin/env bash
# Corridors, pinch points and barriers benchmark. Source this file and call `bench_pattern BUILD_DIR`, or
# run it directly: bench/pattern.sh BUILD_DIR
# Builds conn_gen (bench/conn_gen.cpp) and generates its land cover at BENCH_PATTERN_SCALE (default 0.04:
# 2,000 x 2,000 cells of 30 m, about 80 forest patches; bench/data/pattern-<S>/), then runs
# `ecoshield connectivity pinch` and `connectivity barriers` (planar links, corridor width 2000 cost units,
# radii 1,2,4) BENCH_REPEAT times under /usr/bin/time and prints the median wall time, the median CPU time
# (user + system) and the peak RSS, with the machine's load average.
_pattern_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

_pattern_median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench_pattern() {
    local build=$1 scale=${BENCH_PATTERN_SCALE:-0.04} repeat=${BENCH_REPEAT:-3}
    local datadir=$_pattern_here/data/pattern-$scale outdir=$_pattern_here/out/pattern
    mkdir -p "$datadir" "$outdir"
    cmake --build "$build" --target conn_gen ecoshield -j 2 >"$outdir/build.log" 2>&1 || {
        tail -n 20 "$outdir/build.log" >&2
        echo "bench_pattern: building conn_gen / ecoshield failed" >&2
        return 1
    }
    local lc=$datadir/conn_landcover.tif want have
    want=$("$build/conn_gen" --stamp "$scale") || return 1
    have=$(cat "$datadir/conn_landcover.stamp" 2>/dev/null || true)
    if [ "$want" != "$have" ] || [ ! -f "$lc" ]; then
        "$build/conn_gen" "$lc" "$scale" >&2 || return 1
        echo "$want" >"$datadir/conn_landcover.stamp"
    fi
    echo "== pattern: $(gdalinfo "$lc" | sed -n 's/^Size is /cells /p'), scale $scale, median of $repeat; load: $(cut -d' ' -f1-3 /proc/loadavg) =="
    local step i
    for step in pinch barriers; do
        : >"$outdir/$step.tsv"
        for i in $(seq 1 "$repeat"); do
            rm -rf "$outdir/$step"
            /usr/bin/time -f "%e %U %S %M" -o "$outdir/$step.time" "$build/ecoshield" -q connectivity "$step" \
                --landcover "$lc" --classes 3 --table china_landuse_3diao --links planar --corridor-width 2000 \
                --barrier-radii 1,2,4 --out "$outdir/$step" >"$outdir/$step.stdout" 2>&1 ||
                { cat "$outdir/$step.stdout" >&2; return 1; }
            tail -n 1 "$outdir/$step.time" >>"$outdir/$step.tsv"
        done
        local wall cpu rss n
        wall=$(cut -d' ' -f1 "$outdir/$step.tsv" | _pattern_median)
        cpu=$(awk '{ print $2 + $3 }' "$outdir/$step.tsv" | _pattern_median)
        rss=$(cut -d' ' -f4 "$outdir/$step.tsv" | sort -g | tail -n 1)
        n=$(python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['sources']['patches'], 'patches,', j['links']['count'], 'links')" "$outdir/$step/report.json")
        printf '  connectivity %-9s %s: %s s wall, %s s CPU, peak RSS %d MiB\n' "$step" "($n)" "$wall" "$cpu" $((rss / 1024))
    done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    [ $# -eq 1 ] || { echo "usage: bench/pattern.sh BUILD_DIR" >&2; exit 2; }
    bench_pattern "$(cd "$1" && pwd)"
fi
