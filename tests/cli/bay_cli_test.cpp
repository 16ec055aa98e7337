// End-to-end: `ecoshield bay` on the demo (layers/demo/project.json), working CRS EPSG:4549.
// Independent figures: the demo layers converted with
//   ogr2ogr -f SQLite -dsco SPATIALITE=YES -t_srs EPSG:4549 demo.sqlite layers/demo/taizhou_demo.gpkg bay marine_zone coastline redline soil_parcel outlet -nlt PROMOTE_TO_MULTI
// then SpatiaLite SQL per bay b (no marine zones or redlines overlap in the demo, so plain sums equal
// the flattened ones):
//   area      = ST_Area(b.geom)
//   good      = sum ST_Area(ST_Intersection(m.geom, b.geom)) over marine_zone m with class 第一类/第二类
//   sea       = the same over every marine zone; share = good / sea
//   redline   = sum ST_Area(ST_Intersection(r.geom, b.geom)) over redline r
//   mainland  = sum ST_Length(ST_Intersection(c.geom, ST_Buffer(b.geom, 200))) over coastline c with mainland = 1
//   natural   = the same with type1 = '自然' or restored = 1
//   outfalls  = outlet kind 排污口 with ST_Distance(o.geom, b.geom) <= 5000; soil parcels likewise,
//               split by status = '已移出' (delisted: shown apart)
// SpatiaLite buffers with 30 segments per quarter circle, ecoshield with 16: lengths agree to 0.05 %.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

struct Expect {
    double area, good, sea, redline, mainland, natural;
    std::set<std::string> outfalls, soil, soil_delisted;
};

const std::map<std::string, Expect>& expected() {
    static const std::map<std::string, Expect> e{
        {"TZWH01", {352677393.213, 332373695.816, 352677030.010, 14771695.946, 80380.402, 16525.490, {}, {}}},
        {"TZWH02", {513515904.622, 22762722.988, 513515759.717, 0.0, 60666.584, 22349.872, {"PW-331002-01", "PW-331004-01"},
                    {"331002TR003", "331002TR004"}, {"331002TR002"}}},
        {"TZWH03", {125053644.019, 108685306.482, 125053644.019, 0.0, 582.587, 0.0, {}, {}}},
        {"TZWH04", {175593166.949, 175593166.949, 175593166.949, 0.0, 60300.947, 37700.026, {}, {}}},
        {"TZWH05", {66282795.479, 66282705.326, 66282705.326, 0.0, 17046.642, 7967.267, {}, {}}},
    };
    return e;
}

}  // namespace

TEST_CASE("bay on the demo: five cards with figures from SpatiaLite", "[cli][bay]") {
    TempDir dir;
    auto r = run_cli("bay --quiet --work-crs EPSG:4549 --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"bay.gpkg", "report.json", "report.csv", "report.html"}) CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.bay/1");
    REQUIRE(j["bays"].size() == 5);
    for (const auto& b : j["bays"]) {
        std::string code = b["code"];
        INFO(code);
        REQUIRE(expected().count(code));
        const auto& e = expected().at(code);
        CHECK(b["area"]["m2"].get<double>() == Approx(e.area).epsilon(1e-9));
        CHECK(b["marine"]["sea_m2"].get<double>() == Approx(e.sea).epsilon(1e-9));
        CHECK(b["marine"]["good_m2"].get<double>() == Approx(e.good).epsilon(1e-9));
        CHECK(b["marine"]["good_share"].get<double>() == Approx(e.good / e.sea).epsilon(1e-9));
        CHECK(b["redline"]["area_m2"].get<double>() == Approx(e.redline).margin(1e-3).epsilon(1e-9));
        CHECK(b["shoreline"]["mainland"]["length_m"].get<double>() == Approx(e.mainland).epsilon(5e-4).margin(0.5));
        CHECK(b["shoreline"]["mainland"]["natural_m"].get<double>() == Approx(e.natural).epsilon(5e-4).margin(0.5));
        std::set<std::string> outf, soil, soil_del;
        for (const auto& o : b["outfalls"]) outf.insert(o["code"].get<std::string>());
        for (const auto& s : b["soil_parcels"]) soil.insert(s["code"].get<std::string>());
        for (const auto& s : b["soil_parcels_delisted"]) soil_del.insert(s["code"].get<std::string>());
        CHECK(outf == e.outfalls);
        CHECK(soil == e.soil);
        CHECK(soil_del == e.soil_delisted);
        CHECK(b["stations"].empty());
        // ellipsoidal area within 0.1 % of planar near Taizhou (DOMAIN.md: +0.05 % to +0.1 %)
        CHECK(b["area"]["ell_m2"].get<double>() == Approx(e.area).epsilon(2e-3));
    }
    // the GeoPackage: styled layers, one card per bay
    std::string styled;
    {
        std::string cmd = "ogrinfo -ro -q " + q(dir / "out/bay.gpkg") + " -sql \"SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1\" 2>&1";
        FILE* p = popen(cmd.c_str(), "r");
        REQUIRE(p);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0) styled.append(buf, n);
        pclose(p);
    }
    INFO(styled);
    for (const char* l : {"bay_cards", "bay_marine", "bay_shoreline", "bay_catchment", "bay_items"})
        CHECK(styled.find(std::string("= ") + l + "\n") != std::string::npos);
    auto csv = testutil::read_text(dir / "out/report.csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 6);
    auto html = testutil::read_text(dir / "out/report.html");
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
}

