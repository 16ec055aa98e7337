// tabulate on hand-placed rectangles in EPSG:4549 (metres, near the central meridian, where the
// planar area is within 1e-5 of the ellipsoidal one). Every expected area is worked out below.
//
//   A1 x  [0,100]x[0,100]      10000      B1 P  [0,150]x[0,200]   30000
//   A2 y  [100,300]x[0,100]    20000      B2 Q  [150,280]x[0,50]   6500
//   A3 y  [250,350]x[0,100]    10000 (overlaps A2 on [250,300]: 5000, counted for A2)
//
//   cells: x|P 10000; y|P 5000 ([100,150]x[0,100]); y|Q 6500 (B2 inside A2);
//          y|(outside B) 8500 (A2 rest) + 5000 (A3 beyond 300) = 13500; (outside A)|P 30000-15000 = 15000
//   rows: x 10000, y 25000 (+ self-overlap 5000 = 40000 = sum of A's features)
//   columns: P 30000, Q 6500, (outside B) 13500; grand total 50000 = area of A ∪ B
#include <catch2/catch.hpp>

#include "checks/tabulate.h"
#include "core/error.h"
#include "io/crs.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

const double X0 = 500000, Y0 = 3200000;

std::string rect(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(X0 + x) + " " + std::to_string(Y0 + y); };
    return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}

struct Fixture {
    testutil::TempDir dir;
    checks::TabulateInput in;
    Fixture() {
        testutil::write_vector(dir / "a.gpkg", "GPKG", "a", "EPSG:4549", wkbPolygon,
                               {{rect(0, 0, 100, 100), {{"t", "x"}}}, {rect(100, 0, 300, 100), {{"t", "y"}}},
                                {rect(250, 0, 350, 100), {{"t", "y"}}}});
        testutil::write_vector(dir / "b.gpkg", "GPKG", "b", "EPSG:4549", wkbPolygon,
                               {{rect(0, 0, 150, 200), {{"c", "P"}}}, {rect(150, 0, 280, 50), {{"c", "Q"}}}});
        in.a = io::parse_source(dir / "a.gpkg");
        in.b = io::parse_source(dir / "b.gpkg");
    }
    std::unique_ptr<checks::TabulateResult> run(nlohmann::json p = {{"by-a", "t"}, {"by-b", "c"}, {"work-crs", "EPSG:4549"}}) {
        return checks::run_tabulate(in, p);
    }
};

double cell(const checks::TabulateResult& r, const std::string& a, const std::string& b, bool ell = false) {
    auto it = r.cells.find({a, b});
    if (it == r.cells.end()) return 0;
    return ell ? it->second.area_ell : it->second.area;
}

}  // namespace

TEST_CASE("tabulate: hand-worked rectangles, a piece outside B, a self-overlap", "[checks][tabulate]") {
    Fixture f;
    auto r = f.run();
    const auto& R = *r;
    INFO("rows " << R.rows.size() << " cols " << R.cols.size());
    CHECK(R.rows == std::vector<std::string>{"x", "y", checks::kOutsideA});
    CHECK(R.cols == std::vector<std::string>{"P", "Q", checks::kOutsideB});
    CHECK(cell(R, "x", "P") == Approx(10000).epsilon(1e-12));
    CHECK(cell(R, "x", checks::kOutsideB) == 0);
    CHECK(cell(R, "y", "P") == Approx(5000).epsilon(1e-12));
    CHECK(cell(R, "y", "Q") == Approx(6500).epsilon(1e-12));
    CHECK(cell(R, "y", checks::kOutsideB) == Approx(13500).epsilon(1e-12));
    CHECK(cell(R, checks::kOutsideA, "P") == Approx(15000).epsilon(1e-12));
    CHECK(cell(R, checks::kOutsideA, "Q") == 0);
    CHECK(R.row_total.at("x").area == Approx(10000).epsilon(1e-12));
    CHECK(R.row_total.at("y").area == Approx(25000).epsilon(1e-12));
    CHECK(R.col_total.at("P").area == Approx(30000).epsilon(1e-12));
    CHECK(R.col_total.at("Q").area == Approx(6500).epsilon(1e-12));
    CHECK(R.grand.area == Approx(50000).epsilon(1e-12));
    // reconciliation
    CHECK(R.A.sum_area == Approx(40000).epsilon(1e-12));
    CHECK(R.A.self_overlap == Approx(5000).epsilon(1e-12));
    CHECK(R.A.table_total == Approx(35000).epsilon(1e-12));
    CHECK(R.B.sum_area == Approx(36500).epsilon(1e-12));
    CHECK(R.B.self_overlap == 0);
    CHECK(R.A.rel_error <= 1e-9);
    CHECK(R.B.rel_error <= 1e-9);
    CHECK(R.A.rel_error_ell <= 1e-9);
    CHECK(R.B.rel_error_ell <= 1e-9);
    CHECK(R.reconciled);
    // ellipsoidal: on the central meridian the two agree to 1e-5
    CHECK(cell(R, "y", "Q", true) == Approx(6500).epsilon(1e-4));
    CHECK(R.grand.area_ell == Approx(50000).epsilon(1e-4));
    // the self-overlap was taken from A3 (read after A2)
    CHECK(R.A.flat[2].overlap_area == Approx(5000).epsilon(1e-12));
    CHECK(R.A.flat[2].overlaps_with == std::vector<size_t>{1});
    CHECK(R.A.flat[1].overlap_area == 0);
}

