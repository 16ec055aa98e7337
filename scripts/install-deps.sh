#!/usr/bin/env bash
# Installs the Debian 12 packages ecoshield needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|bench]
#   build (default): compiler, CMake and the libraries to build and test ecoshield
#   bench: additionally the peer tools the benchmarks compare against (PostGIS, GRASS)
# As root it runs apt-get; otherwise it prints the exact command to run and exits 1.
set -euo pipefail

what=${1:-build}
pkgs=(build-essential cmake pkg-config
      libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin
      libboost-graph-dev libtbb-dev libcli11-dev nlohmann-json3-dev catch2
      libeigen3-dev libsuitesparse-dev
      python3 python3-networkx sqlite3 libsqlite3-mod-spatialite)
if [ "$what" = bench ]; then
  pkgs+=(postgresql-15-postgis-3 postgresql-15 postgis grass-core time)
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ecoshield: missing Debian packages: ${missing[*]}" >&2
  echo "run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "ecoshield: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
