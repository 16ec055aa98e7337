// End-to-end: `ecoshield coast` on the demo coastline. Independent check: the demo builder
// (layers/demo/build_demo.py, Python/OGR, planar lengths in EPSG:4549) reports a mainland shoreline
// of 522.6 km, natural + restored 51.7 %, with Jiaojiang (椒江区) and Luqiao (路桥区) below 35 %.
// The per-county ratios below were computed apart from ecoshield (ogr2ogr -t_srs EPSG:4549 to CSV,
// Euclidean lengths summed in Python): 椒江区 21.43 %, 路桥区 16.67 %, and also 玉环市 24.76 % and
// 黄岩区 0 % (a single 3 km estuary segment) below 35 %, which the demo README does not mention;
// 三门县 50.76 %, 临海市 63.16 %, 温岭市 74.47 %.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

TEST_CASE("coast on the demo: 51.7 % natural, Jiaojiang and Luqiao below 35 %", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast --quiet --work-crs EPSG:4549 --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"coast.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["overall"]["mainland"]["length_m"].get<double>() / 1000 == Approx(522.6).margin(0.05));
    CHECK(100 * j["overall"]["natural_ratio"].get<double>() == Approx(51.7).margin(0.05));
    CHECK(j["overall"]["verdict"] == "pass");
    auto below = j["summary"]["counties_below_target"].get<std::set<std::string>>();
    CHECK(below.count("椒江区") == 1);
    CHECK(below.count("路桥区") == 1);
    CHECK(below == std::set<std::string>{"椒江区", "路桥区", "玉环市", "黄岩区"});
    const std::map<std::string, double> pct{{"椒江区", 21.43}, {"路桥区", 16.67}, {"玉环市", 24.76}, {"黄岩区", 0.0},
                                            {"三门县", 50.76}, {"临海市", 63.16}, {"温岭市", 74.47}};
    for (const auto& c : j["by_county"]) {
        std::string k = c["county"];
        INFO(k);
        REQUIRE(pct.count(k));
        CHECK(100 * c["natural_ratio"].get<double>() == Approx(pct.at(k)).margin(0.006));
    }
    CHECK(j["unknown_values"].empty());
}

TEST_CASE("coast on the demo with the automatic working CRS agrees within the projection's scale", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast --quiet --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(100 * j["overall"]["natural_ratio"].get<double>() == Approx(51.7).margin(0.1));
    CHECK(j["overall"]["mainland"]["length_ell_m"].get<double>() / 1000 == Approx(522.6).epsilon(1e-3));
}

// The demo's second version, layers/demo/make_coastline_2025.py: planted figures measured by that
// script with OGR in EPSG:4549 (independently of ecoshield): 331022-AX-0030 reclaimed (2999.549 m)
// and the first half of 331022-AX-0058, renamed 331022-AX-0058A, reclaimed (1672.659 m): natural ->
// artificial 4672.208 m, all in 三门县; 331081-AX-0016 restored (2999.549 m, 温岭市): artificial ->
// natural. Mainland natural length therefore changes by -4672.208 + 2999.549 = -1672.659 m.
TEST_CASE("coast --old on the demo's second version: the planted reclamation and restoration", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast layers/demo/coastline_2025.gpkg:coastline --old layers/demo/taizhou_demo.gpkg:coastline --quiet --work-crs EPSG:4549 --out " +
                     q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    const auto& v = j["versions"];
    CHECK(v["natural_to_artificial_m"].get<double>() == Approx(4672.208).margin(0.002));
    CHECK(v["artificial_to_natural_m"].get<double>() == Approx(2999.549).margin(0.002));
    std::map<std::string, double> n2a;
    std::map<std::string, std::string> old_of;
    for (const auto& c : v["changes"]) {
        if (c["change"] == "natural_to_artificial") {
            n2a[c["code"]] += c["length_m"].get<double>();
            CHECK(c["county"] == "三门县");
            for (const auto& o : c["old_segments"]) old_of[c["code"]] += o["code"].get<std::string>();
        } else {
            CHECK(c["code"] == "331081-AX-0016");
            CHECK(c["restored"] == true);
        }
    }
    CHECK(n2a["331022-AX-0030"] == Approx(2999.549).margin(0.002));
    CHECK(n2a["331022-AX-0058A"] == Approx(1672.659).margin(0.002));
    CHECK(old_of["331022-AX-0058A"] == "331022-AX-0058");  // matched by position: the code changed
    const auto& o = v["overall"];
    CHECK(o["mainland_length"]["change_m"].get<double>() == Approx(0).margin(1e-6));
    CHECK(o["mainland_natural"]["change_m"].get<double>() == Approx(-1672.659).margin(0.002));
    CHECK(o["mainland_restored"]["change_m"].get<double>() == Approx(2999.549).margin(0.002));
    CHECK(o["mainland_by_type1"]["artificial"]["change_m"].get<double>() == Approx(4672.208).margin(0.002));
    CHECK(o["mainland_by_type1"]["natural"]["change_m"].get<double>() == Approx(-4672.208).margin(0.002));
    CHECK(std::filesystem::exists(dir / "out/coast.gpkg"));
    // the same layer against itself: no change
    auto same = run_cli("coast layers/demo/coastline_2025.gpkg --old layers/demo/coastline_2025.gpkg --no-bay --quiet --work-crs EPSG:4549 --out " +
                        q(dir / "same"));
    REQUIRE(same.status == 0);
    auto js = nlohmann::json::parse(testutil::read_text(dir / "same/report.json"));
    CHECK(js["versions"]["changes"].empty());
    CHECK(js.contains("by_bay") == false);
}

