#!/usr/bin/python3
"""Writes layers/demo/coastline_2025.gpkg: an ILLUSTRATIVE second version of the demo coastline for
`ecoshield coast --old` (the bundled taizhou_demo.gpkg is left untouched). From the first version
(taizhou_demo.gpkg:coastline), every segment is copied as it is, except:
  - 331022-AX-0030 (三门县, natural bedrock): reclaimed, now type1 人工 (artificial), same code and geometry;
  - 331022-AX-0058 (三门县, natural bedrock): split at its middle vertex into two new segments with new
    codes; 331022-AX-0058A (the first half) is reclaimed (人工), 331022-AX-0058B stays natural. The
    match between versions must therefore go by position, not by code;
  - 331081-AX-0016 (温岭市, artificial): restored (restored = 1), which counts as natural.
Prints the planted lengths, measured here with OGR in EPSG:4549 (planar, metres), independently of
ecoshield: tests/cli/coast_cli_test.cpp checks `ecoshield coast --old` against them.
Needs python3-gdal (Debian). Run: /usr/bin/python3 layers/demo/make_coastline_2025.py
"""
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.dont_write_bytecode = True
from demo_geom import S4549  # noqa: E402
src_path = os.path.join(here, "taizhou_demo.gpkg")
out_path = os.path.join(here, "coastline_2025.gpkg")
gdal.SetConfigOption("OGR_CURRENT_DATE", "2025-01-01T00:00:00.000Z")

RECLAIM = "331022-AX-0030"
SPLIT = "331022-AX-0058"
RESTORE = "331081-AX-0016"

src = ogr.Open(src_path)
sl = src.GetLayerByName("coastline")
if os.path.exists(out_path):
    os.remove(out_path)
drv = ogr.GetDriverByName("GPKG")
ds = drv.CreateDataSource(out_path)
srs = sl.GetSpatialRef()
ol = ds.CreateLayer("coastline", srs, ogr.wkbLineString, [
    "IDENTIFIER=海岸线 coastline 2025 (demo second version)",
    "DESCRIPTION=ILLUSTRATIVE DEMO DATA, NOT OFFICIAL: taizhou_demo.gpkg:coastline with 331022-AX-0030 reclaimed (artificial), "
    "331022-AX-0058 split into 0058A (reclaimed) and 0058B (natural), 331081-AX-0016 restored (layers/demo/make_coastline_2025.py)."])
defn = sl.GetLayerDefn()
for i in range(defn.GetFieldCount()):
    ol.CreateField(defn.GetFieldDefn(i))

gk = S4549  # EPSG:4549 (traditional GIS axis order), from the demo builder
s2 = srs.Clone()
s2.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
ct = osr.CoordinateTransformation(s2, gk)


def gk_length(g):
    h = g.Clone()
    h.AssignSpatialReference(s2)
    h.Transform(ct)
    return h.Length()


def copy(f, geom=None, **changes):
    o = ogr.Feature(ol.GetLayerDefn())
    for i in range(defn.GetFieldCount()):
        name = defn.GetFieldDefn(i).GetName()
        if f.IsFieldSetAndNotNull(i):
            o.SetField(name, f.GetField(i))
    for k, v in changes.items():
        o.SetField(k, v)
    o.SetGeometry(geom if geom is not None else f.GetGeometryRef())
    ol.CreateFeature(o)


planted = {}
ds.StartTransaction()
for f in sl:
    code = f.GetField("code")
    g = f.GetGeometryRef()
    if code == RECLAIM:
        assert f.GetField("type1") == "自然"
        copy(f, type1="人工", type2=None)
        planted["reclaimed " + RECLAIM] = gk_length(g)
    elif code == SPLIT:
        assert f.GetField("type1") == "自然"
        pts = g.GetPoints()
        m = len(pts) // 2
        a, b = ogr.Geometry(ogr.wkbLineString), ogr.Geometry(ogr.wkbLineString)
        for p in pts[: m + 1]:
            a.AddPoint_2D(p[0], p[1])
        for p in pts[m:]:
            b.AddPoint_2D(p[0], p[1])
        copy(f, a, code=SPLIT + "A", type1="人工", type2=None)
        copy(f, b, code=SPLIT + "B")
        planted["reclaimed " + SPLIT + "A"] = gk_length(a)
        planted["kept natural " + SPLIT + "B"] = gk_length(b)
    elif code == RESTORE:
        assert f.GetField("type1") == "人工" and not f.GetField("restored")
        copy(f, restored=1)
        planted["restored " + RESTORE] = gk_length(g)
    else:
        copy(f)
ds.CommitTransaction()
ds = None
for k, v in planted.items():
    print("%s: %.3f m (EPSG:4549 planar)" % (k, v))
print("natural -> artificial: %.3f m" % (planted["reclaimed " + RECLAIM] + planted["reclaimed " + SPLIT + "A"]))
print("artificial -> natural (restored): %.3f m" % planted["restored " + RESTORE])
print("wrote " + out_path)
