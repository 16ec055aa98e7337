#!/usr/bin/python3
"""Writes layers/demo/landcover_demo.tif: an ILLUSTRATIVE land cover raster of Taizhou for the
connectivity demo (`ecoshield connectivity run` with no arguments). NOT OFFICIAL DATA.

Files: landcover_demo.tif and landcover_demo.tif.aux.xml (GDAL's sidecar: the category names).
Grid: EPSG:4549 (CGCS2000 3-degree Gauss-Kruger, CM 120E), 100 m cells, the bounding box of the
counties grown by 3 km and snapped to whole kilometres. Byte, nodata 255 (sea and land outside
Taizhou), tiled, DEFLATE, with a colour table and category names.

Classes: the Third National Land Survey (三调) first-level summary classes of
layers/resistance/china_landuse_3diao.csv: 0 wetland, 1 cultivated, 2 garden, 3 forest,
4 grassland, 10 transport, 11 water, 12 other, 20 construction.

How each cell is classed (later rules win):
  land      = GSHHG land (src/gshhg_land.geojson) inside the counties (src/counties_wgs84.geojson) grown by
            300 m, or by 3 km within 3 km of the sea (where the approximate outlines fall short of the shore)
  1         every land cell (cultivated land: the default of the coastal plains)
  3, 2, 4   from a "hill score" h = 0.7 n + 0.5 min(d / 30 km, 1), d = distance to the sea, n = value noise
            (lattice 3 km, smoothstep, fixed integer hash): h >= 0.78 forest, 0.68-0.78 garden
            (orchards and tea on the foothills), 0.78-0.83 with a second noise > 0.7 grassland,
            h >= 1.12 other (bare rock on the highest ridges)
  1         within 800 m of the water zones' river reaches (farmed valleys)
  3         land redlines (taizhou_demo.gpkg:redline, LHY 陆域) of water conservation, biodiversity and
            soil conservation: mountains and reservoir catchments are forest
  0         land redlines of coastal stability, and land cells within 500 m of the sea (wetland / tidal flat)
  11        water zones (buffered river reaches) and first-level drinking water source zones (the reservoirs)
  20        key control units (重点管控: towns and industrial zones)
  10        straight 100 m wide roads between the interior points of neighbouring counties
Deterministic: no random generator, only an integer hash; the same bytes on every run with the
same GDAL. Pure Python + python3-gdal (no numpy).

    /usr/bin/python3 layers/demo/make_landcover.py   # from the repository root (Debian python3-gdal)
"""
import os
import struct
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
from demo_geom import S4549  # noqa: E402
OUT = os.path.join(HERE, "landcover_demo.tif")
CELL = 100.0
NODATA = 255

NAMES = {0: "湿地 wetland", 1: "耕地 cultivated land", 2: "种植园用地 garden land", 3: "林地 forest", 4: "草地 grassland",
         10: "交通运输用地 transport land", 11: "水域及水利设施用地 water", 12: "其他土地 other land",
         20: "城镇村及工矿用地 construction land"}
COLOURS = {0: (102, 194, 165), 1: (255, 237, 111), 2: (190, 214, 98), 3: (26, 120, 50), 4: (166, 217, 106),
           10: (110, 110, 110), 11: (55, 126, 184), 12: (204, 190, 160), 20: (215, 48, 39)}

work = S4549  # the working CRS, EPSG:4549 (traditional GIS axis order), from the demo builder


def layer_in_work(path, layer=None, where=None):
    """Features of a layer as (fields dict, geometry in EPSG:4549)."""
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    if where:
        lyr.SetAttributeFilter(where)
    src = lyr.GetSpatialRef().Clone()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, work)
    out = []
    for f in lyr:
        g = f.GetGeometryRef().Clone()
        g.Transform(ct)
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        ok = g.IsValid()
        gdal.PopErrorHandler()
        if not ok:
            g = g.MakeValid()
        out.append(({k: f.GetField(k) for k in f.keys()}, g))
    return out


