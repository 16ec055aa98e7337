// Reading layers: every bad input gets a one-line error naming the file (and feature), or a
// repair listed with the feature id. Fixtures are built in code, plus the real Taizhou counties.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "core/error.h"
#include "io/vector_read.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;
using testutil::TempDir;

namespace {
io::VectorLayer read(const std::string& spec, const OGRSpatialReference* work = nullptr, const std::string& enc = "",
                     const std::string& assume = "") {
    io::LayerSource s = io::parse_source(spec);
    s.encoding = enc;
    s.assume_crs = assume;
    io::ReadOptions o;
    o.op = "screen";
    o.work_crs = work;
    return io::read_vector(s, "sites", o);
}
const char* kSquare = "POLYGON((120.5 28.5,120.51 28.5,120.51 28.51,120.5 28.51,120.5 28.5))";
}  // namespace

TEST_CASE("file:layer names are split only at a real file", "[io][read]") {
    TempDir t;
    testutil::write_vector(t / "a.gpkg", "GPKG", "red", "EPSG:4490", wkbPolygon, {{kSquare, {}}});
    auto s = io::parse_source(t / "a.gpkg:red");
    CHECK(s.path == t / "a.gpkg");
    CHECK(s.layer == "red");
    auto n = io::parse_source(t / "a.gpkg");
    CHECK(n.layer.empty());
}

TEST_CASE("missing file, missing layer, unreadable file: one-line errors naming the file", "[io][read][bad]") {
    TempDir t;
    CHECK_THROWS_WITH(read(t / "nope.gpkg"), Catch::Contains("does not exist") && Catch::Contains("nope.gpkg"));
    testutil::write_vector(t / "a.gpkg", "GPKG", "red", "EPSG:4490", wkbPolygon, {{kSquare, {}}});
    CHECK_THROWS_WITH(read(t / "a.gpkg:blue"), Catch::Contains("has no layer 'blue'") && Catch::Contains("red"));
    // a truncated GeoPackage: the first 1000 bytes of a real one
    std::string bytes = testutil::read_text(t / "a.gpkg");
    testutil::write_text(t / "cut.gpkg", bytes.substr(0, 1000));
    CHECK_THROWS_AS(read(t / "cut.gpkg"), BadInput);
    testutil::write_text(t / "junk.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
    CHECK_THROWS_WITH(read(t / "junk.geojson"), Catch::Contains("cannot read") && Catch::Contains("junk.geojson"));
    for (const char* m : {"does not exist"}) (void)m;
}

TEST_CASE("a layer without CRS is refused with a hint, accepted with --assume-crs", "[io][read][bad]") {
    TempDir t;
    testutil::write_vector(t / "nocrs.shp", "ESRI Shapefile", "nocrs", "", wkbPolygon, {{kSquare, {{"name", "a"}}}});
    CHECK_THROWS_WITH(read(t / "nocrs.shp"), Catch::Contains("has no CRS") && Catch::Contains("EPSG:4490"));
    auto L = read(t / "nocrs.shp", nullptr, "", "EPSG:4490");
    CHECK(L.crs_assumed);
    CHECK(L.features.size() == 1);
}

TEST_CASE("projected numbers in a lon/lat layer are refused", "[io][read][bad]") {
    TempDir t;
    // GeoJSON is lon/lat (EPSG:4326) by definition; these are Gauss-Kruger metres
    testutil::write_text(t / "gk.geojson",
                         R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,3200000]}}]})");
    CHECK_THROWS_WITH(read(t / "gk.geojson"), Catch::Contains("not longitude/latitude") && Catch::Contains("gk.geojson"));
}

TEST_CASE("an empty layer is an error", "[io][read][bad]") {
    TempDir t;
    testutil::write_vector(t / "e.gpkg", "GPKG", "e", "EPSG:4490", wkbPolygon, {});
    CHECK_THROWS_WITH(read(t / "e.gpkg"), Catch::Contains("has no features"));
}

