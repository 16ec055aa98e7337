#!/usr/bin/env bash
# ecoshield benchmarks against peer tools. `make bench` runs `bench/run.sh BUILD_DIR`.
#
# usage: bench/run.sh BUILD_DIR [screen|raster|graph|overlay|all]      (default: all)
#
# Environment:
#   BENCH_SCALE=1          data set scale passed to the generators (0.02 for a quick run)
#   BENCH_REPEAT=3         repetitions of each timed run (medians are reported)
#   BENCH_CHECK=0          1: the PostGIS side also recomputes every number the plain way and
#                          fails on a difference (slow: for small scales)
#   BENCH_SKIP_ECOSHIELD=0 1: time only the peer tool (while an ecoshield command is not written)
#
# Data go to bench/data/ (bench/data/scale-<S>/ when BENCH_SCALE is not 1) and are generated
# once: they are reused while their stamp matches the generator's version, seed and scale.
# Results go to bench/out/. Targets are reported, never enforced by the exit status; a result
# that differs from the peer tool's is an error (exit 1).
#
# Adding a benchmark: define bench_<name> (here, or in a bench/<file>.sh sourced here); it is
# called with BUILD_DIR as its first argument and returns non-zero on an error. Add <name> to
# BENCHES.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")  # the repository, for benchmarks that need it
BENCHES=(screen raster graph overlay)
# shellcheck source=bench/raster.sh
source "$here/raster.sh"
# shellcheck source=bench/graph.sh
source "$here/graph.sh"
# shellcheck source=bench/overlay.sh
source "$here/overlay.sh"
# shellcheck source=bench/pattern.sh
source "$here/pattern.sh"
BENCHES+=(pattern)