TEST_CASE("tabulate: swapping A and B transposes the table", "[checks][tabulate]") {
    Fixture f;
    std::swap(f.in.a, f.in.b);
    auto r = f.run({{"by-a", "c"}, {"by-b", "t"}, {"work-crs", "EPSG:4549"}});
    CHECK(cell(*r, "P", "y") == Approx(5000).epsilon(1e-12));
    CHECK(cell(*r, "Q", "y") == Approx(6500).epsilon(1e-12));
    CHECK(cell(*r, "P", checks::kOutsideB) == Approx(15000).epsilon(1e-12));
    CHECK(cell(*r, checks::kOutsideA, "y") == Approx(13500).epsilon(1e-12));
    CHECK(r->B.self_overlap == Approx(5000).epsilon(1e-12));
    CHECK(r->reconciled);
}

TEST_CASE("tabulate: a wrong field name lists the fields", "[checks][tabulate]") {
    Fixture f;
    REQUIRE_THROWS_AS(f.run({{"by-a", "nope"}, {"by-b", "c"}, {"work-crs", "EPSG:4549"}}), BadInput);
    try {
        f.run({{"by-a", "nope"}, {"by-b", "c"}, {"work-crs", "EPSG:4549"}});
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("tabulate: layer A", 0) == 0);
        CHECK(m.find("its fields are: t") != std::string::npos);
    }
}

TEST_CASE("tabulate: catalog kind gives canonical field names and values", "[checks][tabulate]") {
    testutil::TempDir dir;
    testutil::write_vector(dir / "r.gpkg", "GPKG", "r", "EPSG:4549", wkbPolygon,
                           {{rect(0, 0, 100, 100), {{"HXBH", "R1"}, {"HXLX", "水源涵养"}}},
                            {rect(100, 0, 200, 100), {{"HXBH", "R2"}, {"HXLX", "生物多样性维护"}}}});
    testutil::write_vector(dir / "b.gpkg", "GPKG", "b", "EPSG:4549", wkbPolygon, {{rect(0, 0, 150, 100), {{"c", "P"}}}});
    checks::TabulateInput in;
    in.a = io::parse_source(dir / "r.gpkg");
    in.b = io::parse_source(dir / "b.gpkg");
    auto r = checks::run_tabulate(in, {{"kind-a", "redline"}, {"by-a", "function_type"}, {"by-b", "c"}, {"work-crs", "EPSG:4549"}});
    CHECK(r->A.field_used == "HXLX");
    CHECK(cell(*r, "water_conservation", "P") == Approx(10000).epsilon(1e-12));
    CHECK(cell(*r, "biodiversity", "P") == Approx(5000).epsilon(1e-12));
    CHECK(cell(*r, "biodiversity", checks::kOutsideB) == Approx(5000).epsilon(1e-12));
    // a canonical name the kind does not have: the kind's fields are listed
    try {
        checks::run_tabulate(in, {{"kind-a", "redline"}, {"by-a", "colour"}, {"by-b", "c"}, {"work-crs", "EPSG:4549"}});
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.find("function_type") != std::string::npos);
    }
}

