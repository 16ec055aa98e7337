#!/usr/bin/env python3
"""Generate ecoshield's QGIS 3 layer styles (QML).

Symbol-layer properties are written both as <Option type="Map"> (read by QGIS >= 3.18)
and as <prop k v> (read by QGIS <= 3.16), as QGIS 3.18-3.2x itself does.
"""
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

QGIS_VERSION = "3.28.0-Firenze"
FONT = "Microsoft YaHei"
SCALE0 = "3x:0,0,0,0,0,0"

POINT, LINE, POLYGON, NOGEOM = 0, 1, 2, 4
GEOM_NAME = {POINT: "PointGeometry", LINE: "LineGeometry", POLYGON: "PolygonGeometry"}


def rgba(c, a=255):
    if len(c) == 4:
        return "%d,%d,%d,%d" % c
    return "%d,%d,%d,%d" % (c[0], c[1], c[2], a)


def darker(c, f=0.7):
    return tuple(int(v * f) for v in c[:3])


def attrs(d):
    return " ".join("%s=%s" % (k, quoteattr(str(v))) for k, v in d.items())


def props_xml(props, ind):
    sp = " " * ind
    out = [sp + '<Option type="Map">']
    for k in sorted(props):
        out.append(sp + "  <Option %s/>" % attrs({"name": k, "type": "QString", "value": props[k]}))
    out.append(sp + "</Option>")
    for k in sorted(props):
        out.append(sp + "<prop %s/>" % attrs({"k": k, "v": props[k]}))
    return out


def layer_xml(cls, props, ind):
    sp = " " * ind
    out = [sp + '<layer class="%s" enabled="1" locked="0" pass="0">' % cls]
    out += props_xml(props, ind + 2)
    out.append(sp + "</layer>")
    return out


def simple_fill(color, outline, outline_width=0.4, style="solid", outline_style="solid"):
    return ("SimpleFill", {
        "border_width_map_unit_scale": SCALE0,
        "color": color,
        "joinstyle": "bevel",
        "offset": "0,0",
        "offset_map_unit_scale": SCALE0,
        "offset_unit": "MM",
        "outline_color": outline,
        "outline_style": outline_style,
        "outline_width": str(outline_width),
        "outline_width_unit": "MM",
        "style": style,
    })


def simple_line(color, width=0.5, style="solid", customdash=None):
    return ("SimpleLine", {
        "align_dash_pattern": "0",
        "capstyle": "round",
        "customdash": customdash or "5;2",
        "customdash_map_unit_scale": SCALE0,
        "customdash_unit": "MM",
        "dash_pattern_offset": "0",
        "dash_pattern_offset_map_unit_scale": SCALE0,
        "dash_pattern_offset_unit": "MM",
        "draw_inside_polygon": "0",
        "joinstyle": "round",
        "line_color": color,
        "line_style": style,
        "line_width": str(width),
        "line_width_unit": "MM",
        "offset": "0",
        "offset_map_unit_scale": SCALE0,
        "offset_unit": "MM",
        "ring_filter": "0",
        "trim_distance_end": "0",
        "trim_distance_start": "0",
        "tweak_dash_pattern_on_corners": "0",
        "use_custom_dash": "1" if customdash else "0",
        "width_map_unit_scale": SCALE0,
    })


def simple_marker(color, outline, shape="circle", size=3.0, outline_width=0.4):
    return ("SimpleMarker", {
        "angle": "0",
        "cap_style": "square",
        "color": color,
        "horizontal_anchor_point": "1",
        "joinstyle": "bevel",
        "name": shape,
        "offset": "0,0",
        "offset_map_unit_scale": SCALE0,
        "offset_unit": "MM",
        "outline_color": outline,
        "outline_style": "solid",
        "outline_width": str(outline_width),
        "outline_width_map_unit_scale": SCALE0,
        "outline_width_unit": "MM",
        "scale_method": "diameter",
        "size": str(size),
        "size_map_unit_scale": SCALE0,
        "size_unit": "MM",
        "vertical_anchor_point": "1",
    })


