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
