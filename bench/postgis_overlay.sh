#!/usr/bin/env bash
# The PostGIS side of the overlay benchmark: `tabulate` (the area cross-table of the redline
# patches by function type and the admin units by name) and `redline diff` (removed = old patch
# minus the union of the new version, added = new patch minus the union of the old), computed the
# way a PostGIS user would, with GiST indexes, as fast as we know how.
#
# usage: bench/postgis_overlay.sh --data DIR --out DIR [--repeat N] [--only tabulate|diff]
#   DIR/redline_old.gpkg, DIR/redline_new.gpkg (layer redline), DIR/admin.gpkg (layer admin), as
#   bench/gen_overlay writes. Writes
#     OUT/postgis_tabulate.csv   a_value, b_value, area_m2, area_ell_m2: the cross-table, '(outside B)'
#                                / '(outside A)' for the parts outside the other layer
#     OUT/postgis_diff.csv       grp (county / overall), value, old_m2, new_m2, added_m2, removed_m2 and
#                                the same *_ell_m2
#   Areas planar (ST_Area in EPSG:4549) and ellipsoidal (ST_Area of the geography in EPSG:4490,
#   on the spheroid), as ecoshield reports both.
#     OUT/postgis_overlay_times.tsv  one line per repetition and operation:
#                                rep, op, load_s, index_s, query_s, end_to_end_s, query_cpu_s,
#                                end_to_end_server_cpu_s (CPU user+system of the server processes;
#                                ogr2ogr's own CPU is not in it)
#     OUT/postgis_overlay.sql    the SQL run
# Each operation, each repetition: drop the tables, load the layers it needs (ogr2ogr, COPY,
# in parallel), GiST indexes + ANALYZE, then build the result geometries in tables (CREATE
# UNLOGGED TABLE AS, parallel plans) and sum their areas. end_to_end = load + index + query;
# cluster start-up and CREATE EXTENSION are not counted. The throwaway cluster (as in
# bench/postgis_screen.sh) and its directory are removed on exit, failure included.
set -euo pipefail

data= out= repeat=1 only=
while [ $# -gt 0 ]; do
    case "$1" in
        --data) data=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "postgis_overlay: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$data" ] && [ -n "$out" ] || { echo "postgis_overlay: --data DIR and --out DIR are required" >&2; exit 2; }
for f in "$data/redline_old.gpkg" "$data/redline_new.gpkg" "$data/admin.gpkg"; do
    [ -r "$f" ] || { echo "postgis_overlay: $f not found; run bench/gen_overlay first" >&2; exit 2; }
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "postgis_overlay: --repeat wants a positive integer" >&2; exit 2; }
case "$only" in ""|tabulate|diff) ;; *) echo "postgis_overlay: --only tabulate or diff" >&2; exit 2 ;; esac

pgbin=/usr/lib/postgresql/15/bin
for t in "$pgbin/initdb" "$pgbin/pg_ctl" psql ogr2ogr python3 runuser; do
    command -v "$t" >/dev/null || { echo "postgis_overlay: $t missing; run scripts/install-deps.sh bench" >&2; exit 2; }
done
[ -e /usr/share/postgresql/15/extension/postgis.control ] ||
    { echo "postgis_overlay: PostGIS for PostgreSQL 15 missing; run scripts/install-deps.sh bench" >&2; exit 2; }
id postgres >/dev/null 2>&1 || { echo "postgis_overlay: no 'postgres' user to run the server as" >&2; exit 2; }