SYMBOL_TYPE = {POINT: "marker", LINE: "line", POLYGON: "fill"}


def symbol_xml(name, geom, layers, ind, alpha=1):
    sp = " " * ind
    out = [sp + "<symbol %s>" % attrs({
        "alpha": alpha, "clip_to_extent": "1", "force_rhr": "0", "frame_rate": "10",
        "is_animated": "0", "name": name, "type": SYMBOL_TYPE[geom]})]
    for cls, props in layers:
        out += layer_xml(cls, props, ind + 2)
    out.append(sp + "</symbol>")
    return out


# ---- symbol factories per geometry: (color) -> list of symbol layers ----

def solid_symbol(geom, c, fill_alpha=150, line_width=0.8, marker="circle", marker_size=3.6):
    if geom == POLYGON:
        return [simple_fill(rgba(c, fill_alpha), rgba(darker(c)), 0.5)]
    if geom == LINE:
        return [simple_line(rgba(c), line_width)]
    return [simple_marker(rgba(c), rgba(darker(c, 0.5)), marker, marker_size)]


def hatched_symbol(geom, c):
    if geom == POLYGON:
        return [simple_fill(rgba(c, 70), rgba(c), 0.0, "solid", "no"),
                simple_fill(rgba(c, 220), rgba(darker(c)), 0.5, "b_diagonal", "solid")]
    if geom == LINE:
        return [simple_line(rgba(c, 220), 1.2)]
    return [simple_marker(rgba(c, 200), rgba(darker(c, 0.5)), "diamond", 3.4)]


def outline_symbol(geom, c, width=0.5, dash=None):
    if geom == POLYGON:
        return [simple_fill(rgba(c, 0), rgba(c), width, "no", "dash" if dash else "solid")]
    if geom == LINE:
        return [simple_line(rgba(c), width, "solid", dash)]
    return [simple_marker(rgba(c, 0), rgba(c), "circle", 3.0, width)]


# ---- renderers ----

def categorized(attr, geom, cats, other=None):
    """cats: list of (value, label, symbol_layers)."""
    out = ['  <renderer-v2 %s>' % attrs({
        "attr": attr, "enableorderby": "0", "forceraster": "0", "referencescale": "-1",
        "symbollevels": "0", "type": "categorizedSymbol"})]
    allcats = list(cats) + ([("", other[0], other[1])] if other else [])
    out.append("    <categories>")
    for i, (value, label, _) in enumerate(allcats):
        out.append("      <category %s/>" % attrs({
            "label": label, "render": "true", "symbol": str(i), "value": value}))
    out.append("    </categories>")
    out.append("    <symbols>")
    for i, (_, _, layers) in enumerate(allcats):
        out += symbol_xml(str(i), geom, layers, 6)
    out.append("    </symbols>")
    out.append("    <source-symbol>")
    out += symbol_xml("0", geom, allcats[0][2], 6)
    out.append("    </source-symbol>")
    out.append("    <rotation/>")
    out.append("    <sizescale/>")
    out.append("  </renderer-v2>")
    return out


