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
    <alias field="bay_code" index="0" name="海湾编号"/>
    <alias field="bay_name" index="1" name="海湾名称"/>
    <alias field="kind" index="2" name="类型(soil_parcel 风险地块 / soil_parcel_delisted 已移出地块 / outfall 排污口 / station 监测站位)"/>
    <alias field="code" index="3" name="编号"/>
    <alias field="name" index="4" name="名称"/>
    <alias field="detail" index="5" name="状态/用途或实测类别"/>
    <alias field="distance_m" index="6" name="距海湾距离(米)"/>
  </aliases>
  <previewExpression>&quot;name&quot;</previewExpression>
  <layerGeometryType>4</layerGeometryType>
</qgis>
