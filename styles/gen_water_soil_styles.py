#!/usr/bin/env python3
"""Writes the QGIS styles of the `water` and `soil` outputs and of the `receptor` layer kind:

  water_points, water_flags, water_zone_redline, water_zone_redline_line,
  soil_parcels, soil_links, farmland_pieces, receptor, receptor_point

The symbol, label and header XML is taken from existing styles of this folder (outlet.qml for
markers, water_source.qml for fills, nearest.qml for lines) so the files have exactly the form of
the others; only colours, categories, labels and aliases change. Same bytes on every run.

    python3 styles/gen_water_soil_styles.py      # from the repository root
"""
from qml_derive import GREY, categorized, single, write

WATER_POINT_FIELDS = [
    ("id", "编号"), ("name", "名称"), ("kind", "类型"), ("county", "县级行政区"), ("measured_raw", "实测水质类别(原值)"),
    ("measured_class", "实测水质类别"), ("zone_kind", "归属类型"), ("zone_code", "功能区编码"), ("zone_name", "功能区名称"),
    ("level1", "一级水功能区"), ("level2", "二级水功能区"), ("target_class", "水质目标"), ("standard", "评价标准"),
    ("compliance", "达标情况"), ("distance_m", "距离(米)"), ("nearest_code", "最近功能区编码"), ("nearest_name", "最近功能区名称"),
    ("water_source_level", "所在水源保护区级别"), ("in_protection_zone", "位于保护类水功能区"), ("flags", "警示"), ("src_fid", "源要素号")]

write("water_points", categorized("marker", "compliance", [
    ("compliant", "达标 compliant", dict(color="26,152,80,255", size="3.4")),
    ("exceeds", "超标 exceeds", dict(color="215,48,39,255", size="3.8")),
    ("unassigned", "未落入功能区 unassigned", dict(color="123,50,148,255", shape="square", size="3.2")),
    ("not_measured", "无监测值 not measured", dict(color="150,150,150,255", shape="triangle", size="3.4")),
    ("unknown_class", "类别无法识别 unknown class", dict(color="253,174,97,255", size="3.2")),
    ("no_target", "无水质目标 no target", dict(color="200,200,200,255", size="3.2")),
    ("", "其他 other", dict(color=GREY, size="2.6")),
], WATER_POINT_FIELDS, label="id"))

write("water_flags", categorized("marker", "flag", [
    ("water_source_first", "一级水源保护区内排污口", dict(color="165,0,38,255", shape="star", size="6")),
    ("water_source_second", "二级水源保护区内排污口", dict(color="215,48,39,255", shape="star", size="5.5")),
    ("water_source_quasi", "准保护区内排污口", dict(color="244,109,67,255", shape="star", size="5")),
    ("water_source_unknown", "水源保护区(级别不明)内排污口", dict(color="253,174,97,255", shape="star", size="5")),
    ("protection_zone", "保护类水功能区内排污口", dict(color="118,42,131,255", shape="star", size="5")),
    ("", "其他 other", dict(color=GREY, shape="star", size="4")),
], [("id", "编号"), ("name", "名称"), ("flag", "警示类型"), ("layer_kind", "图层类型"), ("feature_code", "要素编号"),
    ("feature_name", "要素名称"), ("detail", "说明")], label="id"))

ZR_FIELDS = [("zone_code", "水功能区编码"), ("zone_name", "水功能区名称"), ("redline_code", "红线编号"), ("redline_name", "红线名称"),
             ("area_m2", "重叠面积(平方米)"), ("area_ell_m2", "重叠椭球面积(平方米)"), ("area_ha", "重叠面积(公顷)"),
             ("length_m", "重叠长度(米)"), ("zone_share", "占水功能区比例")]
write("water_zone_redline", single("fill", ZR_FIELDS, label="zone_name", preview="zone_code", color="215,48,39,110",
                                   outline="165,0,38,255", width="0.6", style="b_diagonal"))
write("water_zone_redline_line", single("line", ZR_FIELDS, preview="zone_code", color="215,48,39,255", width="1.2"))

