# -*- coding: utf-8 -*-
"""Hand-made design tables of the ILLUSTRATIVE Taizhou demo dataset (no GDAL in here).

Everything in this file is invented for a demo and for tests; none of it is official data.
Coordinates: (lon, lat) pairs are CGCS2000 degrees (EPSG:4490); x/y pairs and all sizes are
metres in EPSG:4549 (CGCS2000 3-degree Gauss-Kruger, central meridian 120E). build_demo.py
turns these tables into the GeoPackages.
"""

SEED = 20240630                       # the one random seed (blob outlines, farmland grid)
CURRENT_DATE = '2024-06-30T00:00:00.000Z'  # OGR_CURRENT_DATE: gpkg_contents.last_change
APPROVAL = '演示批文〔2023〕1号（演示数据，非正式批文）'

# The 9 county-level units; the source file still calls 玉环 a county with the pre-2017 code.
COUNTIES = {
    '331002': '椒江区', '331003': '黄岩区', '331004': '路桥区',
    '331022': '三门县', '331023': '天台县', '331024': '仙居县',
    '331081': '温岭市', '331082': '临海市', '331083': '玉环市',
}
SOURCE_CODE_FIX = {'331021': ('331083', '玉环市')}   # 玉环县 331021 -> 玉环市 331083 (2017)

# ---------------------------------------------------------------------------------------------
# Canonical enumeration codes (the same as layers/kinds/*.json): layer -> field -> [(code, zh)].
# Every enum value stored in the demo GeoPackages is the zh label below, as real data would be.
ENUMS = {
    'redline': {
        'HXLX': [('water_conservation', '水源涵养'), ('biodiversity', '生物多样性维护'),
                 ('soil_conservation', '水土保持'), ('sand_fixation', '防风固沙'),
                 ('coastal_stability', '海岸生态稳定'), ('other', '其他')],
        'LHY': [('land', '陆域'), ('sea', '海域')],
        'GKJB': [('core', '核心保护区'), ('general', '一般控制区')],
    },
    'control_unit': {
        'ZHGKDYFL': [('priority', '优先保护'), ('key', '重点管控'), ('general', '一般管控')],
    },
    'water_zone': {
        'level1': [('protection', '保护区'), ('reserve', '保留区'), ('buffer', '缓冲区'),
                   ('use', '开发利用区')],
        'level2': [('drinking', '饮用水源区'), ('industrial', '工业用水区'),
                   ('agricultural', '农业用水区'), ('fishery', '渔业用水区'),
                   ('landscape', '景观娱乐用水区'), ('transition', '过渡区'),
                   ('discharge_control', '排污控制区')],
        'target_class': [('I', 'Ⅰ类'), ('II', 'Ⅱ类'), ('III', 'Ⅲ类'), ('IV', 'Ⅳ类'),
                         ('V', 'Ⅴ类')],
    },
    'water_source': {
        'level': [('first', '一级'), ('second', '二级'), ('quasi', '准保护区')],
    },
    'marine_zone': {
        'class': [('1', '第一类'), ('2', '第二类'), ('3', '第三类'), ('4', '第四类')],
    },
    'coastline': {
        'type1': [('natural', '自然'), ('artificial', '人工'), ('estuary', '河口')],
        'type2': [('bedrock', '基岩'), ('sandy', '砂质'), ('muddy', '淤泥质'),
                  ('biological', '生物'), ('other', '其他')],
        'protection': [('strict', '严格保护'), ('limited', '限制开发'), ('optimised', '优化利用')],
    },
    'bay': {
        'status': [('batch', '列入建设批次'), ('built', '已建成'), ('planned', '规划建设')],
    },
    'soil_parcel': {
        'planned_use': [('class1', '一类用地'), ('class2', '二类用地')],
        'exceedance': [('screening', '筛选值'), ('intervention', '管制值')],
        'status': [('controlled', '管控中'), ('remediating', '修复中'), ('delisted', '已移出')],
    },
    'farmland_soil': {
        'class': [('priority', '优先保护'), ('safe_use', '安全利用'),
                  ('strict_control', '严格管控')],
        'land_type': [('paddy', '水田'), ('dry', '旱地')],
    },
    'outlet': {
        'kind': [('outfall', '排污口'), ('station', '监测断面')],
        'measured_class': [('I', 'Ⅰ类'), ('II', 'Ⅱ类'), ('III', 'Ⅲ类'), ('IV', 'Ⅳ类'),
                           ('V', 'Ⅴ类')],
    },
}
# canonical field name of the catalog -> field name used in the demo layer (where they differ)
CANONICAL_FIELD = {
    'redline': {'code': 'HXBH', 'name': 'HXMC', 'function_type': 'HXLX', 'domain': 'LHY',
                'control_level': 'GKJB', 'county_code': 'XZQDM', 'county': 'XZQMC',
                'area_ha': 'MJ', 'approval_doc': 'PZWH'},
    'control_unit': {'code': 'HJZHGKDYBM', 'name': 'HJZHGKDYMC', 'class': 'ZHGKDYFL',
                     'county_code': 'XZQDM', 'county': 'XZQMC', 'spatial_layout': 'KJBJYS',
                     'emissions': 'PWWPFGK', 'risk': 'HJFXFK', 'resources': 'ZYKFXLYQ'},
}
# Activities (site.activity): the redline-allowed list of the rules file. Sites whose project
# is not one of these leave `activity` empty (NULL) and say what they are in project_type.
REDLINE_ALLOWED = ['patrol_monitoring', 'existing_farming', 'archaeology', 'forest_tending',
                   'tourism_education', 'linear_infrastructure', 'geological_survey',
                   'ecological_restoration', 'other']

def zh(layer, field, code):
    for c, z in ENUMS[layer][field]:
        if c == code:
            return z
    raise KeyError((layer, field, code))

