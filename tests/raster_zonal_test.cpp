// zonal: a constant raster sums to the polygon's area; partial cells, polygons partly outside
// and smaller than a cell; class areas, majority and variety; thread-count independence.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>
#include <unistd.h>

#include <filesystem>

#include "geom/geos.h"
#include "io/crs.h"
#include "raster/raster_zonal.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

namespace {

// a 10 x 8 grid of 10 m cells at (1000, 2080) in EPSG:3857 holding `values` (row-major)
std::string make_raster(const fs::path& p, const std::vector<double>& values, std::optional<double> nodata = {}) {
    Grid g;
    g.width = 10;
    g.height = 8;
    g.x0 = 1000;
    g.y0 = 2080;
    g.cw = g.ch = 10;
    auto s = io::srs_from_user("EPSG:3857", "test", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    g.crs_wkt = w;
    CPLFree(w);
    WriteOptions wo;
    wo.type = GDT_Float64;
    wo.nodata = nodata;
    RasterWriter rw(p.string(), g, wo, "test");
    rw.write({0, 0, 10, 8}, values.data());
    rw.commit();
    return p.string();
}

std::vector<ZoneStats> stats_of(const std::string& raster, const std::vector<std::string>& wkts, bool cat) {
    RasterReader r(raster, "test", "raster");
    std::vector<geom::Geom> gs;
    std::vector<CoverPolygon> ps;
    for (const auto& w : wkts) {
        gs.push_back(geom::from_wkt(w));
        ps.push_back(cover_polygon(gs.back().get()));
    }
    return zonal_stats(r, ps, cat);
}

fs::path tmpdir() {
    fs::path p = fs::temp_directory_path() / ("ecoshield_zonal_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

}  // namespace

TEST_CASE("zonal: a constant raster sums to the polygon's area", "[raster][zonal]") {
    auto dir = tmpdir();
    auto r = make_raster(dir / "one.tif", std::vector<double>(80, 1.0));
    std::vector<std::string> w = {
        "POLYGON((1003 2003, 1077 2011, 1041 2066, 1003 2003))",                                   // triangle
        "POLYGON((1012.5 2012.5, 1087.5 2012.5, 1087.5 2067.5, 1012.5 2067.5, 1012.5 2012.5))",  // square, partial cells
        "POLYGON((1051 2031, 1053 2031, 1053 2034, 1051 2034, 1051 2031))",                       // smaller than a cell
        "POLYGON((1090 2000, 1130 2000, 1130 2020, 1090 2020, 1090 2000))",                       // 3/4 outside (east)
        "POLYGON((2000 3000, 2010 3000, 2010 3010, 2000 3000))",                                  // wholly outside
    };
    auto st = stats_of(r, w, false);
    for (int i = 0; i < 3; ++i) {
        double area = geom::area(geom::from_wkt(w[i]).get());
        INFO("polygon " << i << ": area " << area << ", sum x cell area " << st[i].sum * 100);
        CHECK(st[i].sum * 100 == Approx(area).epsilon(1e-12));
        CHECK(st[i].count * 100 == Approx(area).epsilon(1e-12));
        CHECK(st[i].mean() == Approx(1.0).epsilon(1e-12));
        CHECK(st[i].stdev() == Approx(0).margin(1e-9));
    }
    CHECK(st[3].count * 100 == Approx(200.0).epsilon(1e-12));  // only x 1090..1100 is on the raster
    CHECK(st[4].count == 0);
    CHECK(std::isnan(st[4].mean()));
    fs::remove_all(dir);
}

TEST_CASE("zonal: weighted statistics, nodata and classes by hand", "[raster][zonal]") {
    auto dir = tmpdir();
    // columns 0-4 hold 2, columns 5-9 hold 4; row 0 is nodata
    std::vector<double> v(80);
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 10; ++c) v[r * 10 + c] = r == 0 ? -1 : (c < 5 ? 2 : 4);
    auto ras = make_raster(dir / "two.tif", v, -1.0);
    // a rectangle x 1045..1060 (half a cell of 2, a whole cell of 4), y 2040..2050 (row 3)
    // plus one polygon reaching into the nodata row
    auto st = stats_of(ras, {"POLYGON((1045 2040, 1060 2040, 1060 2050, 1045 2050, 1045 2040))",
                             "POLYGON((1000 2065, 1010 2065, 1010 2080, 1000 2080, 1000 2065))"},
                       true);
    CHECK(st[0].count == Approx(1.5));
    CHECK(st[0].sum == Approx(0.5 * 2 + 4));
    CHECK(st[0].mean() == Approx(5.0 / 1.5));
    // weighted deviation: mean m = 10/3; ((0.5 (2-m)^2 + 1 (4-m)^2) / 1.5)^0.5
    double m = 10.0 / 3;
    CHECK(st[0].stdev() == Approx(std::sqrt((0.5 * (2 - m) * (2 - m) + (4 - m) * (4 - m)) / 1.5)));
    CHECK(st[0].min == 2);
    CHECK(st[0].max == 4);
    CHECK(st[0].classes.at(2) == Approx(0.5));
    CHECK(st[0].classes.at(4) == Approx(1.0));
    CHECK(st[0].majority() == 4);
    CHECK(st[1].nodata == Approx(1.0));
    CHECK(st[1].count == Approx(0.5));
    fs::remove_all(dir);
}

TEST_CASE("zonal: majority ties go to the lowest class", "[raster][zonal]") {
    ZoneStats s;
    s.add(7, 0.5, true);
    s.add(3, 0.5, true);
    s.add(9, 0.25, true);
    CHECK(s.majority() == 3);
}

TEST_CASE("zonal: same results whatever the thread count", "[raster][zonal]") {
    const std::string data = ECOSHIELD_TEST_DATA "/rasters/";
    RasterReader r(data + "gorillas_vegetation_utm32n.tif", "test", "raster");
    std::vector<geom::Geom> gs;
    std::vector<CoverPolygon> ps;
    for (int i = 0; i < 200; ++i) {
        double x = 580500 + (i % 20) * 270.3, y = 674300 + (i / 20) * 430.7;
        gs.push_back(geom::buffer(geom::from_wkt("POINT(" + std::to_string(x) + " " + std::to_string(y) + ")").get(), 300));
        ps.push_back(cover_polygon(gs.back().get()));
    }
    std::vector<ZoneStats> one, many;
    {
        tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
        one = zonal_stats(r, ps, true);
    }
    many = zonal_stats(r, ps, true);
    for (size_t i = 0; i < ps.size(); ++i) {
        CHECK(one[i].sum == many[i].sum);
        CHECK(one[i].m2 == many[i].m2);
        CHECK(one[i].classes == many[i].classes);
    }
}