write("soil_parcels", categorized("fill", "category", [
    ("class1_listed", "名录内且规划一类用地 listed, class-1 use", dict(color="165,0,38,200", outline="103,0,13,255", width="0.6")),
    ("listed_receptor_near", "名录内且近处有敏感目标 listed, receptor near", dict(color="244,109,67,200", outline="165,0,38,255", width="0.5")),
    ("listed", "名录内 listed", dict(color="254,224,144,200", outline="215,48,39,255", width="0.5")),
    ("delisted", "已移出 delisted", dict(color="116,173,209,150", outline="69,117,180,255", width="0.4")),
    ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.4")),
], [("code", "地块编码"), ("name", "地块名称"), ("status", "名录状态"), ("listed", "在名录内"), ("planned_use", "规划用途"),
    ("class1_listed", "一类用地仍在名录"), ("category", "类别"), ("county", "县级行政区"), ("area_m2", "面积(平方米)"),
    ("school_m", "距最近学校(米)"), ("school_name", "最近学校"), ("hospital_m", "距最近医院(米)"), ("hospital_name", "最近医院"),
    ("residential_m", "距最近居住用地(米)"), ("residential_name", "最近居住用地"), ("water_source_m", "距最近水源地(米)"),
    ("water_source_name", "最近水源地"), ("n_within_min", "最小范围内敏感目标数"), ("n_within_max", "最大范围内敏感目标数"),
    ("within", "范围内敏感目标"), ("flags", "警示"), ("src_fid", "源要素号")], label="name", preview="code"))

RECEPTOR_CATS = [("school", "学校 school", "49,130,189,255"), ("hospital", "医院 hospital", "215,48,39,255"),
                 ("residential", "居住用地 residential", "254,178,76,255"), ("water_source", "水源地 water source", "8,81,156,255")]

write("soil_links", categorized("line", "receptor_kind", [
    (v, l, dict(color=c, width="0.6", dash="3;2")) for v, l, c in RECEPTOR_CATS] + [("", "其他 other", dict(color=GREY, width="0.4"))],
    [("parcel_code", "地块编码"), ("parcel_name", "地块名称"), ("receptor_id", "敏感目标编号"), ("receptor_name", "敏感目标名称"),
     ("receptor_kind", "敏感目标类型"), ("distance_m", "距离(米)"), ("range_m", "所在范围(米)"), ("nearest", "该类最近")],
    label='round("distance_m") || \' m\'', label_expr=True, preview="parcel_code"))

write("farmland_pieces", categorized("fill", "class", [
    ("priority", "优先保护类 priority protection", dict(color="26,152,80,180", outline="0,104,55,255", width="0.3")),
    ("safe_use", "安全利用类 safe use", dict(color="254,224,139,200", outline="215,160,0,255", width="0.3")),
    ("strict_control", "严格管控类 strict control", dict(color="215,48,39,200", outline="165,0,38,255", width="0.3")),
    ("", "其他/未分类 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
], [("county", "县级行政区"), ("county_code", "行政区代码"), ("class", "土壤环境质量类别"), ("area_m2", "面积(平方米)"),
    ("area_ell_m2", "椭球面积(平方米)"), ("area_mu", "面积(亩)"), ("share", "占本县农用地比例"), ("src_fid", "源要素号")],
    preview="county"))

RECEPTOR_FIELDS = [("id", "编号"), ("name", "名称"), ("kind", "敏感目标类型"), ("county", "县级行政区"), ("note", "说明")]
write("receptor", categorized("fill", "kind", [
    (v, l, dict(color=c[:-3] + "150", outline=c, width="0.5")) for v, l, c in RECEPTOR_CATS] +
    [("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.4"))], RECEPTOR_FIELDS, label="name"))
write("receptor_point", categorized("marker", "kind", [
    (v, l, dict(color=c, size="3.4", shape="square" if v == "school" else "cross2" if v == "hospital" else "circle"))
    for v, l, c in RECEPTOR_CATS] + [("", "其他 other", dict(color=GREY, size="2.6"))], RECEPTOR_FIELDS, label="name"))
