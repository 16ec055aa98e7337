#!/usr/bin/env python3
"""Writes the QGIS styles of the `redline audit` outputs (audit.gpkg):

  audit_points    one point per problem, categorized on `kind` (the fault kinds)
  audit_overlaps  overlaps between patches, red hatched
  audit_gaps      narrow gaps, notches and slivers, categorized on `kind`
  audit_outside   parts of patches outside the admin boundary, purple hatched
  audit_patches   the patches, categorized on `status` (ok / warning / fault), labelled with `code`

Like styles/gen_styles.py and gen_water_soil_styles.py, the symbol, label and header XML is taken
from existing styles of this folder (outlet.qml for markers and the header, water_source.qml for
fills) so the files have exactly the form of the others; only colours, categories, labels and
aliases change. Same bytes on every run.

    python3 styles/gen_audit_styles.py      # from the repository root
"""
from qml_derive import GREY, categorized as _cat, write


def categorized(kind, attr, cats, fields, label=None, preview="fault_id"):
    return _cat(kind, attr, cats, fields, label=label, preview=preview)


FAULT = [("fault_id", "问题编号"), ("kind", "问题类型"), ("blocking", "是否阻止提交(1 是 / 0 否)"), ("code", "红线编号"),
         ("src_fid", "源要素号")]
PIECE = FAULT + [("code2", "另一红线编号"), ("src_fid2", "另一源要素号"), ("area_m2", "面积(平方米)"),
                 ("area_ell_m2", "椭球面积(平方米)"), ("width_m", "平均宽度(米)")]

write("audit_points", categorized("marker", "kind", [
    ("invalid_geometry", "几何无效(自相交等) invalid geometry", dict(color="215,25,28,255", outline="0,0,0,255", size="3.2", shape="cross_fill")),
    ("rejected", "无法使用的几何 rejected", dict(color="103,0,13,255", outline="0,0,0,255", size="3.2", shape="cross_fill")),
    ("attribute", "属性问题 attribute", dict(color="255,255,191,255", outline="0,0,0,255", shape="square")),
    ("duplicate_code", "编号重复 duplicate code", dict(color="253,174,97,255", outline="0,0,0,255", shape="square")),
    ("area_field", "面积字段不符 area field", dict(color="254,224,144,255", outline="0,0,0,255", shape="diamond")),
    ("overlap", "图斑重叠 overlap", dict(color="215,48,39,255", outline="0,0,0,255")),
    ("gap", "狭窄缝隙 gap", dict(color="33,102,172,255", outline="0,0,0,255")),
    ("notch", "狭窄凹口 notch", dict(color="146,197,222,255", outline="0,0,0,255")),
    ("sliver", "细长碎片 sliver", dict(color="67,147,195,255", outline="0,0,0,255", shape="triangle")),
    ("outside_admin", "超出行政区 outside admin", dict(color="123,50,148,255", outline="0,0,0,255", shape="star", size="3.6")),
    ("", "其他 other", dict(color="200,200,200,255", outline="0,0,0,255")),
], FAULT + [("code2", "相关红线编号"), ("area_m2", "面积(平方米)"), ("message", "说明")], label="fault_id"))

write("audit_overlaps", categorized("fill", "kind", [
    ("overlap", "图斑重叠 overlap", dict(color="215,48,39,200", outline="165,0,38,255", width="0.5", style="b_diagonal")),
    ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
], PIECE))

write("audit_gaps", categorized("fill", "kind", [
    ("gap", "狭窄缝隙 gap", dict(color="33,102,172,220", outline="5,48,97,255", width="0.6")),
    ("notch", "狭窄凹口 notch", dict(color="146,197,222,220", outline="33,102,172,255", width="0.4")),
    ("sliver", "细长碎片 sliver", dict(color="67,147,195,220", outline="5,48,97,255", width="0.6", style="f_diagonal")),
    ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
], PIECE))

write("audit_outside", categorized("fill", "kind", [
    ("outside_admin", "超出行政区 outside admin", dict(color="123,50,148,200", outline="64,0,75,255", width="0.5", style="f_diagonal")),
    ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
], PIECE))

write("audit_patches", categorized("fill", "status", [
    ("ok", "合格 ok", dict(color="166,217,106,150", outline="26,152,80,255", width="0.3")),
    ("warning", "提示 warning", dict(color="254,224,139,170", outline="215,153,0,255", width="0.4")),
    ("fault", "有问题 fault", dict(color="253,174,97,190", outline="215,48,39,255", width="0.6")),
    ("", "其他 other", dict(color="200,200,200,150", outline=GREY, width="0.3")),
], [("code", "红线编号"), ("name", "红线名称"), ("county", "县级行政区"), ("function_type", "红线类型"), ("domain", "陆域/海域"),
    ("src_fid", "源要素号"), ("area_m2", "面积(平方米)"), ("area_ell_m2", "椭球面积(平方米)"), ("declared_ha", "面积字段(公顷)"),
    ("n_faults", "问题数"), ("faults", "问题类型"), ("status", "质检结论")], label="code", preview="code"))
