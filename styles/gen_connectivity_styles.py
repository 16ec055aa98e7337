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
import os
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


SOURCE, NEAREST, RINGS = read("water_source.qml"), read("nearest.qml"), read("buffer_rings.qml")


def first_symbol(text):
    return re.search(r'( *)<symbol [^>]*>.*?</symbol>\n', text, re.S).group(0)


def block(text, tag):
    return re.search(r'( *)<%s[ >].*?</%s>\n' % (tag, tag), text, re.S).group(0)


SYMBOL = {"fill": first_symbol(SOURCE), "line": first_symbol(NEAREST)}
LABELING = {"fill": block(SOURCE, "labeling"), "line": block(NEAREST, "labeling")}
GEOM_TYPE = {"line": 1, "fill": 2}
HEAD = SOURCE[:SOURCE.index("  <renderer-v2")]
HEAD_NOLABEL = HEAD.replace('labelsEnabled="1"', 'labelsEnabled="0"')
CLASSIFICATION = block(RINGS, "classificationMethod")


def symbol(kind, name, color, outline=None, width=None, style=None, dash=None):
    s = SYMBOL[kind]
    s = re.sub(r'name="0" type="%s"' % kind, 'name="%s" type="%s"' % (name, kind), s, count=1)

    def setv(key, value):
        nonlocal s
        s = re.sub(r'(<Option name="%s" type="QString" value=")[^"]*(")' % key, r'\g<1>%s\g<2>' % value, s)
        s = re.sub(r'(<prop k="%s" v=")[^"]*(")' % key, r'\g<1>%s\g<2>' % value, s)

    if kind == "fill":
        setv("color", color)
        setv("outline_color", outline or color)
        if width:
            setv("outline_width", width)
        if style:
            setv("style", style)
    else:
        setv("line_color", color)
        if width:
            setv("line_width", width)
        if dash:
            setv("use_custom_dash", "1")
            setv("customdash", dash)
        else:
            setv("use_custom_dash", "0")
    return s


def labeling(kind, field, expression=False):
    t = LABELING[kind]
    t = re.sub(r'fieldName="[^"]*"', 'fieldName="%s"' % field.replace('"', "&quot;"), t, count=1)
    t = re.sub(r'isExpression="[01]"', 'isExpression="%d"' % (1 if expression else 0), t, count=1)
    return t


def indent(text, n):
    text = textwrap.dedent(text)
    return "".join((" " * n + l if l.strip() else l) for l in text.splitlines(True))


def aliases(fields):
    out = "  <aliases>\n"
    for i, (f, a) in enumerate(fields):
        out += '    <alias field="%s" index="%d" name="%s"/>\n' % (f, i, a)
    return out + "  </aliases>\n"


def tail(kind, fields, preview):
    return ("  <blendMode>0</blendMode>\n  <featureBlendMode>0</featureBlendMode>\n  <layerOpacity>1</layerOpacity>\n" +
            aliases(fields) + "  <previewExpression>&quot;%s&quot;</previewExpression>\n" % preview +
            "  <layerGeometryType>%d</layerGeometryType>\n</qgis>\n" % GEOM_TYPE[kind])


def graduated(kind, attr, ranges, fields, label=None, label_expr=False, preview="id"):
    """ranges: list of (lower, upper, label, symbol kwargs)."""
    out = HEAD if label else HEAD_NOLABEL
    out += ('  <renderer-v2 attr="%s" enableorderby="0" forceraster="0" graduatedMethod="GraduatedColor" '
            'referencescale="-1" symbollevels="0" type="graduatedSymbol">\n' % attr)
    out += "    <ranges>\n"
    for i, (lo, hi, lab, _) in enumerate(ranges):
        lab = lab.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out += '      <range label="%s" lower="%.15f" render="true" symbol="%d" upper="%.15f"/>\n' % (lab, lo, i, hi)
    out += "    </ranges>\n    <symbols>\n"
    for i, (_, _, _, kw) in enumerate(ranges):
        out += indent(symbol(kind, str(i), **kw), 6)
    out += "    </symbols>\n    <source-symbol>\n"
    out += indent(symbol(kind, "0", **ranges[0][3]), 6)
    out += "    </source-symbol>\n" + CLASSIFICATION + "    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
    if label:
        out += labeling(kind, label, label_expr)
    return out + tail(kind, fields, preview)


def write(name, text):
    with open(os.path.join(HERE, name + ".qml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


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
