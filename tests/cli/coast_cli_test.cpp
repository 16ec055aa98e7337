// End-to-end: `ecoshield coast` on the demo coastline. Independent check: the demo builder
// (layers/demo/build_demo.py, Python/OGR, planar lengths in EPSG:4549) reports a mainland shoreline
// of 522.6 km, natural + restored 51.7 %, with Jiaojiang (椒江区) and Luqiao (路桥区) below 35 %.
// The per-county ratios below were computed apart from ecoshield (ogr2ogr -t_srs EPSG:4549 to CSV,
// Euclidean lengths summed in Python): 椒江区 21.43 %, 路桥区 16.67 %, and also 玉环市 24.76 % and
// 黄岩区 0 % (a single 3 km estuary segment) below 35 %, which the demo README does not mention;
// 三门县 50.76 %, 临海市 63.16 %, 温岭市 74.47 %.
#include <catch2/catch.hpp>

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