TEST_CASE("zero-area, NaN and self-intersecting geometries: rejected or repaired, each listed", "[io][read][bad]") {
    TempDir t;
    testutil::write_vector(t / "dirty.gpkg", "GPKG", "dirty", "EPSG:4549", wkbUnknown,
                           {{"POLYGON((500000 3200000,500100 3200000,500200 3200000,500000 3200000))", {{"id", "flat"}}},
                            {"POLYGON((500000 3200000,500200 3200200,500200 3200000,500000 3200200,500000 3200000))", {{"id", "bowtie"}}},
                            {"POINT(500000 3200000)", {{"id", "ok-point"}}},
                            {"LINESTRING(500000 3200000,500100 3200100)", {{"id", "ok-line"}}},
                            {"", {{"id", "nogeom"}}}});
    // NaN coordinates cannot be written through WKT; patch one in through the OGR API
    {
        io::Dataset ds(GDALDataset::Open((t / "dirty.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        OGRLayer* l = ds->GetLayer(0);
        OGRFeature f(l->GetLayerDefn());
        f.SetField("id", "nan");
        auto* ls = new OGRLineString();
        ls->addPoint(500000, 3200000);
        ls->addPoint(std::nan(""), 3200100);
        f.SetGeometryDirectly(ls);
        REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
    }
    auto L = read(t / "dirty.gpkg");
    CHECK(L.n_read == 6);
    CHECK(L.features.size() == 3);  // bowtie (repaired), point, line
    REQUIRE(L.issues.size() == 4);
    auto find = [&](long long fid) {
        for (const auto& i : L.issues)
            if (i.fid == fid) return i;
        return io::FeatureIssue{};
    };
    CHECK(find(1).action == "rejected");
    CHECK_THAT(find(1).reason, Catch::Contains("zero-area"));
    CHECK(find(2).action == "repaired");
    CHECK_THAT(find(2).reason, Catch::Contains("Self-intersection"));
    CHECK(find(5).action == "rejected");
    CHECK_THAT(find(5).reason, Catch::Contains("no geometry"));
    CHECK(find(6).action == "rejected");
    CHECK_THAT(find(6).reason, Catch::Contains("NaN"));
    // the repaired bow-tie keeps its area: two triangles of 100 x 100 / 2 = 5000 m2 each... of the
    // 200 m square's diagonals: triangles (0,0)-(100,100)-(0,200) and (200,0)-(100,100)-(200,200): 10000 m2 each
    double a = 0;
    for (const auto& f : L.features)
        if (geom::dimension(f.geom.get()) == 2) a += geom::area(f.geom.get());
    CHECK(a == Approx(20000.0));
}

TEST_CASE("a million-vertex polygon is read", "[io][read]") {
    TempDir t;
    std::string wkt = "POLYGON((";
    const int n = 1000000;
    for (int i = 0; i < n; ++i) {
        double th = 2 * M_PI * i / n;
        char b[64];
        std::snprintf(b, sizeof b, "%.3f %.3f,", 500000 + 1000 * std::cos(th), 3200000 + 1000 * std::sin(th));
        wkt += b;
    }
    wkt += "501000 3200000))";
    testutil::write_vector(t / "big.gpkg", "GPKG", "big", "EPSG:4549", wkbPolygon, {{wkt, {}}});
    auto L = read(t / "big.gpkg");
    REQUIRE(L.features.size() == 1);
    CHECK(geom::num_points(L.features[0].geom.get()) == n + 1);
    CHECK(geom::area(L.features[0].geom.get()) == Approx(M_PI * 1e6).epsilon(1e-6));
}

TEST_CASE("GBK shapefiles: with .cpg read right; without, a clear error until --encoding GBK", "[io][read][encoding]") {
    TempDir t;
    const std::string name = "长潭水库饮用水水源保护区";
    testutil::write_vector(t / "gbk.shp", "ESRI Shapefile", "gbk", "EPSG:4490", wkbPolygon, {{kSquare, {{"name", name}}}},
                           {"ENCODING=CP936"});
    REQUIRE(std::filesystem::exists(t / "gbk.cpg"));
    // the bytes on disk are GBK, not UTF-8
    CHECK(testutil::read_text(t / "gbk.dbf").find(name) == std::string::npos);
    auto L = read(t / "gbk.shp");
    CHECK(std::get<std::string>(L.features[0].values[0]) == name);
    // the same file without .cpg and without a DBF code page (LDID 0): GDAL would guess Latin-1
    std::filesystem::remove(t / "gbk.cpg");
    {
        std::fstream f(t / "gbk.dbf", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(29);
        f.put('\0');
    }
    CHECK_THROWS_WITH(read(t / "gbk.shp"), Catch::Contains("not valid UTF-8") && Catch::Contains("--encoding GBK") &&
                                                Catch::Contains("feature 0"));
    auto L2 = read(t / "gbk.shp", nullptr, "GBK");
    CHECK(std::get<std::string>(L2.features[0].values[0]) == name);
}

TEST_CASE("CSV points with lon/lat columns", "[io][read]") {
    TempDir t;
    testutil::write_text(t / "sites.csv", "id,name,lon,lat\nS1,甲,121.1,28.6\nS2,乙,121.2,28.7\n");
    CHECK_THROWS_WITH(read(t / "sites.csv"), Catch::Contains("has no CRS") && Catch::Contains("EPSG:4490"));
    auto L = read(t / "sites.csv", nullptr, "", "EPSG:4490");
    REQUIRE(L.features.size() == 2);
    CHECK(geom::dimension(L.features[0].geom.get()) == 0);
    CHECK(L.field("name") >= 0);
    CHECK(L.field("lon") < 0);  // the coordinate columns became the geometry
}

TEST_CASE("the real Taizhou county file: all 9 polygons invalid as shipped, all repaired and listed", "[io][read][real]") {
    auto work = io::srs_from_user("EPSG:4549", "t", "CRS");
    auto L = read(std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson", work.get());
    CHECK(L.n_read == 9);
    CHECK(L.features.size() == 9);
    int repaired = 0;
    for (const auto& i : L.issues) repaired += i.action == "repaired";
    CHECK(repaired == 9);
    double total = 0;
    for (const auto& f : L.features) total += geom::area(f.geom.get());
    // the data's README: about 10,360 km2 in all (planar GK areas are ~0.03 % larger than ellipsoidal)
    CHECK(total / 1e6 == Approx(10360).epsilon(0.01));
}

TEST_CASE("FlatGeobuf, KML and Shapefile layers read the same geometry", "[io][read]") {
    TempDir t;
    const char* wkt = "POLYGON((120.5 28.5,120.51 28.5,120.51 28.51,120.5 28.51,120.5 28.5))";
    testutil::write_vector(t / "a.fgb", "FlatGeobuf", "a", "EPSG:4490", wkbPolygon, {{wkt, {{"name", "甲"}}}});
    testutil::write_vector(t / "a.kml", "KML", "a", "EPSG:4326", wkbPolygon, {{wkt, {{"Name", "甲"}}}});
    testutil::write_vector(t / "a.shp", "ESRI Shapefile", "a", "EPSG:4490", wkbPolygon, {{wkt, {{"name", "甲"}}}}, {"ENCODING=UTF-8"});
    auto work = io::srs_from_user("EPSG:4549", "t", "CRS");
    double areas[3];
    int k = 0;
    for (const char* f : {"a.fgb", "a.kml", "a.shp"}) {
        INFO(f);
        auto L = read(t / f, work.get());
        REQUIRE(L.features.size() == 1);
        areas[k++] = geom::area(L.features[0].geom.get());
    }
    // a 0.01 x 0.01 degree cell at 28.5N: about 979 m x 1109 m
    CHECK(areas[0] == Approx(979.0 * 1109.0).epsilon(0.01));
    // WGS84 and CGCS2000 differ by centimetres: the same area to 1e-6
    CHECK(areas[1] == Approx(areas[0]).epsilon(1e-6));
    CHECK(areas[2] == Approx(areas[0]).epsilon(1e-9));
}

TEST_CASE("a shapefile cut short is refused, not read as a shorter layer", "[io][read][bad]") {
    TempDir t;
    std::vector<Feat> feats;
    for (int i = 0; i < 30; ++i) {
        double x = 120.5 + 0.02 * i;
        feats.push_back({"POLYGON((" + std::to_string(x) + " 28.5," + std::to_string(x + 0.01) + " 28.5," + std::to_string(x + 0.01) +
                             " 28.51," + std::to_string(x) + " 28.51," + std::to_string(x) + " 28.5))",
                         {{"name", "p" + std::to_string(i)}}});
    }
    testutil::write_vector(t / "cut.shp", "ESRI Shapefile", "cut", "EPSG:4490", wkbPolygon, feats);
    std::string shp = testutil::read_text(t / "cut.shp");
    testutil::write_text(t / "cut.shp", shp.substr(0, shp.size() * 2 / 3));  // the .shx still lists all 30
    CHECK_THROWS_WITH(read(t / "cut.shp"), Catch::Contains("truncated or damaged") && Catch::Contains("cut.shp"));
}

TEST_CASE("an empty layer without CRS is reported as empty, not as a CRS problem", "[io][read][bad]") {
    TempDir t;
    testutil::write_vector(t / "empty.shp", "ESRI Shapefile", "empty", "", wkbPolygon, {});
    CHECK_THROWS_WITH(read(t / "empty.shp"), Catch::Contains("has no features") && !Catch::Contains("longitude"));
}

TEST_CASE("a collinear lon/lat polygon is rejected as zero-area after projection", "[io][read][bad]") {
    TempDir t;
    // three collinear points in lon/lat: zero area there, a few m2 of rounding noise once projected
    testutil::write_vector(t / "flat.gpkg", "GPKG", "flat", "EPSG:4490", wkbPolygon,
                           {{"POLYGON((120.5 28.5,120.6 28.6,120.7 28.7,120.5 28.5))", {{"id", "flat"}}}, {kSquare, {{"id", "ok"}}}});
    auto work = io::srs_from_user("EPSG:4549", "t", "CRS");
    auto L = read(t / "flat.gpkg", work.get());
    CHECK(L.features.size() == 1);
    REQUIRE(L.issues.size() == 1);
    CHECK(L.issues[0].action == "rejected");
    CHECK_THAT(L.issues[0].reason, Catch::Contains("zero-area"));
}