usage() { echo "usage: bench/run.sh BUILD_DIR [$(IFS='|'; echo "${BENCHES[*]}")|all]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
build=$(cd "$1" 2>/dev/null && pwd) || { echo "bench: build directory '$1' not found (configure first: make build)" >&2; exit 2; }
what=${2:-all}

scale=${BENCH_SCALE:-1}
repeat=${BENCH_REPEAT:-3}
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_REPEAT must be a positive integer" >&2; exit 2; }
[[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "bench: BENCH_SCALE must be a number such as 1 or 0.02" >&2; exit 2; }
scale=$(awk -v s="$scale" 'BEGIN { printf "%g", s }')
if [ "$scale" = 1 ]; then datadir=$here/data; else datadir=$here/data/scale-$scale; fi
outdir=$here/out
mkdir -p "$outdir"

log() { echo "bench: $*" >&2; }

# median of the numbers on stdin (mean of the middle two for an even count)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { sort -g | tail -n 1; }

# /usr/bin/time -v report -> "wall_seconds peak_rss_kB cpu_seconds(user+system)"
parse_time_v() {
    awk -F': ' '
        /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
        /Maximum resident set size/  { rss = $2 }
        /User time \(seconds\)/      { cpu += $2 }
        /System time \(seconds\)/    { cpu += $2 }
        END { printf "%.3f %d %.3f\n", s, rss, cpu }' "$1"
}

build_targets() {
    log "building $*"
    cmake --build "$build" --target "$@" -j "$(nproc)" >"$outdir/build.log" 2>&1 ||
        { tail -n 30 "$outdir/build.log" >&2; log "build failed (full log: $outdir/build.log)"; exit 1; }
}

# ---------------------------------------------------------------------------------------------
# screen: `ecoshield screen` on 111,000 sites against 20,000 redline polygons, against the same
# numbers computed in PostGIS (bench/postgis_screen.sh), compared site by site.
bench_screen() {
    local build=${1:-$build} skip_eco=${BENCH_SKIP_ECOSHIELD:-0}
    if [ "$skip_eco" = 1 ]; then build_targets gen_screen; else build_targets gen_screen ecoshield; fi

    local want have
    want=$("$build/gen_screen" --stamp "$scale") || { log "screen: gen_screen --stamp failed"; return 1; }
    have=$(cat "$datadir/screen.stamp" 2>/dev/null || true)
    if [ "$want" = "$have" ] && [ -f "$datadir/redlines.gpkg" ] && [ -f "$datadir/sites.gpkg" ]; then
        log "screen: reusing $datadir ($want)"
    else
        log "screen: generating $datadir (scale $scale)"
        local t0 t1
        t0=$(date +%s.%N)
        "$build/gen_screen" "$datadir" "$scale" || { log "screen: data generation failed"; return 1; }
        t1=$(date +%s.%N)
        log "screen: generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
    fi

    local rules=$here/screen_rules.json buffers=100,500,1000
    local eco_out=$outdir/ecoshield pg_out=$outdir/postgis
    local eco_wall=- eco_rss_mb=- eco_cpu=- i
    if [ "$skip_eco" != 1 ]; then
        [ -x "$build/ecoshield" ] || { log "no $build/ecoshield; build it, or set BENCH_SKIP_ECOSHIELD=1"; return 1; }
        : >"$outdir/ecoshield_runs.tsv"
        rm -f "$outdir"/ecoshield_time_*.txt "$outdir"/ecoshield_stdout_*.txt "$outdir"/ecoshield_stderr_*.txt
        for i in $(seq 1 "$repeat"); do
            rm -rf "$eco_out"
            local cmd=("$build/ecoshield" screen
                --sites "$datadir/sites.gpkg:sites"
                --layer "redline=$datadir/redlines.gpkg:redline"
                --rules "$rules" --buffers "$buffers" --work-crs EPSG:4549
                --no-html --quiet --out "$eco_out")
            [ "$i" = 1 ] && log "screen: ${cmd[*]}"
            local st=0
            /usr/bin/time -v -o "$outdir/ecoshield_time_$i.txt" "${cmd[@]}" \
                >"$outdir/ecoshield_stdout_$i.txt" 2>"$outdir/ecoshield_stderr_$i.txt" || st=$?
            if [ "$st" != 0 ]; then
                tail -n 20 "$outdir/ecoshield_stderr_$i.txt" >&2
                log "screen: ecoshield failed (exit $st; $outdir/ecoshield_stderr_$i.txt)"
                return 1
            fi
            [ -s "$eco_out/report.csv" ] || { log "screen: ecoshield wrote no $eco_out/report.csv"; return 1; }
            local wall rss cpu
            read -r wall rss cpu < <(parse_time_v "$outdir/ecoshield_time_$i.txt")
            printf '%s\t%s\t%s\t%s\n' "$i" "$wall" "$rss" "$cpu" >>"$outdir/ecoshield_runs.tsv"
            log "screen: ecoshield run $i/$repeat: $wall s, CPU $cpu s, peak RSS $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') MiB"
        done
        eco_wall=$(cut -f2 "$outdir/ecoshield_runs.tsv" | median)
        eco_rss_mb=$(cut -f3 "$outdir/ecoshield_runs.tsv" | max | awk '{ printf "%.0f", $1 / 1024 }')
        eco_cpu=$(cut -f4 "$outdir/ecoshield_runs.tsv" | median)
    fi

    local check=()
    [ "${BENCH_CHECK:-0}" = 1 ] && check=(--check)
    log "screen: PostGIS, $repeat repetitions"
    "$here/postgis_screen.sh" --data "$datadir" --out "$pg_out" --repeat "$repeat" \
        --buffers "$buffers" "${check[@]}" || { log "screen: the PostGIS side failed"; return 1; }
    local pg_e2e pg_query pg_load pg_index
    pg_load=$(tail -n +2 "$pg_out/postgis_times.tsv" | cut -f2 | median)
    pg_index=$(tail -n +2 "$pg_out/postgis_times.tsv" | cut -f3 | median)
    pg_query=$(tail -n +2 "$pg_out/postgis_times.tsv" | cut -f4 | median)
    pg_e2e=$(tail -n +2 "$pg_out/postgis_times.tsv" | cut -f5 | median)

    local cmp_status=0 cmp_line="skipped (BENCH_SKIP_ECOSHIELD=1)"
    if [ "$skip_eco" != 1 ]; then
        "$here/compare_screen.py" "$pg_out/postgis_screen.csv" "$eco_out/report.csv" \
            --buffers "$buffers" | tee "$outdir/compare_screen.txt" || cmp_status=$?
        case $cmp_status in
            0) cmp_line="PASS: every compared value agrees (see $outdir/compare_screen.txt)" ;;
            1) cmp_line="FAIL: results differ (see $outdir/compare_screen.txt)" ;;
            *) cmp_line="ERROR: comparison could not run (exit $cmp_status)" ;;
        esac
    fi

    {
        echo
        echo "== screen: $(sed -n 's/.*\(redlines=[0-9]*\) \(points=[0-9]*\) \(polygons=[0-9]*\) \(lines=[0-9]*\).*/\1 \2 \3 \4/p' "$datadir/screen.stamp") (scale $scale), median of $repeat =="
        awk -v ew="$eco_wall" -v er="$eco_rss_mb" -v ec="$eco_cpu" -v pe="$pg_e2e" -v pq="$pg_query" \
            -v pl="$pg_load" -v pi="$pg_index" -v cmp="$cmp_line" -v np="$(nproc)" '
        function ratio(a, b) { return (a == "-" || b + 0 <= 0) ? "-" : sprintf("%.2fx", a / b) }
        BEGIN {
            printf "  %-44s %12s\n", "ecoshield screen, wall (s)", ew
            printf "  %-44s %12s\n", "ecoshield CPU time, user+system (s)", ec
            printf "  %-44s %12s\n", "ecoshield peak RSS (MiB)", er
            printf "  %-44s %12s\n", "PostGIS end-to-end: load+index+query (s)", pe
            printf "  %-44s %12s\n", "  of which load (ogr2ogr) (s)", pl
            printf "  %-44s %12s\n", "  of which GiST index + ANALYZE (s)", pi
            printf "  %-44s %12s\n", "PostGIS query only (s)", pq
            printf "  %-44s %12s\n", "ratio PostGIS end-to-end / ecoshield", ratio(pe, ew)
            printf "  %-44s %12s\n", "ratio PostGIS query only / ecoshield", ratio(pq, ew)
            if (ew == "-") {
                print "  target >= 5x faster than PostGIS end to end:   - (ecoshield not run)"
                print "  target peak memory < 2 GiB:                    - (ecoshield not run)"
            } else {
                printf "  target >= 5x faster than PostGIS end to end:   %s\n", (pe / ew >= 5 ? "PASS" : "FAIL")
                printf "  target peak memory < 2 GiB:                    %s\n", (er < 2048 ? "PASS" : "FAIL")
            }
            printf "  comparison with PostGIS:                       %s\n", cmp
            printf "  (machine: %d cores, which both tools may use; other load on it inflates wall times)\n", np
        }'
    } | tee "$outdir/screen_summary.txt"
    [ "$cmp_status" = 0 ] || return 1
}

# Each benchmark returns non-zero on an error (its own messages say which); `all` runs the others
# anyway. Inside `||`, errexit is off, so the functions check every step themselves.
status=0
case $what in
    all) for b in "${BENCHES[@]}"; do "bench_$b" "$build" || status=1; done ;;
    *)
        [[ " ${BENCHES[*]} " == *" $what "* ]] || usage
        "bench_$what" "$build" || status=1 ;;
esac
exit $status
