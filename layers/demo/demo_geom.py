# -*- coding: utf-8 -*-
"""Geometry helpers of the demo builder: CRSs, shapes, clean-up, EPSG:4490 <-> EPSG:4549,
ellipsoidal area. Standard library + osgeo only."""
import math
import random

from osgeo import ogr, osr

import demo_design as D

def srs_of(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


S4490 = srs_of(4490)
S4549 = srs_of(4549)
TO_M = osr.CoordinateTransformation(S4490, S4549)
TO_LL = osr.CoordinateTransformation(S4549, S4490)


def xy(lon, lat):
    x, y, _ = TO_M.TransformPoint(lon, lat)
    return x, y


def point(x, y):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(x, y)
    return p


def line(pts):
    g = ogr.Geometry(ogr.wkbLineString)
    for x, y in pts:
        g.AddPoint_2D(x, y)
    return g


def polygon(pts):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts:
        ring.AddPoint_2D(x, y)
    ring.CloseRings()
    p = ogr.Geometry(ogr.wkbPolygon)
    p.AddGeometry(ring)
    return p


def rect(x0, y0, x1, y1):
    return polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])   # counter-clockwise


def poly_ll(lonlats):
    return dense(polygon([xy(lo, la) for lo, la in lonlats]))


DENSIFY_M = 250.0   # longest edge of designed outlines (not of the exact rectangles)
OPEN_EPS_M = 0.02   # clearance given to an overlay result that is not valid everywhere


def dense(g, step=DENSIFY_M):
    """g with no edge longer than step metres. A straight edge in one projection is a curve in
    another; over 100 km the two differ by metres, over 250 m by micrometres."""
    h = g.Clone()
    h.Segmentize(step)
    return h


def opened(g, eps=OPEN_EPS_M):
    """Shrink-only morphological opening: g shrunk by eps metres, then grown by 0.9 eps. It
    removes the necks, spikes and slivers thinner than about 2 eps that an overlay can leave
    (vertices a micrometre from another edge), so the polygon keeps its validity under any
    reasonable reprojection. Growing back by 0.9 eps (not eps) keeps the result inside g even
    where the rounded joins are cut by chords (4 segments per circle: chord error 0.076 eps),
    so a layer that was disjoint stays exactly disjoint; the price is a gap of 0.1 eps
    (2 mm) along the boundary of the few features that need it."""
    if g is None:
        return None
    return polys(g.Buffer(-eps, 2).Buffer(0.9 * eps, 2), 1.0)


def outline(key, cx, cy, a, b=None, angle=0.0, rough=0.25, n=36):
    """Irregular closed outline around (cx, cy): an ellipse a x b (metres) whose radius is
    scaled by 1 + rough * (smooth noise in [-1, 1]); star-shaped, hence always simple."""
    rng = random.Random('%d:%s' % (D.SEED, key))
    b = a if b is None else b
    harm = [(rng.uniform(0.0, 2.0 * math.pi), rng.uniform(0.3, 1.0), k) for k in (2, 3, 5)]
    tot = sum(h[1] for h in harm)
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    pts = []
    for i in range(n):
        t = 2.0 * math.pi * i / n
        f = 1.0 + rough * sum(amp * math.sin(k * t + ph) for ph, amp, k in harm) / tot
        u, v = a * f * math.cos(t), b * f * math.sin(t)
        pts.append((cx + u * ca - v * sa, cy + u * sa + v * ca))
    return dense(polygon(pts))


def polys(g, min_area=0.0):
    """The polygonal parts of g (made valid) as a MultiPolygon, parts below min_area dropped;
    None when nothing is left."""
    if g is None or g.IsEmpty():
        return None
    if not g.IsValid():
        g = g.MakeValid()
    out = ogr.Geometry(ogr.wkbMultiPolygon)

    def walk(h):
        t = ogr.GT_Flatten(h.GetGeometryType())
        if t == ogr.wkbPolygon:
            if not h.IsEmpty() and h.GetArea() >= min_area:
                out.AddGeometry(h)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for i in range(h.GetGeometryCount()):
                walk(h.GetGeometryRef(i))
    walk(g)
    if out.GetGeometryCount() == 0:
        return None
    if not out.IsValid():
        raise RuntimeError('polys: result not valid')
    return out


def union_all(geoms):
    geoms = [g for g in geoms if g is not None and not g.IsEmpty()]
    if not geoms:
        return None
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        t = ogr.GT_Flatten(g.GetGeometryType())
        if t == ogr.wkbPolygon:
            mp.AddGeometry(g)
        elif t == ogr.wkbMultiPolygon:
            for i in range(g.GetGeometryCount()):
                mp.AddGeometry(g.GetGeometryRef(i))
        else:   # lines: pairwise
            out = geoms[0]
            for h in geoms[1:]:
                out = out.Union(h)
            return out
    return mp.UnionCascaded()


def minus(g, h):
    if g is None:
        return None
    if h is None or h.IsEmpty():
        return g
    return g.Difference(h)


def to_ll(g):
    h = g.Clone()
    h.AssignSpatialReference(S4549)
    h.Transform(TO_LL)
    h.AssignSpatialReference(None)
    return h


def to_m(g):
    h = g.Clone()
    h.AssignSpatialReference(S4490)
    h.Transform(TO_M)
    h.AssignSpatialReference(None)
    return h


def ellipsoidal_area(g_ll, proj='laea'):
    """Area on the CGCS2000 ellipsoid (GRS80): the planar area in an equal-area projection of
    the ellipsoid centred on the geometry (Lambert azimuthal; Albers as a cross-check)."""
    x0, x1, y0, y1 = g_ll.GetEnvelope()
    lon0, lat0 = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    s = osr.SpatialReference()
    s.CopyGeogCSFrom(S4490)
    if proj == 'laea':
        s.SetLAEA(lat0, lon0, 0.0, 0.0)
    else:
        s.SetACEA(y0, y1, lat0, lon0, 0.0, 0.0)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    h = g_ll.Clone()
    h.AssignSpatialReference(S4490)
    h.Transform(osr.CoordinateTransformation(S4490, s))
    return h.GetArea()


def circle(lon, lat, r):
    x, y = xy(lon, lat)
    return dense(point(x, y).Buffer(r, 16))


# Projections a user or the engine may pick for Taizhou data: every stored geometry must be
# valid in all of them (3-degree GK CM 120E and 123E, CM 120E with the zone prefix, UTM 51N,
# web Mercator) as well as in EPSG:4490 itself.
PANEL = [4549, 4550, 4526, 32651, 3857]
_PANEL_CT = {}


def valid_everywhere(g_ll):
    if not g_ll.IsValid():
        return False
    for epsg in PANEL:
        if epsg not in _PANEL_CT:
            s = osr.SpatialReference()
            s.ImportFromEPSG(epsg)
            s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            _PANEL_CT[epsg] = osr.CoordinateTransformation(S4490, s)
        h = g_ll.Clone()
        h.Transform(_PANEL_CT[epsg])
        if not h.IsValid():
            return False
    return True