def graduated(attr, geom, ranges):
    """ranges: list of (lower, upper, label, symbol_layers)."""
    out = ['  <renderer-v2 %s>' % attrs({
        "attr": attr, "enableorderby": "0", "forceraster": "0", "graduatedMethod": "GraduatedColor",
        "referencescale": "-1", "symbollevels": "0", "type": "graduatedSymbol"})]
    out.append("    <ranges>")
    for i, (lo, hi, label, _) in enumerate(ranges):
        out.append("      <range %s/>" % attrs({
            "label": label, "lower": "%.15f" % lo, "render": "true", "symbol": str(i),
            "upper": "%.15f" % hi}))
    out.append("    </ranges>")
    out.append("    <symbols>")
    for i, (_, _, _, layers) in enumerate(ranges):
        out += symbol_xml(str(i), geom, layers, 6)
    out.append("    </symbols>")
    out.append("    <source-symbol>")
    out += symbol_xml("0", geom, ranges[0][3], 6)
    out.append("    </source-symbol>")
    out.append('    <classificationMethod id="Fixed">')
    out.append('      <symmetricMode astride="0" enabled="0" symmetrypoint="0"/>')
    out.append('      <labelFormat format="%1 - %2" labelprecision="0" trimtrailingzeroes="1"/>')
    out.append("      <parameters>")
    out.append('        <Option type="Map">')
    out.append('          <Option name="INTERVAL" type="double" value="100"/>')
    out.append("        </Option>")
    out.append("      </parameters>")
    out.append("      <extraInformation/>")
    out.append("    </classificationMethod>")
    out.append("    <rotation/>")
    out.append("    <sizescale/>")
    out.append("  </renderer-v2>")
    return out


def single(geom, layers):
    out = ['  <renderer-v2 %s>' % attrs({
        "enableorderby": "0", "forceraster": "0", "referencescale": "-1", "symbollevels": "0",
        "type": "singleSymbol"})]
    out.append("    <symbols>")
    out += symbol_xml("0", geom, layers, 6)
    out.append("    </symbols>")
    out.append("    <rotation/>")
    out.append("    <sizescale/>")
    out.append("  </renderer-v2>")
    return out


DD_EMPTY = [
    '<Option type="Map">',
    '  <Option name="name" type="QString" value=""/>',
    '  <Option name="properties"/>',
    '  <Option name="type" type="QString" value="collection"/>',
    "</Option>",
]


