<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0-Firenze" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0" symbologyReferenceScale="-1" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
    <alias field="layer" index="0" name="图层"/>
    <alias field="src_fid" index="1" name="源要素号"/>
    <alias field="feature_code" index="2" name="要素编号"/>
    <alias field="action" index="3" name="处理方式(repaired 已修复 / rejected 已剔除)"/>
    <alias field="reason" index="4" name="原因"/>
  </aliases>
  <previewExpression>&quot;feature_code&quot;</previewExpression>
  <layerGeometryType>4</layerGeometryType>
</qgis>
