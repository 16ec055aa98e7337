# -*- coding: utf-8 -*-
"""Independent check of the demo data: re-reads the written GeoPackages and recomputes, with
plain OGR/GEOS calls in EPSG:4549, every rule verdict and every figure that
demo_design.SITES promises. It shares no code with the ecoshield engine; it is the second,
independent derivation of the test oracle (the first is the construction by hand)."""
import json
import os

from osgeo import ogr

import demo_design as D
from demo_geom import ellipsoidal_area, to_m

RULES = [  # mirror of layers/rules/screening.json; compared with it when that file exists
    dict(id='redline_inside', layer='redline', relation='intersects',
         unless_activity_in='redline_allowed', verdict='prohibited'),
    dict(id='redline_allowed_activity', layer='redline', relation='intersects',
         activity_in='redline_allowed', verdict='restricted'),
    dict(id='redline_edge', layer='redline', relation='tiny_overlap', verdict='caution'),
    dict(id='dws_first', layer='water_source', relation='intersects',
         where={'level': ['first']}, verdict='prohibited'),
    dict(id='dws_second', layer='water_source', relation='intersects',
         where={'level': ['second']}, verdict='restricted'),
    dict(id='dws_quasi', layer='water_source', relation='intersects',
         where={'level': ['quasi']}, verdict='caution'),
    dict(id='redline_near', layer='redline', relation='within', distance_m=500.0,
         verdict='caution'),
    dict(id='soil_class1', layer='soil_parcel', relation='intersects',
         where={'planned_use': ['class1'], 'status': ['controlled', 'remediating']},
         verdict='restricted'),
    dict(id='cu_priority', layer='control_unit', relation='intersects',
         where={'class': ['priority']}, verdict='caution'),
    dict(id='marine_class1', layer='marine_zone', relation='intersects',
         where={'class': ['1']}, verdict='restricted'),
    dict(id='wfz_protection', layer='water_zone', relation='intersects',
         where={'level1': ['protection']}, verdict='caution'),
]
SEVERITY = ['clear', 'caution', 'restricted', 'prohibited']
LAYER_KINDS = ['admin', 'redline', 'control_unit', 'water_zone', 'water_source', 'marine_zone',
               'coastline', 'bay', 'soil_parcel', 'farmland_soil', 'outlet']


def read_back(path, name):
    """[(fields with enum values mapped to canonical codes, geometry in EPSG:4549)]."""
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(name)
    srs = lyr.GetSpatialRef()
    assert srs.GetAuthorityName(None) == 'EPSG' and srs.GetAuthorityCode(None) == '4490', name
    rows = []
    enums = D.ENUMS.get(name, {})
    alias = {v: k for k, v in D.CANONICAL_FIELD.get(name, {}).items()}
    for f in lyr:
        items = {}
        for k, v in f.items().items():
            if k in enums and v is not None:
                v = {z: c for c, z in enums[k]}[v]
            items[alias.get(k, k)] = v
        g = f.GetGeometryRef().Clone()
        if not g.IsValid():
            raise AssertionError('%s fid %d: invalid geometry' % (name, f.GetFID()))
        items['_fid'] = f.GetFID()
        rows.append((items, g))
    return rows


def check_outputs(OUT_DEMO, OUT_SITES):
    """Re-read the written GeoPackages; return the layers (EPSG:4549) and the sites."""
    layers = {}
    for kind in LAYER_KINDS:
        rows = read_back(OUT_DEMO, kind)
        layers[kind] = [(a, to_m(g)) for a, g in rows]
        for a, g in layers[kind]:
            assert g.IsValid(), (kind, a['_fid'])
    # MJ: the ellipsoidal area rounded to 0.01 ha, one patch 10 % off on purpose
    for a, g in read_back(OUT_DEMO, 'redline'):
        e1, e2 = ellipsoidal_area(g), ellipsoidal_area(g, 'aea')
        assert abs(e1 - e2) <= 1e-5 * e1, (a['code'], e1, e2)
        ratio = a['area_ha'] / (e1 / 10000.0)
        want = 1.10 if a['code'] == D.MJ_OFF else 1.0
        assert abs(ratio - want) < 0.001, (a['code'], ratio)
    sites = {}
    for a, g in read_back(OUT_SITES, 'sites'):
        sites[a['site_id']] = (a, to_m(g))
    for fam in ('point', 'line', 'polygon'):
        for a, g in read_back(OUT_SITES, 'sites_' + fam):
            assert a['site_id'] in sites
    return layers, sites


def wanted(attrs, where):
    return all(attrs.get(k) in vals for k, vals in (where or {}).items())


def is_tiny(sg, g):
    """An overlap below the tolerance (1 m2 or 0.01 % of the site; 0.01 m of a line): probable
    edge misalignment. Tiny overlaps fire only 'tiny_overlap' rules, never 'intersects' ones."""
    if sg.GetDimension() == 2 and g.GetDimension() == 2:
        ov = sg.Intersection(g).GetArea()
        return ov < 1.0 or ov / sg.GetArea() < 1e-4
    if sg.GetDimension() == 1 and g.GetDimension() == 2:
        return sg.Intersection(g).Length() < 0.01
    return False


