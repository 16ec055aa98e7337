#!/usr/bin/env bash
# Raster benchmarks (never part of `make test`): ecoshield side by side with GRASS GIS.
#   bench_cost  BUILD_DIR   cost distance on a generated 4,000 x 4,000 resistance raster against
#                           r.cost (same conventions: 8 neighbours, cell units, after checking that
#                           the accumulated costs agree within 1e-9 relative), then 10,000 x 10,000 alone
#   bench_zonal BUILD_DIR   zonal sums of 10,000 polygons over a 10,000 x 10,000 raster against
#                           v.rast.stats; the polygons are rectangles with corners on cell corners, so
#                           exact coverage fractions (ours) and cell-centre rasterization (GRASS) pick
#                           exactly the same cells with weight 1: the sums must agree within 1e-9
# Usage: bench/raster.sh BUILD_DIR [cost|zonal|all]
# Environment: RUNS (our runs per size, default 3), GRASS_RUNS (default 1), N_COST (4000), N_BIG (10000),
#              N_ZONAL (10000), K_ZONAL (10000), BENCH_TMP (work folder, default a fresh one under /tmp)
# Prints medians (s), peak RSS (/usr/bin/time -v) and the ratios.
set -euo pipefail

_rb_calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
_rb_median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# _rb_time OUTVAR_PREFIX cmd...: runs cmd under /usr/bin/time -v, sets ${prefix}_s and ${prefix}_kb
_rb_time() {
  local prefix=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall kb cpu
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s+=$2} END {print s}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  printf -v "${prefix}_s" '%s' "$wall"
  printf -v "${prefix}_kb" '%s' "$kb"
  printf -v "${prefix}_cpu" '%s' "$cpu"
}

_rb_setup() {
  BUILD=$(cd "${1:?usage: bench/raster.sh BUILD_DIR}" && pwd)
  cmake --build "$BUILD" --target ecoshield raster_gen -j "$(nproc)" > /dev/null
  W=${BENCH_TMP:-$(mktemp -d /tmp/ecoshield_bench_raster.XXXXXX)}
  mkdir -p "$W"
  ECO="$BUILD/ecoshield"
  GEN="$BUILD/raster_gen"
  RUNS=${RUNS:-3}
  GRASS_RUNS=${GRASS_RUNS:-1}
  command -v grass > /dev/null || { echo "bench raster: GRASS is missing (scripts/install-deps.sh bench)" >&2; return 1; }
}

bench_cost() {
  _rb_setup "$1"
  local n=${N_COST:-4000} big=${N_BIG:-10000}
  echo "== cost distance: ${n} x ${n} resistance, 8 neighbours, cell units (as r.cost)"
  local xy; xy=$("$GEN" cost "$n" "$W/res.tif" "$W/src.geojson")
  local t=() c=() i
  for ((i = 0; i < RUNS; i++)); do
    _rb_time run "$ECO" -q cost "$W/res.tif" "$W/src.geojson" --units cells -o "$W/ours.tif"
    t+=("$run_s"); c+=("$run_cpu"); ours_kb=$run_kb
  done
  local ours_med; ours_med=$(printf '%s\n' "${t[@]}" | _rb_median)
  local ours_cpu; ours_cpu=$(printf '%s\n' "${c[@]}" | _rb_median)
  cat > "$W/grass_cost.sh" << GRASS
set -e
r.in.gdal input="$W/res.tif" output=res --quiet --overwrite
g.region raster=res
for i in \$(seq $GRASS_RUNS); do
  /usr/bin/time -v r.cost input=res output=cost start_coordinates=$xy --quiet --overwrite 2>> "$W/grass_time.log"
done
r.out.gdal input=cost output="$W/grass.tif" type=Float64 createopt=COMPRESS=DEFLATE,TILED=YES --quiet --overwrite -f 2> /dev/null
GRASS
  rm -f "$W/grass_time.log"
  grass --tmp-location EPSG:4549 --exec bash "$W/grass_cost.sh" > /dev/null 2>&1
  local grass_med grass_kb grass_cpu
  grass_med=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$W/grass_time.log" | _rb_median)
  grass_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$W/grass_time.log" | sort -n | tail -1)
  grass_cpu=$(awk -F': ' '/User time \(seconds\)/ {u=$2} /System time \(seconds\)/ {print u+$2}' "$W/grass_time.log" | _rb_median)
  echo -n "agreement: "
  "$GEN" compare "$W/ours.tif" "$W/grass.tif" || { echo "bench cost: ecoshield and r.cost disagree beyond 1e-9" >&2; return 1; }
  printf 'ecoshield cost   median %8.2f s of %d (CPU %.2f s)   peak RSS %7.0f MB\n' "$ours_med" "$RUNS" "$ours_cpu" "$(_rb_calc "$ours_kb/1024")"
  printf 'GRASS r.cost     median %8.2f s of %d (CPU %.2f s)   peak RSS %7.0f MB\n' "$grass_med" "$GRASS_RUNS" "$grass_cpu" "$(_rb_calc "$grass_kb/1024")"
  printf 'ratio r.cost / ecoshield: %.1fx wall, %.1fx CPU (target >= 5x)\n' "$(_rb_calc "$grass_med/$ours_med")" "$(_rb_calc "$grass_cpu/$ours_cpu")"
  echo "load: $(uptime)"

  echo "== cost distance: ${big} x ${big} alone"
  "$GEN" cost "$big" "$W/big.tif" "$W/bigsrc.geojson" > /dev/null
  _rb_time big "$ECO" -q cost "$W/big.tif" "$W/bigsrc.geojson" -o "$W/bigcost.tif"
  printf 'ecoshield cost   %8.2f s (CPU %.2f s; target < 30 s wall)   peak RSS %7.0f MB = %.1f bytes per cell (target < 24)\n' \
    "$big_s" "$big_cpu" "$(_rb_calc "$big_kb/1024")" "$(_rb_calc "$big_kb*1024/($big*$big)")"
  echo "load: $(uptime)"
  rm -f "$W"/big*.tif
}

