#!/usr/bin/python3
"""Writes layers/demo/redline_draft.gpkg: an ILLUSTRATIVE draft of the demo redline layer with
faults planted for `ecoshield redline audit` (the bundled taizhou_demo.gpkg is left untouched).

A copy of taizhou_demo.gpkg:redline (33 patches, EPSG:4490) with these changes, all designed in
EPSG:4549 (CGCS2000 GK CM 120E) and transformed vertex by vertex to EPSG:4490 for storage:
  overlap       new 331003-RL-901, x 586900-587300, y 3158000-3158800: overlaps R1 (331003-RL-002,
                x 586000-587000) by the rectangle x 586900-587000 = 100 m x 800 m = 80 000 m2
  gap           new 331003-RL-902, x 589400.5-589800, y 3158000-3158600: a 0.5 m wide gap along the
                east edge of R2 (331003-RL-003, x 589000-589400): 0.5 m x 600 m = 300 m2
  sliver        new 331003-RL-903, x 586000-586600, y 3161300-3161300.4 on the north edge of R3:
                0.4 m x 600 m = 240 m2
  self-intersection  new 331003-RL-904, the bow-tie (588000 3160500, 588600 3160500,
                588000 3161300, 588600 3161300): its edges cross at (588300, 3160900); repaired it is
                two triangles of 120 000 m2 each
  duplicate code new patch x 590000-590200, y 3160000-3160200 coded 331003-RL-003 like R2
  wrong MJ      R3 (331003-RL-004, x 586000-586600, y 3160500-3161300, 480 000 m2 planar) gets
                MJ 57.60 ha: +20 % of its planar area
  outside       new 331024-RL-905 (仙居县, land), a 1000 m x 1000 m square centred on the westernmost
                point of Taizhou's boundary on y = 3180000: part of it lies outside the admin layer;
                the outside area (computed here with OGR/GEOS) is printed and stored in the layer
                description
The MJ of every new patch is its planar area x 0.9997 (about its ellipsoidal area here), except
the planted wrong one. Plus the faults the demo already has: 331024-RL-003's MJ is 10 % too large.

Needs Python 3 with Debian's python3-gdal. Reproducible: OGR_CURRENT_DATE fixed, same bytes each run.
Usage: /usr/bin/python3 layers/demo/make_redline_draft.py
"""
import os
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
# the demo's CRSs and transformations (EPSG:4549 GK CM 120E <-> EPSG:4490), from the demo builder
from demo_geom import S4490 as GEO, S4549 as GK, TO_LL as TO_GEO, TO_M as TO_GK  # noqa: E402

SRC = os.path.join(HERE, "taizhou_demo.gpkg")
OUT = os.path.join(HERE, "redline_draft.gpkg")


def rect(x0, y0, x1, y1):
    return "MULTIPOLYGON(((%r %r,%r %r,%r %r,%r %r,%r %r)))" % (x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)


def stored(wkt):
    g = ogr.CreateGeometryFromWkt(wkt)
    g.AssignSpatialReference(GK)
    g.Transform(TO_GEO)
    g.AssignSpatialReference(GEO)
    return g


def admin_union(ds):
    u = None
    for f in ds.GetLayerByName("admin"):
        g = f.GetGeometryRef().Clone()
        g.Transform(TO_GK)
        u = g if u is None else u.Union(g)
    return u


