#!/usr/bin/env python3
"""Writes the QGIS styles of the `connectivity run` outputs (connectivity.gpkg):

  patches   habitat patches (ecological sources), graduated on `rank` (1 = highest dPC)
  links     least-cost links, graduated on `dPC` (link importance: % of PC lost without the link)

The symbol, label and header XML is taken from existing styles of this folder (water_source.qml
for fills, nearest.qml for lines, buffer_rings.qml for the graduated renderer's classification
block) so the files have exactly the form of the others; only colours, ranges, labels and aliases
change. Same bytes on every run.

    python3 styles/gen_connectivity_styles.py      # from the repository root
"""
from qml_derive import block, read, graduated as _grad, write

CLASSIFICATION = block(read("buffer_rings.qml"), "classificationMethod")


def graduated(kind, attr, ranges, fields, label=None, preview="id"):
    return _grad(kind, attr, ranges, fields, CLASSIFICATION, label=label, preview=preview, dedent=True)


PATCH_FIELDS = [
    ("patch_id", "斑块编号"), ("cells", "像元数"), ("area_m2", "面积(平方米)"), ("area_ha", "面积(公顷)"),
    ("centroid_x", "质心X"), ("centroid_y", "质心Y"), ("degree", "连接度(度)"), ("component", "所属组分"),
    ("dPC", "dPC 重要性(%)"), ("dPCintra", "dPCintra 斑块内(%)"), ("dPCflux", "dPCflux 通量(%)"),
    ("dPCconnector", "dPCconnector 踏脚石(%)"), ("dIIC", "dIIC 整体连通性变化(%)"), ("BC_PC", "BC_PC 介数"), ("cut_vertex", "关键踏脚石(割点)"),
    ("rank", "重要性排名")]

# Ranks: the 5 most important sources, then 6-20, 21-100, 101-500, the rest (1e9: no upper limit).
write("patches", graduated("fill", "rank", [
    (1, 5, "1-5 最重要 most important", dict(color="0,68,27,230", outline="0,40,15,255", width="0.5")),
    (5, 20, "6-20", dict(color="35,139,69,220", outline="0,68,27,255", width="0.4")),
    (20, 100, "21-100", dict(color="116,196,118,210", outline="35,139,69,255", width="0.3")),
    (100, 500, "101-500", dict(color="199,233,192,200", outline="116,196,118,255", width="0.26")),
    (500, 1000000000, "> 500", dict(color="247,252,245,200", outline="161,217,155,255", width="0.26")),
], PATCH_FIELDS, label="rank", preview="patch_id"))

LINK_FIELDS = [
    ("link_id", "连接编号"), ("from_patch", "起点斑块"), ("to_patch", "终点斑块"), ("cost", "累积阻力(成本)"),
    ("length_m", "路径长度(米)"), ("euclid_m", "欧氏距离(米)"), ("distance", "连接距离"), ("probability", "扩散概率"),
    ("dPC", "dPC 连接重要性(%)"), ("bridge", "桥(唯一连接)"), ("in_mst", "最小生成树"),
    ("cwd_ratio", "成本加权距离/路径长度"), ("r_eff", "有效电阻")]  # the last two: written with corridors

# Link importance: percent of PC lost when the link is removed.
write("links", graduated("line", "dPC", [
    (-1000000000, 0.01, "< 0.01 %", dict(color="150,150,150,255", width="0.26", dash="2;2")),
    (0.01, 0.1, "0.01 - 0.1 %", dict(color="253,174,97,255", width="0.4")),
    (0.1, 1, "0.1 - 1 %", dict(color="244,109,67,255", width="0.7")),
    (1, 1000000000, "> 1 % 关键连接 key link", dict(color="165,0,38,255", width="1.2")),
], LINK_FIELDS, preview="link_id"))