def labeling(geom, field, is_expression=False, size=9, color=(30, 30, 30), bold=False):
    placement = {POINT: "6", LINE: "2", POLYGON: "1"}[geom]
    out = ['  <labeling type="simple">', '    <settings calloutType="simple">']
    out.append("      <text-style %s>" % attrs({
        "allowHtml": "0", "blendMode": "0", "capitalization": "0",
        "fieldName": field, "fontFamily": FONT, "fontItalic": "0", "fontKerning": "1",
        "fontLetterSpacing": "0", "fontSize": str(size), "fontSizeMapUnitScale": SCALE0,
        "fontSizeUnit": "Point", "fontStrikeout": "0", "fontUnderline": "0",
        "fontWeight": "75" if bold else "50", "fontWordSpacing": "0", "forcedBold": "0",
        "forcedItalic": "0", "isExpression": "1" if is_expression else "0",
        "legendString": "Aa", "multilineHeight": "1", "multilineHeightUnit": "Percentage",
        "namedStyle": "Bold" if bold else "Regular", "previewBkgrdColor": "255,255,255,255",
        "textColor": rgba(color), "textOpacity": "1", "textOrientation": "horizontal",
        "useSubstitutions": "0"}))
    out.append("        <families/>")
    out.append("        <text-buffer %s/>" % attrs({
        "bufferBlendMode": "0", "bufferColor": "255,255,255,255", "bufferDraw": "1",
        "bufferJoinStyle": "128", "bufferNoFill": "1", "bufferOpacity": "0.85",
        "bufferSize": "0.8", "bufferSizeMapUnitScale": SCALE0, "bufferSizeUnits": "MM"}))
    out.append("        <text-mask %s/>" % attrs({
        "maskEnabled": "0", "maskJoinStyle": "128", "maskOpacity": "1", "maskSize": "0",
        "maskSizeMapUnitScale": SCALE0, "maskSizeUnits": "MM", "maskType": "0",
        "maskedSymbolLayers": ""}))
    out.append('        <background shapeDraw="0" shapeType="0"/>')
    out.append('        <shadow shadowDraw="0"/>')
    out.append("        <dd_properties>")
    out += ["          " + l for l in DD_EMPTY]
    out.append("        </dd_properties>")
    out.append("        <substitutions/>")
    out.append("      </text-style>")
    out.append("      <text-format %s/>" % attrs({
        "addDirectionSymbol": "0", "autoWrapLength": "0", "decimals": "0", "formatNumbers": "0",
        "leftDirectionSymbol": "<", "multilineAlign": "3", "placeDirectionSymbol": "0",
        "plussign": "0", "reverseDirectionSymbol": "0", "rightDirectionSymbol": ">",
        "useMaxLineLengthForAutoWrap": "1", "wrapChar": ""}))
    out.append("      <placement %s/>" % attrs({
        "centroidInside": "1", "centroidWhole": "0", "dist": "1", "distMapUnitScale": SCALE0,
        "distUnits": "MM", "fitInPolygonOnly": "0", "geometryGenerator": "",
        "geometryGeneratorEnabled": "0", "geometryGeneratorType": "PointGeometry",
        "labelOffsetMapUnitScale": SCALE0, "layerType": GEOM_NAME[geom],
        "lineAnchorClipping": "0", "lineAnchorPercent": "0.5", "lineAnchorTextPoint": "FollowPlacement",
        "lineAnchorType": "0", "maxCurvedCharAngleIn": "25", "maxCurvedCharAngleOut": "-25",
        "offsetType": "1", "offsetUnits": "MM", "overlapHandling": "PreventOverlap",
        "overrunDistance": "0", "overrunDistanceUnit": "MM", "placement": placement,
        "placementFlags": "10", "polygonPlacementFlags": "2",
        "predefinedPositionOrder": "TR,TL,BR,BL,R,L,TSR,BSR", "preserveRotation": "1",
        "priority": "5", "quadOffset": "4", "repeatDistance": "0", "repeatDistanceUnits": "MM",
        "rotationAngle": "0", "rotationUnit": "AngleDegrees", "xOffset": "0", "yOffset": "0"}))
    out.append("      <rendering %s/>" % attrs({
        "drawLabels": "1", "fontLimitPixelSize": "0", "fontMaxPixelSize": "10000",
        "fontMinPixelSize": "3", "labelPerPart": "0", "limitNumLabels": "0",
        "maxNumLabels": "2000", "mergeLines": "0", "minFeatureSize": "0", "obstacle": "1",
        "obstacleFactor": "1", "obstacleType": "1", "scaleMax": "0", "scaleMin": "0",
        "scaleVisibility": "0", "unplacedVisibility": "0", "upsidedownLabels": "0",
        "zIndex": "0"}))
    out.append("      <dd_properties>")
    out += ["        " + l for l in DD_EMPTY]
    out.append("      </dd_properties>")
    out.append('      <callout type="simple">')
    out.append('        <Option type="Map">')
    out.append('          <Option name="enabled" type="QString" value="0"/>')
    out.append("        </Option>")
    out.append("      </callout>")
    out.append("    </settings>")
    out.append("  </labeling>")
    return out


def document(geom, renderer, label, aliases, display, geometry_type_known=True):
    labels_enabled = "1" if label else "0"
    out = ["<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"]
    out.append("<qgis %s>" % attrs({
        "version": QGIS_VERSION, "styleCategories": "AllStyleCategories",
        "labelsEnabled": labels_enabled, "hasScaleBasedVisibilityFlag": "0",
        "minScale": "100000000", "maxScale": "0", "readOnly": "0",
        "symbologyReferenceScale": "-1", "simplifyAlgorithm": "0", "simplifyDrawingHints": "1",
        "simplifyDrawingTol": "1", "simplifyLocal": "1", "simplifyMaxScale": "1"}))
    out.append("  <flags>")
    out.append("    <Identifiable>1</Identifiable>")
    out.append("    <Removable>1</Removable>")
    out.append("    <Searchable>1</Searchable>")
    out.append("    <Private>0</Private>")
    out.append("  </flags>")
    if renderer:
        out += renderer
    if label:
        out += label
    out.append("  <blendMode>0</blendMode>")
    out.append("  <featureBlendMode>0</featureBlendMode>")
    out.append("  <layerOpacity>1</layerOpacity>")
    out.append("  <aliases>")
    for i, (field, alias) in enumerate(aliases):
        out.append("    <alias %s/>" % attrs({"field": field, "index": str(i), "name": alias}))
    out.append("  </aliases>")
    out.append("  <previewExpression>%s</previewExpression>" % escape('"%s"' % display, {'"': "&quot;"}))
    out.append("  <layerGeometryType>%d</layerGeometryType>" % geom)
    out.append("</qgis>")
    return "\n".join(out) + "\n"


