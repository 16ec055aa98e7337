#!/usr/bin/env bash
# make demo: every command on the bundled Taizhou demo data (layers/demo/), outputs under out/demo/.
# Usage: scripts/demo.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
eco="$build/ecoshield"
cd "$(dirname "$0")/.."
out=out/demo
mkdir -p "$out"

step() { printf '\n== %s\n' "$*"; }
# run CMD... : a non-zero exit fails the demo, except the listed "found problems" statuses
run() {
    local ok_status=$1
    shift
    set +e
    "$eco" "$@"
    local rc=$?
    set -e
    if [[ $rc -ne 0 && " $ok_status " != *" $rc "* ]]; then
        echo "demo: 'ecoshield $*' failed (exit $rc)" >&2
        exit "$rc"
    fi
}

step "screen: the 40 demo sites against every constraint layer -> $out/"
run 0 screen --out "$out"
step "redline audit: the demo redlines before submission -> $out/redline_audit/ (exit 3 = problems found)"
run "0 3" redline audit --out "$out/redline_audit"
step "redline diff: demo redlines 2020 vs layers/demo/redline_2025.gpkg -> $out/redline_diff/"
run 0 redline diff --out "$out/redline_diff"
step "tabulate: redline function type by county -> $out/tabulate/"
run 0 tabulate --out "$out/tabulate"
step "coast: shoreline per county and bay, 2020 vs layers/demo/coastline_2025.gpkg -> $out/coast/"
run 0 coast layers/demo/coastline_2025.gpkg --old layers/demo/taizhou_demo.gpkg:coastline --out "$out/coast"
step "bay: one card per beautiful bay -> $out/bay/"
run 0 bay --out "$out/bay"
step "water: outfalls and stations against their zones -> $out/water/"
run 0 water --out "$out/water"
step "soil: listed parcels, receptors, farmland classes -> $out/soil/"
run 0 soil --out "$out/soil"
step "connectivity run: forest patches of the demo land cover, links, dPC -> $out/connectivity/"
run 0 connectivity run --out "$out/connectivity"
printf '\ndemo: all outputs under %s/ (open the .gpkg files in QGIS, report.html in a browser)\n' "$out"
