#!/usr/bin/env bash
# Overlay benchmarks (sourced by bench/run.sh; never part of `make test`):
#   bench_overlay BUILD_DIR   `ecoshield tabulate` (redline patches by function type x admin units)
#                             and `ecoshield redline diff` (two versions of the patches) on a
#                             province-sized synthetic layer (bench/gen_overlay.cpp: 50,000 patches
#                             of ~500 vertices, 1,024 admin units, at BENCH_SCALE 1), side by side
#                             with the same operations in PostGIS 3.3 (bench/postgis_overlay.sh),
#                             after checking that the tables agree within 1e-6 relative
#                             (bench/compare_overlay.py). Targets: >= 5x faster than PostGIS end to
#                             end, peak memory < 4 GiB.
# Uses run.sh's variables and helpers: here, datadir, outdir, scale, repeat, log, median, max,
# parse_time_v, build_targets. Data in $datadir/overlay/, results in $outdir/overlay/.
# Environment: BENCH_SKIP_ECOSHIELD=1 times PostGIS only; OVERLAY_THREADS passes --threads.

# _ov_run NAME OUTDIR CMD...: runs CMD `repeat` times under /usr/bin/time -v, writes
# $ov_out/NAME_runs.tsv (rep, wall, rss_kB, cpu) and sets ov_wall, ov_cpu, ov_rss_mb (medians, max)
_ov_run() {
    local name=$1 res=$2; shift 2
    local i st wall rss cpu
    : >"$ov_out/${name}_runs.tsv"
    for i in $(seq 1 "$repeat"); do
        rm -rf "$res"
        [ "$i" = 1 ] && log "overlay: $*"
        st=0
        /usr/bin/time -v -o "$ov_out/${name}_time_$i.txt" "$@" >"$ov_out/${name}_stdout_$i.txt" 2>"$ov_out/${name}_stderr_$i.txt" || st=$?
        if [ "$st" != 0 ]; then
            tail -n 20 "$ov_out/${name}_stderr_$i.txt" >&2
            log "overlay: ecoshield $name failed (exit $st; $ov_out/${name}_stderr_$i.txt)"
            return 1
        fi
        read -r wall rss cpu < <(parse_time_v "$ov_out/${name}_time_$i.txt")
        printf '%s\t%s\t%s\t%s\n' "$i" "$wall" "$rss" "$cpu" >>"$ov_out/${name}_runs.tsv"
        log "overlay: ecoshield $name run $i/$repeat: $wall s, CPU $cpu s, peak RSS $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') MiB"
    done
    ov_wall=$(cut -f2 "$ov_out/${name}_runs.tsv" | median)
    ov_rss_mb=$(cut -f3 "$ov_out/${name}_runs.tsv" | max | awk '{ printf "%.0f", $1 / 1024 }')
    ov_cpu=$(cut -f4 "$ov_out/${name}_runs.tsv" | median)
}