# ---- field aliases (ASCII snake_case names from docs/formats.md section 4 and the layer kinds) ----

SITE_FIELDS = [
    ("site_id", "项目编号"), ("name", "项目名称"), ("activity", "活动类型"), ("verdict", "结论"),
    ("verdict_zh", "结论(中文)"), ("rules_fired", "触发规则"), ("area_m2", "面积(平方米)"),
    ("length_m", "长度(米)"), ("n_hits", "相交要素数"), ("redline_overlap_m2", "红线占用面积(平方米)"),
    ("redline_share", "红线占用比例"), ("redline_dmin_m", "距红线最近距离(米)"),
    ("tiny_overlaps", "微小重叠数"), ("src_fid", "源要素号"),
]
OVERLAP_FIELDS = [
    ("site_id", "项目编号"), ("layer_kind", "图层类型"), ("feature_code", "要素编号"),
    ("feature_name", "要素名称"), ("feature_type", "要素类型"), ("area_m2", "重叠面积(平方米)"),
    ("area_ellipsoidal_m2", "重叠椭球面积(平方米)"), ("area_ha", "重叠面积(公顷)"),
    ("area_mu", "重叠面积(亩)"), ("length_m", "重叠长度(米)"), ("site_share", "占项目比例"),
    ("patch_share", "占图斑比例"), ("tiny", "微小重叠(疑似边界误差)"),
]
NEAREST_FIELDS = [
    ("site_id", "项目编号"), ("layer_kind", "图层类型"), ("feature_code", "要素编号"),
    ("feature_name", "要素名称"), ("distance_m", "最近距离(米)"),
]
RING_FIELDS = [
    ("site_id", "项目编号"), ("ring", "缓冲环(米)"), ("inner_m", "内半径(米)"), ("outer_m", "外半径(米)"),
    ("n_features", "环内要素数"), ("redline_area_m2", "环内红线面积(平方米)"),
]

KIND_FIELDS = {
    "redline": [("code", "红线编号"), ("name", "红线名称"), ("function_type", "红线类型"),
                ("domain", "陆域/海域"), ("control_level", "管控级别"), ("county_code", "县级行政区代码"),
                ("county", "县级行政区"), ("area_ha", "面积(公顷)"), ("approval_doc", "批准文号")],
    "control_unit": [("code", "管控单元编码"), ("name", "管控单元名称"), ("class", "管控单元类别"),
                     ("county", "县级行政区"), ("spatial_layout", "空间布局约束"),
                     ("emissions", "污染物排放管控"), ("risk", "环境风险防控"),
                     ("resources", "资源开发效率要求")],
    "water_zone": [("code", "水功能区编码"), ("name", "水功能区名称"), ("level1", "一级水功能区"),
                   ("level2", "二级水功能区"), ("target_class", "水质目标"), ("river", "河流"),
                   ("county", "县级行政区")],
    "water_source": [("name", "水源保护区名称"), ("level", "保护区级别"), ("water_body", "水源地(水体)")],
    "marine_zone": [("code", "功能区编码"), ("name", "功能区名称"), ("class", "海水水质类别")],
    "coastline": [("code", "岸线编号"), ("type1", "岸线类型"), ("type2", "岸线二级类型"),
                  ("restored", "整治修复岸线"), ("mainland", "大陆岸线"), ("protection", "保护级别"),
                  ("county", "县级行政区")],
    "bay": [("code", "海湾编号"), ("name", "海湾名称"), ("status", "美丽海湾建设状态"),
            ("target_year", "目标年份")],
    "soil_parcel": [("code", "地块编码"), ("name", "地块名称"), ("former_industry", "原行业"),
                    ("planned_use", "规划用途"), ("pollutants", "主要污染物"), ("exceedance", "超标情况"),
                    ("status", "名录状态"), ("listed_date", "列入日期"), ("delisted_date", "移出日期")],
    "farmland_soil": [("class", "土壤环境质量类别"), ("ph", "pH"), ("land_type", "地类"),
                      ("area", "面积")],
    "admin": [("code", "行政区代码"), ("name", "行政区名称")],
    "site": [("site_id", "项目编号"), ("name", "项目名称"), ("project_type", "项目类型"), ("activity", "活动类型")],
    "outlet": [("id", "编号"), ("name", "名称"), ("kind", "类型"), ("measured_class", "实测水质类别")],
}