// Per bay on the demo: the same rule computed with SpatiaLite (see bay_cli_test.cpp):
// mainland length within 200 m of 三门湾 80380.402 m, natural 16525.490 m; 隘顽湾 60300.947 / 37700.026 m.
TEST_CASE("coast on the demo: figures per bay", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast --quiet --work-crs EPSG:4549 --no-html --out " + q(dir / "out"));
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    REQUIRE(j["by_bay"].size() == 5);
    std::map<std::string, nlohmann::json> by;
    for (const auto& b : j["by_bay"]) by[b["bay_code"]] = b;
    CHECK(by["TZWH01"]["mainland"]["length_m"].get<double>() == Approx(80380.402).epsilon(5e-4));
    CHECK(by["TZWH01"]["mainland"]["natural_m"].get<double>() == Approx(16525.490).epsilon(5e-4));
    CHECK(by["TZWH04"]["mainland"]["length_m"].get<double>() == Approx(60300.947).epsilon(5e-4));
    CHECK(by["TZWH04"]["mainland"]["natural_m"].get<double>() == Approx(37700.026).epsilon(5e-4));
    auto csv = testutil::read_text(dir / "out/report.csv");
    CHECK(csv.find("\nbay,") != std::string::npos);
}

TEST_CASE("coast: a coastline of polygons is refused with one line naming the layer", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast layers/demo/taizhou_demo.gpkg:bay --quiet --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("taizhou_demo.gpkg:bay") != std::string::npos);
    CHECK(r.out.find("polygon") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') <= 1);
    CHECK(!std::filesystem::exists(dir / "out/report.json"));
}

// Three hand-placed segments in EPSG:4549: natural 1000 m, artificial 500 m, and 300 m typed
// '围填海' (not in the enumeration): counted as unknown (mainland 1800 m, ratio 1000 / 1800), listed in
// report.json, and still written to coast.gpkg (3 features: nothing dropped).
TEST_CASE("coast: shoreline types outside the enumeration are listed and kept", "[cli][coast]") {
    TempDir dir;
    testutil::write_vector(dir / "c.gpkg", "GPKG", "coastline", "EPSG:4549", wkbLineString,
                           {{"LINESTRING(500000 3200000,501000 3200000)", {{"code", "K1"}, {"type1", "自然"}, {"mainland", "1"}}},
                            {"LINESTRING(501000 3200000,501500 3200000)", {{"code", "K2"}, {"type1", "人工"}, {"mainland", "1"}}},
                            {"LINESTRING(501500 3200000,501800 3200000)", {{"code", "K3"}, {"type1", "围填海"}, {"mainland", "1"}}}});
    auto r = run_cli("coast " + q(dir / "c.gpkg") + " --quiet --work-crs EPSG:4549 --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    REQUIRE(j["unknown_values"].size() == 1);
    CHECK(j["unknown_values"][0].get<std::string>().find("围填海") != std::string::npos);
    CHECK(j["overall"]["mainland"]["by_type1_m"]["unknown"].get<double>() == Approx(300).epsilon(1e-12));
    CHECK(j["overall"]["mainland"]["length_m"].get<double>() == Approx(1800).epsilon(1e-12));
    CHECK(j["overall"]["natural_ratio"].get<double>() == Approx(1000.0 / 1800.0).epsilon(1e-12));
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx((dir / "out/coast.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    REQUIRE(ds);
    OGRLayerH l = GDALDatasetGetLayerByName(ds, "coastline");
    REQUIRE(l);
    CHECK(OGR_L_GetFeatureCount(l, TRUE) == 3);
    GDALClose(ds);
}

TEST_CASE("coast: a point layer or an empty layer is refused with the right advice", "[cli][coast]") {
    TempDir dir;
    auto r = run_cli("coast layers/demo/taizhou_demo.gpkg:outlet --quiet --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("taizhou_demo.gpkg:outlet' has a point feature") != std::string::npos);
    CHECK(r.out.find("convert the polygons") == std::string::npos);  // the advice for polygons, not points
    testutil::write_vector(dir / "empty.gpkg", "GPKG", "coastline", "EPSG:4490", wkbLineString, {});
    r = run_cli("coast " + q(dir / "empty.gpkg") + " --quiet --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("coastline layer '" + dir / "empty.gpkg" + "' has no features") != std::string::npos);
}