// vector::FlatIndex::cut, the overlay under tabulate and redline diff's counties. Units (EPSG:4549,
// metres): U0 [0,60]x[0,100] (6000), U1 [60,200]x[0,40] (5600).
//   g  [0,100]x[0,100]: U0 6000, U1 [60,100]x[0,40] 1600, outside [60,100]x[40,100] 2400
//   g2 [10,20]x[10,20] lies in U0: one part, g2 as given (its areas passed through, no overlay)
//   g3 [-10,300]x[-10,110] holds both units whole: U0 6000, U1 5600 (their own areas), outside
//      310 x 120 - 11600 = 25600
// Ellipsoidal: every part but the largest measured one is measured; that one is g's minus the
// others, so the parts sum to g's ellipsoidal area exactly and each agrees with a direct
// measurement within 1e-9.
TEST_CASE("tabulate: FlatIndex::cut splits by the units, passes covered and covering ones through", "[checks][tabulate]") {
    auto srs = io::srs_from_user("EPSG:4549", "t", "CRS");
    vector::Ellipsoidal ell(*srs);
    auto u0 = geom::from_wkt(rect(0, 0, 60, 100)), u1 = geom::from_wkt(rect(60, 0, 200, 40));
    auto flat = vector::flatten({u0.get(), u1.get()}, ell);
    vector::FlatIndex index(flat);
    struct Want {
        size_t j;
        double area;
    };
    auto check = [&](const std::string& wkt, const std::vector<Want>& want) {
        auto g = geom::from_wkt(wkt);
        const double a = geom::area(g.get()), ae = ell.area(g.get());
        auto parts = index.cut(g.get(), a, ae, ell);
        REQUIRE(parts.size() == want.size());
        double sum_ell = 0;
        for (size_t k = 0; k < want.size(); ++k) {
            INFO("part " << k);
            CHECK(parts[k].j == want[k].j);
            CHECK(parts[k].area == Approx(want[k].area).epsilon(1e-9));
            CHECK(geom::area(parts[k].geom.get()) == Approx(want[k].area).epsilon(1e-9));
            CHECK(parts[k].area_ell == Approx(ell.area(parts[k].geom.get())).epsilon(1e-9));
            sum_ell += parts[k].area_ell;
        }
        CHECK(sum_ell == Approx(ae).epsilon(1e-14));
        return parts;
    };
    check(rect(0, 0, 100, 100), {{0, 6000}, {1, 1600}, {vector::kNone, 2400}});
    auto whole = check(rect(10, 10, 20, 20), {{0, 100}});
    auto g2 = geom::from_wkt(rect(10, 10, 20, 20));
    CHECK(GEOSEqualsExact_r(geom::ctx(), whole[0].geom.get(), g2.get(), 0.0) == 1);
    auto inside = check(rect(-10, -10, 300, 110), {{0, 6000}, {1, 5600}, {vector::kNone, 25600}});
    CHECK(inside[0].area_ell == flat[0].area_ell);  // a unit inside g keeps its own areas
    CHECK(inside[1].area_ell == flat[1].area_ell);
    // outside every unit: no part but the rest, g itself
    check(rect(1000, 1000, 1010, 1010), {{vector::kNone, 100}});
    // across the two units and inside their union: two parts, nothing outside (not even a float
    // sliver of the overlay): [50,70]x[10,30] = U0 [50,60] 200 + U1 [60,70] 200
    check(rect(50, 10, 70, 30), {{0, 200}, {1, 200}});
    // a part outside of 6.25 cm x 10 m = 0.625 m2 is a part: [50,70]x[30,40] over the units, [60,70]x[40,40.0625] above U1
    check("POLYGON((" + std::to_string(X0 + 50) + " " + std::to_string(Y0 + 30) + "," + std::to_string(X0 + 70) + " " + std::to_string(Y0 + 30) + "," +
              std::to_string(X0 + 70) + " " + std::to_string(Y0 + 40.0625) + "," + std::to_string(X0 + 60) + " " + std::to_string(Y0 + 40.0625) + "," +
              std::to_string(X0 + 60) + " " + std::to_string(Y0 + 40) + "," + std::to_string(X0 + 50) + " " + std::to_string(Y0 + 40) + "," +
              std::to_string(X0 + 50) + " " + std::to_string(Y0 + 30) + "))",
          {{0, 100}, {1, 100}, {vector::kNone, 0.625}});
}