# The layer catalog (layers/kinds/<kind>.json) is the reference for the kinds' fields and their
# Chinese labels when it is there.
CATALOG = Path(__file__).resolve().parent / "kinds"


def catalog_fields(kind):
    import json
    for d in [Path(p) for p in sys.argv[2:3]] + [CATALOG]:
        f = d / (kind + ".json")
        if f.exists():
            j = json.loads(f.read_text(encoding="utf-8"))
            return [(x["name"], x.get("label_zh") or x["name"]) for x in j.get("fields", [])]
    return None


for _kind in list(KIND_FIELDS):
    _cat = catalog_fields(_kind)
    if _cat:
        KIND_FIELDS[_kind] = _cat

VERDICTS = [
    ("prohibited", "禁止 prohibited", (227, 26, 28)),
    ("restricted", "限制 restricted", (253, 141, 60)),
    ("caution", "注意 caution", (255, 215, 0)),
    ("clear", "通过 clear", (51, 160, 44)),
]

KIND_COLORS = [
    ("redline", "生态保护红线", (26, 152, 80)),
    ("water_source", "饮用水水源保护区", (0, 174, 239)),
    ("control_unit", "环境管控单元", (152, 78, 163)),
    ("water_zone", "水功能区", (31, 120, 180)),
    ("marine_zone", "近岸海域环境功能区", (8, 48, 107)),
    ("coastline", "海岸线", (166, 86, 40)),
    ("bay", "美丽海湾", (102, 194, 165)),
    ("soil_parcel", "土壤污染风险管控地块", (230, 85, 13)),
    ("farmland_soil", "农用地土壤环境质量类别", (191, 129, 45)),
    ("admin", "行政区", (110, 110, 110)),
    ("outlet", "排污口/监测断面", (200, 30, 120)),
]
GREY = (160, 160, 160)


def sites(geom):
    cats = [(v, lab, solid_symbol(geom, c, fill_alpha=150, line_width=1.2, marker_size=4.2))
            for v, lab, c in VERDICTS]
    return document(geom, categorized("verdict", geom, cats),
                    labeling(geom, "site_id", bold=True), SITE_FIELDS, "site_id")


def overlaps(geom):
    cats = [(v, lab, hatched_symbol(geom, c)) for v, lab, c in KIND_COLORS]
    return document(geom, categorized("layer_kind", geom, cats,
                                      other=("其他 other", hatched_symbol(geom, GREY))),
                    None, OVERLAP_FIELDS, "site_id")


def nearest():
    geom = LINE
    layers = [simple_line(rgba((90, 90, 90)), 0.5, "solid", "3;2")]
    return document(geom, single(geom, layers),
                    labeling(geom, "round(\"distance_m\") || ' m'", is_expression=True, size=8),
                    NEAREST_FIELDS, "site_id")