counties = layer_in_work(os.path.join(HERE, "src", "counties_wgs84.geojson"))
land = layer_in_work(os.path.join(HERE, "src", "gshhg_land.geojson"))
gpkg = os.path.join(HERE, "taizhou_demo.gpkg")
redlines = layer_in_work(gpkg, "redline", "LHY = '陆域'")
water_zones = layer_in_work(gpkg, "water_zone")
sources1 = layer_in_work(gpkg, "water_source", "level = '一级'")
key_units = layer_in_work(gpkg, "control_unit", "ZHGKDYFL = '重点管控'")

# Grid.
env = None
for _, g in counties:
    e = g.GetEnvelope()
    env = e if env is None else (min(env[0], e[0]), max(env[1], e[1]), min(env[2], e[2]), max(env[3], e[3]))
x0 = (int(env[0] - 3000) // 1000) * 1000
x1 = -((-int(env[1] + 3000)) // 1000) * 1000
y0 = (int(env[2] - 3000) // 1000) * 1000
y1 = -((-int(env[3] + 3000)) // 1000) * 1000
W, H = int((x1 - x0) / CELL), int((y1 - y0) / CELL)
GT = (x0, CELL, 0.0, y1, 0.0, -CELL)
N = W * H


def mem_raster():
    ds = gdal.GetDriverByName("MEM").Create("", W, H, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(GT)
    ds.SetProjection(work.ExportToWkt())
    return ds


def burn(geoms, all_touched=False):
    """Cells (centre rule, or all touched) covered by the geometries, as a bytearray of 0/1."""
    ds = mem_raster()
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    lyr = vds.CreateLayer("g", work, ogr.wkbUnknown)
    for g in geoms:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    gdal.RasterizeLayer(ds, [1], lyr, burn_values=[1], options=["ALL_TOUCHED=TRUE"] if all_touched else [])
    return bytearray(ds.GetRasterBand(1).ReadRaster())


county_union = None
for _, g in counties:
    county_union = g if county_union is None else county_union.Union(g)
near_county = burn([county_union.Buffer(300, 8)])
coast_county = burn([county_union.Buffer(3000, 8)])
is_land = burn([g for _, g in land])

# Distance to the sea (m): proximity to non-land cells.
sea = mem_raster()
sea.GetRasterBand(1).WriteRaster(0, 0, W, H, bytes(1 - v for v in is_land))
dist_ds = gdal.GetDriverByName("MEM").Create("", W, H, 1, gdal.GDT_Float32)
dist_ds.SetGeoTransform(GT)
dist_ds.SetProjection(work.ExportToWkt())
gdal.ComputeProximity(sea.GetRasterBand(1), dist_ds.GetRasterBand(1), ["VALUES=1", "DISTUNITS=GEO"])
dist = struct.unpack("%df" % N, dist_ds.GetRasterBand(1).ReadRaster())
# Taizhou's land: inside the county outlines (grown by 300 m), and up to 3 km beyond them near the sea where
# the approximate outlines fall short of the GSHHG shore.
valid = bytearray(1 if is_land[k] and (near_county[k] or (coast_county[k] and dist[k] < 3000.0)) else 0 for k in range(N))


def mix(x):
    x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


def noise_field(lattice_cells, salt):
    """Value noise on the grid: a hashed value per lattice node, smoothstep-bilinear in between."""
    nx, ny = W // lattice_cells + 2, H // lattice_cells + 2
    node = [[(mix(mix(salt * 1000003 + i) ^ j) >> 11) / 9007199254740992.0 for j in range(ny)] for i in range(nx)]
    cx = []
    for c in range(W):
        t = (c + 0.5) / lattice_cells
        i = int(t)
        f = t - i
        cx.append((i, f * f * (3 - 2 * f)))
    out = [0.0] * N
    for r in range(H):
        t = (r + 0.5) / lattice_cells
        j = int(t)
        fy = t - j
        fy = fy * fy * (3 - 2 * fy)
        base = r * W
        for c in range(W):
            i, fx = cx[c]
            a = node[i][j] * (1 - fx) + node[i + 1][j] * fx
            b = node[i][j + 1] * (1 - fx) + node[i + 1][j + 1] * fx
            out[base + c] = a * (1 - fy) + b * fy
    return out


n1 = noise_field(30, 1)
n2 = noise_field(12, 2)

cls = bytearray([NODATA]) * N
for k in range(N):
    if not valid[k]:
        continue
    h = 0.7 * n1[k] + 0.5 * min(dist[k] / 30000.0, 1.0)
    c = 1
    if h >= 1.12:
        c = 12
    elif h >= 0.78:
        c = 4 if (h < 0.83 and n2[k] > 0.7) else 3
    elif h >= 0.68:
        c = 2
    cls[k] = c


def paint(mask, value, keep=()):
    for k in range(N):
        if mask[k] and valid[k] and cls[k] not in keep:
            cls[k] = value


paint(burn([g.Buffer(800, 4) for _, g in water_zones]), 1)  # farmed valleys along the rivers
paint(burn([g for f, g in redlines if f["HXLX"] != "海岸生态稳定"]), 3)
coastal = burn([g for f, g in redlines if f["HXLX"] == "海岸生态稳定"])
shore = bytearray(1 if (valid[k] and dist[k] <= 500.0) else 0 for k in range(N))
paint(coastal, 0)
paint(shore, 0)
paint(burn([g for _, g in water_zones] + [g for _, g in sources1]), 11)
paint(burn([g for _, g in key_units]), 20)
# Roads: between the interior points of neighbouring counties.
roads = []
pts = [(f["name"], g.PointOnSurface()) for f, g in counties]
for a in range(len(counties)):
    for b in range(a + 1, len(counties)):
        if counties[a][1].Buffer(200).Intersects(counties[b][1]):
            line = ogr.Geometry(ogr.wkbLineString)
            line.AddPoint_2D(pts[a][1].GetX(), pts[a][1].GetY())
            line.AddPoint_2D(pts[b][1].GetX(), pts[b][1].GetY())
            roads.append(line)
paint(burn(roads, all_touched=True), 10, keep=(11,))

# Write.
drv = gdal.GetDriverByName("GTiff")
tmp = OUT + ".partial.tif"
ds = drv.Create(tmp, W, H, 1, gdal.GDT_Byte, ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=1", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
ds.SetGeoTransform(GT)
ds.SetProjection(work.ExportToWkt())
ds.SetMetadata({
    "ILLUSTRATIVE": "ILLUSTRATIVE DEMO DATA, NOT OFFICIAL: an invented land cover of Taizhou for the ecoshield connectivity demo",
    "SOURCE": "layers/demo/make_landcover.py from GSHHG land, the county outlines and the illustrative demo layers",
    "CLASSES": "Third National Land Survey first-level summary classes (layers/resistance/china_landuse_3diao.csv)",
})
band = ds.GetRasterBand(1)
band.SetNoDataValue(NODATA)
band.SetDescription("land cover class (三调 first-level), ILLUSTRATIVE")
ct = gdal.ColorTable()
for v in range(256):
    ct.SetColorEntry(v, COLOURS.get(v, (0, 0, 0)) + ((255,) if v in COLOURS else (0,)))
band.SetRasterColorTable(ct)
band.SetCategoryNames([NAMES.get(v, "") for v in range(max(NAMES) + 1)])
band.WriteRaster(0, 0, W, H, bytes(cls))
ds = None
os.replace(tmp, OUT)
# GeoTIFF keeps category names in the PAM sidecar: ship it under the final name.
os.replace(tmp + ".aux.xml", OUT + ".aux.xml")
counts = {}
for v in cls:
    counts[v] = counts.get(v, 0) + 1
print("%s: %d x %d cells of %g m, origin (%d, %d)" % (OUT, W, H, CELL, x0, y1))
for v in sorted(counts):
    print("  %3d %-40s %9d cells %10.1f km2" % (v, NAMES.get(v, "nodata"), counts[v], counts[v] * CELL * CELL / 1e6))
