#!/usr/bin/env python3
"""Writes the QGIS styles of the `tabulate` and `redline diff` outputs:

  tabulate_pieces   tabulate.gpkg, layer pieces: categorized on a_value (the redline function
                    types when A is a redline layer, as on the demo), B outside A in pale grey
  diff_change       redline_diff.gpkg, layer change: categorized on change: added green,
                    removed red, edge adjustments (edge_added, edge_removed) pale and hatched

Like styles/gen_water_soil_styles.py, the symbol, label and header XML is taken from existing
styles of this folder (outlet.qml for the header, water_source.qml for fills) so the files have
exactly the form of the others; only colours, categories, labels and aliases change. Same bytes
on every run. Other generators may be added here: one function per output.

    python3 styles/gen_styles.py      # from the repository root
"""
from qml_derive import GREY, categorized as _cat, graduated as _grad, write


def categorized(attr, cats, fields, label=None, preview="fid"):
    return _cat("fill", attr, cats, fields, label=label, preview=preview)


CLASSIFICATION = ('    <classificationMethod id="Fixed">\n      <symmetricMode astride="0" enabled="0" '
                  'symmetrypoint="0"/>\n      <labelFormat format="%1 - %2" labelprecision="1" trimtrailingzeroes="1"/>\n'
                  '      <parameters>\n        <Option type="Map">\n          <Option name="INTERVAL" type="double" value="1"/>\n'
                  '        </Option>\n      </parameters>\n      <extraInformation/>\n    </classificationMethod>\n')


def graduated(attr, ranges, fields, label, preview):
    return _grad("fill", attr, ranges, fields, CLASSIFICATION, label=label, preview=preview)


def tabulate_styles():
    write("tabulate_pieces", categorized("a_value", [
        ("water_conservation", "水源涵养 water conservation", dict(color="35,139,69,190", outline="0,68,27,255", width="0.3")),
        ("biodiversity", "生物多样性维护 biodiversity", dict(color="65,171,93,190", outline="0,68,27,255", width="0.3")),
        ("soil_conservation", "水土保持 soil conservation", dict(color="166,217,106,190", outline="0,68,27,255", width="0.3")),
        ("sand_fixation", "防风固沙 sand fixation", dict(color="217,240,163,190", outline="0,68,27,255", width="0.3")),
        ("coastal_stability", "海岸生态稳定 coastal stability", dict(color="65,182,196,190", outline="8,69,148,255", width="0.3")),
        ("other", "其他 other", dict(color="199,233,192,190", outline="0,68,27,255", width="0.3")),
        ("(outside A)", "B 中不属于 A 的部分 B outside A", dict(color="235,235,235,120", outline=GREY, width="0.2")),
        ("", "其他值 other values", dict(color="253,174,97,170", outline="166,97,26,255", width="0.3")),
    ], [("a_value", "A 类别"), ("b_value", "B 类别"), ("a_fid", "A 要素号"), ("b_fid", "B 要素号"), ("area_m2", "面积(平方米)"),
        ("area_ell_m2", "椭球面积(平方米)"), ("area_ha", "面积(公顷)")], preview="a_value"))


def diff_styles():
    write("diff_change", categorized("change", [
        ("added", "新增 added", dict(color="26,152,80,210", outline="0,104,55,255", width="0.4")),
        ("removed", "减少 removed", dict(color="215,48,39,210", outline="165,0,38,255", width="0.4")),
        ("edge_added", "边界调整(增) edge adjustment, added", dict(color="145,207,96,255", outline="26,152,80,255", width="0.3",
                                                                style="b_diagonal")),
        ("edge_removed", "边界调整(减) edge adjustment, removed", dict(color="252,141,89,255", outline="215,48,39,255", width="0.3",
                                                                  style="f_diagonal")),
        ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
    ], [("change", "变化类型"), ("version", "来源版本"), ("code", "红线编号"), ("county", "县级行政区"), ("function_type", "红线类型"),
        ("src_fid", "源要素号"), ("area_m2", "面积(平方米)"), ("area_ell_m2", "椭球面积(平方米)"), ("area_ha", "面积(公顷)")],
        label="code", preview="code"))


def pattern_styles():
    """corridors (graduated on cwd_ratio, the mean resistance along the least-cost path) and barriers
    (graduated on pct_improvement) of connectivity run / corridors / pinch / barriers."""
    write("corridors", graduated("cwd_ratio", [
        (0, 2, "< 2 通畅 easy", dict(color="26,150,65,110", outline="0,104,55,255", width="0.4")),
        (2, 5, "2 - 5", dict(color="166,217,106,110", outline="102,166,30,255", width="0.4")),
        (5, 20, "5 - 20", dict(color="253,174,97,110", outline="230,120,30,255", width="0.4")),
        (20, 1e9, "> 20 阻力大 costly", dict(color="215,25,28,110", outline="165,0,38,255", width="0.4")),
    ], [("link_id", "连接编号"), ("from_patch", "起始斑块"), ("to_patch", "终止斑块"), ("lcd", "最小累积阻力"),
        ("length_m", "最小成本路径长度(米)"), ("cwd_ratio", "累积阻力/路径长度"), ("cells", "廊道像元数"),
        ("area_m2", "廊道面积(平方米)"), ("area_ha", "廊道面积(公顷)"), ("width", "廊道阈值(成本单位)"),
        ("r_eff", "有效电阻"), ("max_current", "最大电流"), ("barrier_score", "最佳障碍改善得分")], "link_id", "link_id"))
    write("barriers", graduated("pct_improvement", [
        (0, 10, "0 - 10 %", dict(color="254,224,210,200", outline="103,0,13,255", width="0.5")),
        (10, 25, "10 - 25 %", dict(color="252,146,114,200", outline="103,0,13,255", width="0.5")),
        (25, 50, "25 - 50 %", dict(color="222,45,38,200", outline="103,0,13,255", width="0.5")),
        (50, 1e9, "> 50 %", dict(color="165,15,21,200", outline="103,0,13,255", width="0.5")),
    ], [("rank", "排名"), ("link_id", "连接编号"), ("from_patch", "起始斑块"), ("to_patch", "终止斑块"),
        ("radius_cells", "窗口半径(像元)"), ("radius_m", "窗口半径(米)"), ("centre_x", "中心X"), ("centre_y", "中心Y"),
        ("score", "改善得分(每米)"), ("improvement", "累积阻力减少量"), ("lcd", "原最小累积阻力"),
        ("lcd_restored", "修复后最小累积阻力"), ("pct_improvement", "改善百分比"), ("restored_resistance", "修复后阻力值")],
        "rank", "rank"))


tabulate_styles()
diff_styles()
pattern_styles()
