#!/bin/sh
# Writes layers/demo/redline_2025.gpkg: an ILLUSTRATIVE second version of the demo redline layer
# for `ecoshield redline diff` (the bundled taizhou_demo.gpkg is left untouched). From the first
# version (taizhou_demo.gpkg:redline):
#   - 331003-RL-004 (黄岩屿头 西片, the rectangle x 586000-586600, y 3160500-3161300 of EPSG:4549,
#     480 000 m2) is removed;
#   - 331003-RL-002 (黄岩富山, x 586000-587000, y 3158000-3158800) loses its northern 100 m: the new
#     patch is x 586000-587000, y 3158000-3158700 (100 000 m2 removed; MJ scaled by 7/8);
#   - every other patch is unchanged.
# Expected from `ecoshield redline diff` with no arguments: 黄岩区 removed 580 000 m2 (58 ha) planar,
# verdict fail for 黄岩区 and overall, zero change elsewhere.
# Needs ogr2ogr (GDAL with the SQLite dialect and SpatiaLite's ST_Transform).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out="$here/redline_2025.gpkg"
rm -f "$out"
OGR_CURRENT_DATE="2025-01-01T00:00:00.000Z" ogr2ogr -f GPKG "$out" "$here/taizhou_demo.gpkg" -dialect SQLite \
  -nln redline -nlt MULTIPOLYGON \
  -lco IDENTIFIER="生态保护红线 redline 2025 (demo second version)" \
  -lco DESCRIPTION="ILLUSTRATIVE DEMO DATA, NOT OFFICIAL: taizhou_demo.gpkg:redline without 331003-RL-004 and with 331003-RL-002 cut back by its northern 100 m (layers/demo/make_redline_2025.sh)." \
  -sql "SELECT HXBH, HXMC, HXLX, LHY, GKJB, XZQDM, XZQMC,
               CASE WHEN HXBH = '331003-RL-002' THEN round(MJ * 0.875, 2) ELSE MJ END AS MJ, PZWH,
               CASE WHEN HXBH = '331003-RL-002'
                    THEN ST_Transform(ST_GeomFromText('MULTIPOLYGON(((586000 3158000,587000 3158000,587000 3158700,586000 3158700,586000 3158000)))', 4549), 4490)
                    ELSE geom END AS geom
        FROM redline WHERE HXBH <> '331003-RL-004'"
echo "wrote $out"
