// Cross-check of the overlap areas against an independent method: GDAL's SQLite dialect with
// SpatiaLite's ST_Intersection/ST_Area over the sites and redlines that screen.gpkg carries (the
// same geometries, in the same working CRS), compared with report.json.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "../test_util.h"

using testutil::q;
using testutil::TempDir;

TEST_CASE("overlap areas agree with SpatiaLite on the demo data", "[cli][screen][crosscheck]") {
    TempDir t;
    auto r = testutil::run_cli("screen --quiet --no-html --out " + q(t / "o"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto rep = nlohmann::json::parse(testutil::read_text(t / "o/report.json"));
    std::map<std::string, double> ours;
    for (const auto& s : rep["sites"])
        if (s["geometry"] == "polygon") ours[s["site_id"].get<std::string>()] = s["layers"]["redline"]["overlap_m2"].get<double>();

    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open((t / "o/screen.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* res = ds->ExecuteSQL(
        "SELECT s.site_id AS site_id, SUM(ST_Area(ST_Intersection(s.geom, r.geom))) AS a FROM sites_polygon s, context_redline r "
        "WHERE ST_Intersects(s.geom, r.geom) GROUP BY s.site_id",
        nullptr, "SQLite");
    REQUIRE(res);
    std::map<std::string, double> theirs;
    for (auto& f : *res) theirs[f->GetFieldAsString("site_id")] = f->GetFieldAsDouble("a");
    ds->ReleaseResultSet(res);
    REQUIRE(theirs.size() >= 8);
    for (const auto& [id, a] : ours) {
        INFO("site " << id);
        double want = theirs.count(id) ? theirs[id] : 0.0;
        CHECK(a == Approx(want).epsilon(1e-6).margin(1e-6));
    }
    for (const auto& [id, a] : theirs) CHECK(ours.count(id) == 1);
}
