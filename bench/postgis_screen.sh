#!/usr/bin/env bash
# The PostGIS side of the screening benchmark: per site, what ecoshield's `screen` reports for the
# redline layer, computed the way a PostGIS user would, as fast as we know how.
#
# usage: bench/postgis_screen.sh --data DIR --out DIR [--repeat N] [--buffers 100,500,1000]
#                                [--check] [--explain]
#   DIR/redlines.gpkg (layer redline) and DIR/sites.gpkg (layer sites), as bench/gen_screen writes.
#   Writes OUT/postgis_screen.csv (the result of the last repetition: site_id, redline_hits,
#   redline_overlap_m2, redline_line_length_m, redline_dmin_m, n_<b> for each buffer b),
#   OUT/postgis_times.tsv (one line per repetition: rep, load_s, index_s, query_s, end_to_end_s)
#   and OUT/postgis_screen.sql (the SQL run).
#   --check    after the last repetition, also compute every number the plain way (ST_Intersects
#              on all redlines, ST_DWithin per buffer, KNN for every site) and fail on any
#              difference; slow, meant for small data (BENCH_SCALE=0.02).
#   --explain  print EXPLAIN ANALYZE VERBOSE of the query (one more run, not timed).
#
# A throwaway cluster (initdb in a temp directory, run as the postgres user, listening on
# 127.0.0.1 only, on a free non-default port) is created once; each repetition drops the tables
# and does: load (ogr2ogr, COPY, both files at once) -> index (GiST) + ANALYZE -> query (one
# parallel statement, written with COPY). end_to_end = load + index + query; cluster start-up and
# CREATE EXTENSION are not counted. The cluster and its directory are removed on exit, failure
# included.
set -euo pipefail

data= out= repeat=1 buffers=100,500,1000 check= explain=
while [ $# -gt 0 ]; do
    case "$1" in
        --data) data=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --buffers) buffers=$2; shift 2 ;;
        --check) check=1; shift ;;
        --explain) explain=1; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "postgis_screen: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$data" ] && [ -n "$out" ] || { echo "postgis_screen: --data DIR and --out DIR are required" >&2; exit 2; }
for f in "$data/redlines.gpkg" "$data/sites.gpkg"; do
    [ -r "$f" ] || { echo "postgis_screen: $f not found; run bench/gen_screen first" >&2; exit 2; }
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "postgis_screen: --repeat wants a positive integer" >&2; exit 2; }
IFS=, read -r b1 b2 b3 extra <<<"$buffers"
for b in "$b1" "$b2" "$b3"; do
    [[ "$b" =~ ^[0-9]+$ ]] || { echo "postgis_screen: --buffers wants three whole distances in m, e.g. 100,500,1000" >&2; exit 2; }
done
[ -z "${extra:-}" ] && [ "$b1" -lt "$b2" ] && [ "$b2" -lt "$b3" ] ||
    { echo "postgis_screen: --buffers wants exactly three increasing distances" >&2; exit 2; }

pgbin=/usr/lib/postgresql/15/bin
for t in "$pgbin/initdb" "$pgbin/pg_ctl" psql ogr2ogr python3 runuser; do
    command -v "$t" >/dev/null || { echo "postgis_screen: $t missing; run scripts/install-deps.sh bench" >&2; exit 2; }
done
[ -e /usr/share/postgresql/15/extension/postgis.control ] ||
    { echo "postgis_screen: PostGIS for PostgreSQL 15 missing; run scripts/install-deps.sh bench" >&2; exit 2; }