def buffer_rings():
    geom = POLYGON
    ranges = [
        (0, 100, "0 - 100 m", outline_symbol(geom, (189, 0, 38), 0.6, "4;2")),
        (100, 500, "100 - 500 m", outline_symbol(geom, (240, 59, 32), 0.5, "4;2")),
        (500, 1000, "500 - 1000 m", outline_symbol(geom, (253, 141, 60), 0.45, "4;2")),
        (1000, 1e9, "> 1000 m", outline_symbol(geom, (254, 178, 76), 0.4, "4;2")),
    ]
    return document(geom, graduated("outer_m", geom, ranges), None, RING_FIELDS, "site_id")


def kind_categorized(kind, geom, attr, cats, label_field="name", line_width=0.8, fill_alpha=130,
                     marker="circle"):
    sym = [(v, lab, solid_symbol(geom, c, fill_alpha=fill_alpha, line_width=line_width, marker=marker))
           for v, lab, c in cats]
    return document(geom, categorized(attr, geom, sym,
                                      other=("其他/未分类 other", solid_symbol(geom, GREY, fill_alpha=90,
                                                                          line_width=line_width,
                                                                          marker=marker))),
                    labeling(geom, label_field, size=8) if label_field else None,
                    KIND_FIELDS[kind], label_field or KIND_FIELDS[kind][0][0])


def redline():
    cats = [
        ("water_conservation", "水源涵养", (0, 109, 44)),
        ("biodiversity", "生物多样性维护", (49, 163, 84)),
        ("soil_conservation", "水土保持", (116, 196, 118)),
        ("sand_fixation", "防风固沙", (161, 217, 155)),
        ("coastal_stability", "海岸生态稳定", (65, 171, 93)),
        ("other", "其他", (199, 233, 192)),
    ]
    return kind_categorized("redline", POLYGON, "function_type", cats)


def control_unit():
    cats = [
        ("priority", "优先保护单元", (77, 175, 74)),
        ("key", "重点管控单元", (228, 26, 28)),
        ("general", "一般管控单元", (255, 255, 153)),
    ]
    return kind_categorized("control_unit", POLYGON, "class", cats, fill_alpha=110)


WATER_CLASSES = [
    ("I", "I类", (8, 48, 107)),
    ("II", "II类", (33, 113, 181)),
    ("III", "III类", (107, 174, 214)),
    ("IV", "IV类", (189, 215, 231)),
    ("V", "V类", (239, 243, 255)),
]


def water_zone(geom):
    return kind_categorized("water_zone", geom, "target_class", WATER_CLASSES,
                            line_width=1.2, fill_alpha=170)


def water_source():
    cats = [
        ("first", "一级保护区", (8, 81, 156)),
        ("second", "二级保护区", (66, 146, 198)),
        ("quasi", "准保护区", (158, 202, 225)),
    ]
    return kind_categorized("water_source", POLYGON, "level", cats, fill_alpha=150)


def marine_zone():
    cats = [
        ("1", "第一类", (8, 69, 148)),
        ("2", "第二类", (66, 146, 198)),
        ("3", "第三类", (158, 202, 225)),
        ("4", "第四类", (222, 235, 247)),
    ]
    return kind_categorized("marine_zone", POLYGON, "class", cats, fill_alpha=150)


def coastline():
    cats = [
        ("natural", "自然岸线", (35, 139, 69)),
        ("artificial", "人工岸线", (203, 24, 29)),
        ("estuary", "河口岸线", (33, 113, 181)),
    ]
    return kind_categorized("coastline", LINE, "type1", cats, label_field=None, line_width=1.0)


def bay():
    cats = [
        ("built", "已建成美丽海湾", (35, 139, 69)),
        ("batch", "已列入建设批次", (65, 182, 196)),
        ("planned", "规划建设", (199, 233, 180)),
    ]
    return kind_categorized("bay", POLYGON, "status", cats, fill_alpha=110)


