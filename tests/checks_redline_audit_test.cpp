// redline audit on hand-placed patches in EPSG:4549 (metres, x0 = 500000 is the central meridian,
// where the Gauss-Kruger scale factor is 1, so ellipsoidal areas equal planar ones to about 1e-6).
// Expected figures worked out by hand:
//   A1 C1 water_conservation [0,1000]x[0,1000]          1 000 000 m2, MJ 100
//   B1 C1 water_conservation [900,1900]x[0,1000]        1 000 000 m2, MJ 100: overlaps A1 by
//                                                        [900,1000]x[0,1000] = 100 000 m2
//   C1 C1 soil_conservation  [1900.5,2900]x[0,1000]       999 500 m2, MJ 99.95: a 0.5 m gap to B1,
//                                                        0.5 x 1000 = 500 m2, mean width 2A/P = 1000/2001
//   D1 C1 soil_conservation  [0,1000]x[2000,2000.3]           300 m2, MJ 0.03: a sliver, width 600/2000.6
//   E1 C2 biodiversity       [3000,4000]x[0,1000]        1 000 000 m2, MJ 110: area field +10 %
//   A1 C2 biodiversity       [5000,5100]x[0,100]            10 000 m2, MJ 1: duplicate code
//   G1 C2 biodiversity       bow-tie (6000 0, 6200 0, 6000 200, 6200 200): self-intersection at
//                            (6100, 100); repaired: two triangles of 10 000 m2, MJ 2
//   H1 C2 biodiversity       [6900,7100]x[0,100]            20 000 m2, MJ 2: [7000,7100]x[0,100] =
//                                                        10 000 m2 outside the admin [-100,7000]x[-100,3000]
//   S1 C2 biodiversity, sea  [7200,7300]x[0,100]            10 000 m2, MJ 1: outside, exempt (sea)
#include <catch2/catch.hpp>

#include "catalog/layers_check.h"
#include "checks/redline_audit.h"
#include "core/error.h"
#include "report/audit_report.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

const double X0 = 500000, Y0 = 3200000;

std::string pt(double x, double y) {
    char b[80];
    std::snprintf(b, sizeof b, "%.3f %.3f", X0 + x, Y0 + y);
    return b;
}

std::string rect(double x0, double y0, double x1, double y1) {
    return "POLYGON((" + pt(x0, y0) + "," + pt(x1, y0) + "," + pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "))";
}

Feat patch(const std::string& wkt, const std::string& code, const std::string& county, const std::string& type, const std::string& mj,
           const std::string& domain = "陆域") {
    return {wkt, {{"HXBH", code}, {"HXMC", "patch " + code}, {"HXLX", type}, {"LHY", domain}, {"XZQMC", county}, {"MJ", mj}}};
}

struct Fixture {
    testutil::TempDir dir;
    io::LayerSource red, adm;
    Fixture() {
        const std::string bowtie = "POLYGON((" + pt(6000, 0) + "," + pt(6200, 0) + "," + pt(6000, 200) + "," + pt(6200, 200) + "," +
                                   pt(6000, 0) + "))";
        testutil::write_vector(dir / "red.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                               {patch(rect(0, 0, 1000, 1000), "A1", "C1", "水源涵养", "100"),
                                patch(rect(900, 0, 1900, 1000), "B1", "C1", "水源涵养", "100"),
                                patch(rect(1900.5, 0, 2900, 1000), "C1", "C1", "水土保持", "99.95"),
                                patch(rect(0, 2000, 1000, 2000.3), "D1", "C1", "水土保持", "0.03"),
                                patch(rect(3000, 0, 4000, 1000), "E1", "C2", "生物多样性维护", "110"),
                                patch(rect(5000, 0, 5100, 100), "A1", "C2", "生物多样性维护", "1"),
                                patch(bowtie, "G1", "C2", "生物多样性维护", "2"),
                                patch(rect(6900, 0, 7100, 100), "H1", "C2", "生物多样性维护", "2"),
                                patch(rect(7200, 0, 7300, 100), "S1", "C2", "生物多样性维护", "1", "海域")});
        testutil::write_vector(dir / "adm.gpkg", "GPKG", "admin", "EPSG:4549", wkbPolygon,
                               {{rect(-100, -100, 7000, 3000), {{"code", "330000"}, {"name", "T"}}}});
        red = io::parse_source(dir / "red.gpkg");
        adm = io::parse_source(dir / "adm.gpkg");
    }
};

