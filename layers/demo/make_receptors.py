#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Write layers/demo/receptors.gpkg: ILLUSTRATIVE sensitive receptors (schools, hospitals,
residential land) near the demo soil parcels, for `ecoshield soil`.

    /usr/bin/python3 layers/demo/make_receptors.py

Nothing here is real: names and places are invented, placed plausibly in the urban districts
(Jiaojiang, Huangyan, Luqiao, Wenling, Linhai, Yuhuan) near the listed parcels of
taizhou_demo.gpkg. Drinking water sources are not repeated here: `soil` takes them from the
water_source layer of the demo.

Shapes are designed in EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E) and stored in
EPSG:4490 like the rest of the demo. Receptors near the exact rectangles P1-P4 of demo_design.py
are placed at hand-checkable distances (planar, EPSG:4549, boundary to boundary):

    P1 331002TR001 (640000-640200 x 3170000-3170150):
        school   R-SCH-01 square 640050-640150 x 3170550-3170650   400 m north
        hospital R-HOS-01 point (640100, 3169300)                   700 m south
        resid.   R-RES-01 rect 641400-641800 x 3170000-3170300     1200 m east
    P2 331002TR002 (640500-640700, delisted): R-SCH-01 531.507 m (350, 400), R-HOS-01 806.226 m,
        R-RES-01 700 m
    P3 331002TR003 (641000-641300 x 3170000-3170200): R-RES-01 100 m, R-SCH-01 919.239 m
        (850, 350), R-HOS-01 1140.175 m (900, 700)
    P4 331004TR001 (634000-634180 x 3163400-3163520):
        school   R-SCH-02 point (634090, 3163820)                   300 m north
        resid.   R-RES-02 rect 633000-633700 x 3163300-3163600      300 m west
        hospital R-HOS-02 point (635500, 3163460)                  1320 m east

The other receptors are offsets (metres, east and north) from the centres of the round parcels.
Reproducible: fixed OGR_CURRENT_DATE, fixed FIDs; two runs give byte-identical files.
Needs only the Python standard library and Debian's python3-gdal (osgeo).
"""
import os
import sys

from osgeo import gdal, ogr, osr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import demo_design as D  # noqa: E402
from demo_geom import S4490, point, rect, to_ll, xy  # noqa: E402

OUT = os.path.join(HERE, 'receptors.gpkg')
NOTE = 'ILLUSTRATIVE DEMO DATA, NOT OFFICIAL'

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.SetConfigOption('OGR_CURRENT_DATE', D.CURRENT_DATE)


def near(lon, lat, dx, dy):
    x, y = xy(lon, lat)
    return x + dx, y + dy


def square(cx, cy, half):
    return rect(cx - half, cy - half, cx + half, cy + half)


# id, name, kind (Chinese value as real data stores it), county, geometry in EPSG:4549
RECEPTORS = [
    # around the exact rectangles P1-P3 (Jiaojiang) and P4 (Luqiao)
    ('R-SCH-01', '椒江示意第一小学', '学校', '椒江区', rect(640050.0, 3170550.0, 640150.0, 3170650.0)),
    ('R-HOS-01', '椒江示意社区卫生服务中心', '医院', '椒江区', point(640100.0, 3169300.0)),
    ('R-RES-01', '椒江示意花园小区', '居住用地', '椒江区', rect(641400.0, 3170000.0, 641800.0, 3170300.0)),
    ('R-SCH-02', '路桥示意实验小学', '学校', '路桥区', point(634090.0, 3163820.0)),
    ('R-RES-02', '路桥示意新村', '居住用地', '路桥区', rect(633000.0, 3163300.0, 633700.0, 3163600.0)),
    ('R-HOS-02', '路桥示意人民医院', '医院', '路桥区', point(635500.0, 3163460.0)),
    # around the round parcels (offsets from their centres, metres)
    ('R-RES-03', '外沙示意住宅区', '居住用地', '椒江区', square(*near(121.480, 28.665, 0.0, 600.0), 150.0)),
    ('R-SCH-03', '黄岩示意中学', '学校', '黄岩区', point(*near(121.250, 28.640, 450.0, 0.0))),
    ('R-RES-04', '黄岩示意城东小区', '居住用地', '黄岩区', square(*near(121.250, 28.640, 0.0, -700.0), 120.0)),
    ('R-HOS-03', '黄岩示意中医院', '医院', '黄岩区', point(*near(121.280, 28.655, 0.0, -550.0))),
    ('R-SCH-04', '黄岩示意幼儿园', '学校', '黄岩区', point(*near(121.280, 28.655, 1200.0, 300.0))),
    ('R-RES-05', '峰江示意安置小区', '居住用地', '路桥区', square(*near(121.350, 28.540, 450.0, 0.0), 100.0)),
    ('R-SCH-05', '温岭示意小学', '学校', '温岭市', point(*near(121.400, 28.380, -900.0, 0.0))),
    ('R-RES-06', '临海示意江南小区', '居住用地', '临海市', square(*near(121.150, 28.860, 0.0, 480.0), 150.0)),
    ('R-HOS-04', '临海示意第二人民医院', '医院', '临海市', point(*near(121.150, 28.860, -1600.0, 0.0))),
    ('R-SCH-06', '玉环示意中学', '学校', '玉环市', point(*near(121.220, 28.125, 300.0, 0.0))),
]


def main():
    tmp = OUT[:-5] + '.tmp.gpkg'
    for p in (tmp, tmp + '-journal'):
        if os.path.exists(p):
            os.remove(p)
    ds = ogr.GetDriverByName('GPKG').CreateDataSource(tmp)
    lyr = ds.CreateLayer('receptor', S4490, ogr.wkbUnknown, options=[
        'FID=fid', 'GEOMETRY_NAME=geom', 'SPATIAL_INDEX=YES', 'IDENTIFIER=receptor',
        'DESCRIPTION=' + NOTE + ': invented sensitive receptors (schools, hospitals, residential land) '
        'near the demo soil parcels, for ecoshield soil; see layers/demo/README.md'])
    for name in ('id', 'name', 'kind', 'county', 'note'):
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    ds.StartTransaction()
    defn = lyr.GetLayerDefn()
    for fid, (rid, name, kind, county, g) in enumerate(RECEPTORS, 1):
        f = ogr.Feature(defn)
        f.SetFID(fid)
        for k, v in (('id', rid), ('name', name), ('kind', kind), ('county', county), ('note', NOTE)):
            f.SetField(k, v)
        f.SetGeometry(to_ll(g))
        lyr.CreateFeature(f)
    ds.CommitTransaction()
    ds = None
    os.replace(tmp, OUT)
    print('wrote %s: %d receptors' % (OUT, len(RECEPTORS)))


if __name__ == '__main__':
    main()
