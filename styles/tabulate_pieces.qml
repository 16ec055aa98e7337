<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0-Firenze" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0" symbologyReferenceScale="-1" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <renderer-v2 attr="a_value" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
    <categories>
      <category label="水源涵养 water conservation" render="true" symbol="0" value="water_conservation"/>
      <category label="生物多样性维护 biodiversity" render="true" symbol="1" value="biodiversity"/>
      <category label="水土保持 soil conservation" render="true" symbol="2" value="soil_conservation"/>
      <category label="防风固沙 sand fixation" render="true" symbol="3" value="sand_fixation"/>
      <category label="海岸生态稳定 coastal stability" render="true" symbol="4" value="coastal_stability"/>
      <category label="其他 other" render="true" symbol="5" value="other"/>
      <category label="B 中不属于 A 的部分 B outside A" render="true" symbol="6" value="(outside A)"/>
      <category label="其他值 other values" render="true" symbol="7" value=""/>
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="0" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="35,139,69,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="35,139,69,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="1" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="65,171,93,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="65,171,93,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="2" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="166,217,106,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="166,217,106,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="3" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="217,240,163,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="217,240,163,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="4" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="65,182,196,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="8,69,148,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="65,182,196,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="8,69,148,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="5" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="199,233,192,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="199,233,192,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="6" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="235,235,235,120"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="160,160,160,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.2"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="235,235,235,120"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="160,160,160,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.2"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="7" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="253,174,97,170"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="166,97,26,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="253,174,97,170"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="166,97,26,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
    </symbols>
    <source-symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="0" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="35,139,69,190"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,68,27,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="35,139,69,190"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,68,27,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
    </source-symbol>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
    <alias field="a_value" index="0" name="A 类别"/>
    <alias field="b_value" index="1" name="B 类别"/>
    <alias field="a_fid" index="2" name="A 要素号"/>
    <alias field="b_fid" index="3" name="B 要素号"/>
    <alias field="area_m2" index="4" name="面积(平方米)"/>
    <alias field="area_ell_m2" index="5" name="椭球面积(平方米)"/>
    <alias field="area_ha" index="6" name="面积(公顷)"/>
  </aliases>
  <previewExpression>&quot;a_value&quot;</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