def evaluate(site_attrs, sg, layers):
    """The rules that fire for one site (independent of the ecoshield engine)."""
    fired = []
    act = site_attrs.get('activity')
    for r in RULES:
        lists = {'redline_allowed': D.REDLINE_ALLOWED}
        if 'activity_in' in r and act not in lists[r['activity_in']]:
            continue
        if 'unless_activity_in' in r and act in lists[r['unless_activity_in']]:
            continue
        feats = [g for a, g in layers[r['layer']] if wanted(a, r.get('where'))]
        hits = [g for g in feats if sg.Intersects(g)]
        real = [g for g in hits if not is_tiny(sg, g)]
        if r['relation'] == 'intersects' and real:
            fired.append(r['id'])
        elif r['relation'] == 'tiny_overlap' and len(real) < len(hits):
            fired.append(r['id'])
        elif r['relation'] == 'within' and not hits and feats and \
                min(sg.Distance(g) for g in feats) <= r['distance_m']:
            fired.append(r['id'])
    return fired


def n_points(g):
    if g is None or g.IsEmpty():
        return 0
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPoint:
        return 1
    if t in (ogr.wkbMultiPoint, ogr.wkbGeometryCollection):
        return sum(n_points(g.GetGeometryRef(i)) for i in range(g.GetGeometryCount()))
    raise AssertionError('line runs along a boundary: crossings are ambiguous')


def measure(sg, layer):
    """Redline figures of one site (EPSG:4549 planar)."""
    m = dict(hits=0, overlap=0.0, inside=0.0, crossings=0, tiny=0, per={})
    fam = ogr.GT_Flatten(sg.GetGeometryType())
    area = sg.GetArea() if fam == ogr.wkbPolygon else 0.0
    best = None
    for a, g in layer:
        d = sg.Distance(g)
        if best is None or d < best[0]:
            best = (d, a['code'])
        per = dict(distance_m=d)
        if sg.Intersects(g):
            m['hits'] += 1
            if fam == ogr.wkbPolygon:
                ov = sg.Intersection(g).GetArea()
                per.update(overlap_m2=ov, patch_share=ov / g.GetArea())
                m['overlap'] += ov
                if 0.0 < ov and (ov < 1.0 or ov / area < 1e-4):
                    m['tiny'] += 1
            elif fam == ogr.wkbLineString:
                m['inside'] += sg.Intersection(g).Length()
                m['crossings'] += n_points(sg.Intersection(g.Boundary()))
        m['per'][a['code']] = per
    m['dmin'], m['nearest'] = best
    m['share'] = m['overlap'] / area if area else None
    m['area'], m['length'] = area, sg.Length() if fam == ogr.wkbLineString else 0.0
    return m


def close(a, b, tol):
    return abs(a - b) <= tol


def check_sites(layers, sites):
    tol = dict(overlap=1e-3, share=1e-7, dmin=1e-4, inside=1e-4, area=1e-3, length=1e-4)
    problems = []
    for sid, name, ptype, act, spec, exp in D.SITES:
        attrs, sg = sites[sid]
        fired = evaluate(attrs, sg, layers)
        verdict = max([r['verdict'] for r in RULES if r['id'] in fired] or ['clear'],
                      key=SEVERITY.index)
        if set(fired) != set(exp['rules']) or verdict != exp['verdict']:
            problems.append('%s: expected %s %s, computed %s %s' % (
                sid, exp['verdict'], sorted(exp['rules']), verdict, sorted(fired)))
        m = measure(sg, layers['redline'])
        for k, t in tol.items():
            if k in exp and not close(m[k], exp[k], t):
                problems.append('%s: %s expected %r computed %r' % (sid, k, exp[k], m[k]))
        for k in ('hits', 'crossings', 'tiny'):
            if k in exp and m[k] != exp[k]:
                problems.append('%s: %s expected %r computed %r' % (sid, k, exp[k], m[k]))
        if 'nearest' in exp and m['nearest'] != exp['nearest']:
            problems.append('%s: nearest expected %s computed %s' % (sid, exp['nearest'], m['nearest']))
        for item in filter(None, exp.get('other', '').split(';')):
            lhs, val = item.split('=')
            kind, code, metric = lhs.split(':')
            want = float(val.split()[0])
            feats = [(a, g) for a, g in layers[kind] if a['code'] == code]
            assert len(feats) == 1, item
            g = feats[0][1]
            got = {'overlap_m2': lambda: sg.Intersection(g).GetArea(),
                   'patch_share': lambda: sg.Intersection(g).GetArea() / g.GetArea(),
                   'distance_m': lambda: sg.Distance(g)}[metric]()
            if not close(got, want, 1e-3 if metric != 'patch_share' else 1e-6):
                problems.append('%s: %s expected %r computed %r' % (sid, lhs, want, got))
    return problems


def compare_rules_file(RULES_FILE):
    """The rules mirror above against layers/rules/screening.json (when present)."""
    if not os.path.exists(RULES_FILE):
        print('note: %s not found, rules mirror not compared' % RULES_FILE)
        return
    with open(RULES_FILE, encoding='utf-8') as fh:
        doc = json.load(fh)
    assert doc['activities']['redline_allowed']['values'] == D.REDLINE_ALLOWED
    keys = ('id', 'layer', 'relation', 'where', 'activity_in', 'unless_activity_in', 'distance_m',
            'verdict')
    mine = [{k: r[k] for k in keys if k in r} for r in RULES]
    theirs = [{k: r[k] for k in keys if k in r} for r in doc['rules']]
    for r in theirs:
        if 'distance_m' in r:
            r['distance_m'] = float(r['distance_m'])
    assert mine == theirs, 'rules mirror differs from screening.json'