nlohmann::json P(nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json p = {{"work-crs", "EPSG:4549"}};
    for (auto& [k, v] : extra.items()) p[k] = v;
    return p;
}

std::vector<const checks::AuditFault*> of_kind(const checks::RedlineAuditResult& r, const std::string& k) {
    std::vector<const checks::AuditFault*> out;
    for (const auto& f : r.faults)
        if (f.kind == k) out.push_back(&f);
    return out;
}

}  // namespace

TEST_CASE("redline audit: each planted fault found once, with its hand-worked figures", "[checks][redline_audit]") {
    Fixture fx;
    auto r = checks::run_redline_audit(fx.red, fx.adm, P());
    for (const auto& f : r->faults) INFO(f.kind << " " << f.code << ": " << f.message);
    REQUIRE(r->faults.size() == 7);
    CHECK_FALSE(r->fit());
    CHECK(r->blocking_faults() == 7);

    auto inv = of_kind(*r, "invalid_geometry");
    REQUIRE(inv.size() == 1);
    CHECK(inv[0]->code == "G1");
    CHECK(inv[0]->message.find("Self-intersection") != std::string::npos);
    CHECK(inv[0]->x == Approx(X0 + 6100).margin(1e-3));
    CHECK(inv[0]->y == Approx(Y0 + 100).margin(1e-3));

    auto dup = of_kind(*r, "duplicate_code");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0]->code == "A1");
    CHECK(dup[0]->fid == 6);   // the second A1
    CHECK(dup[0]->fid2 == 1);  // the first one

    auto area = of_kind(*r, "area_field");
    REQUIRE(area.size() == 1);
    CHECK(area[0]->code == "E1");
    CHECK(area[0]->detail["relative_difference_planar"].get<double>() == Approx(0.10).margin(1e-9));
    CHECK(area[0]->detail["relative_difference_ellipsoidal"].get<double>() == Approx(0.10).margin(1e-5));

    auto ov = of_kind(*r, "overlap");
    REQUIRE(ov.size() == 1);
    CHECK(ov[0]->code == "A1");
    CHECK(ov[0]->code2 == "B1");
    CHECK(ov[0]->area == Approx(100000).epsilon(1e-9));
    CHECK(ov[0]->area_ell == Approx(100000).epsilon(1e-5));
    CHECK(ov[0]->width == Approx(2 * 100000.0 / 2200.0).epsilon(1e-9));

    auto gap = of_kind(*r, "gap");
    REQUIRE(gap.size() == 1);
    CHECK(gap[0]->codes == std::vector<std::string>{"B1", "C1"});
    CHECK(gap[0]->area == Approx(500).epsilon(1e-6));
    CHECK(gap[0]->width == Approx(1000.0 / 2001.0).epsilon(1e-6));
    CHECK(of_kind(*r, "notch").empty());

    auto sl = of_kind(*r, "sliver");
    REQUIRE(sl.size() == 1);
    CHECK(sl[0]->code == "D1");
    CHECK(sl[0]->area == Approx(300).epsilon(1e-6));
    CHECK(sl[0]->width == Approx(600.0 / 2000.6).epsilon(1e-6));

    auto out = of_kind(*r, "outside_admin");
    REQUIRE(out.size() == 1);  // S1 is at sea: exempt with admin-check = land
    CHECK(out[0]->code == "H1");
    CHECK(out[0]->area == Approx(10000).epsilon(1e-9));
    CHECK(out[0]->detail["patch_share"].get<double>() == Approx(0.5).epsilon(1e-9));

    // totals: C1 = A1 + B1 + C1 + D1, the overlap counted twice in area and once in net area
    const auto& c1 = r->by_county.at("C1");
    CHECK(c1.patches == 4);
    CHECK(c1.area == Approx(2999800).epsilon(1e-9));
    CHECK(c1.net_area == Approx(2899800).epsilon(1e-9));
    CHECK(c1.declared_ha == Approx(299.98).epsilon(1e-12));
    const auto& c2 = r->by_county.at("C2");
    CHECK(c2.patches == 5);
    CHECK(c2.area == Approx(1060000).epsilon(1e-9));
    CHECK(c2.outside == Approx(10000).epsilon(1e-9));
    CHECK(r->by_type.at("biodiversity").patches == 5);
    CHECK(r->by_type.at("water_conservation").area == Approx(2000000).epsilon(1e-9));
    CHECK(r->overall.area == Approx(2999800 + 1060000).epsilon(1e-9));
    CHECK(r->overall.area_ell == Approx(4059800).epsilon(1e-5));
    CHECK(r->overall.faults == 7);
}