def main():
    os.environ["OGR_CURRENT_DATE"] = "2025-01-01T00:00:00.000Z"
    src = ogr.Open(SRC)
    A = admin_union(src)

    # the outside patch: centred on the westernmost point of Taizhou on y = 3180000
    line = ogr.CreateGeometryFromWkt("LINESTRING(500000 3180000,700000 3180000)")
    cut = A.Intersection(line)
    xw = min(cut.GetEnvelope()[0], 1e12)
    outside_sq = rect(xw - 500, 3179500, xw + 500, 3180500)
    outside_area = ogr.CreateGeometryFromWkt(outside_sq).Difference(A).GetArea()

    new = [
        # code, name, type, domain, county code, county, MJ (ha), planar WKT (EPSG:4549), planar area m2
        ("331003-RL-901", "黄岩富山 东扩 (草稿)", "水土保持", "陆域", "331003", "黄岩区", None,
         rect(586900, 3158000, 587300, 3158800), 320000.0),
        ("331003-RL-902", "上垟 东片 (草稿)", "水源涵养", "陆域", "331003", "黄岩区", None,
         rect(589400.5, 3158000, 589800, 3158600), 399.5 * 600),
        ("331003-RL-903", "屿头 北缘 (草稿)", "生物多样性维护", "陆域", "331003", "黄岩区", None,
         rect(586000, 3161300, 586600, 3161300.4), 240.0),
        ("331003-RL-904", "屿头 东片 (草稿)", "生物多样性维护", "陆域", "331003", "黄岩区", None,
         "MULTIPOLYGON(((588000 3160500,588600 3160500,588000 3161300,588600 3161300,588000 3160500)))", 240000.0),
        ("331003-RL-003", "上垟 北片 (草稿, 编号重复)", "水源涵养", "陆域", "331003", "黄岩区", None,
         rect(590000, 3160000, 590200, 3160200), 40000.0),
        ("331024-RL-905", "仙居 西界 (草稿)", "水源涵养", "陆域", "331024", "仙居县", None, outside_sq, 1.0e6),
    ]
    # every new patch except the outside one lies inside Taizhou
    for code, *_, wkt, _a in new[:-1]:
        g = ogr.CreateGeometryFromWkt(wkt).MakeValid() if "588000" in wkt else ogr.CreateGeometryFromWkt(wkt)
        assert g.Difference(A).GetArea() == 0.0, code

    if os.path.exists(OUT):
        os.remove(OUT)
    tmp = OUT + ".tmp.gpkg"
    if os.path.exists(tmp):
        os.remove(tmp)
    drv = ogr.GetDriverByName("GPKG")
    out = drv.CreateDataSource(tmp)
    desc = ("ILLUSTRATIVE DEMO DATA, NOT OFFICIAL: a draft of taizhou_demo.gpkg:redline with faults planted for "
            "`ecoshield redline audit` (layers/demo/make_redline_draft.py): overlap 331003-RL-901 x 331003-RL-002 "
            "80000 m2; 0.5 m gap 331003-RL-902 / 331003-RL-003 300 m2; sliver 331003-RL-903 240 m2; self-intersection "
            "331003-RL-904 at (588300 3160900) EPSG:4549; duplicate code 331003-RL-003; MJ of 331003-RL-004 +20 %%; "
            "331024-RL-905 %.3f m2 outside Taizhou (OGR/GEOS, EPSG:4549)." % outside_area)
    inl = src.GetLayerByName("redline")
    lyr = out.CreateLayer("redline", GEO, ogr.wkbMultiPolygon,
                          ["IDENTIFIER=生态保护红线 redline draft (demo, planted faults)", "DESCRIPTION=" + desc])
    defn = inl.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        lyr.CreateField(defn.GetFieldDefn(i))
    lyr.StartTransaction()
    for f in inl:
        o = ogr.Feature(lyr.GetLayerDefn())
        for i in range(defn.GetFieldCount()):
            o.SetField(i, f.GetField(i))
        if f["HXBH"] == "331003-RL-004":
            o["MJ"] = 57.60
        o.SetGeometry(f.GetGeometryRef())
        lyr.CreateFeature(o)
    for code, name, typ, dom, cc, county, mj, wkt, planar in new:
        o = ogr.Feature(lyr.GetLayerDefn())
        o["HXBH"], o["HXMC"], o["HXLX"], o["LHY"] = code, name, typ, dom
        o["GKJB"], o["XZQDM"], o["XZQMC"] = "一般控制区", cc, county
        o["MJ"] = round(planar * 0.9997 / 10000.0, 4)
        o["PZWH"] = "(草稿 draft)"
        o.SetGeometry(stored(wkt))
        lyr.CreateFeature(o)
    lyr.CommitTransaction()
    out = None
    os.rename(tmp, OUT)
    print("wrote %s; 331024-RL-905 outside Taizhou: %.3f m2 (EPSG:4549 planar)" % (OUT, outside_area))
    return 0


if __name__ == "__main__":
    sys.exit(main())