data=$(cd "$data" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
# ---- throwaway cluster ----
tmp=$(mktemp -d /tmp/ecoshield-postgis.XXXXXX)
started=
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    if [ -n "$started" ]; then
        runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
chown postgres: "$tmp"
chmod 700 "$tmp"

port=$(python3 - <<'EOF'
import socket
for p in range(55433, 55533):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        s.close()
else:
    raise SystemExit("postgis_overlay: no free port in 55433-55532")
EOF
)

runuser -u postgres -- "$pgbin/initdb" -D "$tmp/data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=trust >"$tmp/initdb.log" 2>&1 ||
    { cat "$tmp/initdb.log" >&2; exit 1; }
# The fastest sensible settings for this 2-core, 24 GB machine (shared with others, so 2 GB of
# shared buffers rather than a quarter of the memory). Durability is off: this cluster is thrown
# away, and fsync, WAL and full-page writes would cost PostGIS time for nothing.
# default_toast_compression = lz4: a redline (~500 vertices, ~8 KB) is compressed in line, and
# lz4 decompresses several times faster than the default pglz (measured: -60 % query time on
# point sites).
cat >>"$tmp/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$tmp'
max_connections = 20
shared_buffers = 2GB
work_mem = 256MB
maintenance_work_mem = 1GB
effective_cache_size = 8GB
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 2
max_parallel_maintenance_workers = 2
jit = off
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 8GB
checkpoint_timeout = 30min
random_page_cost = 1.1
autovacuum = off
default_toast_compression = lz4
EOF
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 start >/dev/null ||
    { cat "$tmp/server.log" >&2; exit 1; }
started=1

export PGHOST=$tmp PGPORT=$port PGUSER=postgres PGDATABASE=bench PGOPTIONS='-c client_min_messages=warning'
pgconn="PG:host=$tmp port=$port user=postgres dbname=bench"
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -d postgres -c "CREATE DATABASE bench" >/dev/null
sql -c "CREATE EXTENSION postgis" >/dev/null
versions=$(sql -At -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || postgis_geos_version()")
echo "postgis_overlay: cluster up on 127.0.0.1:$port ($versions)" >&2

# ---- the SQL ----
# PostgreSQL 15 runs no LATERAL subquery with outer references inside parallel workers, so the
# per-feature work that needs the other layer's union is a PL/pgSQL function (never inlined)
# marked PARALLEL SAFE, called from a parallel scan (as in bench/postgis_screen.sh).
# The usual shortcuts of a careful PostGIS user are in:
#  - A ∩ B: no ST_Intersection when the patch is covered by the unit (ST_CoveredBy): the piece is
#    the patch itself;
#  - A outside B: nothing to compute when one unit covers the patch;
#  - diff: nothing to compute when the other version has the very same polygon (~= on the boxes,
#    through the GiST index, then ST_OrderingEquals); ST_Union only of the features that intersect.
read -r -d '' function_sql <<'SQL' || true
CREATE OR REPLACE FUNCTION a_outside_b(g geometry) RETURNS geometry
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 AS $fn$ BEGIN RETURN (
    SELECT CASE WHEN EXISTS (SELECT 1 FROM admin q WHERE q.geom && g AND ST_CoveredBy(g, q.geom)) THEN NULL
                ELSE COALESCE(ST_CollectionExtract(ST_Difference(g,
                         (SELECT ST_Union(q.geom) FROM admin q WHERE q.geom && g AND ST_Intersects(q.geom, g))), 3), g) END);
END $fn$;
CREATE OR REPLACE FUNCTION b_outside_a(g geometry) RETURNS geometry
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 AS $fn$ BEGIN RETURN (
    SELECT COALESCE(ST_CollectionExtract(ST_Difference(g,
               (SELECT ST_Union(p.geom) FROM red_old p WHERE p.geom && g AND ST_Intersects(p.geom, g))), 3), g));
END $fn$;
CREATE OR REPLACE FUNCTION old_minus_new(g geometry) RETURNS geometry
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 AS $fn$ BEGIN RETURN (
    SELECT CASE WHEN EXISTS (SELECT 1 FROM red_new n WHERE n.geom ~= g AND ST_OrderingEquals(n.geom, g)) THEN NULL
                ELSE COALESCE(ST_CollectionExtract(ST_Difference(g,
                         (SELECT ST_Union(n.geom) FROM red_new n WHERE n.geom && g AND ST_Intersects(n.geom, g))), 3), g) END);
END $fn$;
CREATE OR REPLACE FUNCTION new_minus_old(g geometry) RETURNS geometry
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 AS $fn$ BEGIN RETURN (
    SELECT CASE WHEN EXISTS (SELECT 1 FROM red_old o WHERE o.geom ~= g AND ST_OrderingEquals(o.geom, g)) THEN NULL
                ELSE COALESCE(ST_CollectionExtract(ST_Difference(g,
                         (SELECT ST_Union(o.geom) FROM red_old o WHERE o.geom && g AND ST_Intersects(o.geom, g))), 3), g) END);
END $fn$;
SQL
read -r -d '' parallel_sql <<'SQL' || true
SET min_parallel_table_scan_size = 0;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SQL
read -r -d '' tabulate_sql <<'SQL' || true
CREATE UNLOGGED TABLE tab_ab AS
SELECT p.fid AS a, q.fid AS b, p.function_type AS a_value, q.name AS b_value,
       CASE WHEN ST_CoveredBy(p.geom, q.geom) THEN p.geom
            ELSE ST_CollectionExtract(ST_Intersection(p.geom, q.geom), 3) END AS geom
  FROM red_old p JOIN admin q ON p.geom && q.geom AND ST_Intersects(p.geom, q.geom);
CREATE UNLOGGED TABLE tab_a_out AS
SELECT * FROM (SELECT p.fid AS a, p.function_type AS a_value, a_outside_b(p.geom) AS geom FROM red_old p) x
 WHERE geom IS NOT NULL;
CREATE UNLOGGED TABLE tab_b_out AS
SELECT q.fid AS b, q.name AS b_value, b_outside_a(q.geom) AS geom FROM admin q;
SQL
read -r -d '' tabulate_out_sql <<'SQL' || true
SELECT a_value, b_value, sum(area) AS area_m2, sum(area_ell) AS area_ell_m2 FROM (
    SELECT a_value, b_value, ST_Area(geom) AS area, ST_Area(ST_Transform(geom, 4490)::geography) AS area_ell FROM tab_ab
    UNION ALL SELECT a_value, '(outside B)', ST_Area(geom), ST_Area(ST_Transform(geom, 4490)::geography) FROM tab_a_out
    UNION ALL SELECT '(outside A)', b_value, ST_Area(geom), ST_Area(ST_Transform(geom, 4490)::geography) FROM tab_b_out) t
 WHERE area > 0 GROUP BY a_value, b_value ORDER BY a_value, b_value
SQL
read -r -d '' diff_sql <<'SQL' || true
CREATE UNLOGGED TABLE diff_removed AS
SELECT * FROM (SELECT o.fid, o.county, old_minus_new(o.geom) AS geom FROM red_old o) x WHERE geom IS NOT NULL;
CREATE UNLOGGED TABLE diff_added AS
SELECT * FROM (SELECT n.fid, n.county, new_minus_old(n.geom) AS geom FROM red_new n) x WHERE geom IS NOT NULL;
SQL
read -r -d '' diff_out_sql <<'SQL' || true
WITH g AS (
    SELECT county, 'old' AS k, geom FROM red_old
    UNION ALL SELECT county, 'new', geom FROM red_new
    UNION ALL SELECT county, 'added', geom FROM diff_added
    UNION ALL SELECT county, 'removed', geom FROM diff_removed),
f AS (SELECT county, k, ST_Area(geom) AS a, ST_Area(ST_Transform(geom, 4490)::geography) AS e FROM g)
SELECT 'county' AS grp, county AS value,
       COALESCE(sum(a) FILTER (WHERE k = 'old'), 0) AS old_m2, COALESCE(sum(a) FILTER (WHERE k = 'new'), 0) AS new_m2,
       COALESCE(sum(a) FILTER (WHERE k = 'added'), 0) AS added_m2, COALESCE(sum(a) FILTER (WHERE k = 'removed'), 0) AS removed_m2,
       COALESCE(sum(e) FILTER (WHERE k = 'old'), 0) AS old_ell_m2, COALESCE(sum(e) FILTER (WHERE k = 'new'), 0) AS new_ell_m2,
       COALESCE(sum(e) FILTER (WHERE k = 'added'), 0) AS added_ell_m2, COALESCE(sum(e) FILTER (WHERE k = 'removed'), 0) AS removed_ell_m2
  FROM f GROUP BY county
UNION ALL
SELECT 'overall', '', COALESCE(sum(a) FILTER (WHERE k = 'old'), 0), COALESCE(sum(a) FILTER (WHERE k = 'new'), 0), COALESCE(sum(a) FILTER (WHERE k = 'added'), 0),
       COALESCE(sum(a) FILTER (WHERE k = 'removed'), 0), COALESCE(sum(e) FILTER (WHERE k = 'old'), 0), COALESCE(sum(e) FILTER (WHERE k = 'new'), 0),
       COALESCE(sum(e) FILTER (WHERE k = 'added'), 0), COALESCE(sum(e) FILTER (WHERE k = 'removed'), 0) FROM f
ORDER BY 1, 2
SQL
printf -- '-- functions (created once)\n%s\n\n-- tabulate (timed)\n%s\n%s\nCOPY (%s) TO STDOUT;\n\n-- redline diff (timed)\n%s\nCOPY (%s) TO STDOUT;\n' \
    "$function_sql" "$parallel_sql" "$tabulate_sql" "$tabulate_out_sql" "$diff_sql" "$diff_out_sql" >"$out/postgis_overlay.sql"

now() { date +%s.%N; }
# CPU seconds (user+system) of the server so far: the postmaster and every process it has reaped
# (backends and parallel workers end with their session or query). Sampled before and after a phase.
clk=$(getconf CLK_TCK)
srvcpu() {
    local pm
    pm=$(head -n 1 "$tmp/data/postmaster.pid")
    awk -v hz="$clk" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13 + $14 + $15) / hz }' "/proc/$pm/stat"
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

load() {  # $1 gpkg, $2 table
    ogr2ogr -f PostgreSQL "$pgconn" "$data/$1" -nln "$2" -nlt POLYGON -dim XY \
        -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE -lco UNLOGGED=ON \
        -gt unlimited --config PG_USE_COPY YES
}
# run OP TABLES...: load the tables (file = table name with red_ -> redline_), index, query
run() {
    local op=$1 rep=$2; shift 2
    local t0 t1 t2 t3 pids=() p t
    sql -c "DROP TABLE IF EXISTS red_old, red_new, admin, tab_ab, tab_a_out, tab_b_out, diff_removed, diff_added CASCADE" \
        -c "CHECKPOINT" >/dev/null
    c0=$(srvcpu)
    t0=$(now)
    for t in "$@"; do load "${t/red_/redline_}.gpkg" "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || { echo "postgis_overlay: loading failed" >&2; exit 1; }; done
    t1=$(now)
    pids=()
    for t in "$@"; do sql -c "CREATE INDEX ${t}_geom_gist ON $t USING gist (geom)" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || { echo "postgis_overlay: index creation failed" >&2; exit 1; }; done
    for t in "$@"; do sql -c "ANALYZE $t" & wait $!; done
    sql -c "$function_sql" >/dev/null
    t2=$(now)
    c2=$(srvcpu)
    if [ "$op" = tabulate ]; then
        printf '%s\n%s\nCOPY (%s) TO STDOUT WITH (FORMAT csv, HEADER);\n' "$parallel_sql" "$tabulate_sql" "$tabulate_out_sql" |
            sql >"$out/postgis_tabulate.csv.tmp" & wait $!
        mv "$out/postgis_tabulate.csv.tmp" "$out/postgis_tabulate.csv"
    else
        printf '%s\n%s\nCOPY (%s) TO STDOUT WITH (FORMAT csv, HEADER);\n' "$parallel_sql" "$diff_sql" "$diff_out_sql" |
            sql >"$out/postgis_diff.csv.tmp" & wait $!
        mv "$out/postgis_diff.csv.tmp" "$out/postgis_diff.csv"
    fi
    t3=$(now)
    sleep 0.2  # let the postmaster reap the session's backend
    c3=$(srvcpu)
    local line
    line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$rep" "$op" "$(elapsed "$t0" "$t1")" "$(elapsed "$t1" "$t2")" \
        "$(elapsed "$t2" "$t3")" "$(elapsed "$t0" "$t3")" "$(elapsed "$c2" "$c3")" "$(elapsed "$c0" "$c3")")
    printf '%s\n' "$line" >>"$out/postgis_overlay_times.tsv"
    IFS=$'\t' read -r _ _ l i q e qc ec <<<"$line"
    echo "postgis_overlay: $op rep $rep/$repeat: load $l s, index+analyze $i s, query $q s (server CPU $qc s), end-to-end $e s (server CPU $ec s)" >&2
}

printf 'rep\top\tload_s\tindex_s\tquery_s\tend_to_end_s\tquery_cpu_s\tend_to_end_server_cpu_s\n' >"$out/postgis_overlay_times.tsv"
sql -c "CREATE TABLE red_old (fid int, county text, function_type text, geom geometry)" \
    -c "CREATE TABLE red_new (LIKE red_old)" -c "CREATE TABLE admin (fid int, name text, geom geometry)" \
    -c "$function_sql" >/dev/null  # the functions' tables must exist when they are created
for rep in $(seq 1 "$repeat"); do
    [ "$only" = diff ] || run tabulate "$rep" red_old admin
    [ "$only" = tabulate ] || run diff "$rep" red_old red_new
done