TEST_CASE("redline audit: tolerances and policies are parameters", "[checks][redline_audit]") {
    Fixture fx;
    SECTION("a gap wider than gap-width, a sliver wider than sliver-width") {
        auto r = checks::run_redline_audit(fx.red, fx.adm, P({{"gap-width", "0.4"}, {"sliver-width", "0.2"}}));
        CHECK(of_kind(*r, "gap").empty());
        CHECK(of_kind(*r, "sliver").empty());
        CHECK(r->faults.size() == 5);
    }
    SECTION("area tolerance and basis") {
        auto r = checks::run_redline_audit(fx.red, fx.adm, P({{"area-tolerance", "10.5"}}));
        CHECK(of_kind(*r, "area_field").empty());
        r = checks::run_redline_audit(fx.red, fx.adm, P({{"area-basis", "planar"}}));
        REQUIRE(of_kind(*r, "area_field").size() == 1);
        r = checks::run_redline_audit(fx.red, fx.adm, P({{"area-basis", "either"}}));
        CHECK(of_kind(*r, "area_field").size() == 1);
    }
    SECTION("admin check of every patch, or none") {
        auto r = checks::run_redline_audit(fx.red, fx.adm, P({{"admin-check", "all"}}));
        auto out = of_kind(*r, "outside_admin");
        REQUIRE(out.size() == 2);
        CHECK(out[1]->code == "S1");
        CHECK(out[1]->area == Approx(10000).epsilon(1e-9));
        r = checks::run_redline_audit(fx.red, fx.adm, P({{"admin-check", "none"}}));
        CHECK(of_kind(*r, "outside_admin").empty());
        r = checks::run_redline_audit(fx.red, std::nullopt, P());
        CHECK(of_kind(*r, "outside_admin").empty());
    }
    SECTION("min-area: smaller pieces are noise, counted") {
        auto r = checks::run_redline_audit(fx.red, fx.adm, P({{"min-area", "200000"}}));
        CHECK(of_kind(*r, "overlap").empty());
        CHECK(r->noise_pieces.at("overlap") == 1);
        CHECK(of_kind(*r, "gap").empty());
    }
    SECTION("blocking kinds") {
        auto r = checks::run_redline_audit(fx.red, fx.adm, P({{"blocking", "overlap,gap"}}));
        CHECK(r->faults.size() == 7);
        CHECK(r->blocking_faults() == 2);
        CHECK_FALSE(r->fit());
        r = checks::run_redline_audit(fx.red, fx.adm, P({{"blocking", "none"}}));
        CHECK(r->fit());
        CHECK_THROWS_AS(checks::run_redline_audit(fx.red, fx.adm, P({{"blocking", "overlap,typo"}})), BadInput);
        CHECK_THROWS_AS(checks::run_redline_audit(fx.red, fx.adm, P({{"area-basis", "geodesic"}})), BadInput);
        CHECK_THROWS_AS(checks::run_redline_audit(fx.red, fx.adm, P({{"gap-width", "-1"}})), BadInput);
    }
}

TEST_CASE("redline audit: a clean mosaic is fit to submit", "[checks][redline_audit]") {
    testutil::TempDir dir;
    testutil::write_vector(dir / "ok.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                           {patch(rect(0, 0, 1000, 1000), "A1", "C1", "水源涵养", "100"),
                            patch(rect(1000, 0, 2000, 1000), "B1", "C1", "水源涵养", "100")});
    auto r = checks::run_redline_audit(io::parse_source(dir / "ok.gpkg"), std::nullopt, P());
    for (const auto& f : r->faults) INFO(f.kind << " " << f.message);
    CHECK(r->faults.empty());
    CHECK(r->fit());
    CHECK(r->overall.net_area == Approx(2000000).epsilon(1e-12));
}