bench_overlay() {
    local build=${1:-$build} skip_eco=${BENCH_SKIP_ECOSHIELD:-0}
    local d=$datadir/overlay
    ov_out=$outdir/overlay
    mkdir -p "$d" "$ov_out"
    if [ "$skip_eco" = 1 ]; then build_targets gen_overlay; else build_targets gen_overlay ecoshield; fi

    local want have
    want=$("$build/gen_overlay" --stamp "$scale") || { log "overlay: gen_overlay --stamp failed"; return 1; }
    have=$(cat "$d/overlay.stamp" 2>/dev/null || true)
    if [ "$want" = "$have" ] && [ -f "$d/redline_old.gpkg" ] && [ -f "$d/redline_new.gpkg" ] && [ -f "$d/admin.gpkg" ]; then
        log "overlay: reusing $d ($want)"
    else
        log "overlay: generating $d (scale $scale)"
        "$build/gen_overlay" "$d" "$scale" || { log "overlay: data generation failed"; return 1; }
    fi

    local threads=()
    [ -n "${OVERLAY_THREADS:-}" ] && threads=(--threads "$OVERLAY_THREADS")
    local tab_wall=- tab_cpu=- tab_rss=- diff_wall=- diff_cpu=- diff_rss=-
    if [ "$skip_eco" != 1 ]; then
        _ov_run tabulate "$ov_out/ecoshield_tabulate" "$build/ecoshield" --quiet "${threads[@]}" tabulate \
            "$d/redline_old.gpkg:redline" "$d/admin.gpkg:admin" --by-a function_type --by-b name \
            --work-crs EPSG:4549 --no-html --out "$ov_out/ecoshield_tabulate" || return 1
        tab_wall=$ov_wall tab_cpu=$ov_cpu tab_rss=$ov_rss_mb
        _ov_run diff "$ov_out/ecoshield_diff" "$build/ecoshield" --quiet "${threads[@]}" redline diff \
            "$d/redline_old.gpkg:redline" "$d/redline_new.gpkg:redline" \
            --work-crs EPSG:4549 --no-html --out "$ov_out/ecoshield_diff" || return 1
        diff_wall=$ov_wall diff_cpu=$ov_cpu diff_rss=$ov_rss_mb
    fi

    log "overlay: PostGIS, $repeat repetitions"
    "$here/postgis_overlay.sh" --data "$d" --out "$ov_out/postgis" --repeat "$repeat" ||
        { log "overlay: the PostGIS side failed"; return 1; }
    local times=$ov_out/postgis/postgis_overlay_times.tsv
    pg() { awk -F'\t' -v op="$1" -v c="$2" 'NR > 1 && $2 == op { print $c }' "$times" | median; }
    local pt_e2e pt_q pd_e2e pd_q pt_c pd_c
    pt_e2e=$(pg tabulate 6) pt_q=$(pg tabulate 5) pd_e2e=$(pg diff 6) pd_q=$(pg diff 5) pt_c=$(pg tabulate 8) pd_c=$(pg diff 8)

    local status=0 cmp_tab="skipped (BENCH_SKIP_ECOSHIELD=1)" cmp_diff="skipped (BENCH_SKIP_ECOSHIELD=1)" st
    if [ "$skip_eco" != 1 ]; then
        st=0
        "$here/compare_overlay.py" tabulate "$ov_out/postgis/postgis_tabulate.csv" "$ov_out/ecoshield_tabulate/report.json" \
            | tee "$ov_out/compare_tabulate.txt" >&2 || st=$?
        case $st in 0) cmp_tab="PASS (see $ov_out/compare_tabulate.txt)" ;; 1) cmp_tab="FAIL (see $ov_out/compare_tabulate.txt)"; status=1 ;;
            *) cmp_tab="ERROR: comparison could not run"; status=1 ;; esac
        st=0
        "$here/compare_overlay.py" diff "$ov_out/postgis/postgis_diff.csv" "$ov_out/ecoshield_diff/report.json" \
            | tee "$ov_out/compare_diff.txt" >&2 || st=$?
        case $st in 0) cmp_diff="PASS (see $ov_out/compare_diff.txt)" ;; 1) cmp_diff="FAIL (see $ov_out/compare_diff.txt)"; status=1 ;;
            *) cmp_diff="ERROR: comparison could not run"; status=1 ;; esac
    fi

    {
        echo
        echo "== overlay: $(sed -n 's/.*\(patches=[0-9]*\) \(added=[0-9]*\) \(admin=[0-9x]*\).*/\1 \2 \3/p' "$d/overlay.stamp") (scale $scale), median of $repeat; load: $(uptime | sed 's/.*load average: //') =="
        for op in tabulate diff; do
            local w c r e q cmp
            local pc
            if [ $op = tabulate ]; then w=$tab_wall c=$tab_cpu r=$tab_rss e=$pt_e2e q=$pt_q pc=$pt_c cmp=$cmp_tab
            else w=$diff_wall c=$diff_cpu r=$diff_rss e=$pd_e2e q=$pd_q pc=$pd_c cmp=$cmp_diff; fi
            awk -v op="$op" -v w="$w" -v c="$c" -v r="$r" -v e="$e" -v q="$q" -v pc="$pc" -v cmp="$cmp" '
            function ratio(a, b) { return (a == "-" || b + 0 <= 0) ? "-" : sprintf("%.2fx", b / a) }
            BEGIN {
                name = (op == "diff") ? "redline diff" : "tabulate"
                printf "  %-46s %12s\n", "ecoshield " name ", wall (s)", w
                printf "  %-46s %12s\n", "  CPU time, user+system (s)", c
                printf "  %-46s %12s\n", "  peak RSS (MiB)", r
                printf "  %-46s %12s\n", "PostGIS end-to-end: load+index+query (s)", e
                printf "  %-46s %12s\n", "  PostGIS server CPU, user+system (s)", pc
                printf "  %-46s %12s\n", "PostGIS query only (s)", q
                printf "  %-46s %12s\n", "ratio PostGIS end-to-end / ecoshield", ratio(w, e)
                printf "  %-46s %12s\n", "ratio PostGIS query only / ecoshield", ratio(w, q)
                printf "  %-46s %12s\n", "ratio of CPU times PostGIS server / ecoshield", ratio(c, pc)
                if (w == "-") print "  targets: - (ecoshield not run)"
                else printf "  target >= 5x: %s; peak memory < 4 GiB: %s\n", (e / w >= 5 ? "PASS" : "FAIL"), (r < 4096 ? "PASS" : "FAIL")
                printf "  comparison with PostGIS: %s\n", cmp
            }'
        done
        echo "  (machine: $(nproc) cores, which both tools may use; other load on it inflates wall times)"
    } | tee "$outdir/overlay_summary.txt"
    return $status
}
