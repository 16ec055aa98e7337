"""Shared helpers of the style generators of this folder: symbol, label and header XML copied from
outlet.qml (markers, header), water_source.qml (fills), nearest.qml (lines)."""
import os
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def first_symbol(text):
    return re.search(r'( *)<symbol [^>]*>.*?</symbol>\n', text, re.S).group(0)


def block(text, tag):
    return re.search(r'( *)<%s[ >].*?</%s>\n' % (tag, tag), text, re.S).group(0)


OUTLET, SOURCE, NEAREST = read("outlet.qml"), read("water_source.qml"), read("nearest.qml")
SYMBOL = {"marker": first_symbol(OUTLET), "fill": first_symbol(SOURCE), "line": first_symbol(NEAREST)}
LABELING = {"marker": block(OUTLET, "labeling"), "fill": block(SOURCE, "labeling"), "line": block(NEAREST, "labeling")}
GEOM_TYPE = {"marker": 0, "line": 1, "fill": 2}
HEAD = OUTLET[:OUTLET.index("  <renderer-v2")]
HEAD_NOLABEL = HEAD.replace('labelsEnabled="1"', 'labelsEnabled="0"')
GREY = "160,160,160,255"


def symbol(kind, name, color, outline=None, width=None, style=None, size=None, shape=None, dash=None):
    s = re.sub(r'name="0" type="%s"' % kind, 'name="%s" type="%s"' % (name, kind), SYMBOL[kind], count=1)

    def setv(key, value):
        nonlocal s
        s = re.sub(r'(<Option name="%s" type="QString" value=")[^"]*(")' % key, r'\g<1>%s\g<2>' % value, s)
        s = re.sub(r'(<prop k="%s" v=")[^"]*(")' % key, r'\g<1>%s\g<2>' % value, s)

    if kind == "marker":
        setv("color", color)
        setv("size", size or "3")
        setv("name", shape or "circle")
        if outline:
            setv("outline_color", outline)
    elif kind == "fill":
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
        setv("use_custom_dash", "1" if dash else "0")
        if dash:
            setv("customdash", dash)
    return s


def labeling(kind, field, expression=False):
    t = re.sub(r'fieldName="[^"]*"', 'fieldName="%s"' % field.replace('"', "&quot;"), LABELING[kind], count=1)
    return re.sub(r'isExpression="[01]"', 'isExpression="%d"' % (1 if expression else 0), t, count=1)


def indent(text, n, dedent=False):
    # dedent=False keeps the historical form (only the first line moved), as the committed files have it
    text = textwrap.dedent(text) if dedent else text.lstrip(" ")
    return "".join((" " * n + l if l.strip() else l) for l in text.splitlines(True))


def tail(kind, fields, preview):
    out = "  <blendMode>0</blendMode>\n  <featureBlendMode>0</featureBlendMode>\n  <layerOpacity>1</layerOpacity>\n  <aliases>\n"
    for i, (f, a) in enumerate(fields):
        out += '    <alias field="%s" index="%d" name="%s"/>\n' % (f, i, a)
    out += "  </aliases>\n  <previewExpression>&quot;%s&quot;</previewExpression>\n" % preview
    return out + "  <layerGeometryType>%d</layerGeometryType>\n</qgis>\n" % GEOM_TYPE[kind]


def categorized(kind, attr, cats, fields, label=None, label_expr=False, preview="id"):
    """cats: (value, legend label, symbol kwargs); the last one ("", ...) is QGIS's 'all other values'."""
    out = HEAD if label else HEAD_NOLABEL
    out += ('  <renderer-v2 attr="%s" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" '
            'type="categorizedSymbol">\n    <categories>\n' % attr)
    for i, (v, lab, _) in enumerate(cats):
        out += '      <category label="%s" render="true" symbol="%d" value="%s"/>\n' % (lab, i, v)
    out += "    </categories>\n    <symbols>\n"
    for i, (_, _, kw) in enumerate(cats):
        out += indent(symbol(kind, str(i), **kw), 6)
    out += "    </symbols>\n    <source-symbol>\n" + indent(symbol(kind, "0", **cats[0][2]), 6)
    out += "    </source-symbol>\n    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
    if label:
        out += labeling(kind, label, label_expr)
    return out + tail(kind, fields, preview)


def single(kind, fields, label=None, label_expr=False, preview="id", **kw):
    out = HEAD if label else HEAD_NOLABEL
    out += '  <renderer-v2 enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="singleSymbol">\n    <symbols>\n'
    out += indent(symbol(kind, "0", **kw), 6)
    out += "    </symbols>\n    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
    if label:
        out += labeling(kind, label, label_expr)
    return out + tail(kind, fields, preview)


def graduated(kind, attr, ranges, fields, classification, label=None, label_expr=False, preview="id", dedent=False):
    """ranges: (lower, upper, legend label (plain text), symbol kwargs); classification: the <classificationMethod> block."""
    out = HEAD if label else HEAD_NOLABEL
    out += ('  <renderer-v2 attr="%s" enableorderby="0" forceraster="0" graduatedMethod="GraduatedColor" '
            'referencescale="-1" symbollevels="0" type="graduatedSymbol">\n    <ranges>\n' % attr)
    for i, (lo, hi, lab, _) in enumerate(ranges):
        lab = lab.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out += '      <range label="%s" lower="%.15f" render="true" symbol="%d" upper="%.15f"/>\n' % (lab, lo, i, hi)
    out += "    </ranges>\n    <symbols>\n"
    for i, r in enumerate(ranges):
        out += indent(symbol(kind, str(i), **r[3]), 6, dedent)
    out += "    </symbols>\n    <source-symbol>\n" + indent(symbol(kind, "0", **ranges[0][3]), 6, dedent)
    out += "    </source-symbol>\n" + classification + "    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
    if label:
        out += labeling(kind, label, label_expr)
    return out + tail(kind, fields, preview)


def write(name, text):
    with open(os.path.join(HERE, name + ".qml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
