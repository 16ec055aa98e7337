#!/usr/bin/env python3
"""Writes the QGIS styles of the output layers of `bay` and `coast --old` (styles/bay_*.qml,
styles/coast_change.qml) from the thematic styles they extend, so colours and label fonts stay
those of the catalog styles: only the renderer's categories, the label field and the Chinese
field aliases change. Run from anywhere: python3 styles/gen_bay_coast_styles.py
"""
import os
import re
from xml.sax.saxutils import quoteattr

here = os.path.dirname(os.path.abspath(__file__))


def aliases(fields):
    out = ["  <aliases>"]
    for i, (f, zh) in enumerate(fields):
        out.append('    <alias field=%s index="%d" name=%s/>' % (quoteattr(f), i, quoteattr(zh)))
    out.append("  </aliases>")
    return "\n".join(out)


def derive(base, name, fields, label=None, categories=None, attr=None, preview=None):
    text = open(os.path.join(here, base + ".qml"), encoding="utf-8").read()
    text = re.sub(r"  <aliases>.*?</aliases>", lambda m: aliases(fields), text, flags=re.S)
    if label:
        text = re.sub(r'fieldName="[^"]*"', 'fieldName="%s"' % label, text)
    if attr:
        text = re.sub(r'<renderer-v2 attr="[^"]*"', '<renderer-v2 attr="%s"' % attr, text, count=1)
    if categories is not None:
        lines = ['      <category label=%s render="true" symbol="%s" value=%s/>' % (quoteattr(l), s, quoteattr(v))
                 for v, l, s in categories]
        text = re.sub(r"    <categories>.*?</categories>", lambda m: "    <categories>\n" + "\n".join(lines) + "\n    </categories>",
                      text, count=1, flags=re.S)
    if preview:
        text = re.sub(r"<previewExpression>.*?</previewExpression>", "<previewExpression>&quot;%s&quot;</previewExpression>" % preview, text)
    with open(os.path.join(here, name + ".qml"), "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote styles/%s.qml (from %s.qml)" % (name, base))


BAY = [("bay_code", "海湾编号"), ("bay_name", "海湾名称")]
derive("bay", "bay_cards", [
    ("code", "海湾编号"), ("name", "海湾名称"), ("status", "美丽海湾建设状态"), ("county", "县级行政区"), ("target_year", "目标年份"),
    ("area_m2", "面积(平方米,平面)"), ("area_ell_m2", "面积(平方米,椭球)"), ("area_ha", "面积(公顷,平面)"),
    ("sea_m2", "海域面积(平方米,功能区覆盖)"), ("unzoned_m2", "未划功能区面积(平方米)"),
    ("class1_m2", "第一类海水功能区面积(平方米)"), ("class2_m2", "第二类海水功能区面积(平方米)"),
    ("class3_m2", "第三类海水功能区面积(平方米)"), ("class4_m2", "第四类海水功能区面积(平方米)"),
    ("good_m2", "一、二类功能区面积(平方米)"), ("good_share", "一、二类功能区占比"),
    ("shore_mainland_m", "大陆岸线长度(米)"), ("shore_natural_m", "自然岸线(含整治修复)长度(米)"),
    ("natural_ratio", "自然岸线保有率"), ("natural_verdict", "保有率结论"), ("shore_island_m", "海岛岸线长度(米)"),
    ("redline_m2", "生态保护红线面积(平方米)"), ("redline_share", "红线覆盖比例"),
    ("n_soil_parcels", "汇水缓冲区内风险地块数"), ("n_outfalls", "汇水缓冲区内排污口数"), ("n_stations", "湾内监测站位数"),
    ("src_fid", "源要素号")], label="name")
derive("marine_zone", "bay_marine", BAY + [
    ("zone_code", "功能区编码"), ("zone_name", "功能区名称"), ("class", "海水水质类别"), ("area_m2", "面积(平方米,平面)"),
    ("area_ell_m2", "面积(平方米,椭球)"), ("sea_share", "占海湾海域比例")], label="zone_name")
derive("coastline", "bay_shoreline", BAY + [
    ("code", "岸线编号"), ("type1", "岸线类型"), ("type2", "岸线二级类型"), ("restored", "整治修复岸线"), ("mainland", "大陆岸线"),
    ("counts_natural", "计入自然岸线"), ("county", "县级行政区"), ("length_m", "湾内长度(米,平面)"), ("length_ell_m", "湾内长度(米,椭球)"),
    ("src_fid", "源要素号")])
derive("admin", "bay_catchment", BAY + [("distance_m", "汇水缓冲距离(米)")], label="bay_name")
derive("repairs", "bay_items", BAY + [
    ("kind", "类型(soil_parcel 风险地块 / soil_parcel_delisted 已移出地块 / outfall 排污口 / station 监测站位)"), ("code", "编号"), ("name", "名称"),
    ("detail", "状态/用途或实测类别"), ("distance_m", "距海湾距离(米)")], preview="name")
derive("coastline", "coast_change", [
    ("change", "变化类型"), ("code", "岸线编号(新)"), ("old_codes", "原岸线编号"), ("type1", "岸线类型(新)"), ("type2", "岸线二级类型(新)"),
    ("restored", "整治修复岸线"), ("mainland", "大陆岸线"), ("county", "县级行政区"), ("length_m", "变化长度(米,平面)"),
    ("length_ell_m", "变化长度(米,椭球)"), ("src_fid", "源要素号(新)")],
    attr="change", categories=[("natural_to_artificial", "自然转人工 natural → artificial", 1),
                               ("artificial_to_natural", "人工转自然(整治修复) artificial → natural", 0)])