bench_zonal() {
  _rb_setup "$1"
  local n=${N_ZONAL:-10000} k=${K_ZONAL:-10000}
  echo "== zonal statistics: ${k} polygons over ${n} x ${n}"
  "$GEN" zonal "$n" "$W/val.tif" "$W/zones.gpkg" "$k"
  local t=() c=() i
  for ((i = 0; i < RUNS; i++)); do
    _rb_time run "$ECO" -q zonal "$W/val.tif" "$W/zones.gpkg" --csv "$W/ours.csv"
    t+=("$run_s"); c+=("$run_cpu"); ours_kb=$run_kb
  done
  local ours_med; ours_med=$(printf '%s\n' "${t[@]}" | _rb_median)
  local ours_cpu; ours_cpu=$(printf '%s\n' "${c[@]}" | _rb_median)
  cat > "$W/grass_zonal.sh" << GRASS
set -e
r.external input="$W/val.tif" output=val --quiet --overwrite
g.region raster=val
v.in.ogr input="$W/zones.gpkg" output=zones --quiet --overwrite
for i in \$(seq $GRASS_RUNS); do
  /usr/bin/time -v v.rast.stats map=zones raster=val column_prefix=s method=number,sum --quiet -c 2>> "$W/grass_time.log"
done
v.db.select map=zones columns=id,s_number,s_sum separator=comma --quiet > "$W/grass.csv"
GRASS
  rm -f "$W/grass_time.log"
  grass --tmp-location EPSG:4549 --exec bash "$W/grass_zonal.sh" > /dev/null 2>&1
  local grass_med grass_kb grass_cpu
  grass_med=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$W/grass_time.log" | _rb_median)
  grass_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$W/grass_time.log" | sort -n | tail -1)
  grass_cpu=$(awk -F': ' '/User time \(seconds\)/ {u=$2} /System time \(seconds\)/ {print u+$2}' "$W/grass_time.log" | _rb_median)
  # ours.csv: fid,id,count,area,nodata_area,sum,...; grass.csv: id,s_number,s_sum
  python3 - "$W/ours.csv" "$W/grass.csv" << 'PY'
import csv, sys
ours = {int(r["id"]): (float(r["count"]), float(r["sum"])) for r in csv.DictReader(open(sys.argv[1]))}
worst = 0.0; n = 0
for r in csv.DictReader(open(sys.argv[2])):
    c, s = ours[int(r["id"])]
    gs, gc = float(r["s_sum"]), float(r["s_number"])
    worst = max(worst, abs(s - gs) / max(abs(s), abs(gs), 1e-300), abs(c - gc) / max(c, gc, 1e-300)); n += 1
print(f"agreement: {n} polygons, max relative difference of sums and counts {worst:.3g}")
sys.exit(0 if worst <= 1e-9 and n == len(ours) else 1)
PY
  printf 'ecoshield zonal  median %8.2f s of %d (CPU %.2f s)   peak RSS %7.0f MB\n' "$ours_med" "$RUNS" "$ours_cpu" "$(_rb_calc "$ours_kb/1024")"
  printf 'v.rast.stats     median %8.2f s of %d (CPU %.2f s)   peak RSS %7.0f MB\n' "$grass_med" "$GRASS_RUNS" "$grass_cpu" "$(_rb_calc "$grass_kb/1024")"
  printf 'ratio v.rast.stats / ecoshield: %.1fx (target >= 5x)\n' "$(_rb_calc "$grass_med/$ours_med")"
}

bench_raster() {
  bench_cost "$1"
  bench_zonal "$1"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${2:-all}" in
    cost) bench_cost "$1" ;;
    zonal) bench_zonal "$1" ;;
    all) bench_raster "$1" ;;
    *) echo "usage: bench/raster.sh BUILD_DIR [cost|zonal|all]" >&2; exit 2 ;;
  esac
fi
