#!/usr/bin/env bash
# Graph benchmarks. Source this file and call `bench_graph BUILD_DIR`, or run it directly:
#   bench/graph.sh BUILD_DIR [pc|pipeline|all]
# pc:       builds graph_pc (EXCLUDE_FROM_ALL) and runs it: PC and dPC of every node of a 5000-node
#           complete graph, median wall time of 3 runs and peak RSS (target < 60 s on 2 cores).
# pipeline: builds conn_gen, generates a 10,000 x 10,000 land cover raster with about 2,000 forest
#           patches (bench/data/conn_landcover.tif, reused while its stamp matches; BENCH_SCALE shrinks
#           it: side 10000 sqrt(S), 2000 S blobs) and runs the whole `ecoshield connectivity run` on it
#           (planar links with costs from one allocation run, --no-html), BENCH_REPEAT times under
#           /usr/bin/time: median wall, CPU (user + system) and peak RSS, PASS/FAIL against the targets
#           (under 10 minutes, peak memory under 8 GB).
#           BENCH_CONN_MEMORY_MB sets --corridor-memory-mb (the corridors' cost-field cap); ECOSHIELD_RSS_TRACE=1
#           prints the RSS and time at each step of the run (engine/graph/rss_trace.h).
#           BENCH_CONN_COMPLETE=1 adds a run with complete links bounded by a maximum cost
#           (BENCH_CONN_MAXCOST, default 100000 cost units, about 2 km of cropland: per-patch searches in windows).
# Environment: BENCH_SCALE, BENCH_REPEAT (as bench/run.sh).
_graph_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

_graph_median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench_graph_pc() {
    local build=$1
    cmake --build "$build" --target graph_pc -j 2 >/dev/null 2>&1 || {
        echo "bench_graph: building graph_pc failed; run cmake --build $build --target graph_pc to see why" >&2
        return 1
    }
    "$build/graph_pc" --nodes 5000 --repeat 3
}

# One timed run: "$@" is the command; prints "wall user sys maxrss_kB".
_graph_timed() {
    local tf
    tf=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$tf" "$@" >/dev/null || { cat "$tf" >&2; rm -f "$tf"; return 1; }
    tail -n 1 "$tf"
    rm -f "$tf"
}

bench_graph_pipeline() {
    local build=$1
    local scale=${BENCH_SCALE:-1} repeat=${BENCH_REPEAT:-3}
    local root datadir outdir
    root=$(dirname "$_graph_here")
    if [ "$scale" = 1 ]; then datadir=$_graph_here/data; else datadir=$_graph_here/data/scale-$scale; fi
    outdir=$_graph_here/out/connectivity
    mkdir -p "$datadir" "$outdir"
    cmake --build "$build" --target conn_gen ecoshield -j 2 >"$outdir/build.log" 2>&1 || {
        tail -n 20 "$outdir/build.log" >&2
        echo "bench_graph: building conn_gen / ecoshield failed" >&2
        return 1
    }
    local lc=$datadir/conn_landcover.tif want have
    want=$("$build/conn_gen" --stamp "$scale") || return 1
    have=$(cat "$datadir/conn_landcover.stamp" 2>/dev/null || true)
    if [ "$want" = "$have" ] && [ -f "$lc" ]; then
        echo "bench_graph: reusing $lc ($want)" >&2
    else
        echo "bench_graph: generating $lc ($want)" >&2
        "$build/conn_gen" "$lc" "$scale" >&2 || return 1
        echo "$want" >"$datadir/conn_landcover.stamp"
    fi
    local runs=(planar)
    [ "${BENCH_CONN_COMPLETE:-0}" = 1 ] && runs+=(complete)
    local summary=$outdir/summary.txt
    : >"$summary"
    for kind in "${runs[@]}"; do
        local args=(connectivity run --landcover "$lc" --classes 3 --table china_landuse_3diao --min-area-ha 1
            --p0 0.5 --d0 5000 --no-html --quiet --out "$outdir/$kind")
        if [ "$kind" = planar ]; then args+=(--links planar --planar-costs allocation)
        else args+=(--links complete --max-distance "${BENCH_CONN_MAXCOST:-100000}"); fi
        # the later steps of the pattern (corridors, pinch points, barriers) are part of the run;
        # BENCH_CONN_NO_CORRIDORS=1 leaves them out (the figures of the earlier benchmark)
        if [ "${BENCH_CONN_NO_CORRIDORS:-0}" = 1 ]; then args+=(--no-corridors); fi
        # the corridors' cost-field cap (default: the command's, 4096 MB); the peak RSS is measured either way
        if [ -n "${BENCH_CONN_MEMORY_MB:-}" ]; then args+=(--corridor-memory-mb "$BENCH_CONN_MEMORY_MB"); fi
        echo "bench_graph: $build/ecoshield ${args[*]}" >&2
        local tsv=$outdir/$kind.tsv i
        : >"$tsv"
        for i in $(seq 1 "$repeat"); do
            rm -rf "$outdir/$kind"
            local t
            t=$(_graph_timed "$build/ecoshield" "${args[@]}") || { echo "bench_graph: the $kind run failed" >&2; return 1; }
            echo "$t" >>"$tsv"
            echo "bench_graph: $kind run $i/$repeat: $t (wall s, user s, sys s, max RSS kB)" >&2
        done
        local wall cpu rss patches links
        wall=$(awk '{ print $1 }' "$tsv" | _graph_median)
        cpu=$(awk '{ print $2 + $3 }' "$tsv" | _graph_median)
        rss=$(awk '{ print $4 }' "$tsv" | sort -g | tail -n 1)
        patches=$(python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['sources']['patches'], j['links']['count'], j['global'].get('PC'))" "$outdir/$kind/report.json" 2>/dev/null || echo "? ? ?")
        {
            echo "== connectivity run ($kind links) on $(sed 's/.*side=\([0-9]*\).*/\1/' <<<"$want")^2 cells, median of $repeat: $want =="
            echo "  patches, links, PC:                    $patches"
            echo "  corridors (count, cells, pinch solved): $(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['corridors']; print(c if isinstance(c, str) else (c['count'], sum(e['cells'] for e in c['list']), json.load(open(sys.argv[1]))['pinch_points']['solved']))" "$outdir/$kind/report.json" 2>/dev/null || echo "?")"
            echo "  wall (s):                              $wall"
            echo "  CPU user+system (s):                   $cpu"
            echo "  peak RSS (MiB):                        $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')"
            echo "  target wall < 600 s:                   $(awk -v w="$wall" 'BEGIN { print (w < 600 ? "PASS" : "FAIL") }')"
            echo "  target peak memory < 8 GB:             $(awk -v k="$rss" 'BEGIN { print (k < 8 * 1024 * 1024 ? "PASS" : "FAIL") }')"
            echo "  load when finished: $(uptime | sed 's/.*load average: //') on $(nproc) cores"
        } | tee -a "$summary"
    done
}

bench_graph() {
    local build=${1:?bench_graph: give the build directory}
    local what=${2:-all}
    case $what in
        pc) bench_graph_pc "$build" ;;
        pipeline) bench_graph_pipeline "$build" ;;
        all) bench_graph_pc "$build" && bench_graph_pipeline "$build" ;;
        *) echo "bench_graph: pc, pipeline or all, not '$what'" >&2; return 2 ;;
    esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    bench_graph "$@"
fi
