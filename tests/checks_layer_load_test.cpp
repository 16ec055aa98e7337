// The shared layer loading of the thematic checks (checks/layer_load.h): one working CRS per run,
// each input file hashed once however many layers it holds, the same notes and errors everywhere.
// Fixtures: tiny GeoPackages in EPSG:4549 (CM 120E) near 120.0E 28.9N, written here.
#include <catch2/catch.hpp>

#include <filesystem>

#include "checks/layer_load.h"
#include "checks/water.h"
#include "core/error.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

// One GeoPackage holding every layer `water` reads (outlet, water_zone, marine_zone,
// water_source, redline), as the demo's taizhou_demo.gpkg does.
void write_one_file(const std::string& path) {
    eco::io::gdal_init();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GPKG");
    eco::io::Dataset ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference s;
    s.SetFromUserInput("EPSG:4549");
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto layer = [&](const char* name, OGRwkbGeometryType t, const std::vector<std::pair<std::string, std::string>>& feats) {
        OGRLayer* l = ds->CreateLayer(name, &s, t, nullptr);
        OGRFieldDefn code("code", OFTString);
        l->CreateField(&code);
        for (const auto& [wkt, c] : feats) {
            OGRFeature of(l->GetLayerDefn());
            of.SetField("code", c.c_str());
            OGRGeometry* g = nullptr;
            OGRGeometryFactory::createFromWkt(wkt.c_str(), &s, &g);
            of.SetGeometryDirectly(g);
            REQUIRE(l->CreateFeature(&of) == OGRERR_NONE);
        }
    };
    layer("outlet", wkbPoint, {{"POINT(500200 3200200)", "P1"}});
    layer("water_zone", wkbPolygon, {{"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))", "Z1"}});
    layer("marine_zone", wkbPolygon, {{"POLYGON((520000 3200000,530000 3200000,530000 3210000,520000 3210000,520000 3200000))", "M1"}});
    layer("water_source", wkbPolygon, {{"POLYGON((500400 3200400,500600 3200400,500600 3200600,500400 3200600,500400 3200400))", "W1"}});
    layer("redline", wkbPolygon, {{"POLYGON((500500 3200000,501500 3200000,501500 3201000,500500 3201000,500500 3200000))", "RL1"}});
}

}  // namespace

TEST_CASE("layer load: a file holding every layer of a run is hashed and recorded once", "[checks][layer_load]") {
    testutil::TempDir dir;
    const std::string f = dir / "all.gpkg";
    write_one_file(f);
    checks::WaterInput in;
    in.outlet = io::parse_source(f + ":outlet");
    in.water_zone = io::parse_source(f + ":water_zone");
    in.marine_zone = io::parse_source(f + ":marine_zone");
    in.water_source = io::parse_source(f + ":water_source");
    in.redline = io::parse_source(f + ":redline");
    auto r = checks::run_water(in, nlohmann::json::object());
    // five layers, one file: one record (before: five, each file hashed once per layer)
    REQUIRE(r->inputs.size() == 1);
    CHECK(r->inputs[0].path == f);
    CHECK(r->inputs[0].size == static_cast<long long>(std::filesystem::file_size(f)));
    CHECK(r->inputs[0].sha256.size() == 64);
    CHECK(r->work_epsg == 4549);  // auto: the data's centre is about 120.0E
    REQUIRE(r->ellipsoidal);
    CHECK(r->redlines.present);
    CHECK(r->redlines.binding.code(r->redlines.layer.features[0]) == "RL1");
}

TEST_CASE("layer load: the frame, the notes and the errors", "[checks][layer_load]") {
    testutil::TempDir dir;
    testutil::write_vector(dir / "nocrs.shp", "ESRI Shapefile", "outlet", "", wkbPoint, {{"POINT(500200 3200200)", {{"code", "P1"}}}});
    testutil::write_vector(dir / "zone.gpkg", "GPKG", "water_zone", "EPSG:4549", wkbUnknown,
                           {{"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))", {{"code", "Z1"}}}, {"LINESTRING(500000 3200000,501000 3200000)", {{"code", "Z2"}}}});
    testutil::write_vector(dir / "empty.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {});
    io::LayerSource nocrs = io::parse_source(dir / "nocrs.shp");  // a shapefile without .prj
    nocrs.assume_crs = "EPSG:4549";
    const io::LayerSource zone = io::parse_source(dir / "zone.gpkg"), empty = io::parse_source(dir / "empty.gpkg");

    checks::RunFrame R;
    checks::choose_frame(R, "EPSG:4549", {{nocrs, "outlet"}, {zone, "water_zone"}}, "water");
    CHECK(R.work_epsg == 4549);
    CHECK(R.notes.empty());  // given explicitly: no note on how it was chosen
    checks::LoadedLayer L;
    checks::load_layer(R, L, nocrs, "outlet", "water", false);
    CHECK(L.present);
    CHECK(L.kind == "outlet");
    REQUIRE(R.notes.size() == 1);
    CHECK(R.notes[0].rfind("the outlet layer has no CRS; assumed EPSG:4549", 0) == 0);
    io::VectorLayer z = checks::read_layer(R, zone, "water_zone", "water", false);
    CHECK(R.inputs.size() == 2);
    checks::read_layer(R, zone, "water_zone", "water", false);  // read again: not recorded again
    CHECK(R.inputs.size() == 2);
    CHECK_THROWS_WITH(checks::require_polygons(z, "water_zone", "water"),
                      Catch::Matches("water: the water_zone layer '.*zone.gpkg.*' has a non-polygon feature \\(fid 2\\); this layer must hold polygons"));
    CHECK_THROWS_WITH(checks::refuse_empty({{zone, "water_zone"}, {empty, "redline"}}, "audit"),
                      Catch::Matches("audit: redline layer '.*empty.gpkg' has no features; check that you named the right layer"));
    CHECK_NOTHROW(checks::refuse_empty({{zone, "water_zone"}}, "audit"));
    CHECK_THROWS_AS(checks::read_layer(R, empty, "redline", "water", false), BadInput);
    CHECK(checks::read_layer(R, empty, "redline", "water", true).features.empty());

    checks::RunFrame A;
    checks::choose_frame(A, "auto", {{zone, "water_zone"}}, "water");
    CHECK(A.work_epsg == 4549);
    REQUIRE(A.notes.size() == 1);
    CHECK(A.notes[0].find("working CRS chosen from the data's centre") == 0);
}