TEST_CASE("bay with explicit layers and a 1 km catchment; a missing required layer is a one-line error", "[cli][bay]") {
    TempDir dir;
    const std::string d = "layers/demo/taizhou_demo.gpkg";
    auto r = run_cli("bay --quiet --work-crs EPSG:4549 --catchment 1000 --layer bay=" + d + ":bay --layer marine_zone=" + d +
                     ":marine_zone --layer coastline=" + d + ":coastline --layer outlet=" + d + ":outlet --no-html --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["parameters"]["catchment"].get<double>() == 1000);
    // SpatiaLite (as above): ST_Distance(outlet, bay) is 0 for PW-331002-01 and 8.826 m for
    // PW-331004-01, both to TZWH02; no other outlet within 5 km of any bay: both stay at 1 km
    for (const auto& b : j["bays"]) {
        INFO(b["code"].get<std::string>());
        CHECK(b["redline"].is_null());
        CHECK(b["soil_parcels"].empty());
        std::map<std::string, double> outf;
        for (const auto& o : b["outfalls"]) outf[o["code"].get<std::string>()] = o["distance_m"].get<double>();
        if (b["code"] == "TZWH02") {
            REQUIRE(outf.size() == 2);
            CHECK(outf.at("PW-331002-01") == Approx(0).margin(1e-3));
            CHECK(outf.at("PW-331004-01") == Approx(8.826).margin(1e-3));
        } else {
            CHECK(outf.empty());
        }
    }
    CHECK(!std::filesystem::exists(dir / "out/report.html"));
    auto bad = run_cli("bay --quiet --layer bay=" + d + ":bay --layer coastline=" + d + ":coastline --out " + q(dir / "bad"));
    INFO(bad.out);
    CHECK(bad.status == 2);
    CHECK(bad.out.find("marine_zone") != std::string::npos);
    CHECK(std::count(bad.out.begin(), bad.out.end(), '\n') <= 1);
}

TEST_CASE("bay and coast --old give the same bytes with 1 and 3 threads", "[cli][bay][coast]") {
    TempDir dir;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // the run time is the only other difference
    for (const char* t : {"1", "3"}) {
        auto a = run_cli(std::string("--threads ") + t + " bay --quiet --out " + q(dir / (std::string("bay") + t)));
        REQUIRE(a.status == 0);
        auto b = run_cli(std::string("--threads ") + t + " coast layers/demo/coastline_2025.gpkg --old layers/demo/taizhou_demo.gpkg:coastline --bay " +
                         "layers/demo/taizhou_demo.gpkg:bay --quiet --out " + q(dir / (std::string("coast") + t)));
        REQUIRE(b.status == 0);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    for (const char* f : {"report.json", "report.csv", "report.html", "bay.gpkg"}) {
        INFO(f);
        CHECK(testutil::read_text(dir / (std::string("bay1/") + f)) == testutil::read_text(dir / (std::string("bay3/") + f)));
    }
    for (const char* f : {"report.json", "report.csv", "report.html", "coast.gpkg"}) {
        INFO(f);
        CHECK(testutil::read_text(dir / (std::string("coast1/") + f)) == testutil::read_text(dir / (std::string("coast3/") + f)));
    }
}
