#!/usr/bin/env bash
# Graph benchmarks. Source this file and call `bench_graph BUILD_DIR`, or run it directly:
#   bench/graph.sh BUILD_DIR [graph_pc arguments...]
# Builds the graph_pc benchmark (EXCLUDE_FROM_ALL) in BUILD_DIR and runs it: PC and dPC of every
# node of a 5000-node complete graph, median wall time of 3 runs and peak RSS (target < 60 s on 2 cores).
bench_graph() {
    local build=${1:?bench_graph: give the build directory}
    shift
    cmake --build "$build" --target graph_pc -j "$(nproc)" >/dev/null 2>&1 || {
        echo "bench_graph: building graph_pc failed; run cmake --build $build --target graph_pc to see why" >&2
        return 1
    }
    "$build/graph_pc" --nodes 5000 --repeat 3 "$@"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    bench_graph "$@"
fi
