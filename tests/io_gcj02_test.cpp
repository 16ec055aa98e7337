#include <catch2/catch.hpp>

#include <cmath>

#include "io/gcj02.h"

using namespace eco;

TEST_CASE("GCJ-02 inverse undoes the forward offset to 1e-9 degrees", "[io][gcj02]") {
    for (double lon : {120.1, 121.4, 116.39}) {
        for (double lat : {28.1, 29.0, 39.9}) {
            double glon, glat, wlon, wlat;
            io::wgs84_to_gcj02(lon, lat, glon, glat);
            io::gcj02_to_wgs84(glon, glat, wlon, wlat);
            CHECK(std::fabs(wlon - lon) < 1e-9);
            CHECK(std::fabs(wlat - lat) < 1e-9);
        }
    }
}

TEST_CASE("GCJ-02 offset near Taizhou is a few hundred metres; none outside China", "[io][gcj02]") {
    double glon, glat;
    io::wgs84_to_gcj02(121.42, 28.66, glon, glat);
    // metres: 1 degree of latitude ~ 110.9 km, of longitude ~ 97.4 km at 28.66N
    double dx = (glon - 121.42) * 97400.0, dy = (glat - 28.66) * 110900.0;
    double d = std::hypot(dx, dy);
    CHECK(d > 300.0);
    CHECK(d < 800.0);
    io::wgs84_to_gcj02(2.35, 48.85, glon, glat);  // Paris
    CHECK(glon == 2.35);
    CHECK(glat == 48.85);
}

#include "io/vector_read.h"

TEST_CASE("the GCJ-02 county file converted by --from-gcj02 lands on the WGS84 one", "[io][gcj02][real]") {
    // tests/data/taizhou: the same 9 counties as shipped by echarts (GCJ-02) and shifted to WGS84
    // by the data's provider with another implementation; ours must put them within a few metres
    auto work = io::srs_from_user("EPSG:4549", "t", "CRS");
    io::ReadOptions o;
    o.work_crs = work.get();
    auto src = io::parse_source(std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_gcj02.geojson");
    auto raw = io::read_vector(src, "admin", o);
    src.from_gcj02 = true;
    auto conv = io::read_vector(src, "admin", o);
    auto ref = io::read_vector(io::parse_source(std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson"), "admin", o);
    REQUIRE(conv.features.size() == ref.features.size());
    for (size_t i = 0; i < ref.features.size(); ++i) {
        auto centroid = [](const geom::Geom& g) {
            geom::Geom c = geom::own(GEOSGetCentroid_r(geom::ctx(), g.get()), "centroid");
            double x, y;
            GEOSGeomGetX_r(geom::ctx(), c.get(), &x);
            GEOSGeomGetY_r(geom::ctx(), c.get(), &y);
            return std::pair<double, double>(x, y);
        };
        auto [cx, cy] = centroid(conv.features[i].geom);
        auto [rx, ry] = centroid(ref.features[i].geom);
        auto [ux, uy] = centroid(raw.features[i].geom);
        INFO("county " << i);
        CHECK(std::hypot(cx - rx, cy - ry) < 5.0);      // converted: within 5 m of the reference
        CHECK(std::hypot(ux - rx, uy - ry) > 300.0);    // unconverted: the GCJ-02 offset of several hundred metres
    }
}
