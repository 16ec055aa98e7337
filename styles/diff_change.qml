<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0-Firenze" styleCategories="AllStyleCategories" labelsEnabled="1" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0" symbologyReferenceScale="-1" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <renderer-v2 attr="change" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
    <categories>
      <category label="新增 added" render="true" symbol="0" value="added"/>
      <category label="减少 removed" render="true" symbol="1" value="removed"/>
      <category label="边界调整(增) edge adjustment, added" render="true" symbol="2" value="edge_added"/>
      <category label="边界调整(减) edge adjustment, removed" render="true" symbol="3" value="edge_removed"/>
      <category label="其他 other" render="true" symbol="4" value=""/>
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="0" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="26,152,80,210"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,104,55,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.4"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="26,152,80,210"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,104,55,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.4"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="1" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="215,48,39,210"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="165,0,38,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.4"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="215,48,39,210"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="165,0,38,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.4"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="2" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="145,207,96,255"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="26,152,80,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="b_diagonal"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="145,207,96,255"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="26,152,80,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="b_diagonal"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="3" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="252,141,89,255"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="215,48,39,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="f_diagonal"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="252,141,89,255"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="215,48,39,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.3"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="f_diagonal"/>
              </layer>
            </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0" name="4" type="fill">
              <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                <Option type="Map">
                  <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="color" type="QString" value="200,200,200,150"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="160,160,160,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.3"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="200,200,200,150"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="160,160,160,255"/>
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
                  <Option name="color" type="QString" value="26,152,80,210"/>
                  <Option name="joinstyle" type="QString" value="bevel"/>
                  <Option name="offset" type="QString" value="0,0"/>
                  <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                  <Option name="offset_unit" type="QString" value="MM"/>
                  <Option name="outline_color" type="QString" value="0,104,55,255"/>
                  <Option name="outline_style" type="QString" value="solid"/>
                  <Option name="outline_width" type="QString" value="0.4"/>
                  <Option name="outline_width_unit" type="QString" value="MM"/>
                  <Option name="style" type="QString" value="solid"/>
                </Option>
                <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="color" v="26,152,80,210"/>
                <prop k="joinstyle" v="bevel"/>
                <prop k="offset" v="0,0"/>
                <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
                <prop k="offset_unit" v="MM"/>
                <prop k="outline_color" v="0,104,55,255"/>
                <prop k="outline_style" v="solid"/>
                <prop k="outline_width" v="0.4"/>
                <prop k="outline_width_unit" v="MM"/>
                <prop k="style" v="solid"/>
              </layer>
            </symbol>
    </source-symbol>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style allowHtml="0" blendMode="0" capitalization="0" fieldName="code" fontFamily="Microsoft YaHei" fontItalic="0" fontKerning="1" fontLetterSpacing="0" fontSize="8" fontSizeMapUnitScale="3x:0,0,0,0,0,0" fontSizeUnit="Point" fontStrikeout="0" fontUnderline="0" fontWeight="50" fontWordSpacing="0" forcedBold="0" forcedItalic="0" isExpression="0" legendString="Aa" multilineHeight="1" multilineHeightUnit="Percentage" namedStyle="Regular" previewBkgrdColor="255,255,255,255" textColor="30,30,30,255" textOpacity="1" textOrientation="horizontal" useSubstitutions="0">
        <families/>
        <text-buffer bufferBlendMode="0" bufferColor="255,255,255,255" bufferDraw="1" bufferJoinStyle="128" bufferNoFill="1" bufferOpacity="0.85" bufferSize="0.8" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferSizeUnits="MM"/>
        <text-mask maskEnabled="0" maskJoinStyle="128" maskOpacity="1" maskSize="0" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskSizeUnits="MM" maskType="0" maskedSymbolLayers=""/>
        <background shapeDraw="0" shapeType="0"/>
        <shadow shadowDraw="0"/>
        <dd_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format addDirectionSymbol="0" autoWrapLength="0" decimals="0" formatNumbers="0" leftDirectionSymbol="&lt;" multilineAlign="3" placeDirectionSymbol="0" plussign="0" reverseDirectionSymbol="0" rightDirectionSymbol="&gt;" useMaxLineLengthForAutoWrap="1" wrapChar=""/>
      <placement centroidInside="1" centroidWhole="0" dist="1" distMapUnitScale="3x:0,0,0,0,0,0" distUnits="MM" fitInPolygonOnly="0" geometryGenerator="" geometryGeneratorEnabled="0" geometryGeneratorType="PointGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" layerType="PolygonGeometry" lineAnchorClipping="0" lineAnchorPercent="0.5" lineAnchorTextPoint="FollowPlacement" lineAnchorType="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" offsetType="1" offsetUnits="MM" overlapHandling="PreventOverlap" overrunDistance="0" overrunDistanceUnit="MM" placement="1" placementFlags="10" polygonPlacementFlags="2" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" preserveRotation="1" priority="5" quadOffset="4" repeatDistance="0" repeatDistanceUnits="MM" rotationAngle="0" rotationUnit="AngleDegrees" xOffset="0" yOffset="0"/>
      <rendering drawLabels="1" fontLimitPixelSize="0" fontMaxPixelSize="10000" fontMinPixelSize="3" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" mergeLines="0" minFeatureSize="0" obstacle="1" obstacleFactor="1" obstacleType="1" scaleMax="0" scaleMin="0" scaleVisibility="0" unplacedVisibility="0" upsidedownLabels="0" zIndex="0"/>
      <dd_properties>
        <Option type="Map">
          <Option name="name" type="QString" value=""/>
          <Option name="properties"/>
          <Option name="type" type="QString" value="collection"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option name="enabled" type="QString" value="0"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
    <alias field="change" index="0" name="变化类型"/>
    <alias field="version" index="1" name="来源版本"/>
    <alias field="code" index="2" name="红线编号"/>
    <alias field="county" index="3" name="县级行政区"/>
    <alias field="function_type" index="4" name="红线类型"/>
    <alias field="src_fid" index="5" name="源要素号"/>
    <alias field="area_m2" index="6" name="面积(平方米)"/>
    <alias field="area_ell_m2" index="7" name="椭球面积(平方米)"/>
    <alias field="area_ha" index="8" name="面积(公顷)"/>
  </aliases>
  <previewExpression>&quot;code&quot;</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