# ---------------------------------------------------------------------------------------------
# Ecological protection redline patches. shape:
#   ('rect', x0, y0, x1, y1)                      exact rectangle in EPSG:4549 (never clipped)
#   ('blob', lon, lat, r_m[, aspect, angle_deg])  irregular outline around a point, clipped to
#                                                 the county's land (陆域) or to the sea (海域)
#   ('coast', lon, lat, r_m, width_m)             land strip of width_m along the GSHHG shore
#                                                 within r_m of the point (海岸生态稳定)
# Patches are made disjoint in list order (a later one loses what an earlier one holds).
# One patch (MJ_OFF) carries an MJ 10 % above its true area so `layers check` finds something.
BENCH = {  # the hand-checkable rectangles in western Huangyan (EPSG:4549 metres)
    'R1': (586000.0, 3158000.0, 587000.0, 3158800.0),   # 1000 m x 800 m = 80 ha (planar)
    'R2': (589000.0, 3158000.0, 589400.0, 3158600.0),   # 400 m x 600 m = 24 ha
    'R3': (586000.0, 3160500.0, 586600.0, 3161300.0),   # 600 m x 800 m = 48 ha
    'R4': (586800.0, 3160500.0, 587400.0, 3161300.0),   # 600 m x 800 m = 48 ha, 200 m east of R3
}
REDLINES = [
    # code, name, HXLX code, LHY code, GKJB code, shape
    ('331003-RL-002', '黄岩富山水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('rect',) + BENCH['R1']),
    ('331003-RL-003', '黄岩上垟水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('rect',) + BENCH['R2']),
    ('331003-RL-004', '黄岩屿头生物多样性维护生态保护红线（西片）', 'biodiversity', 'land', 'core',
     ('rect',) + BENCH['R3']),
    ('331003-RL-005', '黄岩屿头生物多样性维护生态保护红线（东片）', 'biodiversity', 'land', 'core',
     ('rect',) + BENCH['R4']),
    ('331003-RL-001', '长潭水库水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 121.030, 28.585, 2500)),
    ('331003-RL-006', '黄岩九峰水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.275, 28.615, 800)),
    ('331023-RL-001', '天台山华顶生物多样性维护生态保护红线', 'biodiversity', 'land', 'core',
     ('blob', 121.080, 29.240, 3500)),
    ('331023-RL-004', '天台石梁水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.140, 29.195, 1500)),
    ('331023-RL-002', '里石门水库水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 120.860, 29.120, 3000)),
    ('331023-RL-003', '天台大雷山水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 120.820, 29.190, 3500)),
    ('331024-RL-001', '括苍山西麓生物多样性维护生态保护红线', 'biodiversity', 'land', 'core',
     ('blob', 120.900, 28.800, 3500)),
    ('331024-RL-002', '朱溪水库水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 120.590, 28.700, 2500)),
    ('331024-RL-003', '神仙居生物多样性维护生态保护红线', 'biodiversity', 'land', 'core',
     ('blob', 120.550, 28.640, 3000)),
    ('331024-RL-004', '永安溪源头水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 120.430, 28.790, 4000)),
    ('331024-RL-005', '仙居淡竹水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 120.680, 28.930, 2000)),
    ('331082-RL-001', '括苍山生物多样性维护生态保护红线', 'biodiversity', 'land', 'core',
     ('blob', 120.980, 28.800, 3000)),
    ('331082-RL-002', '牛头山水库水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 121.160, 29.000, 2500)),
    ('331082-RL-003', '临海桃渚海岸生态稳定生态保护红线', 'coastal_stability', 'land', 'general',
     ('coast', 121.660, 28.860, 7000, 600)),
    ('331082-RL-004', '东矶列岛海域生物多样性维护生态保护红线', 'biodiversity', 'sea', 'core',
     ('blob', 121.800, 28.780, 4000)),
    ('331082-RL-005', '临海羊岩山水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.280, 28.970, 1500)),
    ('331002-RL-001', '大陈岛海域生物多样性维护生态保护红线', 'biodiversity', 'sea', 'core',
     ('blob', 121.910, 28.470, 3000)),
    ('331002-RL-002', '大陈岛海岸生态稳定生态保护红线', 'coastal_stability', 'land', 'general',
     ('blob', 121.890, 28.460, 3500)),
    ('331004-RL-001', '路桥鉴洋湖水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.330, 28.560, 1200)),
    ('331081-RL-001', '湖漫水库水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 121.280, 28.420, 2000)),
    ('331081-RL-002', '温岭石塘海岸生态稳定生态保护红线', 'coastal_stability', 'land', 'general',
     ('coast', 121.610, 28.270, 5000, 500)),
    ('331081-RL-003', '温岭东部海域生物多样性维护生态保护红线', 'biodiversity', 'sea', 'general',
     ('blob', 121.700, 28.300, 3500)),
    ('331081-RL-004', '温岭太湖山水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.250, 28.360, 1500)),
    ('331083-RL-001', '漩门湾湿地海岸生态稳定生态保护红线', 'coastal_stability', 'land', 'general',
     ('coast', 121.280, 28.240, 4000, 500)),
    ('331083-RL-002', '披山海域生物多样性维护生态保护红线', 'biodiversity', 'sea', 'core',
     ('blob', 121.500, 28.100, 3000)),
    ('331083-RL-003', '玉环南大岙水土保持生态保护红线', 'soil_conservation', 'land', 'general',
     ('blob', 121.200, 28.180, 1200)),
    ('331022-RL-001', '三门湾湿地海岸生态稳定生态保护红线', 'coastal_stability', 'land', 'general',
     ('coast', 121.560, 29.110, 6000, 600)),
    ('331022-RL-002', '蛇蟠岛周边海域生物多样性维护生态保护红线', 'biodiversity', 'sea', 'core',
     ('blob', 121.600, 29.120, 2500)),
    ('331022-RL-003', '三门湫水山水源涵养生态保护红线', 'water_conservation', 'land', 'general',
     ('blob', 121.330, 29.070, 3000)),
]
MJ_OFF = '331024-RL-003'   # MJ written 10 % above the ellipsoidal area

# ---------------------------------------------------------------------------------------------
# Drinking water sources: the reservoir (first-level zone) is an ellipse-like outline of
# semi-axes a x b metres rotated by angle; the second-level zone is the ring out to 1500 m from
# it, the quasi zone the ring from 1500 m to 4000 m (both clipped to land). Rings do not overlap:
# the first-level zone sits in the hole of the second-level ring, and so on.
WATER_SOURCES = [
    # code prefix, water body, county code, lon, lat, a, b, angle
    ('331003SY01', '长潭水库', '331003', 121.100, 28.600, 2500, 900, 15),
    ('331082SY01', '牛头山水库', '331082', 121.220, 28.970, 1800, 700, -30),
    ('331023SY01', '里石门水库', '331023', 120.900, 29.100, 2000, 700, 10),
    ('331024SY01', '朱溪水库', '331024', 120.630, 28.720, 1500, 600, 40),
]
WS_RINGS = (1500.0, 4000.0)

# ---------------------------------------------------------------------------------------------
# Control units: per county one priority unit (redlines + water sources + the extra areas
# below), key units (urban / industrial outlines below, minus priority), and one general unit
# (the rest of the county).
PRIORITY_EXTRA = [  # county, lon, lat, r_m, what
    ('331082', 121.380, 28.850, 2500, '临海东部丘陵生态公益林'),
    ('331023', 120.950, 29.250, 2500, '天台北部生态公益林'),
    ('331024', 120.780, 28.750, 3000, '仙居中部生态公益林'),
    ('331022', 121.450, 29.000, 2000, '三门中部生态公益林'),
    ('331003', 121.180, 28.550, 2000, '黄岩南部生态公益林'),
]
KEY_UNITS = [  # county, kind (urban / industrial), lon, lat, r_m, name
    ('331002', 'urban', 121.430, 28.660, 4000, '椒江区中心城区城镇生活重点管控单元'),
    ('331002', 'industrial', 121.520, 28.640, 3000, '椒江区东部产业集聚重点管控单元'),
    ('331003', 'urban', 121.260, 28.645, 3500, '黄岩区中心城区城镇生活重点管控单元'),
    ('331003', 'industrial', 121.300, 28.640, 2000, '黄岩区江口产业集聚重点管控单元'),
    ('331004', 'urban', 121.370, 28.580, 3500, '路桥区中心城区城镇生活重点管控单元'),
    ('331004', 'industrial', 121.430, 28.540, 3000, '路桥区金清产业集聚重点管控单元'),
    ('331081', 'urban', 121.380, 28.370, 3500, '温岭市中心城区城镇生活重点管控单元'),
    ('331081', 'industrial', 121.450, 28.400, 3000, '温岭市城东产业集聚重点管控单元'),
    ('331082', 'urban', 121.130, 28.850, 3000, '临海市中心城区城镇生活重点管控单元'),
    ('331082', 'industrial', 121.300, 28.800, 2500, '临海市杜桥产业集聚重点管控单元'),
    ('331083', 'urban', 121.235, 28.135, 3000, '玉环市中心城区城镇生活重点管控单元'),
    ('331023', 'urban', 121.030, 29.140, 2500, '天台县城区城镇生活重点管控单元'),
    ('331024', 'urban', 120.730, 28.850, 2500, '仙居县城区城镇生活重点管控单元'),
    ('331022', 'urban', 121.380, 29.110, 2000, '三门县城区城镇生活重点管控单元'),
]
CU_TEXT = {
    'priority': ('严格执行生态保护红线和饮用水水源保护区管理规定，禁止新建、扩建工业项目和矿产资源开发活动。',
                 '严格控制污染物排放，现有排污口限期关闭或迁出。',
                 '加强水源地和生态敏感区环境风险防控，禁止危险化学品运输车辆穿越。',
                 '严格控制取水和土地开发强度，生态用地面积不减少。'),
    'industrial': ('优化产业布局，新建化工、医药、电镀等项目须进入合规园区。',
                   '严格实施污染物总量控制，新建项目主要污染物排放实行倍量削减替代。',
                   '建立园区环境风险防控体系，落实土壤和地下水污染防治措施。',
                   '推进节水和清洁能源替代，提高土地集约利用水平。'),
    'urban': ('禁止新建三类工业项目，现有三类工业项目逐步搬迁关闭。',
              '加快污水管网建设，城镇生活污水应收尽收。',
              '污染地块未经治理修复不得开发为住宅、学校、医院等敏感用地。',
              '推进城市节水和海绵城市建设。'),
    'general': ('执行区域生态环境保护基本要求，禁止在工业功能区外新建三类工业项目。',
                '落实污染物总量控制，加强农业面源污染治理。',
                '加强农用地土壤环境保护，防范畜禽养殖污染风险。',
                '实行最严格水资源管理制度，提高农业用水效率。'),
}

# ---------------------------------------------------------------------------------------------
# Water functional zones: river centre lines (lon, lat); a reach = vertices i..j of a river,
# buffered by half_width metres (the polygon of the reach). Later reaches lose their overlap.
RIVERS = {
    '永安溪': [(120.400, 28.790), (120.470, 28.810), (120.550, 28.830), (120.620, 28.845),
              (120.680, 28.850), (120.730, 28.848), (120.800, 28.855), (120.870, 28.860),
              (120.930, 28.865), (121.000, 28.870), (121.040, 28.872)],
    '始丰溪': [(120.720, 29.110), (120.800, 29.120), (120.880, 29.125), (120.950, 29.130),
              (121.020, 29.125), (121.060, 29.110), (121.090, 29.070), (121.090, 29.000),
              (121.070, 28.940), (121.050, 28.900), (121.040, 28.872)],
    '灵江': [(121.040, 28.872), (121.090, 28.860), (121.130, 28.845), (121.170, 28.830),
            (121.200, 28.800), (121.240, 28.770), (121.280, 28.740), (121.320, 28.710),
            (121.350, 28.700)],
    '椒江': [(121.350, 28.700), (121.400, 28.690), (121.450, 28.685), (121.500, 28.690),
            (121.550, 28.690)],
    '永宁江': [(121.150, 28.615), (121.190, 28.625), (121.230, 28.640), (121.260, 28.648),
             (121.290, 28.660), (121.320, 28.680), (121.350, 28.700)],
}
WATER_ZONES = [
    # code, name, level1, level2, target, river, i, j, half width m, county code
    ('331024SG01', '永安溪仙居源头水保护区', 'protection', None, 'I', '永安溪', 0, 3, 60, '331024'),
    ('331024SG02', '永安溪仙居饮用水源区', 'use', 'drinking', 'II', '永安溪', 3, 5, 80, '331024'),
    ('331024SG03', '永安溪仙居景观娱乐用水区', 'use', 'landscape', 'III', '永安溪', 5, 7, 100, '331024'),
    ('331024SG04', '永安溪仙居临海缓冲区', 'buffer', None, 'III', '永安溪', 7, 9, 100, '331024'),
    ('331082SG01', '永安溪临海农业用水区', 'use', 'agricultural', 'III', '永安溪', 9, 10, 100, '331082'),
    ('331023SG01', '始丰溪天台源头水保护区', 'protection', None, 'II', '始丰溪', 0, 2, 60, '331023'),
    ('331023SG02', '始丰溪天台饮用水源区', 'use', 'drinking', 'II', '始丰溪', 2, 4, 80, '331023'),
    ('331023SG03', '始丰溪天台景观娱乐用水区', 'use', 'landscape', 'III', '始丰溪', 4, 6, 100, '331023'),
    ('331082SG02', '始丰溪天台临海保留区', 'reserve', None, 'III', '始丰溪', 6, 10, 100, '331082'),
    ('331082SG03', '灵江临海饮用水源区', 'use', 'drinking', 'II', '灵江', 0, 2, 150, '331082'),
    ('331082SG04', '灵江临海工业用水区', 'use', 'industrial', 'III', '灵江', 2, 4, 150, '331082'),
    ('331082SG05', '灵江临海农业用水区', 'use', 'agricultural', 'III', '灵江', 4, 8, 150, '331082'),
    ('331002SG01', '椒江台州过渡区', 'use', 'transition', 'IV', '椒江', 0, 2, 400, '331002'),
    ('331002SG02', '椒江台州排污控制区', 'use', 'discharge_control', 'IV', '椒江', 2, 4, 400, '331002'),
    ('331003SG01', '永宁江黄岩饮用水源区', 'use', 'drinking', 'II', '永宁江', 0, 2, 80, '331003'),
    ('331003SG02', '永宁江黄岩景观娱乐用水区', 'use', 'landscape', 'III', '永宁江', 2, 4, 100, '331003'),
    ('331003SG03', '永宁江黄岩工业用水区', 'use', 'industrial', 'IV', '永宁江', 4, 6, 120, '331003'),
]

# ---------------------------------------------------------------------------------------------
# Marine functional zones (sea only: the GSHHG land is cut out). shape: ('circle', lon, lat, r)
# or ('poly', [(lon, lat), ...]). Made disjoint in list order.
MARINE_ZONES = [
    ('TZHY01', '大陈岛海洋生态第一类环境功能区', '1', '331002', ('circle', 121.890, 28.470, 8000)),
    ('TZHY02', '东矶列岛第一类环境功能区', '1', '331082', ('circle', 121.830, 28.770, 6000)),
    ('TZHY03', '椒江口台州港第四类环境功能区', '4', '331002',
     ('poly', [(121.440, 28.640), (121.600, 28.640), (121.600, 28.720), (121.440, 28.720)])),
    ('TZHY04', '健跳港第四类环境功能区', '4', '331022',
     ('poly', [(121.550, 29.010), (121.700, 29.010), (121.700, 29.070), (121.550, 29.070)])),
    ('TZHY05', '大麦屿港第四类环境功能区', '4', '331083',
     ('poly', [(121.100, 28.070), (121.200, 28.070), (121.200, 28.150), (121.100, 28.150)])),
    ('TZHY06', '三门湾养殖第二类环境功能区', '2', '331022',
     ('poly', [(121.450, 29.050), (121.800, 29.050), (121.800, 29.220), (121.450, 29.220)])),
    ('TZHY07', '乐清湾台州海域第二类环境功能区', '2', '331083',
     ('poly', [(121.000, 28.100), (121.150, 28.100), (121.180, 28.350), (121.000, 28.350)])),
    ('TZHY08', '隘顽湾第二类环境功能区', '2', '331081',
     ('poly', [(121.380, 28.220), (121.620, 28.220), (121.620, 28.360), (121.380, 28.360)])),
    ('TZHY09', '漩门湾第二类环境功能区', '2', '331083',
     ('poly', [(121.180, 28.220), (121.380, 28.220), (121.380, 28.300), (121.180, 28.300)])),
    ('TZHY10', '台州湾第三类环境功能区', '3', '331002',
     ('poly', [(121.550, 28.480), (121.800, 28.480), (121.800, 28.900), (121.550, 28.900)])),
    ('TZHY11', '台州近岸海域第二类环境功能区', '2', '331081',
     ('poly', [(121.000, 28.000), (122.000, 28.000), (122.000, 29.300), (121.000, 29.300)])),
]

# Taizhou's waters, roughly: marine zones and bays are clipped to this outline (the land is cut
# out anyway); it stops at the Yueqing Bay midline in the south-west and at about 29.2N in
# Sanmen Bay (the north shore belongs to Ningbo).
TAIZHOU_SEA = [(121.080, 28.000), (121.950, 28.000), (121.950, 29.050), (121.800, 29.200),
               (121.400, 29.200), (121.400, 29.000), (121.300, 28.750), (121.300, 28.600),
               (121.200, 28.400), (121.080, 28.350)]

BAYS = [  # code, name, status, target year, county code, lon/lat outline (land cut out)
    ('TZWH01', '三门湾（台州部分）', 'batch', 2025, '331022',
     [(121.450, 29.040), (121.780, 29.040), (121.780, 29.150), (121.700, 29.220), (121.450, 29.220)]),
    ('TZWH02', '台州湾', 'batch', 2025, '331002',
     [(121.440, 28.560), (121.740, 28.560), (121.790, 28.720), (121.720, 28.800), (121.560, 28.760),
      (121.440, 28.720)]),
    ('TZWH03', '乐清湾（台州部分）', 'planned', 2030, '331083',
     [(121.020, 28.110), (121.150, 28.110), (121.180, 28.300), (121.100, 28.360), (121.020, 28.300)]),
    ('TZWH04', '隘顽湾', 'planned', 2027, '331081',
     [(121.380, 28.230), (121.600, 28.230), (121.600, 28.360), (121.380, 28.360)]),
    ('TZWH05', '漩门湾', 'built', 2022, '331083',
     [(121.180, 28.220), (121.370, 28.220), (121.370, 28.300), (121.180, 28.300)]),
]

# ---------------------------------------------------------------------------------------------
# Coastline attribution zones (lon, lat, r_m); the first zone that holds a segment's midpoint
# sets its type; the rest is natural bedrock. (type1, type2, restored, protection)
COAST_ZONES = [
    ((121.470, 28.670, 4000), ('artificial', None, 0, 'optimised'), '海门港'),
    ((121.600, 28.740, 6000), ('artificial', None, 0, 'optimised'), '头门港临港围垦'),
    ((121.540, 28.520, 7000), ('artificial', None, 0, 'optimised'), '路桥金清围垦海堤'),
    ((121.570, 28.420, 5000), ('artificial', None, 0, 'optimised'), '温岭东部围垦海堤'),
    ((121.150, 28.120, 4000), ('artificial', None, 0, 'optimised'), '大麦屿港'),
    ((121.270, 28.080, 3000), ('artificial', None, 0, 'optimised'), '坎门港'),
    ((121.630, 29.030, 3000), ('artificial', None, 0, 'optimised'), '健跳港'),
    ((121.270, 28.240, 3500), ('artificial', None, 1, 'limited'), '漩门湾整治修复岸线'),
    ((121.450, 28.300, 2500), ('artificial', None, 1, 'limited'), '隘顽湾整治修复岸线'),
    ((121.400, 28.300, 6000), ('artificial', None, 0, 'optimised'), '隘顽湾围垦海堤'),
    ((121.180, 28.250, 6000), ('artificial', None, 0, 'optimised'), '楚门乐清湾海堤'),
    ((121.420, 29.100, 7000), ('artificial', None, 0, 'optimised'), '海游港海塘'),
    ((121.560, 29.020, 6000), ('artificial', None, 0, 'optimised'), '健跳港内湾海塘'),
    ((121.300, 28.300, 6000), ('artificial', None, 0, 'optimised'), '漩门湾北岸海堤'),
    ((121.350, 28.170, 5000), ('artificial', None, 0, 'optimised'), '玉环楚门海堤'),
    ((121.400, 28.220, 4000), ('artificial', None, 0, 'optimised'), '隘顽湾南岸海堤'),
    ((121.630, 29.080, 5000), ('artificial', None, 0, 'optimised'), '三门湾南岸海塘'),
    ((121.520, 28.950, 4000), ('artificial', None, 0, 'optimised'), '蛇蟠涂围垦海塘'),
    ((121.390, 28.690, 6000), ('estuary', None, 0, 'limited'), '椒江河口'),
    ((121.550, 29.120, 9000), ('natural', 'muddy', 0, 'limited'), '三门湾淤泥质岸线'),
    ((121.090, 28.240, 8000), ('natural', 'muddy', 0, 'limited'), '乐清湾淤泥质岸线'),
    ((121.615, 28.270, 1800), ('natural', 'sandy', 0, 'strict'), '石塘砂质岸线'),
    ((121.680, 28.880, 1500), ('natural', 'sandy', 0, 'strict'), '桃渚砂质岸线'),
    ((121.660, 28.990, 1200), ('natural', 'biological', 0, 'strict'), '三门盐沼生物岸线'),
]
COAST_SEGMENT_M = 3000.0   # target segment length
COAST_REACH_M = 1500.0     # keep GSHHG shore within this distance of the Taizhou counties

# ---------------------------------------------------------------------------------------------
# Soil pollution risk list parcels: ('rect', x0, y0, x1, y1) in EPSG:4549 or
# ('blob', lon, lat, r_m). P1-P4 are the hand-checkable rectangles used by sites S12-S15.
SOIL_PARCELS = [
    # code, name, former industry, planned use, pollutants, exceedance, status, listed, delisted,
    # county, shape
    ('331002TR001', '原台州某化工厂地块（P1）', '化学原料和化学制品制造业', 'class1', '苯、氯苯、砷',
     'intervention', 'controlled', '2020-12-31', None, '331002',
     ('rect', 640000.0, 3170000.0, 640200.0, 3170150.0)),
    ('331002TR002', '原椒江某农药厂地块（P2）', '农药制造', 'class1', '滴滴涕、六六六',
     'screening', 'delisted', '2019-12-31', '2023-06-30', '331002',
     ('rect', 640500.0, 3170000.0, 640700.0, 3170150.0)),
    ('331002TR003', '原椒江某电镀厂地块（P3）', '金属表面处理及热处理加工', 'class2', '六价铬、镍、铜',
     'screening', 'remediating', '2021-06-30', None, '331002',
     ('rect', 641000.0, 3170000.0, 641300.0, 3170200.0)),
    ('331004TR001', '原路桥某金属回收拆解场地块（P4）', '废弃电器电子产品处理', 'class1', '多氯联苯、铅、镉',
     'intervention', 'remediating', '2020-06-30', None, '331004',
     ('rect', 634000.0, 3163400.0, 634180.0, 3163520.0)),
    ('331002TR004', '原外沙医化企业地块', '医药制造业', 'class2', '二氯甲烷、甲苯',
     'screening', 'controlled', '2022-06-30', None, '331002', ('blob', 121.480, 28.665, 150)),
    ('331003TR001', '原黄岩某塑料制品厂地块', '塑料制品业', 'class1', '邻苯二甲酸酯、石油烃',
     'screening', 'controlled', '2021-12-31', None, '331003', ('blob', 121.250, 28.640, 120)),
    ('331003TR002', '原黄岩某模具厂地块', '金属表面处理及热处理加工', 'class1', '镍、六价铬',
     'screening', 'remediating', '2022-12-31', None, '331003', ('blob', 121.280, 28.655, 100)),
    ('331004TR002', '原峰江某拆解场地块', '废弃资源综合利用业', 'class2', '多氯联苯、多溴联苯醚、铜',
     'intervention', 'controlled', '2019-12-31', None, '331004', ('blob', 121.350, 28.540, 180)),
    ('331081TR001', '原温岭某电镀厂地块', '金属表面处理及热处理加工', 'class2', '镍、铜、锌',
     'screening', 'controlled', '2021-06-30', None, '331081', ('blob', 121.400, 28.380, 120)),
    ('331082TR001', '原临海某医化企业地块', '医药制造业', 'class2', '苯胺、氯苯',
     'intervention', 'controlled', '2020-12-31', None, '331082', ('blob', 121.150, 28.860, 150)),
    ('331083TR001', '原玉环某阀门厂地块', '通用设备制造业', 'class1', '铅、石油烃',
     'screening', 'delisted', '2018-12-31', '2022-12-31', '331083', ('blob', 121.220, 28.125, 100)),
]

# Farmland soil class grid: boxes (lon0, lat0, lon1, lat1, county) cut into jittered cells.
FARMLAND_BOXES = [
    (121.290, 28.420, 121.450, 28.500, '331081'),
    (121.290, 28.500, 121.400, 28.545, '331004'),
    (121.160, 28.600, 121.240, 28.630, '331003'),
    (121.160, 28.770, 121.260, 28.815, '331082'),
]
FARMLAND_CELL_M = 2200.0

OUTLETS = [  # id, name, kind, measured class or None, lon, lat, county
    ('JC-331024-01', '永安溪下各断面', 'station', 'II', 120.620, 28.845, '331024'),
    ('JC-331024-02', '永安溪仙居城关断面', 'station', 'III', 120.800, 28.855, '331024'),
    ('JC-331023-01', '始丰溪天台城关断面', 'station', 'II', 121.020, 29.125, '331023'),
    ('JC-331082-01', '灵江临海城区断面', 'station', 'III', 121.130, 28.845, '331082'),
    ('JC-331003-01', '永宁江黄岩城区断面', 'station', 'IV', 121.260, 28.648, '331003'),
    ('JC-331002-01', '椒江三江口断面', 'station', 'IV', 121.350, 28.700, '331002'),
    ('JC-331003-02', '长潭水库库心点位', 'station', 'II', 121.100, 28.600, '331003'),
    ('PW-331002-01', '椒江外沙入河排污口', 'outfall', None, 121.480, 28.688, '331002'),
    ('PW-331003-01', '黄岩江口污水处理厂排污口', 'outfall', None, 121.320, 28.680, '331003'),
    ('PW-331082-01', '临海城区污水处理厂排污口', 'outfall', None, 121.200, 28.800, '331082'),
    ('PW-331004-01', '路桥金清入海排污口', 'outfall', None, 121.560, 28.560, '331004'),
    ('PW-331081-01', '温岭东部入海排污口', 'outfall', None, 121.600, 28.420, '331081'),
]

# ---------------------------------------------------------------------------------------------
# Demo sites. geometry:
#   ('point', x, y) / ('rect', x0, y0, x1, y1) / ('line', [(x, y), ...])      EPSG:4549 metres
#   ('point_ll', lon, lat) / ('line_ll', [(lon, lat), ...])                    EPSG:4490 degrees
#   ('rect_ll', lon, lat, w, h)          w x h metres rectangle centred on the point
#   ('point_off', lon, lat, dx, dy)      the point shifted by dx, dy metres
#   ('rect_off', lon, lat, dx, dy, w, h) rectangle centred on the shifted point
# expected: verdict, rules (the exact set of rule ids that fire), why; for the constructed
# sites also the figures known by construction (planar, EPSG:4549):
#   overlap = redline overlap m2, share = overlap / site area, dmin = distance to the nearest
#   redline (0 when intersecting), nearest = its HXBH, inside = line length inside redlines,
#   crossings = points where the line crosses a redline boundary, hits = redline patches hit,
#   area / length = the site's own area / length, tiny = redline overlaps below 1 m2,
#   other = further figures 'kind:metric=value;...'.
R1, R2, R3, R4 = BENCH['R1'], BENCH['R2'], BENCH['R3'], BENCH['R4']
SITES = [
    ('S01', '黄岩富山工业厂房 Fushan factory', '工业厂房 factory', None,
     ('rect', 586900.0, 3158300.0, 587100.0, 3158400.0),
     dict(verdict='prohibited', rules=('redline_inside', 'cu_priority'),
          overlap=10000.0, share=0.5, dmin=0.0, nearest='331003-RL-002', hits=1, area=20000.0,
          tiny=0,
          why='200 m x 100 m rectangle whose west half (100 m x 100 m) lies inside the rectangular '
              'redline R1 (331003-RL-002, x 586000-587000): overlap 10,000 m2 = 1 ha = 15 mu, '
              'site share 0.5')),
    ('S02', '黄岩富山仓储用房 Fushan storage shed', '仓储用房 storage shed', None,
     ('point', 587300.0, 3158600.0),
     dict(verdict='caution', rules=('redline_near',),
          dmin=300.0, nearest='331003-RL-002', hits=0,
          why='point 300 m due east of the straight east edge (x = 587000) of R1, level with it '
              '(y 3158600 within 3158000-3158800): distance 300 m, within 500 m')),
    ('S03', '上垟工业污水管道 Shangyang sewage pipeline', '污水管道 pipeline', None,
     ('line', [(588700.0, 3158300.0), (589700.0, 3158300.0)]),
     dict(verdict='prohibited', rules=('redline_inside', 'cu_priority'),
          inside=400.0, crossings=2, length=1000.0, dmin=0.0, nearest='331003-RL-003', hits=1,
          why='straight 1000 m west-east line through the 400 m wide rectangular redline R2 '
              '(331003-RL-003, x 589000-589400): 400 m inside, enters and leaves once = 2 crossings')),
    ('S04', '屿头采石场 Yutou quarry', '采石场 quarry', None,
     ('rect', 586500.0, 3160800.0, 587000.0, 3161000.0),
     dict(verdict='prohibited', rules=('redline_inside', 'cu_priority'),
          overlap=60000.0, share=0.6, dmin=0.0, hits=2, area=100000.0, tiny=0,
          other='redline:331003-RL-004:overlap_m2=20000;redline:331003-RL-004:patch_share=0.0416667;'
                'redline:331003-RL-005:overlap_m2=40000;redline:331003-RL-005:patch_share=0.0833333',
          why='500 m x 200 m rectangle across the 200 m gap between R3 (x 586000-586600) and R4 '
              '(x 586800-587400): 100 m x 200 m in R3 + 200 m x 200 m in R4 = 60,000 m2, share 0.6, '
              '2 patches (patch shares 20000/480000 and 40000/480000)')),
    ('S05', '上垟民宿（边界错位）Shangyang guesthouse, edge misalignment', '民宿 guesthouse', None,
     ('rect', 589100.0, 3158599.995, 589200.0, 3158750.0),
     dict(verdict='caution', rules=('redline_edge',),
          overlap=0.5, share=0.5 / 15000.5, dmin=0.0, nearest='331003-RL-003', hits=1,
          area=15000.5, tiny=1,
          other='control_unit:ZH33100310001:overlap_m2=0.5',
          why='100 m wide rectangle whose south edge lies 5 mm inside the straight north edge '
              '(y = 3158600) of R2: sliver overlap 100 m x 0.005 m = 0.5 m2 (< 1 m2 and share '
              '3.3e-5 < 0.01 %): tiny overlap, probable edge misalignment: caution (redline_edge), '
              'not prohibited; the 0.5 m2 sliver on the priority control unit is tiny too')),
    ('S06', '上垟道路养护站 Shangyang road depot', '道路养护站 road depot', None,
     ('point', 589850.0, 3159200.0),
     dict(verdict='clear', rules=(),
          dmin=750.0, nearest='331003-RL-003', hits=0,
          why='point 450 m east and 600 m north of the north-east corner (589400, 3158600) of R2: '
              'distance 750 m (3-4-5 triangle), beyond 500 m; in the 500-1000 m buffer ring')),
    ('S07', '富山生态管护站 Fushan ranger station', '管护站 ranger station', 'patrol_monitoring',
     ('point', 586400.0, 3158400.0),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          dmin=0.0, nearest='331003-RL-002', hits=1,
          why='point inside R1 (400 m from its west edge); a patrol/monitoring facility is a '
              'limited human activity allowed inside redlines: restricted, not prohibited')),
    ('S08', '屿头110kV输电线路 Yutou 110 kV power line', '输电线路 power line',
     'linear_infrastructure',
     ('line', [(585700.0, 3161150.0), (587700.0, 3161150.0)]),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          inside=1200.0, crossings=4, length=2000.0, dmin=0.0, hits=2,
          why='straight 2000 m line at y = 3161150 through R3 (600 m wide) and R4 (600 m wide): '
              '1200 m inside, 2 crossings per patch = 4; linear infrastructure: restricted')),
    ('S09', '屿头通信基站 Yutou telecom tower', '通信基站 telecom tower', None,
     ('point', 586600.0, 3161600.0),
     dict(verdict='caution', rules=('redline_near',),
          dmin=300.0, nearest='331003-RL-004', hits=0,
          other='redline:331003-RL-005:distance_m=360.555128',
          why='point 300 m due north of the north-east corner of R3 (x = 586600 is R3\'s east '
              'edge, north edge y = 3161300): 300 m to R3; R4 at sqrt(200^2+300^2) = 360.56 m: '
              'both redlines within 500 m (buffer ring 100-500 m holds 2 patches)')),
    ('S10', '富山巡护步道 Fushan patrol path', '巡护步道 patrol path', 'patrol_monitoring',
     ('line', [(586200.0, 3158200.0), (586800.0, 3158200.0)]),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          inside=600.0, crossings=0, length=600.0, dmin=0.0, nearest='331003-RL-002', hits=1,
          why='600 m line entirely inside R1 (200 m from its west and east edges): 600 m inside, '
              '0 crossings')),
    ('S11', '上垟森林公园游憩区 Shangyang forest park', '森林公园 forest park',
     'tourism_education',
     ('rect', 588900.0, 3157900.0, 589500.0, 3158700.0),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          overlap=240000.0, share=0.5, dmin=0.0, nearest='331003-RL-003', hits=1,
          area=480000.0, tiny=0, other='redline:331003-RL-003:patch_share=1',
          why='600 m x 800 m rectangle enclosing all of R2 (400 m x 600 m, 100 m margin each '
              'side): overlap 240,000 m2 = 24 ha = 360 mu, site share 0.5, patch share 1.0')),
    ('S12', '椒江某住宅小区 Jiaojiang housing estate', '住宅 housing (一类用地)', None,
     ('rect', 640050.0, 3170030.0, 640150.0, 3170110.0),
     dict(verdict='restricted', rules=('soil_class1',),
          area=8000.0, other='soil_parcel:331002TR001:overlap_m2=8000',
          why='100 m x 80 m housing estate wholly on listed parcel P1 (331002TR001, planned '
              'class-1 use, 管控中): 8,000 m2 on the parcel')),
    ('S13', '椒江某小学 Jiaojiang primary school', '学校 school (一类用地)', None,
     ('rect', 640550.0, 3170050.0, 640650.0, 3170100.0),
     dict(verdict='clear', rules=(),
          area=5000.0, other='soil_parcel:331002TR002:overlap_m2=5000',
          why='school wholly on parcel P2 (331002TR002) which was delisted (已移出) in 2023: '
              'the soil rule does not fire; 5,000 m2 overlap still reported')),
    ('S14', '椒江物流仓库 Jiaojiang logistics warehouse', '物流仓储 logistics', None,
     ('rect', 641100.0, 3170050.0, 641250.0, 3170150.0),
     dict(verdict='clear', rules=(),
          area=15000.0, other='soil_parcel:331002TR003:overlap_m2=15000',
          why='warehouse on parcel P3 (331002TR003), planned class-2 use (二类用地): the soil '
              'rule (class-1 only) does not fire')),
    ('S15', '路桥安置房 Luqiao resettlement housing', '住宅 housing (一类用地)', None,
     ('rect', 634040.0, 3163430.0, 634140.0, 3163490.0),
     dict(verdict='restricted', rules=('soil_class1',),
          area=6000.0, other='soil_parcel:331004TR001:overlap_m2=6000',
          why='100 m x 60 m housing on parcel P4 (331004TR001, class-1 use, 修复中 under '
              'remediation): restricted')),
    ('S16', '长潭水库水上乐园 Changtan water park', '水上游乐 water park', None,
     ('point_ll', 121.110, 28.602),
     dict(verdict='prohibited', rules=('dws_first', 'cu_priority'),
          why='point on the Changtan reservoir, first-level drinking water source zone')),
    ('S17', '长潭农家乐 Changtan farm stay', '农家乐 farm stay', None,
     ('rect_off', 121.100, 28.600, 0.0, -1300.0, 150.0, 100.0),
     dict(verdict='restricted', rules=('dws_second', 'cu_priority'),
          why='150 m x 100 m, 1.25-1.35 km south of the reservoir centre: in the second-level '
              'ring (first-level edge at about 0.93 km, ring to about 2.4 km)')),
    ('S18', '长潭加油站 Changtan petrol station', '加油站 petrol station', None,
     ('point_off', 121.100, 28.600, 0.0, -3000.0),
     dict(verdict='caution', rules=('dws_quasi', 'cu_priority'),
          why='point 3 km south of the reservoir centre: in the quasi-protection ring')),
    ('S19', '牛头山水库水质自动监测站 Niutoushan water quality station',
     '水质自动站 monitoring station', 'patrol_monitoring',
     ('point_ll', 121.220, 28.970),
     dict(verdict='prohibited', rules=('dws_first', 'cu_priority'),
          why='monitoring station on the Niutoushan reservoir (first-level zone): the redline '
              'activity exemption does not apply to drinking water sources')),
    ('S20', '里石门地质勘查钻孔 Lishimen geological borehole', '地质勘查 geological survey',
     'geological_survey',
     ('point_ll', 120.875, 29.112),
     dict(verdict='restricted',
          rules=('redline_allowed_activity', 'dws_second', 'cu_priority'),
          why='inside the Lishimen redline and the second-level zone of the reservoir; geological '
              'survey is an allowed limited activity: restricted twice')),
    ('S21', '大陈海上风电机组 Dachen offshore wind turbine', '海上风电 offshore wind', None,
     ('point_ll', 121.830, 28.440),
     dict(verdict='restricted', rules=('marine_class1',),
          why='at sea inside the Dachen class-1 marine functional zone, > 500 m from the marine '
              'redlines')),
    ('S22', '温岭东部港口码头扩建 Wenling port expansion', '港口码头 port', None,
     ('rect_ll', 121.700, 28.300, 300.0, 200.0),
     dict(verdict='prohibited', rules=('redline_inside',),
          why='at sea in the Wenling marine redline (海域); no control unit at sea')),
    ('S23', '三门湾海水养殖 Sanmen Bay aquaculture', '海水养殖 aquaculture', None,
     ('rect_ll', 121.650, 29.170, 400.0, 300.0),
     dict(verdict='clear', rules=(),
          why='at sea in the Sanmen Bay class-2 (aquaculture) marine zone, no redline within 500 m')),
    ('S24', '路桥入海排污管道 Luqiao sea outfall pipeline', '排污管道 outfall pipeline', None,
     ('line_ll', [(121.500, 28.600), (121.660, 28.600)]),
     dict(verdict='clear', rules=(),
          why='crosses the GSHHG shoreline into Taizhou Bay (bay, coastline and class-3 marine '
              'zone hits, no rule)')),
    ('S25', '永安溪跨溪桥梁 Yong\'an stream bridge', '桥梁 bridge', None,
     ('line_ll', [(120.600, 28.835), (120.600, 28.847)]),
     dict(verdict='caution', rules=('wfz_protection',),
          why='bridge across the 永安溪 source-water protection reach (level1 保护区)')),
    ('S26', '始丰溪小水电站 Shifeng stream small hydropower', '小水电 hydropower', None,
     ('point_ll', 120.800, 29.120),
     dict(verdict='caution', rules=('wfz_protection',),
          why='on the 始丰溪 source-water protection reach')),
    ('S27', '临海东部林下经济基地 Linhai forest farm', '林下经济 forest farm', None,
     ('point_ll', 121.380, 28.850),
     dict(verdict='caution', rules=('cu_priority',),
          why='in a priority control unit (public-welfare forest) that is not a redline')),
    ('S28', '路桥汽摩配件产业园 Luqiao auto parts park', '工业园区 industrial park', None,
     ('rect_ll', 121.430, 28.540, 400.0, 300.0),
     dict(verdict='clear', rules=(), why='in the Luqiao industrial key control unit (class 2)')),
    ('S29', '仙居城区商业综合体 Xianju shopping centre', '商业 commercial', None,
     ('point_ll', 120.735, 28.860),
     dict(verdict='clear', rules=(), why='in the Xianju urban key control unit (class 2)')),
    ('S30', '玉环阀门产业园 Yuhuan valve industrial park', '工业园区 industrial park', None,
     ('rect_ll', 121.245, 28.145, 300.0, 200.0),
     dict(verdict='clear', rules=(), why='in the Yuhuan urban key control unit (class 2)')),
    ('S31', '农机维修厂 farm machinery workshop', '机修厂 workshop', None,
     ('point_ll', 121.000, 28.980),
     dict(verdict='clear', rules=(),
          why='in a general control unit (class 3), far from every constraint')),
    ('S32', '华顶度假酒店 Huading resort hotel', '酒店 hotel', None,
     ('point_ll', 121.080, 29.240),
     dict(verdict='prohibited', rules=('redline_inside', 'cu_priority'),
          why='at the centre of the Huading biodiversity redline, no activity given')),
    ('S33', '神仙居游客中心 Shenxianju visitor centre', '游客中心 visitor centre',
     'tourism_education',
     ('point_ll', 120.550, 28.640),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          why='in the Shenxianju redline; moderate tourism facility: allowed limited activity')),
    ('S34', '鉴洋湖废弃矿山生态修复 Jianyang quarry restoration', '生态修复 restoration',
     'ecological_restoration',
     ('rect_ll', 121.330, 28.560, 200.0, 200.0),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          why='at the centre of the Luqiao redline; ecological restoration is allowed')),
    ('S35', '大雷山原有茶园 Daleishan existing tea garden', '茶园 tea garden',
     'existing_farming',
     ('rect_ll', 120.820, 29.190, 200.0, 150.0),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          why='residents\' existing farming inside the Daleishan redline')),
    ('S36', '括苍山高速公路 Kuocang expressway', '高速公路 expressway',
     'linear_infrastructure',
     ('line_ll', [(120.850, 28.800), (121.040, 28.800)]),
     dict(verdict='restricted', rules=('redline_allowed_activity', 'cu_priority'),
          why='18.5 km line across the Kuocang redlines of Xianju (331024-RL-001) and Linhai '
              '(331082-RL-001); unavoidable linear infrastructure')),
    ('S37', '淡竹光伏电站 Danzhu solar farm', '光伏电站 solar farm', None,
     ('rect_off', 120.680, 28.930, 2000.0, 0.0, 2000.0, 600.0),
     dict(verdict='prohibited', rules=('redline_inside', 'cu_priority'),
          why='2 km x 600 m from 1 km to 3 km east of the Danzhu redline centre (outline '
              'radius 1.5-2.5 km): partly inside')),
    ('S38', '椒江口码头泊位 Jiaojiang estuary berth', '码头泊位 berth', None,
     ('point_ll', 121.500, 28.690),
     dict(verdict='clear', rules=(),
          why='in the estuary: class-4 (port) marine zone and discharge-control water zone, '
              'no rule')),
    ('S39', '温岭设施农业大棚 Wenling greenhouses', '设施农业 greenhouse', None,
     ('rect_ll', 121.420, 28.470, 200.0, 150.0),
     dict(verdict='clear', rules=(),
          why='on farmland (farmland_soil hit, no rule) in a general control unit')),
    ('S40', '黄岩江口污水处理厂扩建 Jiangkou WWTP expansion', '污水处理厂 wastewater plant', None,
     ('rect_ll', 121.320, 28.680, 300.0, 200.0),
     dict(verdict='clear', rules=(),
          why='around the outfall PW-331003-01 on the 永宁江 industrial-use reach (outlet and '
              'water_zone hits, no rule)')),
]