def soil_parcel():
    cats = [
        ("controlled", "风险管控中", (215, 48, 39)),
        ("remediating", "修复中", (252, 141, 89)),
        ("delisted", "已移出名录", (145, 191, 219)),
    ]
    return kind_categorized("soil_parcel", POLYGON, "status", cats, fill_alpha=160)


def farmland_soil():
    cats = [
        ("priority", "优先保护类", (26, 150, 65)),
        ("safe_use", "安全利用类", (255, 255, 102)),
        ("strict_control", "严格管控类", (215, 25, 28)),
    ]
    return kind_categorized("farmland_soil", POLYGON, "class", cats, label_field=None, fill_alpha=140)


def admin():
    geom = POLYGON
    layers = [simple_fill(rgba((0, 0, 0), 0), rgba((80, 80, 80)), 0.6, "no", "dash")]
    return document(geom, single(geom, layers),
                    labeling(geom, "name", size=10, color=(60, 60, 60), bold=True),
                    KIND_FIELDS["admin"], "name")


def site(geom):
    c = (120, 60, 160)
    layers = solid_symbol(geom, c, fill_alpha=110, line_width=1.0, marker="square", marker_size=3.6)
    return document(geom, single(geom, layers), labeling(geom, "name", size=8),
                    KIND_FIELDS["site"], "name")


REPAIR_FIELDS = [
    ("layer", "图层"), ("src_fid", "源要素号"), ("feature_code", "要素编号"),
    ("action", "处理方式(repaired 已修复 / rejected 已剔除)"), ("reason", "原因"),
]


def repairs():
    # attribute-only table: no renderer, aliases only; layerGeometryType 4 = no geometry
    return document(NOGEOM, None, None, REPAIR_FIELDS, "feature_code")


def outlet():
    geom = POINT
    cats = [("outfall", "入海/入河排污口", (178, 24, 43)), ("station", "监测断面/站位", (33, 102, 172))]
    sym = [("outfall", cats[0][1], [simple_marker(rgba(cats[0][2]), "255,255,255,255", "triangle", 3.6, 0.3)]),
           ("station", cats[1][1], [simple_marker(rgba(cats[1][2]), "255,255,255,255", "circle", 3.2, 0.3)])]
    return document(geom, categorized("kind", geom, sym,
                                      other=("其他 other", [simple_marker(rgba(GREY), "255,255,255,255",
                                                                          "circle", 2.6, 0.3)])),
                    labeling(geom, "name", size=8), KIND_FIELDS["outlet"], "name")


STYLES = {
    "sites_point": lambda: sites(POINT),
    "sites_line": lambda: sites(LINE),
    "sites_polygon": lambda: sites(POLYGON),
    "overlaps": lambda: overlaps(POLYGON),
    "overlaps_line": lambda: overlaps(LINE),
    "overlaps_point": lambda: overlaps(POINT),
    "nearest": nearest,
    "buffer_rings": buffer_rings,
    "redline": redline,
    "control_unit": control_unit,
    "water_zone": lambda: water_zone(POLYGON),
    "water_zone_line": lambda: water_zone(LINE),
    "water_source": water_source,
    "marine_zone": marine_zone,
    "coastline": coastline,
    "bay": bay,
    "soil_parcel": soil_parcel,
    "farmland_soil": farmland_soil,
    "admin": admin,
    "site": lambda: site(POLYGON),
    "site_line": lambda: site(LINE),
    "site_point": lambda: site(POINT),
    "outlet": outlet,
    "repairs": repairs,
}

if __name__ == "__main__":
    outdir = Path(sys.argv[1])
    for name, fn in STYLES.items():
        (outdir / (name + ".qml")).write_text(fn(), encoding="utf-8")
        print("wrote", outdir / (name + ".qml"))