id postgres >/dev/null 2>&1 || { echo "postgis_screen: no 'postgres' user to run the server as" >&2; exit 2; }

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
    raise SystemExit("postgis_screen: no free port in 55433-55532")
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
sql() { psql -X -q -v ON_ERROR_STOP=1 -v b1="$b1" -v b2="$b2" -v b3="$b3" "$@"; }
psql -X -q -d postgres -c "CREATE DATABASE bench" >/dev/null
sql -c "CREATE EXTENSION postgis" >/dev/null
versions=$(sql -At -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || postgis_geos_version()")
echo "postgis_screen: cluster up on 127.0.0.1:$port ($versions)" >&2

# ---- the SQL ----
# PostgreSQL 15 runs no LATERAL subquery with outer references (nor one with LIMIT) inside
# parallel workers, so the per-site work is a PL/pgSQL function marked PARALLEL SAFE, called from
# a parallel sequential scan of the sites (Gather, 2 workers + the leader).
# Per site, the redlines whose box lies within the largest buffer of the site's box (GiST &&) are
# fetched and each one's distance computed once (OFFSET 0 keeps that subquery from being
# flattened, which would recompute ST_Distance in every aggregate), then:
#  - hits: ST_Intersects, evaluated only when the distance is under 1 m (a redline farther than
#    that cannot intersect; this spares GEOS conversions of 500-vertex polygons);
#  - overlap: sum of ST_Area(ST_Intersection) over the redlines hit (polygon sites; else 0);
#    line length inside: sum of ST_Length(ST_Intersection) (line sites; else 0);
#  - n_<b>: ST_Distance <= b, the same predicate as ST_DWithin(site, redline, b) (both are
#    lwgeom_mindistance2d_tolerance compared with b; --check verifies it);
#  - dmin: the smallest of those distances when one is within the largest buffer; otherwise the
#    nearest redline by KNN (ORDER BY <-> LIMIT 1, exact thanks to the recheck) and ST_Distance.
# Lines of more than 16 vertices are cut with ST_Subdivide first, so that each piece's box
# selects few redlines: a redline's distance is then the minimum over the pieces, its length
# inside the sum (pieces share only end points), and it is hit when any piece hits it.
read -r -d '' function_sql <<'SQL' || true
CREATE OR REPLACE FUNCTION screen_site(g geometry, b1 float8, b2 float8, b3 float8,
    OUT hits bigint, OUT overlap_m2 float8, OUT length_m float8, OUT dmin float8,
    OUT n1 bigint, OUT n2 bigint, OUT n3 bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000 AS $fn$
DECLARE
    dim int := ST_Dimension(g);
BEGIN
    IF dim = 1 AND ST_NPoints(g) > 16 THEN
        overlap_m2 := 0;
        SELECT count(*) FILTER (WHERE x.hit), COALESCE(sum(x.len), 0),
               min(x.d) FILTER (WHERE x.d <= b3),
               count(*) FILTER (WHERE x.d <= b1), count(*) FILTER (WHERE x.d <= b2),
               count(*) FILTER (WHERE x.d <= b3)
          INTO hits, length_m, dmin, n1, n2, n3
          FROM (SELECT q.fid, min(q.d) AS d, bool_or(q.hit) AS hit,
                       sum(ST_Length(ST_Intersection(q.piece, q.geom))) FILTER (WHERE q.hit) AS len
                  FROM (SELECT p.fid, p.geom, p.piece, p.d,
                               CASE WHEN p.d < 1 THEN ST_Intersects(p.piece, p.geom) ELSE false END AS hit
                          FROM (SELECT r.fid, r.geom, sp.piece, ST_Distance(sp.piece, r.geom) AS d
                                  FROM ST_Subdivide(g, 16) AS sp(piece)
                                  JOIN redline r ON r.geom && ST_Expand(sp.piece, b3)
                                OFFSET 0) p
                        OFFSET 0) q
                 GROUP BY q.fid) x;
    ELSE
        SELECT count(*) FILTER (WHERE x.hit),
               COALESCE(sum(ST_Area(ST_Intersection(g, x.geom))) FILTER (WHERE x.hit AND dim = 2), 0),
               COALESCE(sum(ST_Length(ST_Intersection(g, x.geom))) FILTER (WHERE x.hit AND dim = 1), 0),
               min(x.d) FILTER (WHERE x.d <= b3),
               count(*) FILTER (WHERE x.d <= b1), count(*) FILTER (WHERE x.d <= b2),
               count(*) FILTER (WHERE x.d <= b3)
          INTO hits, overlap_m2, length_m, dmin, n1, n2, n3
          FROM (SELECT y.geom, y.d,
                       CASE WHEN y.d < 1 THEN ST_Intersects(g, y.geom) ELSE false END AS hit
                  FROM (SELECT r.geom, ST_Distance(g, r.geom) AS d
                          FROM redline r
                         WHERE r.geom && ST_Expand(g, b3)
                        OFFSET 0) y
                OFFSET 0) x;
    END IF;
    IF dmin IS NULL THEN
        SELECT ST_Distance(g, r.geom) INTO dmin FROM redline r ORDER BY r.geom <-> g LIMIT 1;
    END IF;
END
$fn$;
SQL
# Let the planner parallelise even the small tables of a quick run.
read -r -d '' parallel_sql <<'SQL' || true
SET min_parallel_table_scan_size = 0;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SQL
# The subquery's OFFSET 0 makes the function run once per site, not once per output column.
read -r -d '' query_sql <<'SQL' || true
SELECT site_id,
       (f).hits       AS redline_hits,
       (f).overlap_m2 AS redline_overlap_m2,
       (f).length_m   AS redline_line_length_m,
       (f).dmin       AS redline_dmin_m,
       (f).n1         AS n_:b1,
       (f).n2         AS n_:b2,
       (f).n3         AS n_:b3
  FROM (SELECT s.site_id, screen_site(s.geom, :b1, :b2, :b3) AS f FROM sites s OFFSET 0) q
SQL
# The same numbers written the plain way, for --check.
read -r -d '' reference_sql <<'SQL' || true
SELECT s.site_id,
       (SELECT count(*) FROM redline r WHERE ST_Intersects(s.geom, r.geom)) AS redline_hits,
       (SELECT COALESCE(sum(ST_Area(ST_Intersection(s.geom, r.geom))), 0) FROM redline r
         WHERE ST_Dimension(s.geom) = 2 AND ST_Intersects(s.geom, r.geom)) AS redline_overlap_m2,
       (SELECT COALESCE(sum(ST_Length(ST_Intersection(s.geom, r.geom))), 0) FROM redline r
         WHERE ST_Dimension(s.geom) = 1 AND ST_Intersects(s.geom, r.geom)) AS redline_line_length_m,
       (SELECT ST_Distance(s.geom, r.geom) FROM redline r
         ORDER BY r.geom <-> s.geom LIMIT 1) AS redline_dmin_m,
       (SELECT count(*) FROM redline r WHERE ST_DWithin(s.geom, r.geom, :b1)) AS n_:b1,
       (SELECT count(*) FROM redline r WHERE ST_DWithin(s.geom, r.geom, :b2)) AS n_:b2,
       (SELECT count(*) FROM redline r WHERE ST_DWithin(s.geom, r.geom, :b3)) AS n_:b3
  FROM sites s
SQL
printf -- '-- buffers: b1 = %s, b2 = %s, b3 = %s (psql variables)\n\n-- function (created once)\n%s\n\n-- query (timed)\n%s\n%s;\n\n-- reference (--check)\n%s;\n' \
    "$b1" "$b2" "$b3" "$function_sql" "$parallel_sql" "$query_sql" "$reference_sql" >"$out/postgis_screen.sql"
sql -c "$function_sql" >/dev/null

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

load() {  # $1 gpkg, $2 layer, $3 table, $4 geometry type
    ogr2ogr -f PostgreSQL "$pgconn" "$data/$1" "$2" -nln "$3" -nlt "$4" -dim XY \
        -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=NONE -lco UNLOGGED=ON \
        -gt unlimited --config PG_USE_COPY YES
}

# ---- the repetitions ----
# Long steps run in the background and are waited for, so that a signal stops the script (and
# the cluster) at once rather than after the step.
printf 'rep\tload_s\tindex_s\tquery_s\tend_to_end_s\n' >"$out/postgis_times.tsv"
for rep in $(seq 1 "$repeat"); do
    sql -c "DROP TABLE IF EXISTS redline, sites" -c "CHECKPOINT" >/dev/null
    t0=$(now)
    load redlines.gpkg redline redline POLYGON & p1=$!
    load sites.gpkg sites sites GEOMETRY & p2=$!
    wait "$p1" || { echo "postgis_screen: loading redlines failed" >&2; exit 1; }
    wait "$p2" || { echo "postgis_screen: loading sites failed" >&2; exit 1; }
    t1=$(now)
    sql -c "CREATE INDEX redline_geom_gist ON redline USING gist (geom)" & p1=$!
    sql -c "CREATE INDEX sites_geom_gist ON sites USING gist (geom)" & p2=$!
    wait "$p1" || { echo "postgis_screen: index creation failed" >&2; exit 1; }
    wait "$p2" || { echo "postgis_screen: index creation failed" >&2; exit 1; }
    sql -c "ANALYZE redline" -c "ANALYZE sites" & wait $!
    t2=$(now)
    printf '%s\nCOPY (%s) TO STDOUT WITH (FORMAT csv, HEADER);\n' "$parallel_sql" "$query_sql" |
        sql >"$out/postgis_screen.csv.tmp" & wait $!
    t3=$(now)
    mv "$out/postgis_screen.csv.tmp" "$out/postgis_screen.csv"
    line=$(printf '%s\t%s\t%s\t%s\t%s' "$rep" "$(elapsed "$t0" "$t1")" "$(elapsed "$t1" "$t2")" \
        "$(elapsed "$t2" "$t3")" "$(elapsed "$t0" "$t3")")
    printf '%s\n' "$line" >>"$out/postgis_times.tsv"
    IFS=$'\t' read -r _ l i q e <<<"$line"
    echo "postgis_screen: rep $rep/$repeat: load $l s, index+analyze $i s, query $q s, end-to-end $e s" >&2
done
counts=$(sql -At -c "SELECT (SELECT count(*) FROM redline) || ' redlines, ' || (SELECT count(*) FROM sites) || ' sites'")
echo "postgis_screen: $counts; result in $out/postgis_screen.csv" >&2

if [ -n "$explain" ]; then
    printf '%s\nEXPLAIN (ANALYZE, VERBOSE, COSTS OFF) %s;\n' "$parallel_sql" "$query_sql" | sql >&2 & wait $!
fi

if [ -n "$check" ]; then
    echo "postgis_screen: --check: computing the reference the plain way..." >&2
    t0=$(now)
    # Counts must be equal; areas, lengths and distances equal within 1e-9 relative (the line
    # pieces change the order of the sums), absolute 1e-9 near zero.
    printf '%s\n' \
        "CREATE TEMP TABLE fast AS $query_sql;" \
        "CREATE TEMP TABLE ref AS $reference_sql;" \
        "CREATE TEMP VIEW diff AS
           SELECT f.site_id, r.site_id AS ref_site_id,
                  f.redline_hits, r.redline_hits AS ref_hits,
                  f.redline_overlap_m2, r.redline_overlap_m2 AS ref_overlap,
                  f.redline_line_length_m, r.redline_line_length_m AS ref_length,
                  f.redline_dmin_m, r.redline_dmin_m AS ref_dmin,
                  f.n_:b1, r.n_:b1 AS ref_n1, f.n_:b2, r.n_:b2 AS ref_n2, f.n_:b3, r.n_:b3 AS ref_n3
             FROM fast f FULL JOIN ref r USING (site_id)
            WHERE f.site_id IS NULL OR r.site_id IS NULL
               OR f.redline_hits <> r.redline_hits
               OR abs(f.redline_overlap_m2 - r.redline_overlap_m2) > 1e-9 * greatest(1, abs(r.redline_overlap_m2))
               OR abs(f.redline_line_length_m - r.redline_line_length_m) > 1e-9 * greatest(1, abs(r.redline_line_length_m))
               OR abs(f.redline_dmin_m - r.redline_dmin_m) > 1e-9 * greatest(1, abs(r.redline_dmin_m))
               OR f.n_:b1 <> r.n_:b1 OR f.n_:b2 <> r.n_:b2 OR f.n_:b3 <> r.n_:b3;" \
        "SELECT * FROM diff LIMIT 10;" \
        "SELECT count(*) AS sites_compared FROM fast \\gset" \
        "SELECT count(*) AS sites_differing FROM diff \\gset" \
        "\\echo postgis_screen: --check: :sites_compared sites compared, :sites_differing differ" \
        "DO \$\$ BEGIN IF EXISTS (SELECT FROM diff) THEN RAISE EXCEPTION 'results differ'; END IF; END \$\$;" |
        sql -P pager=off >&2 & wait $! || { echo "postgis_screen: --check failed" >&2; exit 1; }
    echo "postgis_screen: --check passed ($(elapsed "$t0" "$(now)") s)" >&2
fi