TEST_CASE("redline audit: narrow gaps of a union, slivers, fault locations", "[checks][redline_audit]") {
    // a 100 m square with two holes: a 0.6 m x 80 m slot (48 m2) and a 10 m x 10 m enclave
    auto g = geom::from_wkt("POLYGON((0 0,100 0,100 100,0 100,0 0),(10 50,90 50,90 50.6,10 50.6,10 50),(10 10,20 10,20 20,10 20,10 10))");
    auto gaps = checks::narrow_gaps(g.get(), 1.0);
    CHECK(geom::area(gaps.get()) == Approx(48).epsilon(1e-9));
    CHECK(geom::area(checks::narrow_gaps(g.get(), 0.5).get()) == Approx(0).margin(1e-9));
    // the enclave is 10 m wide: a gap only for a width above 10 m (then the slot too): 48 + 100
    CHECK(geom::area(checks::narrow_gaps(g.get(), 10.5).get()) == Approx(148).epsilon(1e-9));

    CHECK(checks::is_sliver(geom::from_wkt("POLYGON((0 0,100 0,100 0.9,0 0.9,0 0))").get(), 1.0));
    CHECK_FALSE(checks::is_sliver(geom::from_wkt("POLYGON((0 0,100 0,100 1.1,0 1.1,0 0))").get(), 1.0));
    // a thin tail does not make a sliver of a wide patch
    CHECK_FALSE(checks::is_sliver(geom::from_wkt("POLYGON((0 0,10 0,10 10,100 10,100 10.2,0 10.2,0 0))").get(), 1.0));

    auto loc = checks::reason_location("Self-intersection at (588300.000 3160900.000)");
    REQUIRE(loc);
    CHECK(loc->first == 588300.0);
    CHECK(loc->second == 3160900.0);
    CHECK_FALSE(checks::reason_location("no geometry"));
}

TEST_CASE("redline audit: a rejected patch is named by its code; the catalog checks run on the layer as read", "[checks][redline_audit]") {
    // R9 has no geometry: the reader rejects it, keeping its attributes; its fault row names R9.
    // A1 twice: the duplicate comes from the catalog check (catalog::check_features) on the same
    // layer, which must agree with `layers check` reading the file itself.
    testutil::TempDir dir;
    testutil::write_vector(dir / "rej.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                           {patch(rect(0, 0, 1000, 1000), "A1", "C1", "水源涵养", "100"),
                            patch("", "R9", "C1", "水源涵养", "5"),
                            patch(rect(2000, 0, 3000, 1000), "A1", "C1", "水源涵养", "100")});
    auto r = checks::run_redline_audit(io::parse_source(dir / "rej.gpkg"), std::nullopt, P());
    for (const auto& f : r->faults) INFO(f.kind << " " << f.code << ": " << f.message);
    auto rej = of_kind(*r, "rejected");
    REQUIRE(rej.size() == 1);
    CHECK(rej[0]->fid == 2);
    CHECK(rej[0]->code == "R9");
    CHECK(rej[0]->message.find("no geometry") != std::string::npos);
    const std::string csv = report::redline_audit_csv(*r);
    INFO(csv);
    CHECK(csv.find("\n1,rejected,1,R9,2,") != std::string::npos);
    auto dup = of_kind(*r, "duplicate_code");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0]->fid == 3);
    CHECK(dup[0]->fid2 == 1);

    catalog::CheckOptions co;
    co.work_crs = "EPSG:4549";
    co.area_tolerance_rel = 0.01;
    auto lc = catalog::check_layer(io::parse_source(dir / "rej.gpkg"), "redline", co);
    REQUIRE(r->check.problems.size() == lc.problems.size());
    for (size_t i = 0; i < lc.problems.size(); ++i) {
        INFO(i << ": " << catalog::format_problem(lc.problems[i]));
        CHECK(catalog::format_problem(r->check.problems[i]) == catalog::format_problem(lc.problems[i]));
    }
    CHECK(r->check.input.path.empty());  // the audit records its files itself, each once
    REQUIRE(r->inputs.size() == 1);
    CHECK(r->inputs[0].path == dir / "rej.gpkg");
}
